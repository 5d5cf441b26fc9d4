"""The complaint procedure inside a case (variants 4–6): the workflow drives it.

Entering the complaint status of a variant (receipt in 4, conversion in 5, receipt of a
request in 6) opens the complaint and its terms in the case's transaction; a move the law
does not allow yet is refused (``ombuds.domain.complaints.check_move``); closing the case
closes the complaint with the same outcome, reopening it opens it again. ``ComplaintHook`` is
registered with ``cases.hooks`` in ``ProceduresConfig.ready``.

The facts of the handling (the beklaagde, the 9:4 check, hearing, findings, …) are written by
``procedures.services.complaint_update`` and the element services below.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ombuds.cases.hooks import CaseHook
from ombuds.cases.models import Case, EntryKind, TimelineEntry
from ombuds.cases.selectors import audit_case
from ombuds.core.audit import Action
from ombuds.domain import complaints as law
from ombuds.domain import deadlines as terms
from ombuds.procedures.models import Complaint, ComplaintElement
from ombuds.procedures.planning import deadlines_recompute
from ombuds.procedures.selectors import holiday_calendar
from ombuds.procedures.services import complaint_update, require_case_role

#: The date each move records, by target status (or outcome, for a closing move).
DATE_LABELS = {
    "entry": "Datum van ontvangst",
    "bevestigd": "Ontvangst bevestigd op (Awb 9:6)",
    "niet_behandeld": "Bericht niet-behandelen verstuurd op (Awb 9:8 lid 3)",
    "informeel_opgelost": "Naar tevredenheid opgelost op (Awb 9:5)",
    "ruling": "Bevindingen en oordeel verstuurd op (Awb 9:12)",
}
CLOSING_PARTS = {"niet_behandeld": "bij niet behandelen: het bericht, Awb 9:8 lid 3",
                 "informeel_opgelost": "bij een oplossing: die dag, Awb 9:5"}


def variant_of(case: Case) -> int:
    return case.workflow.variant


def complaint_of(case: Case) -> Complaint | None:
    """The case's complaint (there is at most one, opened by its workflow)."""
    return Complaint.objects.filter(case=case).order_by("id").first()


def facts(complaint: Complaint | None, *, variant: int, today: date) -> law.ComplaintFacts:
    """The snapshot of ``complaint`` the pure rule judges a move by."""
    if complaint is None:
        return law.ComplaintFacts(variant=variant, today=today)
    internal_end = None
    if complaint.internal_received_on:
        internal_end = terms.complaint_term(
            complaint.internal_received_on, committee=complaint.internal_committee,
            postponed=complaint.internal_postponed, calendar=holiday_calendar()).end
    return law.ComplaintFacts(
        variant=variant, today=today,
        has_findings_text=bool(complaint.findings.strip() and complaint.conclusions.strip()),
        judgments=tuple(complaint.elements.values_list("judgment", flat=True)),
        not_handled_ground=complaint.not_handled_ground,
        hearing_on=complaint.hearing_on, has_hearing_report=bool(complaint.hearing_report.strip()),
        hearing_skipped_ground=complaint.hearing_skipped_ground,
        settlement=complaint.settlement,
        internal_findings_on=complaint.internal_findings_on, internal_term_end=internal_end,
        inadmissible_ground=complaint.inadmissible_ground,
        missing=tuple(complaint.missing),
    )


def complaint_open(*, user, case: Case, received_on: date) -> Complaint:
    """Open the complaint of ``case`` (received on ``received_on``) and compute its terms.

    Called by the workflow in the transaction that enters the complaint status; a case has
    one complaint, so a second entry (a reopened, re-converted case) keeps the first.
    """
    existing = complaint_of(case)
    if existing is not None:
        return existing
    kind = Complaint.Kind.OMBUDSMAN if variant_of(case) == 6 else Complaint.Kind.COMPLAINT
    # A complaints committee of the municipality (afdeling 9.1.3) makes the term ten weeks
    # from receipt; a request as second line is not handled by that committee.
    committee = kind == Complaint.Kind.COMPLAINT and case.municipality.complaints_committee
    complaint = Complaint.objects.create(case=case, kind=kind, subject=case.title[:200],
                                         received_on=received_on, committee=committee)
    deadlines_recompute(case=case)
    audit_case(user=user, case=case, action=Action.CREATE, event="complaint.created",
               details={"complaint": complaint.pk, "kind": kind})
    return complaint


class ComplaintHook(CaseHook):
    """Keeps a case of variants 4–6 and its complaint in step (see the module docstring)."""

    def date_label(self, *, case, transition) -> str:
        variant = variant_of(case)
        if variant not in law.COMPLAINT_VARIANTS:
            return ""
        if transition.target == law.entry_status(variant):
            return DATE_LABELS["entry"]
        if variant == 4 and transition.target == "bevestigd":
            return DATE_LABELS["bevestigd"]
        # A closing move records the date of what it closes with; one form serves all its
        # outcomes, so the label names each that records a date.
        outcomes = set(transition.outcomes)
        if outcomes & set(law.RULINGS):
            return DATE_LABELS["ruling"]
        dated = [key for key in ("niet_behandeld", "informeel_opgelost") if key in outcomes]
        if not dated:
            return ""
        if outcomes == set(dated[:1]):
            return DATE_LABELS[dated[0]]
        # Several outcomes share the form (e.g. also "ingetrokken"): say which ones the date is for.
        return "Datum van afsluiten (" + "; ".join(CLOSING_PARTS[key] for key in dated) + ")"

    def registered(self, *, user, case, on, imported) -> None:
        variant = variant_of(case)
        if variant in law.COMPLAINT_VARIANTS and case.status == law.entry_status(variant):
            complaint_open(user=user, case=case, received_on=on)

    def check_transition(self, *, case, source, target, outcome, on) -> None:
        variant = variant_of(case)
        if variant not in law.COMPLAINT_VARIANTS:
            return
        complaint = complaint_of(case)
        if complaint is None and target != law.entry_status(variant):
            return  # variant 5 before conversion: listening and mediation, no complaint yet
        if complaint is not None and on < complaint.received_on:
            raise ValidationError({"on": "Deze datum ligt vóór de ontvangst van de klacht."},
                                  code="date_before_receipt")
        law.check_move(facts(complaint, variant=variant, today=timezone.localdate()),
                       source=source, target=target, outcome=outcome)

    def transitioned(self, *, user, case, source, target, outcome, on) -> None:
        variant = variant_of(case)
        if variant not in law.COMPLAINT_VARIANTS:
            return
        if target == law.entry_status(variant):
            complaint_open(user=user, case=case, received_on=on)
            return
        complaint = complaint_of(case)
        if complaint is None:
            return
        changed = []
        if variant == 4 and target == "bevestigd" and complaint.acknowledged_on is None:
            complaint.acknowledged_on = on
            changed.append("acknowledged_on")
        if outcome:
            complaint.outcome = outcome
            changed.append("outcome")
            if outcome in law.RULINGS and complaint.findings_on is None:
                complaint.findings_on = on
                changed.append("findings_on")
            if outcome == "niet_behandeld" and complaint.not_handled_notice_on is None:
                complaint.not_handled_notice_on = on
                changed.append("not_handled_notice_on")
            if outcome == "informeel_opgelost" and complaint.settled_on is None:
                complaint.settled_on = on
                changed.append("settled_on")
        if changed:
            complaint.save(update_fields=[*changed, "updated_at"])
            _recompute(case)

    def reopened(self, *, user, case) -> None:
        complaint = complaint_of(case)
        if complaint is not None and complaint.outcome:
            complaint.outcome = ""
            complaint.save(update_fields=["outcome", "updated_at"])
            _recompute(case)


def _recompute(case: Case) -> None:
    deadlines_recompute(case=case)


def complaint_letter_sent(*, user, case: Case, fact: str, on: date) -> None:
    """A letter of the procedure was sent on ``on``: record the fact it is the proof of (the
    acknowledgement's 9:6 date, the 9:9 copy, the findings of 9:12 …) unless it is already
    recorded or the complaint is closed. Called in the letter's transaction."""
    complaint = complaint_of(case)
    if complaint is None or complaint.outcome or getattr(complaint, fact) is not None:
        return
    complaint.case = case
    complaint_update(user=user, complaint=complaint, **{fact: on})


# --- the elements of a complaint and the judgment on each (Awb 9:12 lid 1) -------------------

ELEMENT_FIELDS = ("description", "judgment", "norm", "reasons")


def _check_element(element: ComplaintElement) -> None:
    errors = {}
    if not element.description.strip():
        errors["description"] = "Beschrijf het klachtonderdeel."
    if element.judgment and element.judgment not in law.JUDGMENTS:
        errors["judgment"] = "Kies gegrond, deels gegrond, ongegrond of geen oordeel."
    if element.judgment and not element.reasons.strip():
        errors["reasons"] = "Motiveer het oordeel (Awb 9:12 lid 1: gemotiveerd)."
    if element.norm and element.norm not in law.NORMS:
        errors["norm"] = "Kies een behoorlijkheidsnorm uit de lijst."
    if errors:
        raise ValidationError(errors)


def _require_open(complaint: Complaint) -> None:
    complaint.outcome = (Complaint.objects.select_for_update().filter(pk=complaint.pk)
                         .values_list("outcome", flat=True).get())
    if complaint.outcome:
        raise ValidationError("Deze klacht is afgehandeld. Heropen de zaak om haar te wijzigen.",
                              code="complaint_closed")


@transaction.atomic
def element_create(*, user, complaint: Complaint, **values) -> ComplaintElement:
    """Add an element (klachtonderdeel) to ``complaint``."""
    require_case_role(user, complaint.case)
    _require_open(complaint)
    last = complaint.elements.order_by("-position").values_list("position", flat=True).first()
    element = ComplaintElement(complaint=complaint, position=(last or 0) + 1)
    _set(element, values)
    element.save()
    _timeline(user, complaint, f"Klachtonderdeel {element.position} vastgelegd")
    audit_case(user=user, case=complaint.case, action=Action.UPDATE,
               event="complaint.element_created",
               details={"complaint": complaint.pk, "element": element.pk})
    return element


@transaction.atomic
def element_update(*, user, element: ComplaintElement, **values) -> ComplaintElement:
    """Change an element or its judgment."""
    complaint = element.complaint
    require_case_role(user, complaint.case)
    _require_open(complaint)
    _set(element, values)
    element.save()
    if "judgment" in values and element.judgment:
        _timeline(user, complaint, f"Klachtonderdeel {element.position}: "
                                   f"{law.JUDGMENTS[element.judgment].lower()}")
    audit_case(user=user, case=complaint.case, action=Action.UPDATE,
               event="complaint.element_updated",
               details={"complaint": complaint.pk, "element": element.pk,
                        "fields": sorted(values)})
    return element


@transaction.atomic
def element_delete(*, user, element: ComplaintElement) -> None:
    complaint = element.complaint
    require_case_role(user, complaint.case)
    _require_open(complaint)
    pk = element.pk
    element.delete()
    audit_case(user=user, case=complaint.case, action=Action.DELETE,
               event="complaint.element_deleted", details={"complaint": complaint.pk,
                                                          "element": pk})


def _set(element: ComplaintElement, values: dict) -> None:
    for name, value in values.items():
        if name not in ELEMENT_FIELDS:
            raise TypeError(f"unknown field {name}")
        setattr(element, name, value if value is not None else "")
    _check_element(element)


def _timeline(user, complaint: Complaint, summary: str) -> None:
    TimelineEntry.objects.create(case=complaint.case, kind=EntryKind.NOTE,
                                 occurred_at=timezone.now(), author=user, summary=summary[:200])
