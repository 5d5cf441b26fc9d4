"""The objection beyond its term, through the services (issue 14): 6:9 lid 2 (posted in time),
a late objection flagged with what 6:11 allows, a postponement after the term refused
(7:10 lid 3), further delay with the objector's consent (7:10 lid 4), and a decision date
given by the resident watched at once until staff check it."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from ombuds.procedures.models import Deadline
from ombuds.procedures.services import decision_create, decision_from_resident, decision_update
from ombuds.tests.factories import register_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(date(2026, 9, 1), tick=False):
        yield


def term(case, kind="bezwaar"):
    return Deadline.objects.get(case=case, kind=kind)


def objected(office, **values):
    # Made known 24 March 2026: the objection term ends Wednesday 6 May (5 May: Bevrijdingsdag).
    case = register_case(office)
    decision_create(user=office.ombudsman, case=case, subject="Hulp beëindigd",
                    made_known_on=date(2026, 3, 24), **values)
    return case


def test_a_posted_objection_arriving_within_the_week_is_in_time_by_its_posting_date(office):
    case = objected(office, objection_posted_on=date(2026, 5, 6),
                    objection_filed_on=date(2026, 5, 12))
    objection = term(case)
    assert objection.met_on == date(2026, 5, 6)  # met in time: by its posting date
    assert "op tijd (Awb 6:9 lid 2)" in objection.caveat and "6:11" not in objection.caveat


def test_a_late_objection_is_flagged_and_keeps_its_reason(office):
    case = objected(office, objection_filed_on=date(2026, 5, 8),
                    lateness_reason="Meneer lag in het ziekenhuis van 1 tot en met 7 mei en kon "
                                    "daardoor niet eerder reageren op de brief van de gemeente.")
    objection = term(case)
    assert objection.met_on == date(2026, 5, 8)
    assert "te laat" in objection.caveat and "Awb 6:11" in objection.caveat
    assert "kon daardoor niet eerder reageren op de brief van de gemeente." in objection.caveat


def test_a_postponement_after_the_decision_term_ended_is_refused(office):
    # Objection in time; the decision term (6 weeks after 6 May) ends Wednesday 17 June.
    case = objected(office, objection_filed_on=date(2026, 5, 1))
    decision = case.decisions.get()
    with pytest.raises(ValidationError) as refused:
        decision_update(user=office.ombudsman, decision=decision, postponed_on=date(2026, 6, 18))
    assert "7:10 lid 3" in refused.value.message_dict["postponed_on"][0]
    decision_update(user=office.ombudsman, decision=decision, postponed_on=date(2026, 6, 17))
    assert term(case, "beslissing_bezwaar").end == date(2026, 7, 29)


def test_further_delay_with_consent_moves_the_decision_term(office):
    case = objected(office, objection_filed_on=date(2026, 5, 1), postponed_on=date(2026, 6, 10))
    decision = case.decisions.get()
    with pytest.raises(ValidationError) as refused:
        decision_update(user=office.ombudsman, decision=decision,
                        delay_consented_until=date(2026, 9, 30))
    assert "7:10 lid 4" in refused.value.message_dict["delay_consent_on"][0]
    decision_update(user=office.ombudsman, decision=decision, delay_consent_on=date(2026, 7, 20),
                    delay_consented_until=date(2026, 9, 30))
    later = term(case, "beslissing_bezwaar")
    assert later.end == date(2026, 9, 30) and "7:10 lid 4" in later.explanation
    case.refresh_from_db()
    assert case.next_legal_end == date(2026, 9, 30)  # not a passed term any more


def test_a_date_from_the_resident_is_watched_at_once_and_marked_until_checked(office):
    case = register_case(office)
    decision = decision_from_resident(case=case, made_known_on=date(2026, 8, 20))
    objection = term(case)
    assert objection.end == date(2026, 10, 1) and objection.met_on is None
    assert "door de inwoner opgegeven" in objection.caveat
    decision_update(user=office.ombudsman, decision=decision, checked_on=date(2026, 9, 1))
    assert "door de inwoner opgegeven" not in term(case).caveat
