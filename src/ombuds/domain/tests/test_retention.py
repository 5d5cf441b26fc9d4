"""Retention result types and destruction dates (Selectielijst gemeenten, DOMAIN.md §4)."""

from datetime import date

import pytest

from ombuds.domain import retention


@pytest.mark.parametrize(("outcome", "ombudsman", "expected"), [
    ("opgelost", False, "behandeld"),
    ("gegrond", False, "behandeld"),
    ("verwezen", False, "behandeld"),
    ("niet_ontvankelijk", False, "afgebroken"),
    ("niet_behandeld", False, "afgebroken"),
    ("ingetrokken", False, "afgebroken"),
    ("geen_contact", False, "afgebroken"),
    ("ingetrokken", True, "ombudsman"),
    ("gegrond", True, "ombudsman"),
])
def test_the_result_type_follows_the_outcome_and_an_ombudsman_request(outcome, ombudsman,
                                                                       expected):
    assert retention.result_type(outcome, ombudsman_complaint=ombudsman) == expected


def test_the_default_terms_are_those_of_the_selectielijst():
    assert {code: rt.default_years for code, rt in retention.RESULT_TYPES.items()} == {
        "behandeld": 5, "ombudsman": 10, "afgebroken": 1}


@pytest.mark.parametrize(("closed", "years", "expected"), [
    (date(2020, 3, 10), 5, date(2025, 3, 10)),
    (date(2024, 2, 29), 1, date(2025, 2, 28)),
    (date(2024, 2, 29), 4, date(2028, 2, 29)),
    (date(2016, 12, 31), 10, date(2026, 12, 31)),
])
def test_a_case_is_destroyed_on_the_anniversary_of_its_closure(closed, years, expected):
    assert retention.destroy_on(closed, years) == expected
    assert not retention.is_due(closed, years, date.fromordinal(expected.toordinal() - 1))
    assert retention.is_due(closed, years, expected)
    assert retention.is_due(closed, years, date.fromordinal(expected.toordinal() + 1))
