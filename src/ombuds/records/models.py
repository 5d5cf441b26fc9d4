"""Retention terms per result type, legal holds, and the tombstones destroyed cases leave.

A tombstone keeps what the reports of a period need (municipality, variant, channel, dates,
outcome, how the case was handled, first contact, time spent, domains, themes,
organisations, referrals, legal terms, complaints) and what the
destruction itself must prove (reference, result type, rule, date), and nothing about the
person: no name, no story, no contact details (DOMAIN.md §4).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ombuds.domain import retention

RESULT_TYPE_CHOICES = [(r.code, r.label) for r in retention.RESULT_TYPES.values()]


class RetentionRule(models.Model):
    """The retention term of one result type, in years from the closure of the case."""

    result_type = models.CharField(_("resultaattype"), max_length=20, unique=True,
                                   choices=RESULT_TYPE_CHOICES)
    years = models.PositiveSmallIntegerField(
        _("bewaartermijn (jaren)"), validators=[MinValueValidator(1)],
        help_text=_("Gerekend vanaf de dag waarop de zaak is afgesloten."))
    basis = models.CharField(_("grondslag"), max_length=300, blank=True,
                             help_text=_("Bijvoorbeeld de categorie uit de Selectielijst."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")
        ordering = ["result_type"]

    def __str__(self) -> str:
        return f"{self.get_result_type_display()}: {self.years} jaar"


class LegalHold(models.Model):
    """A hold that keeps a case from being destroyed (a running procedure, a complaint about
    the ombudsfunctie, a request of the Nationale ombudsman …), with the reason. Lifting it
    keeps the row; the history is in the audit log as well."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="legal_holds")
    reason = models.CharField(_("reden"), max_length=300)
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    placed_at = models.DateTimeField(_("geplaatst op"))
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  null=True, blank=True, related_name="+")
    lifted_at = models.DateTimeField(_("opgeheven op"), null=True, blank=True)
    lift_reason = models.CharField(_("reden van opheffen"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("bewaarplicht (legal hold)")
        verbose_name_plural = _("bewaarplichten (legal holds)")
        ordering = ["-placed_at"]
        constraints = [
            models.UniqueConstraint(fields=["case"], condition=models.Q(lifted_at__isnull=True),
                                    name="legal_hold_one_active_per_case"),
        ]

    def __str__(self) -> str:
        return f"bewaarplicht zaak {self.case_id}"

    @property
    def is_active(self) -> bool:
        return self.lifted_at is None


class Tombstone(models.Model):
    """What is left of a destroyed case: enough to prove the destruction and to keep the
    reports of its period at the same totals; no personal data."""

    reference = models.CharField(_("zaaknummer"), max_length=20, unique=True)
    #: The id the case had: audit entries about it point at this id.
    case_id = models.BigIntegerField(_("zaak-id"))
    municipality = models.ForeignKey("core.Municipality", on_delete=models.PROTECT,
                                     related_name="tombstones", verbose_name=_("gemeente"))
    workflow = models.ForeignKey("core.WorkflowDefinition", on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("procesvariant"))
    result_type = models.CharField(_("resultaattype"), max_length=20, choices=RESULT_TYPE_CHOICES)
    outcome = models.CharField(_("uitkomst"), max_length=30, blank=True)
    channel = models.CharField(_("kanaal"), max_length=20)
    procedure_avoided = models.CharField(max_length=10, blank=True)
    procedure_avoided_what = models.CharField(max_length=20, blank=True)
    opened_at = models.DateTimeField(_("geopend"))
    closed_at = models.DateTimeField(_("gesloten"), null=True, blank=True)
    #: The most intensive way the case was handled (``reports.measures.case_handling``: advies,
    #: verwijzing, interventie, bemiddeling, onderzoek); "" for a case destroyed before this
    #: was kept, which the reports count as "no longer known".
    handling = models.CharField(_("behandeling"), max_length=20, blank=True)
    #: The day of the first contact with the resident, on or before the closure (for the
    #: working days per stage).
    first_contact_on = models.DateField(_("eerste contact"), null=True, blank=True)
    minutes_spent = models.PositiveIntegerField(_("bestede tijd (minuten)"), null=True,
                                                blank=True)
    domains = models.ManyToManyField("core.Domain", related_name="+", blank=True)
    themes = models.ManyToManyField("core.Theme", related_name="+", blank=True)
    organisations = models.ManyToManyField("socialmap.Organisation", related_name="+", blank=True)
    rule = models.CharField(_("regel"), max_length=200,
                            help_text=_("De bewaartermijn of het verzoek waarop vernietigd is."))
    reason = models.CharField(_("toelichting"), max_length=300, blank=True)
    destroyed_at = models.DateTimeField(_("vernietigd op"))
    destroyed_by = models.CharField(_("vernietigd door"), max_length=150,
                                    help_text=_("Gebruikersnaam, of 'bewaartermijntaak'."))

    class Meta:
        verbose_name = _("vernietigde zaak")
        verbose_name_plural = _("vernietigde zaken")
        ordering = ["-destroyed_at"]
        indexes = [
            models.Index(fields=["municipality", "opened_at"], name="tombstone_muni_opened_idx"),
            models.Index(fields=["municipality", "closed_at"], name="tombstone_muni_closed_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} (vernietigd {self.destroyed_at:%d-%m-%Y})"


class TombstoneReferral(models.Model):
    """A referral of a destroyed case: only the route and the day (for the referral table)."""

    tombstone = models.ForeignKey(Tombstone, on_delete=models.CASCADE, related_name="referrals")
    route = models.CharField(max_length=30)
    referred_on = models.DateField()

    def __str__(self) -> str:
        return f"{self.route} {self.referred_on}"


class TombstoneDeadline(models.Model):
    """A watched legal term of a destroyed case: when it ended and when it was met."""

    tombstone = models.ForeignKey(Tombstone, on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(max_length=30)
    end = models.DateField()
    met_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.kind} {self.end}"


class TombstoneComplaint(models.Model):
    """A complaint of a destroyed case, for the annual complaint register (Awb 9:12a)."""

    tombstone = models.ForeignKey(Tombstone, on_delete=models.CASCADE, related_name="complaints")
    kind = models.CharField(max_length=10)
    received_on = models.DateField()
    not_handled_notice_on = models.DateField(null=True, blank=True)
    findings_on = models.DateField(null=True, blank=True)
    #: How the complaint ended (``procedures.Complaint.outcome``); "" while it was open.
    outcome = models.CharField(max_length=30, blank=True)

    def __str__(self) -> str:
        return f"{self.kind} {self.received_on}"
