"""A decision that does not come (Awb 4:13, 4:17, 6:12; Wmo 2015; Wgs) and the office's promise
of first contact; the objection beyond its term (Awb 6:9, 6:11, 7:10 lid 4)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ombuds.domain.deadlines import HolidayCalendar, objection_decision_term, objection_term
from ombuds.domain.not_in_time import (
    appeal_not_in_time_from,
    application_term,
    first_contact_term,
    penalty_for_late_decision,
)
from ombuds.domain.objections import objection_receipt, with_consent

D = date.fromisoformat


@pytest.mark.parametrize("kind, submitted, urgent, end, basis", [
    # Wmo 2.3.5: two weeks; 3 Dec 2026 + 14 = 17 Dec (Thursday)
    ("wmo_aanvraag", "2026-12-03", False, "2026-12-17", "Wmo 2015 art. 2.3.5 lid 1"),
    # ... 11 Dec + 14 = 25 Dec (Christmas), 26 Boxing Day, 27 Sunday → Monday 28 Dec
    ("wmo_aanvraag", "2026-12-11", False, "2026-12-28", "Wmo 2015 art. 2.3.5 lid 1"),
    # Wmo 2.3.2: six weeks; 24 March + 42 = 5 May (Bevrijdingsdag) → 6 May
    ("wmo_melding", "2026-03-24", False, "2026-05-06", "Wmo 2015 art. 2.3.2 lid 1"),
    # Awb 4:13: eight weeks; 20 March + 56 = 15 May 2026, a designated day → Monday 18 May
    ("jeugdwet", "2026-03-20", False, "2026-05-18", "Awb 4:13 lid 2"),
    ("participatiewet", "2026-03-02", False, "2026-04-28", "Awb 4:13 lid 2"),  # 27 Apr Koningsdag
    # Wgs art. 4: four weeks, or three working days when urgent
    ("schuldhulp", "2026-03-02", False, "2026-03-30", "Wgs art. 4 lid 1"),
    ("schuldhulp", "2026-04-02", True, "2026-04-09", "Wgs art. 4 lid 2"),  # Good Fri, Easter Mon
])
def test_each_application_has_its_decision_term(kind, submitted, urgent, end, basis):
    term = application_term(kind, D(submitted), urgent=urgent)
    assert term.end == D(end)
    assert term.basis.startswith(basis)


def test_a_designated_day_the_beheerder_added_moves_the_end():
    calendar = HolidayCalendar.with_days({D("2026-12-17"): "test"})
    assert application_term("wmo_aanvraag", D("2026-12-03"), calendar=calendar).end == D("2026-12-18")


def test_an_unknown_kind_is_an_error():
    with pytest.raises(ValueError):
        application_term("vergunning", D("2026-03-02"))


# --- Awb 4:17 and 6:12 --------------------------------------------------------------------

def test_the_penalty_runs_from_two_weeks_after_the_notice_for_at_most_42_days():
    penalty = penalty_for_late_decision(term_end=D("2026-03-16"), notice_received_on=D("2026-03-20"))
    assert (penalty.first_day, penalty.last_day) == (D("2026-04-04"), D("2026-05-15"))
    assert penalty.maximum == 14 * 23 + 14 * 35 + 14 * 45 == 1442
    assert penalty.owed_until(D("2026-04-03")) == 0
    assert penalty.owed_until(D("2026-04-04")) == 23
    assert penalty.owed_until(D("2026-04-17")) == 14 * 23
    assert penalty.owed_until(D("2026-04-18")) == 14 * 23 + 35
    assert penalty.owed_until(D("2027-01-01")) == 1442
    assert [(a, b, rate) for a, b, rate in penalty.periods()] == [
        (D("2026-04-04"), D("2026-04-17"), 23), (D("2026-04-18"), D("2026-05-01"), 35),
        (D("2026-05-02"), D("2026-05-15"), 45)]
    assert "Algemene termijnenwet geldt hier niet" in penalty.explanation


def test_the_penalty_days_are_not_extended_by_the_atw():
    # The 42nd day is Bevrijdingsdag (5 May 2026): the penalty still stops there.
    penalty = penalty_for_late_decision(term_end=D("2026-03-01"), notice_received_on=D("2026-03-10"))
    assert penalty.last_day == D("2026-05-05")


def test_a_notice_before_the_term_passed_does_not_count():
    assert penalty_for_late_decision(term_end=D("2026-03-16"),
                                     notice_received_on=D("2026-03-16")) is None
    assert appeal_not_in_time_from(term_end=D("2026-03-16"),
                                   notice_received_on=D("2026-03-10")) is None


def test_the_appeal_against_not_deciding_opens_two_weeks_after_the_notice():
    assert appeal_not_in_time_from(term_end=D("2026-03-16"),
                                   notice_received_on=D("2026-03-20")) == D("2026-04-04")


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 1)),
       st.integers(min_value=1, max_value=200), st.integers(min_value=0, max_value=400))
def test_the_penalty_never_exceeds_the_cap(term_end, after, days):
    from datetime import timedelta

    penalty = penalty_for_late_decision(term_end=term_end,
                                        notice_received_on=term_end + timedelta(days=after))
    owed = penalty.owed_until(penalty.first_day + timedelta(days=days))
    assert 0 < owed <= 1442
    assert (penalty.last_day - penalty.first_day).days == 41


# --- the office's promise -----------------------------------------------------------------

@pytest.mark.parametrize("request_day, days, end", [
    ("2026-12-07", 5, "2026-12-14"),   # Monday → next Monday
    ("2026-12-22", 5, "2026-12-30"),   # over Christmas (Boxing Day is a Saturday)
    ("2026-04-23", 5, "2026-05-01"),   # over Koningsdag (Monday 27 April)
    ("2026-12-07", 2, "2026-12-09"),
])
def test_first_contact_counts_working_days(request_day, days, end):
    term = first_contact_term(D(request_day), working_days=days)
    assert term.end == term.raw_end == D(end)
    assert term.basis == "Werkwijze van het bureau"


# --- Awb 6:9, 6:11, 7:10 lid 4 ------------------------------------------------------------

TERM = objection_term(D("2026-03-24"))  # ends Wednesday 6 May 2026 (5 May: Bevrijdingsdag)


def test_an_objection_received_in_the_term_is_in_time():
    receipt = objection_receipt(TERM, received_on=D("2026-05-06"))
    assert receipt.in_time and receipt.basis == "Awb 6:9 lid 1"


def test_a_posted_objection_arriving_within_a_week_after_the_end_is_in_time():
    receipt = objection_receipt(TERM, received_on=D("2026-05-13"), posted_on=D("2026-05-06"))
    assert receipt.in_time and receipt.basis == "Awb 6:9 lid 2"


@pytest.mark.parametrize("received, posted", [
    ("2026-05-07", None), ("2026-05-14", "2026-05-06"), ("2026-05-08", "2026-05-07")])
def test_a_late_objection_is_flagged_with_what_6_11_allows(received, posted):
    receipt = objection_receipt(TERM, received_on=D(received),
                                posted_on=D(posted) if posted else None)
    assert not receipt.in_time
    assert "6:11" in receipt.explanation and "te laat" in receipt.explanation


def test_further_delay_with_consent_moves_the_decision_term():
    decision = objection_decision_term(TERM.end, postponed=True)
    delayed = with_consent(decision, consented_on=D("2026-07-01"), until=D("2026-09-01"))
    assert delayed.end == D("2026-09-01") and "7:10 lid 4" in delayed.explanation
    assert with_consent(decision, consented_on=D("2026-07-01"), until=decision.end) is decision
