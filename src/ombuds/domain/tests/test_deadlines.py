"""The legal terms, checked against dates worked out by hand from the calendar.

Holidays used below (Atw art. 3): 2025 — Good Friday 18 Apr, Easter Monday 21 Apr, Koningsdag
Saturday 26 Apr (27 Apr was a Sunday), Ascension 29 May (+ designated 30 May), Whit Monday
9 Jun. 2026 — designated 2 Jan, Good Friday 3 Apr, Easter Monday 6 Apr, Koningsdag Monday
27 Apr, Ascension 14 May (+ designated 15 May), Whit Monday 25 May, Christmas Fri 25/Sat 26 Dec.
2027 — Good Friday 26 Mar, Easter Monday 29 Mar, Koningsdag Tue 27 Apr, Ascension 6 May
(+ designated 7 May), Whit Monday 17 May. 2028 — Good Friday 14 Apr, Easter Monday 17 Apr,
Koningsdag Thu 27 Apr (+ designated 28 Apr), Ascension 25 May (+ designated 26 May), Whit
Monday 5 Jun, Christmas Mon 25/Tue 26 Dec.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ombuds import deadlines
from ombuds.deadlines import (
    HolidayCalendar,
    apply_atw,
    complaint_refusal_notice_term,
    complaint_term,
    debt_help_first_contact_term,
    is_atw_holiday,
    objection_decision_term,
    objection_term,
    one_year_limit,
    reasonable_decision_term,
    wmo_decision_term,
    wmo_investigation_term,
)

D = date.fromisoformat

# (made known, raw end, legal end)
OBJECTION = [
    ("2026-03-03", "2026-04-14", "2026-04-14"),  # nothing in the way
    ("2026-03-24", "2026-05-05", "2026-05-06"),  # 5 May, not a lustrum year
    ("2026-02-20", "2026-04-03", "2026-04-07"),  # Good Friday, Easter weekend, Easter Monday
    ("2026-02-23", "2026-04-06", "2026-04-07"),  # Easter Monday
    ("2026-03-16", "2026-04-27", "2026-04-28"),  # Koningsdag on a Monday
    ("2026-04-02", "2026-05-14", "2026-05-18"),  # Ascension + designated Friday + weekend
    ("2026-04-03", "2026-05-15", "2026-05-18"),  # designated Friday after Ascension
    ("2026-04-13", "2026-05-25", "2026-05-26"),  # Whit Monday
    ("2026-11-13", "2026-12-25", "2026-12-28"),  # Christmas, Boxing Day on a Saturday
    ("2026-11-20", "2027-01-01", "2027-01-04"),  # New Year on a Friday
    ("2025-11-21", "2026-01-02", "2026-01-05"),  # designated 2 January 2026
    ("2025-11-20", "2026-01-01", "2026-01-05"),  # New Year + designated day + weekend
    ("2026-01-03", "2026-02-14", "2026-02-16"),  # made known on a Saturday, ends on one
    ("2026-01-04", "2026-02-15", "2026-02-16"),  # a Sunday
    ("2025-03-14", "2025-04-25", "2025-04-25"),  # the Friday before Koningsdag is a working day
    ("2025-03-15", "2025-04-26", "2025-04-28"),  # Koningsdag on Saturday 26 April
    ("2025-03-07", "2025-04-18", "2025-04-22"),  # Good Friday 2025
    ("2025-03-24", "2025-05-05", "2025-05-06"),  # 5 May 2025
    ("2025-04-17", "2025-05-29", "2025-06-02"),  # Ascension + designated 30 May 2025
    ("2025-04-28", "2025-06-09", "2025-06-10"),  # Whit Monday 2025
    ("2025-11-13", "2025-12-25", "2025-12-29"),  # Christmas on Thursday, Boxing Day Friday
    ("2027-02-12", "2027-03-26", "2027-03-30"),  # Good Friday 2027
    ("2027-03-16", "2027-04-27", "2027-04-28"),  # Koningsdag on a Tuesday
    ("2027-03-24", "2027-05-05", "2027-05-10"),  # 5 May, Ascension, designated 7 May, weekend
    ("2027-04-05", "2027-05-17", "2027-05-18"),  # Whit Monday 2027
    ("2027-11-13", "2027-12-25", "2027-12-27"),  # Christmas on a weekend
    ("2027-11-19", "2027-12-31", "2027-12-31"),  # New Year's Eve is a working day
    ("2027-11-20", "2028-01-01", "2028-01-03"),  # New Year on a Saturday
    ("2028-03-03", "2028-04-14", "2028-04-18"),  # Good Friday 2028
    ("2028-03-16", "2028-04-27", "2028-05-01"),  # Koningsdag Thursday + designated 28 April
    ("2028-03-24", "2028-05-05", "2028-05-08"),  # 5 May on a Friday
    ("2028-04-13", "2028-05-25", "2028-05-29"),  # Ascension + designated 26 May 2028
    ("2028-04-24", "2028-06-05", "2028-06-06"),  # Whit Monday 2028
    ("2028-11-13", "2028-12-25", "2028-12-27"),  # Christmas on Monday and Tuesday
    ("2028-11-20", "2029-01-01", "2029-01-02"),  # New Year 2029 (no designations known)
]


@pytest.mark.parametrize(("made_known", "raw_end", "end"), OBJECTION)
def test_objection_term(made_known, raw_end, end):
    term = objection_term(D(made_known))
    assert (term.start, term.raw_end, term.end) == (D(made_known) + timedelta(1), D(raw_end), D(end))
    assert term.basis.startswith("Awb 6:7, 6:8")


# (objection end, committee, postponed, raw end, legal end)
OBJECTION_DECISION = [
    ("2026-04-14", False, False, "2026-05-26", "2026-05-26"),
    ("2026-04-14", True, False, "2026-07-07", "2026-07-07"),
    ("2026-04-14", False, True, "2026-07-07", "2026-07-07"),
    ("2026-04-14", True, True, "2026-08-18", "2026-08-18"),
    ("2026-11-13", False, False, "2026-12-25", "2026-12-28"),
    ("2027-03-24", False, False, "2027-05-05", "2027-05-10"),
    # postponement runs from the legal end (28 Dec) of the first term, not from 25 Dec
    ("2026-11-13", False, True, "2027-02-08", "2027-02-08"),
]


@pytest.mark.parametrize(("objection_end", "committee", "postponed", "raw_end", "end"),
                         OBJECTION_DECISION)
def test_objection_decision_term(objection_end, committee, postponed, raw_end, end):
    term = objection_decision_term(D(objection_end), committee=committee, postponed=postponed)
    assert (term.start, term.raw_end, term.end) == (D(objection_end) + timedelta(1), D(raw_end), D(end))
    assert "Awb 7:10" in term.basis


COMPLAINT = [
    ("2026-03-24", False, False, "2026-05-05", "2026-05-06"),
    ("2026-03-24", True, False, "2026-06-02", "2026-06-02"),
    ("2026-03-24", False, True, "2026-06-03", "2026-06-03"),  # 6 May + 4 weeks
    ("2028-03-16", False, False, "2028-04-27", "2028-05-01"),
    ("2026-10-16", True, False, "2026-12-25", "2026-12-28"),
    ("2026-02-20", False, True, "2026-05-05", "2026-05-06"),  # 7 April + 4 weeks = 5 May
]


@pytest.mark.parametrize(("received", "committee", "postponed", "raw_end", "end"), COMPLAINT)
def test_complaint_term(received, committee, postponed, raw_end, end):
    term = complaint_term(D(received), committee=committee, postponed=postponed)
    assert (term.raw_end, term.end) == (D(raw_end), D(end))
    assert "Awb 9:11" in term.basis


# (function, event day, raw end, legal end)
OTHER_TERMS = [
    (complaint_refusal_notice_term, "2026-03-30", "2026-04-27", "2026-04-28"),
    (complaint_refusal_notice_term, "2025-05-02", "2025-05-30", "2025-06-02"),
    (complaint_refusal_notice_term, "2026-01-06", "2026-02-03", "2026-02-03"),
    (wmo_investigation_term, "2026-04-02", "2026-05-14", "2026-05-18"),
    (wmo_investigation_term, "2027-01-05", "2027-02-16", "2027-02-16"),
    (wmo_decision_term, "2026-04-13", "2026-04-27", "2026-04-28"),
    (wmo_decision_term, "2026-12-11", "2026-12-25", "2026-12-28"),
    (wmo_decision_term, "2028-04-12", "2028-04-26", "2028-04-26"),
    (wmo_decision_term, "2025-12-19", "2026-01-02", "2026-01-05"),
    (reasonable_decision_term, "2026-03-10", "2026-05-05", "2026-05-06"),
    (reasonable_decision_term, "2027-03-11", "2027-05-06", "2027-05-10"),
    (reasonable_decision_term, "2028-04-10", "2028-06-05", "2028-06-06"),
    (reasonable_decision_term, "2026-01-06", "2026-03-03", "2026-03-03"),
    (debt_help_first_contact_term, "2026-03-30", "2026-04-27", "2026-04-28"),
    (debt_help_first_contact_term, "2025-12-04", "2026-01-01", "2026-01-05"),
]


@pytest.mark.parametrize(("function", "day", "raw_end", "end"), OTHER_TERMS,
                         ids=lambda v: getattr(v, "__name__", str(v)))
def test_other_terms(function, day, raw_end, end):
    term = function(D(day))
    assert (term.start, term.raw_end, term.end) == (D(day) + timedelta(1), D(raw_end), D(end))


URGENT_DEBT_HELP = [
    ("2026-05-13", "2026-05-20"),  # Ascension and the designated Friday do not count
    ("2026-03-02", "2026-03-05"),
    ("2026-04-02", "2026-04-09"),  # Good Friday, Easter Monday
    ("2026-12-24", "2026-12-30"),  # Christmas
    ("2025-04-24", "2025-04-29"),  # Koningsdag on Saturday 26th: Monday 28th is a working day
]


@pytest.mark.parametrize(("request_day", "end"), URGENT_DEBT_HELP)
def test_urgent_debt_help_counts_three_working_days(request_day, end):
    term = debt_help_first_contact_term(D(request_day), urgent=True)
    assert term.end == term.raw_end == D(end)
    assert term.basis == "Wgs art. 4 lid 2"


ONE_YEAR = [
    ("complaint", "2025-03-10", "2026-03-10"),
    ("complaint", "2025-12-25", "2026-12-25"),  # ends on Christmas Day: no Atw for years
    ("complaint", "2024-02-29", "2025-02-28"),
    ("ombudsman", "2026-05-04", "2027-05-04"),
    ("ombudsman", "2026-05-06", "2027-05-06"),  # Ascension 2027: still not extended
]


@pytest.mark.parametrize(("kind", "day", "end"), ONE_YEAR)
def test_one_year_limits_are_never_extended(kind, day, end):
    term = one_year_limit(D(day), kind=kind)
    assert term.raw_end == term.end == D(end)
    assert not term.atw_applies and "Atw art. 4" in term.basis


# (start, raw end, legal end): Atw art. 2 and its limit of three days
ATW = [
    ("2026-12-24", "2026-12-27", "2026-12-28"),  # only one working day in the term
    ("2026-04-03", "2026-04-06", "2026-04-08"),  # no working day at all: two added
    ("2026-05-14", "2026-05-17", "2026-05-19"),  # Ascension, designated day, weekend
    ("2026-03-06", "2026-03-08", "2026-03-09"),  # three days, one working day
    ("2026-03-02", "2026-03-03", "2026-03-03"),  # a two-day term: art. 2 does not apply
    ("2026-03-07", "2026-03-08", "2026-03-09"),  # two-day term on a weekend: art. 1 only
]


@pytest.mark.parametrize(("start", "raw_end", "end"), ATW)
def test_apply_atw(start, raw_end, end):
    assert apply_atw(D(start), D(raw_end)) == D(end)


HOLIDAYS = [
    ("2026-04-03", True),   # Good Friday (art. 3 lid 2)
    ("2026-04-05", False),  # Easter Sunday: a Sunday, not a listed holiday
    ("2026-04-06", True),   # Easter Monday
    ("2025-04-26", True),   # Koningsdag on the 26th when the 27th is a Sunday
    ("2025-04-27", False),
    ("2025-04-28", False),  # never moved to the Monday
    ("2026-04-27", True),
    ("2026-05-05", True),   # 5 May every year, not only in lustrum years
    ("2027-05-05", True),
    ("2026-05-14", True),   # Ascension
    ("2026-05-24", False),  # Whit Sunday
    ("2026-05-25", True),   # Whit Monday
    ("2026-12-25", True),
    ("2026-12-26", True),   # Boxing Day on a Saturday is still a holiday
    ("2026-12-31", False),
    ("2027-01-01", True),
    ("2026-01-02", True),   # designated (art. 3 lid 3)
    ("2028-04-28", True),   # designated
    ("2026-03-07", False),  # a Saturday is a rest day, not a holiday
    ("2029-05-11", False),  # the Friday after Ascension 2029: not (yet) designated
]


@pytest.mark.parametrize(("day", "expected"), HOLIDAYS)
def test_is_atw_holiday(day, expected):
    assert is_atw_holiday(D(day)) is expected


def test_there_are_at_least_eighty_vectors():
    total = sum(map(len, (OBJECTION, OBJECTION_DECISION, COMPLAINT, OTHER_TERMS,
                          URGENT_DEBT_HELP, ONE_YEAR, ATW, HOLIDAYS)))
    assert total >= 80


def test_an_admin_designated_day_counts_and_lifts_the_caveat():
    assert objection_term(D("2028-11-20")).caveat  # ends in 2029: designations unknown
    calendar = HolidayCalendar.with_days({D("2029-05-11"): "gelijkgestelde dag"}, years=[2029])
    assert is_atw_holiday(D("2029-05-11"), calendar)
    term = objection_term(D("2029-03-30"), calendar)  # raw end Friday 11 May 2029
    assert (term.raw_end, term.end, term.caveat) == (D("2029-05-11"), D("2029-05-14"), "")
    assert objection_term(D("2029-03-30")).end == D("2029-05-11")


def test_the_explanation_shows_the_computation_in_dutch():
    term = objection_term(D("2026-03-24"))
    assert "24 maart 2026" in term.explanation
    assert "dinsdag 5 mei 2026" in term.explanation
    assert "Bevrijdingsdag" in term.explanation and "Atw art. 1" in term.explanation
    assert "woensdag 6 mei 2026" in term.explanation


def test_the_module_imports_no_django():
    import ast
    import importlib
    import inspect

    tree = ast.parse(inspect.getsource(importlib.import_module(deadlines.objection_term.__module__)))
    imported = {n.names[0].name if isinstance(n, ast.Import) else n.module
                for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)}
    assert not any(name and name.startswith("django") for name in imported)


days = st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 10, 1))
ATW_FUNCTIONS = [objection_term, complaint_refusal_notice_term, wmo_investigation_term,
                 wmo_decision_term, reasonable_decision_term, debt_help_first_contact_term,
                 lambda d: complaint_term(d, committee=True, postponed=True),
                 lambda d: objection_decision_term(d, committee=True)]


@given(day=days, which=st.sampled_from(ATW_FUNCTIONS))
def test_an_atw_governed_end_is_never_a_rest_day_and_never_before_the_raw_end(day, which):
    term = which(day)
    assert term.end >= term.raw_end
    assert term.end.weekday() < 5 and not is_atw_holiday(term.end)
    assert (term.end - term.raw_end).days <= 9  # the longest run of rest days (Wikipedia: 9)


@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
       kind=st.sampled_from(["complaint", "ombudsman"]))
def test_year_terms_are_never_extended(day, kind):
    term = one_year_limit(day, kind=kind)
    assert term.end == term.raw_end
    assert (term.raw_end - day).days in (365, 366)


# --- the watch ---------------------------------------------------------------------------------

WATCH = [
    # today, raw end, legal end → state (warning 10, urgent 3 working days)
    ("2026-03-01", "2026-04-14", "2026-04-14", "ok"),
    ("2026-03-27", "2026-04-14", "2026-04-14", "warning"),  # 10 working days (Easter skipped)
    ("2026-03-26", "2026-04-14", "2026-04-14", "ok"),       # 11 working days left
    ("2026-04-09", "2026-04-14", "2026-04-14", "urgent"),   # Fri, Mon, Tue: 3 left
    ("2026-04-14", "2026-04-14", "2026-04-14", "urgent"),   # the last day itself
    ("2026-04-15", "2026-04-14", "2026-04-14", "passed"),
    ("2026-05-05", "2026-05-05", "2026-05-06", "urgent"),   # raw end on a holiday
    ("2026-05-06", "2026-05-05", "2026-05-06", "urgent"),   # past the raw end, not the legal
    ("2026-05-07", "2026-05-05", "2026-05-06", "passed"),
]


@pytest.mark.parametrize(("today", "raw_end", "end", "state"), WATCH)
def test_watch_state(today, raw_end, end, state):
    assert deadlines.watch_state(D(raw_end), D(end), D(today)) == state


def test_the_warning_window_is_configurable():
    assert deadlines.watch_state(D("2026-04-14"), D("2026-04-14"), D("2026-03-01"),
                                 warning_days=40) == "warning"


def test_working_days_between_skips_weekends_and_holidays():
    assert deadlines.working_days_between(D("2026-04-02"), D("2026-04-08")) == 2  # 3 Apr GF, 6 EM


@given(today=st.dates(date(2024, 1, 1), date(2028, 12, 31)), days=st.integers(0, 400),
       warning=st.integers(0, 30), urgent=st.integers(0, 30))
def test_the_watch_counts_only_as_far_as_its_windows(today, days, warning, urgent):
    raw_end = today + timedelta(days)
    left = deadlines.working_days_between(today, raw_end)  # every day counted
    expected = ("urgent" if left <= urgent else "warning" if left <= warning else "ok")
    assert deadlines.watch_state(raw_end, raw_end, today, warning_days=warning,
                                 urgent_days=urgent) == expected
    assert deadlines.working_days_between(today, raw_end, at_most=warning + 1) == min(
        left, warning + 1)


def test_appeal_term():
    term = deadlines.appeal_term(D("2026-03-24"))
    assert (term.raw_end, term.end) == (D("2026-05-05"), D("2026-05-06"))
    assert "Awb 6:7, 6:8, 8:1" in term.basis
