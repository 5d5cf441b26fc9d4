"""Writes for disputed decisions and complaints; each recomputes the case's deadlines.

``deadlines_recompute`` is the one place that turns the facts (dates) into ``Deadline`` rows
with the pure rules of ``ombuds.deadlines``, and keeps ``Case.next_deadline_*`` (the worklist
sort key) in step, in the same transaction as the change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ombuds import deadlines as rules
from ombuds.accounts.roles import CASE_ROLES
from ombuds.cases.models import Case, EntryKind, TimelineEntry
from ombuds.cases.selectors import audit_case
from ombuds.core.audit import Action
from ombuds.procedures.models import Complaint, Deadline, DeadlineKind, DisputedDecision
from ombuds.procedures.selectors import holiday_calendar

DECISION_FIELDS = ("organisation", "subject", "made_known_on", "objection_filed_on", "committee",
                   "postponed_on", "objection_decided_on", "appeal_filed_on")
#: The facts of a complaint's handling that staff record; kind and outcome follow the workflow.
COMPLAINT_FIELDS = (
    "subject", "received_on", "conduct", "conduct_on", "respondent_organisation",
    "respondent_department", "respondent_official", "signed", "has_name_address", "dated",
    "described", "repair_requested_on", "repair_until", "repaired_on", "internal_received_on",
    "internal_committee", "internal_postponed", "internal_findings_on", "inadmissible_ground",
    "committee", "acknowledged_on", "forwarded_to", "forwarded_on", "not_handled_ground",
    "not_handled_reasons", "not_handled_notice_on", "copy_sent_on", "hearing_invited_on",
    "hearing_on", "hearing_heard", "hearing_report", "hearing_skipped_ground", "postponed_on",
    "postponement_weeks", "delay_consent_on", "delay_consented_until", "settled_on",
    "settlement", "findings", "conclusions", "measures", "findings_on",
)
#: The requirements of a written complaint (Awb 9:4 lid 2): recording any of them is the check.
REQUIREMENTS = {"signed", "has_name_address", "dated", "described"}
#: Date facts that must lie in the past and not before the complaint's receipt.
COMPLAINT_EVENTS = ("acknowledged_on", "repair_requested_on", "repaired_on", "forwarded_on",
                    "not_handled_notice_on", "copy_sent_on", "hearing_invited_on", "hearing_on",
                    "postponed_on", "delay_consent_on", "settled_on", "findings_on")


@dataclass(frozen=True)
class Planned:
    kind: str
    term: rules.Term
    decision: DisputedDecision | None = None
    complaint: Complaint | None = None
    watched: bool = True
    met_on: date | None = None


def require_case_role(user, case: Case) -> None:
    if not user.roles_in(case.municipality_id) & CASE_ROLES:
        raise PermissionDenied("U mag de procedures van deze zaak niet wijzigen.")


def _order(errors: dict, field: str, later: date | None, earlier: date | None, message: str):
    if later and earlier and later < earlier:
        errors[field] = message


def _check_decision(d: DisputedDecision) -> None:
    """The dates of a decision's procedure must follow each other and lie in the past."""
    errors: dict[str, str] = {}
    today = timezone.localdate()
    for field in ("made_known_on", "objection_filed_on", "postponed_on", "objection_decided_on",
                  "appeal_filed_on"):
        value = getattr(d, field)
        if value and value > today:
            errors[field] = "Deze datum ligt in de toekomst."
    _order(errors, "objection_filed_on", d.objection_filed_on, d.made_known_on,
           "Het bezwaar kan niet vóór de bekendmaking zijn ingediend.")
    if d.postponed_on and not d.objection_filed_on:
        errors["postponed_on"] = "Verdagen kan alleen als er bezwaar is gemaakt."
    if d.objection_decided_on and not d.objection_filed_on:
        errors["objection_decided_on"] = "Vul eerst in wanneer het bezwaar is ingediend."
    _order(errors, "objection_decided_on", d.objection_decided_on, d.objection_filed_on,
           "De beslissing op bezwaar kan niet vóór het bezwaar liggen.")
    if d.appeal_filed_on and not d.objection_decided_on:
        errors["appeal_filed_on"] = "Vul eerst in wanneer op het bezwaar is beslist."
    _order(errors, "appeal_filed_on", d.appeal_filed_on, d.objection_decided_on,
           "Het beroep kan niet vóór de beslissing op bezwaar liggen.")
    if not (d.subject or "").strip():
        errors["subject"] = "Beschrijf kort wat er is besloten."
    if errors:
        raise ValidationError(errors)


def _check_complaint(c: Complaint) -> None:
    """The dates of a complaint's handling follow its receipt and lie in the past; what the law
    ties to one another (Awb 4:5, 9:11 lid 2 and 3) is consistent."""
    errors: dict[str, str] = {}
    today = timezone.localdate()
    for field in ("received_on", "conduct_on", "internal_received_on", "internal_findings_on",
                  *COMPLAINT_EVENTS):
        value = getattr(c, field)
        if value and value > today:
            errors[field] = "Deze datum ligt in de toekomst."
    for field in (*COMPLAINT_EVENTS, "delay_consented_until"):
        if field not in errors:
            _order(errors, field, getattr(c, field), c.received_on,
                   "Deze datum kan niet vóór de ontvangst van de klacht liggen.")
    _order(errors, "received_on", c.received_on, c.conduct_on,
           "De klacht kan niet vóór de gedraging zijn ontvangen.")
    _order(errors, "internal_findings_on", c.internal_findings_on, c.internal_received_on,
           "De gemeente kan niet oordelen vóór zij de klacht ontving.")
    _order(errors, "repair_until", c.repair_until, c.repair_requested_on,
           "De hersteltermijn eindigt niet vóór de vraag om aanvulling.")
    if c.repair_until and not c.repair_requested_on:
        errors["repair_requested_on"] = "Vul in wanneer om aanvulling is gevraagd (Awb 4:5)."
    if not 1 <= (c.postponement_weeks or 0) <= 4:
        errors["postponement_weeks"] = "Verdagen kan met ten hoogste vier weken (Awb 9:11 lid 2)."
    if c.delay_consented_until and not c.postponed_on:
        errors["delay_consented_until"] = "Verder uitstel kan pas na een verdaging (Awb 9:11 lid 3)."
    if c.delay_consented_until and not c.delay_consent_on:
        errors["delay_consent_on"] = ("Verder uitstel mag alleen met schriftelijke instemming "
                                      "van de klager: vul in wanneer die is gegeven "
                                      "(Awb 9:11 lid 3).")
    if c.forwarded_on and not c.forwarded_to.strip():
        errors["forwarded_to"] = "Vul in aan welke organisatie de klacht is doorgezonden (Awb 9:7)."
    if c.hearing_on and c.hearing_skipped_ground:
        errors["hearing_skipped_ground"] = "Er is gehoord: kies dan geen grond om niet te horen."
    if c.kind == Complaint.Kind.COMPLAINT and (c.internal_received_on or c.internal_findings_on):
        errors["internal_findings_on"] = ("Alleen een verzoek als tweede lijn heeft een eerdere "
                                          "klachtbehandeling door de gemeente.")
    if not (c.subject or "").strip():
        errors["subject"] = "Beschrijf kort waarover de klacht gaat."
    if errors:
        raise ValidationError(errors)


def _plan_decision(d: DisputedDecision, calendar) -> list[Planned]:
    objection = rules.objection_term(d.made_known_on, calendar)
    planned = [Planned(DeadlineKind.OBJECTION, objection, decision=d, met_on=d.objection_filed_on)]
    if d.objection_filed_on:
        decision_term = rules.objection_decision_term(
            objection.end, committee=d.committee, postponed=bool(d.postponed_on), calendar=calendar)
        planned.append(Planned(DeadlineKind.OBJECTION_DECISION, decision_term, decision=d,
                               met_on=d.objection_decided_on))
    if d.objection_decided_on:
        planned.append(Planned(DeadlineKind.APPEAL, rules.appeal_term(d.objection_decided_on, calendar),
                               decision=d, met_on=d.appeal_filed_on))
    return planned


def _plan_complaint(c: Complaint, calendar) -> list[Planned]:
    """The terms of a complaint handled by the ombudsfunctie (variants 4–6).

    - the 9:11 term (postponed, further delayed with consent), met by findings, a notice of not
      handling, an informal settlement or the closure of the complaint;
    - the 9:8 lid 3 notice term, watched until receipt is acknowledged;
    - the repair term set under 4:5, watched until the complaint is completed;
    - the one-year limit of 9:8 lid 1 onder b after the conduct (information);
    - the resident's year to go to the statutory ombudsman (9:24 lid 1): after our findings
      (variants 4, 5; information), or, for a request as second instance (variant 6), after the
      municipality's findings or the end of its own 9:11 term, watched while we handle it
      because our handling does not stop it; and the municipality's own 9:11 term.
    """
    planned = []
    closed_on = timezone.localtime(c.case.closed_at).date() if c.outcome and c.case.closed_at \
        else None
    handled = (c.findings_on or c.not_handled_notice_on or c.settled_on or c.forwarded_on
               or closed_on)
    decision_term = rules.complaint_term(c.received_on, committee=c.committee,
                                         postponed=bool(c.postponed_on),
                                         postponement_weeks=c.postponement_weeks or 4,
                                         calendar=calendar)
    if c.postponed_on:
        unpostponed = rules.complaint_term(c.received_on, committee=c.committee,
                                           calendar=calendar)
        if not rules.postponement_in_time(c.postponed_on, unpostponed):
            decision_term = replace(decision_term, caveat=(
                f"De verdaging is op {rules.nl_date(c.postponed_on)} verstuurd, na het einde van "
                f"de termijn op {rules.nl_date(unpostponed.end)}: te laat (Awb 9:11 lid 2)."))
    if c.delay_consented_until and c.delay_consent_on:
        decision_term = rules.complaint_term_with_consent(decision_term, c.delay_consented_until)
    if c.kind == Complaint.Kind.OMBUDSMAN:
        # No statute sets a term for a second-line ombudsfunctie (title 9.2 sets none): the
        # office holds itself to the term of 9:11 and says so.
        decision_term = replace(
            decision_term, name=decision_term.name.replace("Afhandeltermijn klacht",
                                                           "Streeftermijn verzoek"),
            basis=decision_term.basis.replace("Awb 9:11", "werkwijze, naar Awb 9:11"),
            explanation=decision_term.explanation + " Voor een verzoek aan de ombudsfunctie "
            "als tweede lijn geldt geen wettelijke termijn; zij houdt zich aan die van "
            "Awb 9:11.")
    planned.append(Planned(DeadlineKind.COMPLAINT_DECISION, decision_term, complaint=c,
                           met_on=handled))
    if c.kind == Complaint.Kind.COMPLAINT:
        # Only a body that will not handle the complaint must say so within four weeks. Once
        # it is being handled (acknowledged, heard, judged, closed) the term stays visible as
        # information but the watch no longer warns about it; only the notice meets it.
        handling = c.acknowledged_on or c.hearing_on or c.findings_on or c.outcome
        planned.append(Planned(
            DeadlineKind.COMPLAINT_REFUSAL, rules.complaint_refusal_notice_term(c.received_on, calendar),
            complaint=c, watched=not handling or bool(c.not_handled_ground and not c.outcome),
            met_on=c.not_handled_notice_on))
    if c.repair_requested_on and c.repair_until:
        planned.append(Planned(DeadlineKind.COMPLAINT_REPAIR,
                               rules.repair_term(c.repair_requested_on, c.repair_until),
                               complaint=c, watched=not c.outcome, met_on=c.repaired_on))
    if c.conduct_on:
        year = rules.one_year_limit(c.conduct_on, calendar=calendar)
        planned.append(Planned(DeadlineKind.COMPLAINT_YEAR, year, complaint=c, watched=False,
                               met_on=c.received_on if c.received_on <= year.end else None))
    if c.kind == Complaint.Kind.OMBUDSMAN:
        if c.internal_received_on:
            internal = rules.complaint_term(c.internal_received_on, committee=c.internal_committee,
                                            postponed=c.internal_postponed, calendar=calendar)
            planned.append(Planned(DeadlineKind.INTERNAL_COMPLAINT, replace(
                internal, name="Afhandeltermijn klacht bij de gemeente"), complaint=c,
                watched=False, met_on=c.internal_findings_on))
        year = rules.ombudsman_request_term(
            findings_on=c.internal_findings_on, complaint_received_on=c.internal_received_on,
            committee=c.internal_committee, postponed=c.internal_postponed, calendar=calendar)
        if year is not None:
            planned.append(Planned(DeadlineKind.OMBUDSMAN_YEAR, year, complaint=c,
                                   watched=not c.outcome))
    elif c.findings_on:
        year = rules.ombudsman_request_term(findings_on=c.findings_on, calendar=calendar)
        planned.append(Planned(DeadlineKind.OMBUDSMAN_YEAR, year, complaint=c, watched=False))
    return planned


@transaction.atomic
def deadlines_recompute(*, case: Case, calendar: rules.HolidayCalendar | None = None) -> list[Deadline]:
    """Recompute every deadline of ``case`` from its decisions and complaints.

    Existing rows are updated in place (their alerts stay linked), rows that no longer apply
    are removed, and the case's worklist sort key is refreshed.
    """
    calendar = calendar or holiday_calendar()
    planned: list[Planned] = []
    for decision in DisputedDecision.objects.filter(case=case):
        planned += _plan_decision(decision, calendar)
    for complaint in Complaint.objects.filter(case=case):
        complaint.case = case
        planned += _plan_complaint(complaint, calendar)
    kept = []
    for p in planned:
        t = p.term
        deadline, _ = Deadline.objects.update_or_create(
            case=case, decision=p.decision, complaint=p.complaint, kind=p.kind,
            defaults={"name": t.name, "start": t.start, "raw_end": t.raw_end, "end": t.end,
                      "basis": t.basis, "explanation": t.explanation, "caveat": t.caveat,
                      "watched": p.watched, "met_on": p.met_on},
        )
        kept.append(deadline)
    Deadline.objects.filter(case=case).exclude(pk__in=[d.pk for d in kept]).delete()
    nearest = min((d for d in kept if d.is_open), key=lambda d: (d.end, d.raw_end), default=None)
    Case.objects.filter(pk=case.pk).update(
        next_deadline_end=nearest.end if nearest else None,
        next_deadline_raw_end=nearest.raw_end if nearest else None,
        next_deadline_name=nearest.name if nearest else "",
    )
    return kept


def _save(obj, fields, values: dict, check) -> None:
    for field, value in values.items():
        if field not in fields:
            raise TypeError(f"unknown field {field}")
        setattr(obj, field, value)
    check(obj)
    obj.save()


@transaction.atomic
def decision_create(*, user, case: Case, **values) -> DisputedDecision:
    """Record a disputed decision of ``case`` and compute its terms (Awb 6:7, 7:10, 8:1)."""
    require_case_role(user, case)
    decision = DisputedDecision(case=case)
    _save(decision, DECISION_FIELDS, values, _check_decision)
    deadlines_recompute(case=case)
    audit_case(user=user, case=case, action=Action.UPDATE, event="decision.created",
               details={"decision": decision.pk})
    return decision


@transaction.atomic
def decision_update(*, user, decision: DisputedDecision, **values) -> DisputedDecision:
    """Change the facts of a decision; its terms are recomputed at once."""
    require_case_role(user, decision.case)
    _save(decision, DECISION_FIELDS, values, _check_decision)
    deadlines_recompute(case=decision.case)
    audit_case(user=user, case=decision.case, action=Action.UPDATE, event="decision.updated",
               details={"decision": decision.pk, "fields": sorted(values)})
    return decision


@transaction.atomic
def decision_delete(*, user, decision: DisputedDecision) -> None:
    case = decision.case
    require_case_role(user, case)
    pk = decision.pk
    decision.delete()
    deadlines_recompute(case=case)
    audit_case(user=user, case=case, action=Action.DELETE, event="decision.deleted",
               details={"decision": pk})


@transaction.atomic
def complaint_update(*, user, complaint: Complaint, **values) -> Complaint:
    """Record facts of a complaint's handling; its terms are recomputed at once.

    The complaint itself is opened and closed by the case's workflow
    (``procedures.complaints``); once it is closed, it changes only after reopening the case.
    """
    require_case_role(user, complaint.case)
    # The stored outcome decides (the caller's copy may predate the closure), under a lock so
    # that a closure cannot slip in between.
    complaint.outcome = (Complaint.objects.select_for_update().filter(pk=complaint.pk)
                         .values_list("outcome", flat=True).get())
    if complaint.outcome:
        raise ValidationError("Deze klacht is afgehandeld. Heropen de zaak om haar te wijzigen.",
                              code="complaint_closed")
    changed = sorted(name for name, value in values.items()
                     if name in COMPLAINT_FIELDS and getattr(complaint, name) != value)
    _save(complaint, COMPLAINT_FIELDS, values, _check_complaint)
    if set(values) & REQUIREMENTS and not complaint.requirements_checked:
        complaint.requirements_checked = True
        complaint.save(update_fields=["requirements_checked"])
    deadlines_recompute(case=complaint.case)
    if changed:
        labels = ", ".join(str(Complaint._meta.get_field(name).verbose_name) for name in changed)
        TimelineEntry.objects.create(
            case=complaint.case, kind=EntryKind.DETAILS, occurred_at=timezone.now(), author=user,
            summary=f"Klacht bijgewerkt: {labels}"[:200])
    audit_case(user=user, case=complaint.case, action=Action.UPDATE, event="complaint.updated",
               details={"complaint": complaint.pk, "fields": changed})
    return complaint


def deadlines_recompute_open() -> int:
    """Recompute the deadlines of every case that still has an open one, e.g. after the
    beheerder changed the designated days. Returns the number of cases."""
    calendar = holiday_calendar()
    case_ids = set(Deadline.objects.filter(Q(met_on__isnull=True) | Q(watched=False))
                   .values_list("case_id", flat=True).distinct())
    # Complaints opened by a migration have no terms yet.
    case_ids |= set(Complaint.objects.filter(deadlines__isnull=True)
                    .values_list("case_id", flat=True))
    count = 0
    for case in Case.objects.filter(pk__in=case_ids).iterator(chunk_size=500):
        deadlines_recompute(case=case, calendar=calendar)
        count += 1
    return count
