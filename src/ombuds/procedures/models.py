"""Disputed decisions, complaints, the legal deadlines computed from them, and the Atw calendar.

The rules live in ``ombuds.deadlines`` (pure Python); these models hold the facts (dates) and
the computed result, so worklists can sort by the nearest legal end with an index.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ombuds.domain import complaints as rules
from ombuds.domain import not_in_time


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
    objection_posted_on = models.DateField(
        _("bezwaar op de post gedaan op"), null=True, blank=True,
        help_text=_("Bij een bezwaar per post: de datum van het poststempel. Het is op tijd als "
                    "het vóór het einde van de termijn op de post ging en binnen een week daarna "
                    "aankwam (Awb 6:9 lid 2)."))
    lateness_reason = models.TextField(
        _("waarom het bezwaar te laat was"), blank=True,
        help_text=_("Een te laat bezwaar wordt toch behandeld als de overschrijding de indiener "
                    "redelijkerwijs niet te verwijten is (Awb 6:11)."))
    delay_consent_on = models.DateField(_("bezwaarmaker stemde in met verder uitstel op"),
                                        null=True, blank=True)
    delay_consented_until = models.DateField(
        _("verder uitgesteld met instemming tot"), null=True, blank=True,
        help_text=_("Verder uitstel dan de verdaging alleen met instemming van de bezwaarmaker "
                    "(Awb 7:10 lid 4)."))
    objection_decided_on = models.DateField(
        _("beslissing op bezwaar bekendgemaakt op"), null=True, blank=True)
    appeal_filed_on = models.DateField(_("beroep ingesteld op"), null=True, blank=True)
    #: A date the resident gave on the web form is watched at once, marked until staff check it.
    given_by_resident = models.BooleanField(_("datum opgegeven door de inwoner"), default=False)
    checked_on = models.DateField(_("gecontroleerd op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("besluit in geschil")
        verbose_name_plural = _("besluiten in geschil")
        ordering = ["made_known_on", "id"]

    def __str__(self) -> str:
        return self.subject


class Application(models.Model):
    """An application or report of need the resident made (melding, aanvraag, request for debt
    help) whose decision term is watched: the decision that does not come (issue 14).

    The rules are in ``ombuds.domain.not_in_time``: the term per kind, the notice of default,
    the penalty (Awb 4:17) and the appeal against not deciding in time (6:12 lid 2)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="applications")
    kind = models.CharField(_("soort"), max_length=20,
                            choices=list(not_in_time.APPLICATION_KINDS.items()))
    subject = models.CharField(_("waarvoor"), max_length=200,
                               help_text=_("Kort, zonder gezondheidsgegevens. Bijvoorbeeld: "
                                           "scootmobiel, begeleiding, bijzondere bijstand."))
    organisation = models.ForeignKey(
        "socialmap.Organisation", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("ingediend bij"))
    submitted_on = models.DateField(_("ingediend op"),
                                    help_text=_("De dag waarop de gemeente de aanvraag of "
                                                "melding ontving."))
    urgent = models.BooleanField(
        _("dreigende uitzetting, afsluiting of opzegging zorgverzekering"), default=False,
        help_text=_("Alleen bij schuldhulp: dan binnen drie werkdagen een eerste gesprek "
                    "(Wgs art. 4 lid 2)."))
    decided_on = models.DateField(
        _("besluit of eerste gesprek op"), null=True, blank=True,
        help_text=_("De dag waarop het besluit werd bekendgemaakt (of, bij schuldhulp, het "
                    "eerste gesprek was)."))
    notice_of_default_on = models.DateField(
        _("ingebrekestelling ontvangen op"), null=True, blank=True,
        help_text=_("De dag waarop de gemeente de schriftelijke ingebrekestelling ontving; "
                    "telt pas na het einde van de beslistermijn (Awb 4:17 lid 3)."))
    appeal_filed_on = models.DateField(_("beroep niet tijdig beslissen ingesteld op"),
                                       null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aanvraag of melding")
        verbose_name_plural = _("aanvragen en meldingen")
        ordering = ["submitted_on", "id"]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_decision(self) -> bool:
        """Whether a decision (beschikking) is due: only then Awb 4:17 and 6:12 apply."""
        return self.kind in not_in_time.DECISION_KINDS


def _choices(grounds: dict[str, tuple[str, str]]) -> list[tuple[str, str]]:
    return [(code, f"{label[0].upper()}{label[1:]} ({article})")
            for code, (article, label) in grounds.items()]


class Complaint(models.Model):
    """A written complaint the ombudsfunctie handles (variants 4 and 5, Awb title 9.1), or a
    request to it as second instance after the municipality's own handling (variant 6).

    The case's workflow creates it on receipt (``procedures.complaints``) and closes it with
    the case, so status and complaint never disagree. The facts of the handling are recorded
    here; the rules that decide what may happen next live in ``ombuds.domain.complaints``.
    """

    class Kind(models.TextChoices):
        COMPLAINT = "klacht", _("Klacht (Awb titel 9.1)")
        OMBUDSMAN = "ombudsman", _("Verzoek aan de ombudsfunctie als tweede lijn (naar Awb titel 9.2)")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="complaints")
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.COMPLAINT)
    subject = models.CharField(_("waarover"), max_length=200)
    received_on = models.DateField(_("ontvangen op"))
    # --- the conduct complained about, and whose it is (the beklaagde) -----------------------
    conduct = models.TextField(
        _("de gedraging waarover wordt geklaagd"), blank=True,
        help_text=_("Wat is er gebeurd, wanneer, en wat vindt de klager daarvan?"))
    conduct_on = models.DateField(
        _("datum van de gedraging"), null=True, blank=True,
        help_text=_("Een klacht over een gedraging van meer dan een jaar geleden hoeft niet "
                    "behandeld te worden (Awb 9:8 lid 1 onder b)."),
    )
    respondent_organisation = models.ForeignKey(
        "socialmap.Organisation", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("organisatie waarover wordt geklaagd"))
    respondent_department = models.CharField(_("afdeling"), max_length=200, blank=True)
    respondent_official = models.CharField(
        _("medewerker of functie"), max_length=200, blank=True,
        help_text=_("Degene op wiens gedraging de klacht betrekking heeft (Awb 9:9, 9:10)."))
    # --- the written complaint (Awb 9:4) and its repair (4:5) ---------------------------------
    #: Whether staff checked the requirements of 9:4 lid 2; until then the four below say
    #: nothing (an oral complaint converted from a phone call has none of them yet).
    requirements_checked = models.BooleanField(_("vereisten gecontroleerd"), default=False)
    signed = models.BooleanField(_("ondertekend"), default=True)
    has_name_address = models.BooleanField(_("naam en adres van de klager"), default=True)
    dated = models.BooleanField(_("dagtekening"), default=True)
    described = models.BooleanField(_("omschrijving van de gedraging"), default=True)
    repair_requested_on = models.DateField(_("om aanvulling gevraagd op"), null=True, blank=True)
    repair_until = models.DateField(_("aanvullen tot en met"), null=True, blank=True,
                                    help_text=_("De hersteltermijn (Awb 4:5 lid 1)."))
    repaired_on = models.DateField(_("aangevuld op"), null=True, blank=True)
    # --- variant 6: the municipality's own handling (Awb 9:20, 9:24) --------------------------
    internal_received_on = models.DateField(
        _("klacht door de gemeente ontvangen op"), null=True, blank=True,
        help_text=_("Alleen bij een verzoek als tweede lijn: wanneer de gemeente de klacht "
                    "zelf ontving. Daaruit volgt wanneer haar afhandeling had moeten eindigen."))
    internal_committee = models.BooleanField(
        _("de gemeente heeft een klachtadviescommissie"), default=False)
    internal_postponed = models.BooleanField(_("de gemeente heeft verdaagd"), default=False)
    internal_findings_on = models.DateField(
        _("bevindingen van de gemeente bekendgemaakt op"), null=True, blank=True,
        help_text=_("Alleen bij een verzoek als tweede lijn: de datum van het oordeel van de "
                    "gemeente op de klacht (Awb 9:12, 9:24 lid 1 onder a)."),
    )
    inadmissible_ground = models.CharField(
        _("grond niet-ontvankelijk"), max_length=20, blank=True,
        choices=_choices(rules.INADMISSIBLE_GROUNDS))
    # --- the handling --------------------------------------------------------------------------
    committee = models.BooleanField(
        _("klachtadviescommissie"), default=False,
        help_text=_("Een commissie adviseert (afdeling 9.1.3): afhandeltermijn 10 weken."),
    )
    acknowledged_on = models.DateField(_("ontvangst bevestigd op"), null=True, blank=True,
                                       help_text=_("Schriftelijke ontvangstbevestiging (Awb 9:6)."))
    forwarded_to = models.CharField(_("doorgezonden aan"), max_length=200, blank=True,
                                    help_text=_("Het bevoegde bestuursorgaan (Awb 9:7)."))
    forwarded_on = models.DateField(_("doorgezonden op"), null=True, blank=True)
    not_handled_ground = models.CharField(
        _("grond om niet te behandelen"), max_length=20, blank=True,
        choices=_choices(rules.NOT_HANDLED_GROUNDS))
    not_handled_reasons = models.TextField(_("toelichting"), blank=True)
    not_handled_notice_on = models.DateField(
        _("bericht niet-behandelen verstuurd op"), null=True, blank=True)
    copy_sent_on = models.DateField(
        _("afschrift aan beklaagde verstuurd op"), null=True, blank=True,
        help_text=_("Afschrift van de klacht en de stukken (Awb 9:9)."))
    hearing_invited_on = models.DateField(_("uitgenodigd voor het horen op"), null=True,
                                          blank=True)
    hearing_on = models.DateField(_("gehoord op"), null=True, blank=True,
                                  help_text=_("Hoor en wederhoor (Awb 9:10)."))
    hearing_heard = models.CharField(_("wie zijn gehoord"), max_length=300, blank=True)
    hearing_report = models.TextField(_("verslag van het horen"), blank=True,
                                      help_text=_("Awb 9:10 lid 3."))
    hearing_skipped_ground = models.CharField(
        _("grond om niet te horen"), max_length=20, blank=True,
        choices=_choices(rules.HEARING_SKIP_GROUNDS))
    postponed_on = models.DateField(
        _("verdaagd op"), null=True, blank=True,
        help_text=_("Schriftelijke verdaging met ten hoogste vier weken (Awb 9:11 lid 2)."))
    postponement_weeks = models.PositiveSmallIntegerField(_("verdaagd met (weken)"), default=4)
    delay_consent_on = models.DateField(_("instemming klager gegeven op"), null=True,
                                        blank=True)
    delay_consented_until = models.DateField(
        _("verder uitgesteld met instemming tot"), null=True, blank=True,
        help_text=_("Verder uitstel alleen met schriftelijke instemming van de klager "
                    "(Awb 9:11 lid 3)."))
    settled_on = models.DateField(_("naar tevredenheid opgelost op"), null=True, blank=True)
    settlement = models.TextField(_("hoe is de klacht opgelost"), blank=True,
                                  help_text=_("Awb 9:5."))
    findings = models.TextField(_("bevindingen"), blank=True,
                                help_text=_("Wat is er gebeurd, volgens het onderzoek (Awb 9:12)."))
    conclusions = models.TextField(_("conclusies"), blank=True)
    measures = models.TextField(_("maatregelen"), blank=True)
    findings_on = models.DateField(
        _("oordeel verstuurd op"), null=True, blank=True,
        help_text=_("De schriftelijke bevindingen en het oordeel (Awb 9:12)."))
    #: How the complaint ended: the case's outcome, set in the same transaction as the closure.
    outcome = models.CharField(_("afloop"), max_length=30, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("klacht")
        verbose_name_plural = _("klachten")
        ordering = ["received_on", "id"]

    def __str__(self) -> str:
        return self.subject

    @property
    def missing(self) -> list[str]:
        """What the written complaint lacks of Awb 9:4 lid 2 (nothing known until checked)."""
        if not self.requirements_checked:
            return []
        return rules.missing_requirements(signed=self.signed,
                                          name_and_address=self.has_name_address,
                                          dated=self.dated, described=self.described)

    @property
    def respondent(self) -> str:
        """The beklaagde in one line: official, department, organisation."""
        organisation = self.respondent_organisation.name if self.respondent_organisation_id else ""
        return ", ".join(filter(None, [self.respondent_official, self.respondent_department,
                                       organisation]))


class ComplaintElement(models.Model):
    """One element (klachtonderdeel) of a complaint and the judgment on it (Awb 9:12 lid 1);
    in a variant-6 report also the standard of proper conduct it is judged by."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="elements")
    position = models.PositiveSmallIntegerField(default=1)
    description = models.TextField(_("klachtonderdeel"))
    judgment = models.CharField(_("oordeel"), max_length=20, blank=True,
                                choices=list(rules.JUDGMENTS.items()))
    norm = models.CharField(_("behoorlijkheidsnorm"), max_length=30, blank=True,
                            choices=[(code, label) for code, (_v, label) in rules.NORMS.items()])
    reasons = models.TextField(_("motivering"), blank=True)

    class Meta:
        verbose_name = _("klachtonderdeel")
        verbose_name_plural = _("klachtonderdelen")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.description[:60]


class DeadlineKind(models.TextChoices):
    OBJECTION = "bezwaar", _("Bezwaartermijn")
    OBJECTION_DECISION = "beslissing_bezwaar", _("Beslistermijn bezwaar")
    APPEAL = "beroep", _("Beroepstermijn")
    COMPLAINT_DECISION = "afhandeling_klacht", _("Afhandeltermijn klacht")
    COMPLAINT_REFUSAL = "niet_behandelen", _("Termijn bericht niet-behandelen")
    COMPLAINT_YEAR = "jaartermijn_klacht", _("Jaartermijn klacht")
    OMBUDSMAN_YEAR = "jaartermijn_ombudsman", _("Termijn verzoek aan de ombudsman")
    INTERNAL_COMPLAINT = "klacht_gemeente", _("Afhandeltermijn klacht bij de gemeente")
    COMPLAINT_REPAIR = "herstel_klacht", _("Hersteltermijn klaagschrift")
    APPLICATION_DECISION = "beslistermijn_aanvraag", _("Beslistermijn aanvraag")
    PENALTY = "dwangsom", _("Dwangsom niet tijdig beslissen")
    FIRST_CONTACT = "eerste_contact", _("Eerste contact (belofte van het bureau)")


class Deadline(models.Model):
    """One computed term of a case. Recomputed by ``services.deadlines_recompute`` whenever a
    date it depends on (or the calendar) changes; never edited by hand."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="deadlines")
    decision = models.ForeignKey(DisputedDecision, on_delete=models.CASCADE, null=True,
                                 blank=True, related_name="deadlines")
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="deadlines")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, null=True,
                                    blank=True, related_name="deadlines")
    kind = models.CharField(_("soort"), max_length=30, choices=DeadlineKind.choices)
    name = models.CharField(_("naam"), max_length=120)
    start = models.DateField(_("eerste dag"))
    raw_end = models.DateField(_("uiterste datum om te handelen"))
    end = models.DateField(_("wettelijke laatste dag"))
    basis = models.CharField(_("grondslag"), max_length=120)
    explanation = models.TextField(_("berekening"))
    caveat = models.TextField(_("voorbehoud"), blank=True)
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
            models.UniqueConstraint(fields=["application", "kind"],
                                    name="deadline_once_per_application",
                                    condition=models.Q(application__isnull=False)),
            # A term of the case itself (the office's promise of first contact).
            models.UniqueConstraint(fields=["case", "kind"], name="deadline_once_per_case",
                                    condition=models.Q(decision__isnull=True,
                                                       complaint__isnull=True,
                                                       application__isnull=True)),
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
