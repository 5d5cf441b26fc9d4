"""Disputed decisions, complaints, the legal deadlines computed from them, and the Atw calendar.

The rules live in ``ombuds.deadlines`` (pure Python); these models hold the facts (dates) and
the computed result, so worklists can sort by the nearest legal end with an index.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DesignationDecree(models.Model):
    """A decree designating days equal to holidays (Atw art. 3 lid 3) for a run of years."""

    title = models.CharField(_("titel"), max_length=300)
    publication = models.CharField(_("vindplaats"), max_length=100, blank=True,
                                   help_text=_("Bijvoorbeeld: Stcrt. 2025, 24713."))
    first_year = models.PositiveSmallIntegerField(_("eerste jaar"))
    last_year = models.PositiveSmallIntegerField(_("laatste jaar"))

    class Meta:
        verbose_name = _("besluit gelijkgestelde dagen")
        verbose_name_plural = _("besluiten gelijkgestelde dagen")
        ordering = ["first_year"]

    def __str__(self) -> str:
        return f"{self.title} ({self.first_year}–{self.last_year})"


class DesignatedDay(models.Model):
    decree = models.ForeignKey(DesignationDecree, on_delete=models.CASCADE, related_name="days")
    day = models.DateField(_("datum"), unique=True)
    description = models.CharField(_("omschrijving"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("gelijkgestelde dag")
        verbose_name_plural = _("gelijkgestelde dagen")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d-%m-%Y} {self.description}"


class DisputedDecision(models.Model):
    """A decision (beschikking) the resident disagrees with, and the dates of its procedure."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="decisions")
    organisation = models.ForeignKey(
        "socialmap.Organisation", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("organisatie die besliste"),
    )
    subject = models.CharField(_("wat is besloten"), max_length=200,
                               help_text=_("Bijvoorbeeld: aanvraag scootmobiel afgewezen."))
    made_known_on = models.DateField(
        _("bekendgemaakt op"),
        help_text=_("De datum waarop het besluit is verzonden of uitgereikt (Awb 3:41), "
                    "ook als de brief later of nooit aankwam."),
    )
    objection_filed_on = models.DateField(_("bezwaar ingediend op"), null=True, blank=True)
    committee = models.BooleanField(
        _("adviescommissie"), default=False,
        help_text=_("Een bezwaarschriftencommissie adviseert (Awb 7:13): beslistermijn 12 weken."),
    )
    postponed_on = models.DateField(
        _("verdaagd op"), null=True, blank=True,
        help_text=_("Datum van de schriftelijke verdaging van de beslissing op bezwaar (Awb 7:10 lid 3)."),
    )
    objection_decided_on = models.DateField(
        _("beslissing op bezwaar bekendgemaakt op"), null=True, blank=True)
    appeal_filed_on = models.DateField(_("beroep ingesteld op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("besluit in geschil")
        verbose_name_plural = _("besluiten in geschil")
        ordering = ["made_known_on", "id"]

    def __str__(self) -> str:
        return self.subject


class Complaint(models.Model):
    """A written complaint handled in variants 4–6 (Awb chapter 9), or a request to the
    ombudsman as second instance (variant 6)."""

    class Kind(models.TextChoices):
        COMPLAINT = "klacht", _("Klacht (Awb 9.1)")
        OMBUDSMAN = "ombudsman", _("Verzoek aan de ombudsman (Awb 9.2)")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="complaints")
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.COMPLAINT)
    subject = models.CharField(_("waarover"), max_length=200)
    received_on = models.DateField(_("ontvangen op"))
    conduct_on = models.DateField(
        _("datum van de gedraging"), null=True, blank=True,
        help_text=_("Een klacht over een gedraging van meer dan een jaar geleden hoeft niet "
                    "behandeld te worden (Awb 9:8 lid 1 onder b)."),
    )
    internal_findings_on = models.DateField(
        _("interne klachtafhandeling afgerond op"), null=True, blank=True,
        help_text=_("Alleen bij een verzoek aan de ombudsman: de datum van de bevindingen van "
                    "het bestuursorgaan (Awb 9:22, 9:24)."),
    )
    committee = models.BooleanField(
        _("klachtadviescommissie"), default=False,
        help_text=_("Een commissie adviseert (afdeling 9.1.3): afhandeltermijn 10 weken."),
    )
    acknowledged_on = models.DateField(_("ontvangst bevestigd op"), null=True, blank=True,
                                       help_text=_("Schriftelijke ontvangstbevestiging (Awb 9:6)."))
    not_handled_notice_on = models.DateField(
        _("bericht niet-behandelen verstuurd op"), null=True, blank=True)
    hearing_on = models.DateField(_("hoorzitting op"), null=True, blank=True,
                                  help_text=_("Hoor en wederhoor (Awb 9:10)."))
    postponed_on = models.DateField(
        _("verdaagd op"), null=True, blank=True,
        help_text=_("Schriftelijke verdaging met ten hoogste vier weken (Awb 9:11 lid 2)."))
    delay_consented_until = models.DateField(
        _("verder uitgesteld met instemming tot"), null=True, blank=True,
        help_text=_("Verder uitstel alleen met schriftelijke instemming van de klager "
                    "(Awb 9:11 lid 2)."))
    findings_on = models.DateField(
        _("oordeel verstuurd op"), null=True, blank=True,
        help_text=_("De schriftelijke bevindingen en het oordeel (Awb 9:12)."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("klacht")
        verbose_name_plural = _("klachten")
        ordering = ["received_on", "id"]

    def __str__(self) -> str:
        return self.subject


class DeadlineKind(models.TextChoices):
    OBJECTION = "bezwaar", _("Bezwaartermijn")
    OBJECTION_DECISION = "beslissing_bezwaar", _("Beslistermijn bezwaar")
    APPEAL = "beroep", _("Beroepstermijn")
    COMPLAINT_DECISION = "afhandeling_klacht", _("Afhandeltermijn klacht")
    COMPLAINT_REFUSAL = "niet_behandelen", _("Termijn bericht niet-behandelen")
    COMPLAINT_YEAR = "jaartermijn_klacht", _("Jaartermijn klacht")
    OMBUDSMAN_YEAR = "jaartermijn_ombudsman", _("Termijn verzoek aan de ombudsman")


class Deadline(models.Model):
    """One computed term of a case. Recomputed by ``services.deadlines_recompute`` whenever a
    date it depends on (or the calendar) changes; never edited by hand."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="deadlines")
    decision = models.ForeignKey(DisputedDecision, on_delete=models.CASCADE, null=True,
                                 blank=True, related_name="deadlines")
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="deadlines")
    kind = models.CharField(_("soort"), max_length=30, choices=DeadlineKind.choices)
    name = models.CharField(_("naam"), max_length=120)
    start = models.DateField(_("eerste dag"))
    raw_end = models.DateField(_("uiterste datum om te handelen"))
    end = models.DateField(_("wettelijke laatste dag"))
    basis = models.CharField(_("grondslag"), max_length=120)
    explanation = models.TextField(_("berekening"))
    caveat = models.CharField(_("voorbehoud"), max_length=300, blank=True)
    #: Whether the watch warns about it (a resident's own one-year limit is information only).
    watched = models.BooleanField(default=True)
    #: Set when the act the term is for has happened (objection filed, decision sent, …).
    met_on = models.DateField(_("voldaan op"), null=True, blank=True)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("termijn")
        verbose_name_plural = _("termijnen")
        ordering = ["end", "id"]
        indexes = [
            models.Index(fields=["case", "end"], name="deadline_case_end_idx"),
            models.Index(fields=["end"], name="deadline_open_end_idx",
                         condition=models.Q(met_on__isnull=True, watched=True)),
        ]
        constraints = [
            models.UniqueConstraint(fields=["decision", "kind"], name="deadline_once_per_decision",
                                    condition=models.Q(decision__isnull=False)),
            models.UniqueConstraint(fields=["complaint", "kind"], name="deadline_once_per_complaint",
                                    condition=models.Q(complaint__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.get_kind_display()} {self.end:%d-%m-%Y}"

    @property
    def is_open(self) -> bool:
        return self.watched and self.met_on is None


class DeadlineAlert(models.Model):
    """A deadline event (entering a state, for a given end date) reported to one user.

    The unique constraint makes the digest report each event once, however often it runs.
    """

    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="alerts")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="+")
    state = models.CharField(max_length=10)
    end = models.DateField()
    digest_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["deadline", "recipient", "state", "end"],
                                    name="deadline_alert_once"),
        ]

    def __str__(self) -> str:
        return f"{self.deadline_id} {self.state} → {self.recipient_id}"


class DigestSent(models.Model):
    """At most one deadline digest per user per day."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    items = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["recipient", "day"], name="digest_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id} {self.day}"
