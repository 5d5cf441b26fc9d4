"""Facts in, terms out: every ``Deadline`` of a case, planned from its decisions, complaints
and applications with the pure rules of ``ombuds.domain`` and stored in one transaction.

``deadlines_recompute`` is the one place that writes ``Deadline`` rows and keeps
``Case.next_deadline_*`` (the worklist sort key) in step; every service that changes a fact a
term depends on calls it in its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ombuds import deadlines as rules
from ombuds.cases.hooks import CaseHook
from ombuds.cases.models import Case, EntryKind, TimelineEntry
from ombuds.domain import not_in_time, objections
from ombuds.procedures.models import (
    Application,
    Complaint,
    Deadline,
    DeadlineKind,
    DisputedDecision,
)
from ombuds.procedures.selectors import holiday_calendar


@dataclass(frozen=True)
class Planned:
    kind: str
    term: rules.Term
    decision: DisputedDecision | None = None
    complaint: Complaint | None = None
    application: Application | None = None
    watched: bool = True
    met_on: date | None = None


def _join(*caveats: str) -> str:
    return " ".join(c.strip() for c in caveats if c.strip())


def _plan_decision(d: DisputedDecision, calendar) -> list[Planned]:
    """The objection term (Awb 6:7, 6:8), judged by 6:9 once an objection came (a late one is
    flagged with what 6:11 allows), the decision term on it (7:10, postponed, further delayed
    with consent under lid 4), and the appeal term (6:7, 8:1)."""
    objection = rules.objection_term(d.made_known_on, calendar)
    objected_on = d.objection_filed_on
    if d.given_by_resident and not d.checked_on:
        objection = replace(objection, caveat=(
            "De datum van het besluit is door de inwoner opgegeven en nog niet gecontroleerd. "
            + objection.caveat).strip())
    if objected_on:
        receipt = objections.objection_receipt(objection, received_on=objected_on,
                                               posted_on=d.objection_posted_on)
        if receipt.in_time and objected_on > objection.end:
            objected_on = d.objection_posted_on  # in time by its posting date (6:9 lid 2)
            objection = replace(objection, caveat=_join(
                objection.caveat, f"{receipt.explanation.rstrip('.')} ({receipt.basis})."))
        elif not receipt.in_time:
            why = (f" Reden: {d.lateness_reason.strip()}" if d.lateness_reason.strip()
                   else " Leg vast waarom het te laat was.")
            objection = replace(objection, caveat=_join(objection.caveat, (
                f"Bezwaar te laat ontvangen, op {rules.nl_date(d.objection_filed_on)} "
                f"(Awb 6:9). Het wordt toch behandeld als dat de indiener redelijkerwijs niet te "
                f"verwijten is (Awb 6:11).{why}")))
    planned = [Planned(DeadlineKind.OBJECTION, objection, decision=d, met_on=objected_on)]
    if d.objection_filed_on:
        decision_term = rules.objection_decision_term(
            objection.end, committee=d.committee, postponed=bool(d.postponed_on), calendar=calendar)
        if d.delay_consent_on and d.delay_consented_until:
            decision_term = objections.with_consent(decision_term, consented_on=d.delay_consent_on,
                                                    until=d.delay_consented_until)
        planned.append(Planned(DeadlineKind.OBJECTION_DECISION, decision_term, decision=d,
                               met_on=d.objection_decided_on))
    if d.objection_decided_on:
        planned.append(Planned(DeadlineKind.APPEAL, rules.appeal_term(d.objection_decided_on, calendar),
                               decision=d, met_on=d.appeal_filed_on))
    return planned


def _plan_application(a: Application, calendar) -> list[Planned]:
    """The decision term of an application (Wmo 2.3.2, 2.3.5; Awb 4:13; Wgs art. 4), met by the
    decision; once a valid notice of default came and no decision, the penalty as it would run
    (Awb 4:17), as information: the resident's claim, not the office's act."""
    term = not_in_time.application_term(a.kind, a.submitted_on, urgent=a.urgent,
                                         calendar=calendar)
    planned = [Planned(DeadlineKind.APPLICATION_DECISION, term, application=a,
                       met_on=a.decided_on)]
    if a.is_decision and a.notice_of_default_on:
        penalty = not_in_time.penalty_for_late_decision(term_end=term.end,
                                                        notice_received_on=a.notice_of_default_on)
        if penalty is not None:
            planned.append(Planned(DeadlineKind.PENALTY, rules.Term(
                name="Dwangsom niet tijdig beslissen", start=penalty.first_day,
                raw_end=penalty.last_day, end=penalty.last_day, basis="Awb 4:17",
                explanation=penalty.explanation, atw_applies=False),
                application=a, watched=False, met_on=a.decided_on))
    return planned


#: Terms the office holds itself to, not the law (kept beside the nearest legal term).
PROMISES = frozenset({DeadlineKind.FIRST_CONTACT})

#: Timeline entries that are contact with the resident (the first one meets the promise); a
#: letter only when it was sent to the resident (a scanned incoming letter is not contact).
CONTACT_KINDS = (EntryKind.PHONE, EntryKind.CONVERSATION, EntryKind.EMAIL_OUT, EntryKind.MEETING)
CONTACT = Q(kind__in=CONTACT_KINDS) | Q(kind=EntryKind.LETTER, sent_to_resident=True)


def _plan_first_contact(case: Case, calendar, *, start: bool) -> list[Planned]:
    """The office's promise of first contact within N working days of a new request (an
    office setting), met by the first contact on the timeline. It starts when a request is
    registered (``start``), not for an imported case, whose contact lies in the old system;
    later recomputations keep it."""
    if not start and not Deadline.objects.filter(case=case,
                                                 kind=DeadlineKind.FIRST_CONTACT).exists():
        return []
    opened = timezone.localtime(case.opened_at).date()
    term = not_in_time.first_contact_term(
        opened, working_days=case.municipality.office.first_contact_days, calendar=calendar)
    first = (TimelineEntry.objects.filter(CONTACT, case=case)
             .order_by("occurred_at").values_list("occurred_at", flat=True).first())
    return [Planned(DeadlineKind.FIRST_CONTACT, term,
                    met_on=timezone.localtime(first).date() if first else None)]


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
def deadlines_recompute(*, case: Case, calendar: rules.HolidayCalendar | None = None,
                        first_contact: bool = False) -> list[Deadline]:
    """Recompute every deadline of ``case`` from its decisions, complaints, applications and
    the office's promise of first contact.

    ``first_contact`` starts the office's promise (a newly registered request). Existing rows
    are updated in place (their alerts stay linked), rows that no longer apply
    are removed, and the case's worklist sort key is refreshed.
    """
    calendar = calendar or holiday_calendar()
    planned: list[Planned] = []
    for decision in DisputedDecision.objects.filter(case=case):
        planned += _plan_decision(decision, calendar)
    for complaint in Complaint.objects.filter(case=case):
        complaint.case = case
        planned += _plan_complaint(complaint, calendar)
    for application in Application.objects.filter(case=case):
        planned += _plan_application(application, calendar)
    planned += _plan_first_contact(case, calendar, start=first_contact)
    kept = []
    for p in planned:
        t = p.term
        deadline, _ = Deadline.objects.update_or_create(
            case=case, decision=p.decision, complaint=p.complaint, application=p.application,
            kind=p.kind,
            defaults={"name": t.name, "start": t.start, "raw_end": t.raw_end, "end": t.end,
                      "basis": t.basis, "explanation": t.explanation, "caveat": t.caveat,
                      "watched": p.watched, "met_on": p.met_on},
        )
        kept.append(deadline)
    Deadline.objects.filter(case=case).exclude(pk__in=[d.pk for d in kept]).delete()
    nearest = min((d for d in kept if d.is_open), key=lambda d: (d.end, d.raw_end), default=None)
    legal = min((d for d in kept if d.is_open and d.kind not in PROMISES),
                key=lambda d: (d.end, d.raw_end), default=None)
    Case.objects.filter(pk=case.pk).update(
        next_deadline_end=nearest.end if nearest else None,
        next_deadline_raw_end=nearest.raw_end if nearest else None,
        next_deadline_name=nearest.name if nearest else "",
        next_legal_end=legal.end if legal else None,
        next_legal_raw_end=legal.raw_end if legal else None,
        next_legal_name=legal.name if legal else "",
    )
    return kept




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


class FirstContactHook(CaseHook):
    """Starts the office's promise of first contact when a request is registered, and meets it
    with the first contact on the timeline (registered in ``ProceduresConfig.ready``)."""

    def registered(self, *, user, case, on, imported) -> None:
        if not imported:
            deadlines_recompute(case=case, first_contact=True)

    def entry_added(self, *, user, case, entry) -> None:
        contact = entry.kind in CONTACT_KINDS or (entry.kind == EntryKind.LETTER
                                                   and entry.sent_to_resident)
        if contact and Deadline.objects.filter(
                case=case, kind=DeadlineKind.FIRST_CONTACT, met_on__isnull=True).exists():
            deadlines_recompute(case=case)
