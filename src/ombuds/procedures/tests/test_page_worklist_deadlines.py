"""The worklist's "Termijn" column: nearest legal end first, a badge per state (issue 3,
done-when 5), and a constant number of queries however many cases have deadlines."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ombuds.cases.services import case_transition
from ombuds.procedures.services import decision_create
from ombuds.tests.factories import first_contact, register_case

pytestmark = pytest.mark.django_db

WORKLIST = "/werk/zaken/?view=alle"


@pytest.fixture(autouse=True)
def today():
    # Monday 20 April 2026.
    with time_machine.travel(date(2026, 4, 20), tick=False):
        yield


def with_decision(office, title: str, made_known_on: date, **kwargs):
    """A case whose resident was called back (the office's promise met), with a decision."""
    case = first_contact(office, register_case(office, title=title, **kwargs))
    decision_create(user=office.ombudsman, case=case, subject="Besluit",
                    made_known_on=made_known_on)
    return case


def row(html: str, case) -> str:
    """Return the worklist row of ``case``."""
    match = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*{re.escape(case.reference)}(?:(?!</tr>).)*</tr>",
                      html, re.S)
    assert match, f"{case.reference} not in the worklist"
    return match.group(0)


def test_the_case_with_the_nearest_legal_end_comes_first(client, office):
    without = first_contact(office, register_case(office, title="Zonder termijn"))
    later = with_decision(office, "Later", date(2026, 4, 1))     # legal end 13 May
    nearest = with_decision(office, "Eerst", date(2026, 3, 24))  # legal end 6 May
    client.force_login(office.ombudsman)
    html = client.get(WORKLIST).content.decode()
    positions = [html.index(case.reference) for case in (nearest, later, without)]
    assert positions == sorted(positions)
    assert "Termijn</th>" in html
    assert "Bezwaartermijn" in row(html, nearest) and "5-5-2026" in row(html, nearest)
    assert "Geen" in row(html, without)


@pytest.mark.parametrize("made_known_on, label", [
    (date(2026, 4, 15), "Op tijd"),    # act by 27 May: far away
    (date(2026, 3, 24), "Let op"),     # act by 5 May: 9 working days (Koningsdag excluded)
    (date(2026, 3, 10), "Urgent"),     # act by 21 April: tomorrow
    (date(2026, 3, 3), "Verlopen"),    # legal end 14 April has gone by
])
def test_the_badge_says_the_state_in_words(client, office, made_known_on, label):
    case = with_decision(office, "Besluit", made_known_on)
    client.force_login(office.ombudsman)
    cell = row(client.get(WORKLIST).content.decode(), case)
    assert "ombuds-deadline-badge--" in cell
    found = re.findall(r'ombuds-deadline-badge--\w+"><span class="ombuds-visually-hidden">'
                       r'Status: </span>([^<]+)<', cell)
    assert found == [label]


def test_a_new_case_shows_the_offices_promise_of_first_contact_until_someone_calls(client,
                                                                                   office):
    decided = with_decision(office, "Besluit", date(2026, 3, 24))  # act by 5 May
    new = register_case(office, title="Nieuw")  # contact by 28 April (Koningsdag skipped)
    client.force_login(office.ombudsman)
    html = client.get(WORKLIST).content.decode()
    assert html.index(new.reference) < html.index(decided.reference)
    assert "Eerste contact (belofte van het bureau)" in row(html, new)
    assert "28-4-2026" in row(html, new)

    first_contact(office, new)

    assert "Geen" in row(client.get(WORKLIST).content.decode(), new)


def test_the_office_warning_window_decides_the_badge(client, office):
    office.office.deadline_warning_days = 5
    office.office.save()
    case = with_decision(office, "Besluit", date(2026, 3, 24))  # 9 working days left
    client.force_login(office.ombudsman)
    assert "Op tijd" in row(client.get(WORKLIST).content.decode(), case)


def test_a_page_costs_the_same_queries_for_1_or_20_cases_with_deadlines(client, office):
    with_decision(office, "Eerste", date(2026, 3, 24))
    client.force_login(office.ombudsman)
    client.get(WORKLIST)  # warm the session
    with CaptureQueriesContext(connection) as one:
        assert client.get(WORKLIST).status_code == 200
    for n in range(19):
        municipality = office.westerveld if n % 2 else office.steenwijkerland
        case = with_decision(office, f"Zaak {n}", date(2026, 3, 1 + n),
                             municipality=municipality)
        if n % 3 == 0 and municipality == office.westerveld:
            # a formal complaint opened by the workflow (variant 5): its own 9:11 term
            case_transition(user=office.ombudsman, case=case, target="intake")
            case_transition(user=office.ombudsman, case=case, target="klacht",
                            on=date(2026, 4, 1))
    with CaptureQueriesContext(connection) as twenty:
        html = client.get(WORKLIST).content.decode()
    assert html.count("ombuds-deadline-badge--") == 20
    assert len(twenty) == len(one), [q["sql"] for q in twenty.captured_queries]
