"""Writes for disputed decisions and complaints; each recomputes the case's deadlines.

``deadlines_recompute`` is the one place that turns the facts (dates) into ``Deadline`` rows
with the pure rules of ``ombuds.deadlines``, and keeps ``Case.next_deadline_*`` (the worklist
sort key) in step, in the same transaction as the change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ombuds import deadlines as rules
from ombuds.accounts.roles import CASE_ROLES
from ombuds.cases.models import Case
from ombuds.cases.selectors import audit_case
from ombuds.core.audit import Action
from ombuds.procedures.models import Complaint, Deadline, DeadlineKind, DisputedDecision
from ombuds.procedures.selectors import holiday_calendar

DECISION_FIELDS = ("organisation", "subject", "made_known_on", "objection_filed_on", "committee",
                   "postponed_on", "objection_decided_on", "appeal_filed_on")
COMPLAINT_FIELDS = ("kind", "subject", "received_on", "conduct_on", "internal_findings_on",
                    "committee", "acknowledged_on", "not_handled_notice_on", "hearing_on",
                    "postponed_on", "delay_consented_until", "findings_on")


@dataclass(frozen=True)
class Planned:
    kind: str
    term: rules.Term
    decision: DisputedDecision | None = None
    complaint: Complaint | None = None
    watched: bool = True
    met_on: date | None = None


def _require_case_role(user, case: Case) -> None:
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
    errors: dict[str, str] = {}
    today = timezone.localdate()
    for field in ("received_on", "conduct_on", "internal_findings_on", "acknowledged_on",
                  "not_handled_notice_on", "hearing_on", "postponed_on", "findings_on"):
        value = getattr(c, field)
        if value and value > today:
            errors[field] = "Deze datum ligt in de toekomst."
    for field in ("acknowledged_on", "not_handled_notice_on", "hearing_on", "postponed_on",
                  "findings_on", "delay_consented_until"):
        _order(errors, field, getattr(c, field), c.received_on,
               "Deze datum kan niet vóór de ontvangst van de klacht liggen.")
    _order(errors, "received_on", c.received_on, c.conduct_on,
           "De klacht kan niet vóór de gedraging zijn ontvangen.")
    if c.delay_consented_until and not c.postponed_on:
        errors["delay_consented_until"] = "Verder uitstel kan pas na een verdaging (Awb 9:11 lid 2)."
    if c.kind == Complaint.Kind.OMBUDSMAN and not c.internal_findings_on:
        errors["internal_findings_on"] = (
            "Een verzoek aan de ombudsman kan pas na de interne klachtbehandeling (Awb 9:20).")
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


def _with_consent(term: rules.Term, until: date) -> rules.Term:
    explanation = (f"{term.explanation} De klager stemde schriftelijk in met verder uitstel tot "
                   f"en met {rules.nl_date(until)} (Awb 9:11 lid 2).")
    name = term.name.removesuffix(" (verdaagd)") + " (uitstel met instemming)"
    return rules.Term(name=name, start=term.start,
                      raw_end=until, end=until, basis=term.basis + "; instemming klager",
                      explanation=explanation, atw_applies=False, caveat=term.caveat)


def _plan_complaint(c: Complaint, calendar) -> list[Planned]:
    planned = []
    handled = c.findings_on or c.not_handled_notice_on
    decision_term = rules.complaint_term(c.received_on, committee=c.committee,
                                         postponed=bool(c.postponed_on), calendar=calendar)
    if c.delay_consented_until and c.delay_consented_until > decision_term.end:
        decision_term = _with_consent(decision_term, c.delay_consented_until)
    planned.append(Planned(DeadlineKind.COMPLAINT_DECISION, decision_term, complaint=c,
                           met_on=handled))
    if c.kind == Complaint.Kind.COMPLAINT:
        # Only a body that will not handle the complaint must say so within four weeks. Once
        # receipt is acknowledged the complaint is being handled: the term stays visible as
        # information but the watch no longer warns about it.
        planned.append(Planned(
            DeadlineKind.COMPLAINT_REFUSAL, rules.complaint_refusal_notice_term(c.received_on, calendar),
            complaint=c, watched=c.acknowledged_on is None,
            met_on=c.not_handled_notice_on or c.hearing_on or c.findings_on))
    if c.conduct_on:
        year = rules.one_year_limit(c.conduct_on, calendar=calendar)
        planned.append(Planned(DeadlineKind.COMPLAINT_YEAR, year, complaint=c, watched=False,
                               met_on=c.received_on if c.received_on <= year.end else None))
    findings = c.internal_findings_on if c.kind == Complaint.Kind.OMBUDSMAN else c.findings_on
    if findings:
        year = rules.one_year_limit(findings, kind="ombudsman", calendar=calendar)
        met = c.received_on if c.kind == Complaint.Kind.OMBUDSMAN and c.received_on <= year.end \
            else None
        planned.append(Planned(DeadlineKind.OMBUDSMAN_YEAR, year, complaint=c, watched=False,
                               met_on=met))
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
    _require_case_role(user, case)
    decision = DisputedDecision(case=case)
    _save(decision, DECISION_FIELDS, values, _check_decision)
    deadlines_recompute(case=case)
    audit_case(user=user, case=case, action=Action.UPDATE, event="decision.created",
               details={"decision": decision.pk})
    return decision


@transaction.atomic
def decision_update(*, user, decision: DisputedDecision, **values) -> DisputedDecision:
    """Change the facts of a decision; its terms are recomputed at once."""
    _require_case_role(user, decision.case)
    _save(decision, DECISION_FIELDS, values, _check_decision)
    deadlines_recompute(case=decision.case)
    audit_case(user=user, case=decision.case, action=Action.UPDATE, event="decision.updated",
               details={"decision": decision.pk, "fields": sorted(values)})
    return decision


@transaction.atomic
def decision_delete(*, user, decision: DisputedDecision) -> None:
    case = decision.case
    _require_case_role(user, case)
    pk = decision.pk
    decision.delete()
    deadlines_recompute(case=case)
    audit_case(user=user, case=case, action=Action.DELETE, event="decision.deleted",
               details={"decision": pk})


@transaction.atomic
def complaint_create(*, user, case: Case, **values) -> Complaint:
    """Record a complaint (or an ombudsman request) and compute its terms (Awb 9:8, 9:11, 9:24)."""
    _require_case_role(user, case)
    complaint = Complaint(case=case)
    _save(complaint, COMPLAINT_FIELDS, values, _check_complaint)
    deadlines_recompute(case=case)
    audit_case(user=user, case=case, action=Action.UPDATE, event="complaint.created",
               details={"complaint": complaint.pk})
    return complaint


@transaction.atomic
def complaint_update(*, user, complaint: Complaint, **values) -> Complaint:
    _require_case_role(user, complaint.case)
    _save(complaint, COMPLAINT_FIELDS, values, _check_complaint)
    deadlines_recompute(case=complaint.case)
    audit_case(user=user, case=complaint.case, action=Action.UPDATE, event="complaint.updated",
               details={"complaint": complaint.pk, "fields": sorted(values)})
    return complaint


@transaction.atomic
def complaint_delete(*, user, complaint: Complaint) -> None:
    case = complaint.case
    _require_case_role(user, case)
    pk = complaint.pk
    complaint.delete()
    deadlines_recompute(case=case)
    audit_case(user=user, case=case, action=Action.DELETE, event="complaint.deleted",
               details={"complaint": pk})


def deadlines_recompute_open() -> int:
    """Recompute the deadlines of every case that still has an open one, e.g. after the
    beheerder changed the designated days. Returns the number of cases."""
    calendar = holiday_calendar()
    case_ids = (Deadline.objects.filter(Q(met_on__isnull=True) | Q(watched=False))
                .values_list("case_id", flat=True).distinct())
    count = 0
    for case in Case.objects.filter(pk__in=case_ids).iterator(chunk_size=500):
        deadlines_recompute(case=case, calendar=calendar)
        count += 1
    return count
