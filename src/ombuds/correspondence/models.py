"""Letter templates per municipality and the letters sent (e-mail goes through core.OutboxMessage)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterKind(models.TextChoices):
    ACKNOWLEDGEMENT = "ontvangstbevestiging", _("Ontvangstbevestiging")
    INVITATION = "uitnodiging", _("Uitnodiging voor een gesprek")
    MEETING_REPORT = "verslag", _("Verslag van een gesprek met de afspraken")
    REFERRAL = "verwijzing", _("Verwijsbrief")
    PARTY_LETTER = "brief_partij", _("Brief aan een partij")
    CLOSING = "afsluiting", _("Afsluitbrief")


class LetterTemplate(models.Model):
    """A municipality's own wording of a letter; without one the shipped default is used."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE,
                                     related_name="letter_templates")
    kind = models.CharField(_("soort"), max_length=30, choices=LetterKind.choices)
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"), help_text=_("Gebruik de velden tussen {{ en }} uit de lijst."))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("briefsjabloon")
        verbose_name_plural = _("briefsjablonen")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "kind"], name="letter_template_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.municipality}"


class Letter(models.Model):
    """A letter as sent: its text, its PDF (an attachment of a timeline entry), its channel."""

    class Channel(models.TextChoices):
        POST = "post", _("Per post (PDF)")
        EMAIL = "email", _("Per e-mail")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(_("soort"), max_length=30, choices=LetterKind.choices)
    recipient = models.CharField(_("aan"), max_length=200)
    party = models.ForeignKey("cases.CaseOrganisation", on_delete=models.PROTECT, null=True,
                              blank=True, related_name="+")
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    channel = models.CharField(_("verzending"), max_length=10, choices=Channel.choices)
    entry = models.OneToOneField("cases.TimelineEntry", on_delete=models.PROTECT,
                                 related_name="letter")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("brief")
        verbose_name_plural = _("brieven")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_id}"
