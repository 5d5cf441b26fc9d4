"""The AVG term (art. 12 lid 3, counted per Regulation 1182/71 art. 3) and the erasure rule."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ombuds.domain.avg import CaseFacts, add_months, avg_term, erasure_refusals, may_extend


@pytest.mark.parametrize(("received", "raw_end", "end"), [
    # an ordinary month: same day number, a Thursday
    (date(2026, 3, 2), date(2026, 4, 2), date(2026, 4, 2)),
    # ends on Good Friday: past Easter weekend and Easter Monday to Tuesday
    (date(2026, 3, 3), date(2026, 4, 3), date(2026, 4, 7)),
    # 31 January: February has no 31st, so its last day; 28 February 2026 is a Saturday
    (date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 2)),
    # 31 January in a leap year: 29 February, a Tuesday
    (date(2028, 1, 31), date(2028, 2, 29), date(2028, 2, 29)),
    # 30 January: also the last day of February
    (date(2027, 1, 30), date(2027, 2, 28), date(2027, 3, 1)),
    # ends on a Sunday before King's Day (Monday 27 April 2026): Tuesday
    (date(2026, 3, 26), date(2026, 4, 26), date(2026, 4, 28)),
    # across the turn of the year
    (date(2026, 12, 15), date(2027, 1, 15), date(2027, 1, 15)),
])
def test_one_month_ends_on_the_same_day_number_or_the_month_end_then_the_next_working_day(
        received, raw_end, end):
    term = avg_term(received)
    assert (term.start, term.raw_end, term.end) == (received + timedelta(days=1), raw_end, end)
    assert "AVG art. 12 lid 3" in term.basis


@pytest.mark.parametrize(("received", "raw_end", "end"), [
    (date(2026, 1, 31), date(2026, 4, 30), date(2026, 4, 30)),  # three months from receipt
    (date(2026, 11, 30), date(2027, 2, 28), date(2027, 3, 1)),  # 28 Feb 2027 is a Sunday
    (date(2026, 12, 31), date(2027, 3, 31), date(2027, 3, 31)),
    (date(2026, 2, 26), date(2026, 5, 26), date(2026, 5, 26)),
])
def test_an_extended_term_is_three_months_from_receipt(received, raw_end, end):
    term = avg_term(received, extended=True)
    assert (term.raw_end, term.end) == (raw_end, end)
    assert "verlengd" in term.name


def test_the_explanation_says_how_the_day_was_counted():
    text = avg_term(date(2026, 1, 31)).explanation
    assert "31 januari 2026" in text and "zaterdag 28 februari 2026" in text
    assert "maandag 2 maart 2026" in text and "1182/71" in text


def test_extension_is_possible_only_within_the_first_month():
    received = date(2026, 3, 3)  # the month ends (legally) on Tuesday 7 April
    assert may_extend(received, date(2026, 4, 7))
    assert not may_extend(received, date(2026, 4, 8))


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
       st.integers(min_value=1, max_value=3))
def test_add_months_never_overshoots_the_month(day, months):
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or (later.day < day.day and (later + timedelta(days=1)).day == 1)


def test_erasure_is_refused_for_an_open_case_a_running_retention_term_and_a_legal_hold():
    today = date(2026, 6, 1)
    refusals = erasure_refusals([
        CaseFacts("STW-2026-0001", closed_on=None),
        CaseFacts("STW-2025-0002", closed_on=date(2025, 1, 1), retain_until=date(2030, 1, 1),
                  retention_rule="Selectielijst 5 jaar"),
        CaseFacts("STW-2019-0003", closed_on=date(2019, 1, 1), retain_until=date(2020, 1, 1),
                  legal_hold=True),
        CaseFacts("STW-2018-0004", closed_on=date(2018, 1, 1), retain_until=date(2019, 1, 1)),
    ], today)
    assert [r.reference for r in refusals] == ["STW-2026-0001", "STW-2025-0002", "STW-2019-0003"]
    assert "17 lid 3 onder b" in refusals[0].rule
    assert "1 januari 2030" in refusals[1].reason and "Selectielijst 5 jaar" in refusals[1].rule
    assert "onder e" in refusals[2].rule


def test_erasure_is_allowed_when_every_term_has_passed():
    assert erasure_refusals([CaseFacts("X", closed_on=date(2018, 1, 1),
                                       retain_until=date(2026, 6, 1))], date(2026, 6, 1)) == []
