"""Disputed decisions and complaints turn into deadlines, recomputed when a date changes."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from ombuds.cases.services import case_transition
from ombuds.core.models import AuditEntry
from ombuds.procedures.models import Complaint, Deadline, DesignatedDay, DesignationDecree
from ombuds.procedures.planning import deadlines_recompute_open
from ombuds.procedures.services import (
    complaint_update,
    decision_create,
    decision_delete,
    decision_update,
)
from ombuds.tests.factories import first_contact, register_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(date(2026, 4, 20), tick=False):
        yield


def kinds(case):
    return {d.kind: d for d in Deadline.objects.filter(case=case)}


def test_a_decision_gets_its_objection_term_and_the_case_its_sort_key(office):
    case = first_contact(office, register_case(office))
    decision_create(user=office.ombudsman, case=case, subject="Scootmobiel afgewezen",
                    made_known_on=date(2026, 3, 24))
    term = kinds(case)["bezwaar"]
    assert (term.start, term.raw_end, term.end) == (date(2026, 3, 25), date(2026, 5, 5), date(2026, 5, 6))
    assert "Awb 6:7, 6:8" in term.basis and "Bevrijdingsdag" in term.explanation
    case.refresh_from_db()
    assert (case.next_deadline_end, case.next_deadline_raw_end) == (date(2026, 5, 6), date(2026, 5, 5))
    assert case.next_deadline_name == "Bezwaartermijn"
    assert AuditEntry.objects.filter(event="decision.created", object_id=str(case.pk)).exists()


def test_changing_the_date_recomputes_every_term(office):
    case = register_case(office)
    decision = decision_create(user=office.ombudsman, case=case, subject="Besluit",
                               made_known_on=date(2026, 3, 24))
    decision_update(user=office.ombudsman, decision=decision, made_known_on=date(2026, 3, 3))
    assert kinds(case)["bezwaar"].end == date(2026, 4, 14)
    case.refresh_from_db()
    assert case.next_deadline_end == date(2026, 4, 14)


def test_an_objection_meets_the_objection_term_and_starts_the_decision_term(office):
    case = first_contact(office, register_case(office))
    decision = decision_create(user=office.ombudsman, case=case, subject="Besluit",
                               made_known_on=date(2026, 3, 3))
    decision_update(user=office.ombudsman, decision=decision, objection_filed_on=date(2026, 4, 1),
                    committee=True)
    terms = kinds(case)
    assert terms["bezwaar"].met_on == date(2026, 4, 1)
    assert terms["beslissing_bezwaar"].end == date(2026, 7, 7)  # 14 Apr + 12 weeks
    case.refresh_from_db()
    assert case.next_deadline_end == date(2026, 7, 7)  # the met term no longer counts


def test_the_appeal_term_follows_the_decision_on_the_objection(office):
    case = register_case(office)
    decision = decision_create(user=office.ombudsman, case=case, subject="Besluit",
                               made_known_on=date(2026, 1, 5), objection_filed_on=date(2026, 1, 20))
    decision_update(user=office.ombudsman, decision=decision, objection_decided_on=date(2026, 3, 24))
    terms = kinds(case)
    assert terms["beslissing_bezwaar"].met_on == date(2026, 3, 24)
    assert terms["beroep"].end == date(2026, 5, 6)


def test_removing_the_objection_removes_the_terms_that_depended_on_it(office):
    case = first_contact(office, register_case(office))
    decision = decision_create(user=office.ombudsman, case=case, subject="Besluit",
                               made_known_on=date(2026, 3, 3), objection_filed_on=date(2026, 3, 20))
    decision_update(user=office.ombudsman, decision=decision, objection_filed_on=None)
    assert set(kinds(case)) == {"bezwaar", "eerste_contact"}
    decision_delete(user=office.ombudsman, decision=decision)
    case.refresh_from_db()
    # Only the office's promise, met by the call, is left: nothing open to sort by.
    assert list(Deadline.objects.filter(case=case).values_list("kind", "met_on")) == [
        ("eerste_contact", date(2026, 4, 20))]
    assert case.next_deadline_end is None


@pytest.mark.parametrize(("values", "field"), [
    ({"made_known_on": date(2026, 5, 1)}, "made_known_on"),  # in the future
    ({"made_known_on": date(2026, 3, 3), "objection_filed_on": date(2026, 3, 1)}, "objection_filed_on"),
    ({"made_known_on": date(2026, 3, 3), "postponed_on": date(2026, 3, 10)}, "postponed_on"),
    ({"made_known_on": date(2026, 3, 3), "appeal_filed_on": date(2026, 4, 1)}, "appeal_filed_on"),
    ({"made_known_on": date(2026, 3, 3), "subject": " "}, "subject"),
])
def test_impossible_dates_are_refused_in_dutch_and_nothing_is_stored(office, values, field):
    case = register_case(office)
    values = {"subject": "Besluit", **values}
    with pytest.raises(ValidationError) as error:
        decision_create(user=office.ombudsman, case=case, **values)
    assert field in error.value.message_dict
    # The case keeps the office's promise of first contact it got at registration, no more.
    assert list(Deadline.objects.values_list("kind", flat=True)) == ["eerste_contact"]


def complaint_create(*, user, case, received_on, **facts):
    """A Westerveld (variant 5) case converted into a formal complaint received on
    ``received_on``, with ``facts`` recorded: the way a complaint comes into being."""
    case_transition(user=user, case=case, target="intake")
    case_transition(user=user, case=case, target="klacht", on=received_on)
    complaint = Complaint.objects.get(case=case)
    if facts:
        complaint_update(user=user, complaint=complaint, **facts)
    return complaint


def test_a_complaint_gets_decision_and_refusal_terms(office):
    case = register_case(office, municipality=office.westerveld)
    complaint = complaint_create(user=office.ombudsman, case=case, subject="Bejegening",
                                 received_on=date(2026, 3, 24), conduct_on=date(2025, 6, 1))
    terms = kinds(case)
    assert terms["afhandeling_klacht"].end == date(2026, 5, 6)
    assert terms["niet_behandelen"].end == date(2026, 4, 21)  # 24 Mar + 4 weeks
    year = terms["jaartermijn_klacht"]
    assert not year.watched and year.met_on == date(2026, 3, 24)  # received within the year
    complaint_update(user=office.ombudsman, complaint=complaint, postponed_on=date(2026, 4, 15),
                     hearing_on=date(2026, 4, 16))
    terms = kinds(case)
    assert terms["afhandeling_klacht"].end == date(2026, 6, 3)  # +4 weeks from 6 May
    # Heard: the complaint is being handled, so the notice term is information only.
    assert not terms["niet_behandelen"].watched and terms["niet_behandelen"].met_on is None


def test_further_delay_needs_the_complainants_consent_and_moves_the_end(office):
    case = register_case(office, municipality=office.westerveld)
    complaint = complaint_create(user=office.ombudsman, case=case, subject="Bejegening",
                                 received_on=date(2026, 3, 24))
    with pytest.raises(ValidationError):
        complaint_update(user=office.ombudsman, complaint=complaint,
                         delay_consented_until=date(2026, 7, 1))
    complaint_update(user=office.ombudsman, complaint=complaint, postponed_on=date(2026, 4, 15),
                     delay_consent_on=date(2026, 4, 17), delay_consented_until=date(2026, 7, 1))
    term = kinds(case)["afhandeling_klacht"]
    assert term.end == date(2026, 7, 1) and "instemming" in term.basis


def test_findings_open_the_residents_year_to_go_to_the_ombudsman(office):
    case = register_case(office, municipality=office.westerveld)
    complaint = complaint_create(user=office.ombudsman, case=case, subject="Bejegening",
                                 received_on=date(2026, 1, 6))
    complaint_update(user=office.ombudsman, complaint=complaint, findings_on=date(2026, 2, 12))
    terms = kinds(case)
    assert terms["afhandeling_klacht"].met_on == date(2026, 2, 12)
    assert terms["jaartermijn_ombudsman"].end == date(2027, 2, 12)
    assert not terms["jaartermijn_ombudsman"].watched


def test_policy_cannot_record_procedures(office):
    case = register_case(office)
    with pytest.raises(PermissionDenied):
        decision_create(user=office.beleid, case=case, subject="x", made_known_on=date(2026, 3, 3))


def test_a_new_designated_day_moves_open_deadlines(office):
    case = register_case(office)
    decision_create(user=office.ombudsman, case=case, subject="Besluit",
                    made_known_on=date(2026, 4, 1))  # raw end Wednesday 13 May 2026
    assert kinds(case)["bezwaar"].end == date(2026, 5, 13)
    decree = DesignationDecree.objects.get(first_year=2026)
    DesignatedDay.objects.create(decree=decree, day=date(2026, 5, 13), description="test")
    assert deadlines_recompute_open() == 1
    assert kinds(case)["bezwaar"].end == date(2026, 5, 18)  # 13 designated, 14 Asc, 15, weekend


def test_the_refusal_notice_term_is_information_once_receipt_is_acknowledged(office):
    case = register_case(office, municipality=office.westerveld)
    complaint = complaint_create(user=office.ombudsman, case=case, subject="Bejegening",
                                 received_on=date(2026, 3, 2))
    assert kinds(case)["niet_behandelen"].is_open  # 30 March passed: the watch says so
    complaint_update(user=office.ombudsman, complaint=complaint, acknowledged_on=date(2026, 3, 4))
    refusal = kinds(case)["niet_behandelen"]
    assert not refusal.watched and refusal.met_on is None
