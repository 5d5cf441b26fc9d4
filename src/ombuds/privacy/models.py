"""A request of a data subject under the AVG, with its statutory term and the decision."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AvgRequestKind(models.TextChoices):
    ACCESS = "inzage", _("Inzage (AVG art. 15)")
    RECTIFICATION = "rectificatie", _("Rectificatie (AVG art. 16)")
    ERASURE = "wissing", _("Wissing (AVG art. 17)")
    RESTRICTION = "beperking", _("Beperking van de verwerking (AVG art. 18)")
    OBJECTION = "bezwaar", _("Bezwaar tegen de verwerking (AVG art. 21)")


class AvgRequestStatus(models.TextChoices):
    OPEN = "open", _("In behandeling")
    DONE = "afgehandeld", _("Afgehandeld")


class AvgDecision(models.TextChoices):
    GRANTED = "toegekend", _("Toegekend")
    PARTLY = "deels", _("Deels toegekend")
    REFUSED = "afgewezen", _("Afgewezen")
    WITHDRAWN = "ingetrokken", _("Ingetrokken door de inwoner")


class AvgRequest(models.Model):
    """One request of a resident (or their representative) about their own data.

    The request belongs to the municipality it was addressed to, which decides who handles
    it. ``person`` is cleared when the person is erased; ``person_number`` keeps the id so
    the request and the audit log still say whose request it was.
    """

    municipality = models.ForeignKey("core.Municipality", on_delete=models.PROTECT,
                                     related_name="avg_requests", verbose_name=_("gemeente"))
    person = models.ForeignKey("cases.Person", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="avg_requests", verbose_name=_("betrokkene"))
    person_number = models.BigIntegerField(_("persoon-id"))
    kind = models.CharField(_("soort verzoek"), max_length=20, choices=AvgRequestKind.choices)
    received_on = models.DateField(_("ontvangen op"))
    description = models.TextField(
        _("wat vraagt de inwoner"), blank=True,
        help_text=_("Kort en zonder gezondheidsgegevens, bijvoorbeeld welke gegevens onjuist zijn."),
    )
    due_on = models.DateField(_("uiterste datum"))
    due_raw_on = models.DateField(_("einde termijn (geteld)"))
    extended = models.BooleanField(_("verlengd"), default=False)
    extension_reason = models.TextField(_("reden verlenging"), blank=True)
    extension_informed_on = models.DateField(_("inwoner geïnformeerd over verlenging op"),
                                             null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=AvgRequestStatus.choices,
                              default=AvgRequestStatus.OPEN)
    decision = models.CharField(_("besluit"), max_length=20, choices=AvgDecision.choices,
                                blank=True)
    decision_reason = models.TextField(_("motivering"), blank=True)
    decision_rule = models.CharField(_("grondslag"), max_length=300, blank=True)
    decided_on = models.DateField(_("afgehandeld op"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("AVG-verzoek")
        verbose_name_plural = _("AVG-verzoeken")
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["municipality", "status", "due_on"], name="avg_open_idx"),
            models.Index(fields=["person_number"], name="avg_person_idx"),
        ]

    def __str__(self) -> str:
        return f"AVG-{self.pk}"

    @property
    def label(self) -> str:
        """The request's number as staff and the audit log name it; never a name."""
        return f"AVG-{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == AvgRequestStatus.OPEN
