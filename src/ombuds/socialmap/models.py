"""The social map (sociale kaart): organisations residents deal with or can be referred to."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    MUNICIPAL_TEAM = "gemeentelijk_team", _("Gemeentelijk team")
    CARE_PROVIDER = "zorgaanbieder", _("Zorgaanbieder")
    CLIENT_SUPPORT = "clientondersteuning", _("Cliëntondersteuning")
    CONFIDANT = "vertrouwenspersoon", _("Vertrouwenspersoon")
    HOUSING = "woningcorporatie", _("Woningcorporatie")
    SCHOOL = "school", _("School of onderwijs")
    OBJECTION_COMMITTEE = "bezwaarcommissie", _("Bezwaarschriftencommissie")
    OMBUDSMAN = "ombudsman", _("Ombudsman")
    COURT = "rechtspraak", _("Rechtspraak")
    OTHER = "overig", _("Overige organisatie")


class Route(models.TextChoices):
    """The routes of the note's landscape (DOMAIN.md §3) a resident can be referred to."""

    CLIENT_SUPPORT = "clientondersteuning", _("Onafhankelijke cliëntondersteuning (MEE)")
    AREA_TEAM = "gebiedsteam", _("Consulent gebiedsteam")
    YOUTH_CONFIDANT = "vertrouwenspersoon_jeugd", _("Vertrouwenspersoon jeugdhulp (Jeugdwet 2.6)")
    CONTACT_CENTRE = "kcc", _("Klantcontactcentrum (KCC)")
    INTERNAL_COMPLAINT = "interne_klacht", _("Interne klachtenprocedure (Awb hoofdstuk 9)")
    OBJECTION = "bezwaar", _("Bezwaarprocedure (Awb 6:4)")
    COURT = "rechter", _("Beroep bij de rechter (Awb 8:1)")
    NATIONAL_OMBUDSMAN = "nationale_ombudsman", _("Nationale ombudsman (Awb 9:18)")
    LOCAL_OMBUDSMAN = "gemeentelijke_ombudsman", _("Gemeentelijke ombudsman (Gemeentewet 81p)")
    PROVIDER_COMPLAINT = "klacht_aanbieder", _("Klachtenregeling van de aanbieder")
    OTHER_HELP = "andere_hulp", _("Andere hulp")


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    type = models.CharField(_("soort"), max_length=30, choices=OrganisationType.choices)
    description = models.TextField(_("omschrijving"), blank=True)
    routes = models.JSONField(
        _("routes"), default=list, blank=True,
        help_text=_("De routes waarvoor inwoners naar deze organisatie kunnen."),
    )
    municipalities = models.ManyToManyField(
        "core.Municipality", related_name="organisations", verbose_name=_("gemeenten")
    )
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.TextField(_("adres"), blank=True)
    public = models.BooleanField(
        _("tonen op publieke sociale kaart"), default=True,
        help_text=_("Zichtbaar voor inwoners op de publieke pagina's."),
    )
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def route_labels(self) -> list[str]:
        labels = dict(Route.choices)
        return [str(labels.get(r, r)) for r in self.routes]
