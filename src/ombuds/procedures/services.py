"""Writes for disputed decisions and complaints; each recomputes the case's deadlines.

``deadlines_recompute`` is the one place that turns the facts (dates) into ``Deadline`` rows
with the pure rules of ``ombuds.deadlines``, and keeps ``Case.next_deadline_*`` (the worklist
sort key) in step, in the same transaction as the change.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ombuds import deadlines as rules
from ombuds.accounts.roles import CASE_ROLES
from ombuds.cases.models import Case, EntryKind, TimelineEntry
from ombuds.cases.selectors import audit_case
from ombuds.core.audit import Action
from ombuds.procedures.models import Complaint, DisputedDecision
from ombuds.procedures.planning import deadlines_recompute
from ombuds.procedures.selectors import holiday_calendar

DECISION_FIELDS = ("organisation", "subject", "made_known_on", "objection_filed_on",
                   "objection_posted_on", "lateness_reason", "committee", "postponed_on",
                   "delay_consent_on", "delay_consented_until", "objection_decided_on",
                   "appeal_filed_on", "checked_on")
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
    for field in ("objection_posted_on", "delay_consent_on", "checked_on"):
        value = getattr(d, field)
        if value and value > today:
            errors[field] = "Deze datum ligt in de toekomst."
    _order(errors, "objection_filed_on", d.objection_filed_on, d.objection_posted_on,
           "Het bezwaar kan niet vóór het op de post doen zijn ontvangen.")
    if d.objection_posted_on and not d.objection_filed_on:
        errors["objection_filed_on"] = "Vul ook in wanneer het bezwaar is ontvangen (Awb 6:9)."
    if d.postponed_on and d.objection_filed_on and "postponed_on" not in errors:
        unpostponed = rules.objection_decision_term(
            rules.objection_term(d.made_known_on, holiday_calendar()).end,
            committee=d.committee, calendar=holiday_calendar())
        if not rules.postponement_in_time(d.postponed_on, unpostponed):
            errors["postponed_on"] = (
                f"Verdagen kan alleen zolang de beslistermijn loopt: die eindigde op "
                f"{rules.nl_date(unpostponed.end)} (Awb 7:10 lid 3). Daarna kan alleen verder "
                "uitstel met instemming van de bezwaarmaker (Awb 7:10 lid 4).")
    if d.delay_consented_until and not d.delay_consent_on:
        errors["delay_consent_on"] = ("Verder uitstel mag alleen met instemming van de "
                                      "bezwaarmaker: vul in wanneer die is gegeven (Awb 7:10 lid 4).")
    if d.delay_consented_until and not d.objection_filed_on:
        errors["delay_consented_until"] = "Uitstel kan alleen als er bezwaar is gemaakt."
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


def decision_from_resident(*, case: Case, made_known_on: date) -> DisputedDecision:
    """The decision a resident named on the web form: watched at once, marked as given by the
    resident until staff check it (``decision_update(checked_on=…)``). Called in the public
    intake's transaction, where no staff member acts, so no role is checked."""
    decision = DisputedDecision(case=case, subject="Besluit genoemd in het webformulier",
                                made_known_on=made_known_on, given_by_resident=True)
    _check_decision(decision)
    decision.save()
    deadlines_recompute(case=case)
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
