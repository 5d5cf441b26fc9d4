"""The worklist's "Termijn" column with the office's promise of first contact (issue 14): the
nearest term sorts and shows first; when that is the promise, the nearest legal term stays in
sight with its legal last day, the date the resident was told."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine

from ombuds.procedures.services import decision_from_resident
from ombuds.tests.factories import register_case

pytestmark = pytest.mark.django_db


def row(html: str, case) -> str:
    match = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*{re.escape(case.reference)}(?:(?!</tr>).)*</tr>",
                      html, re.S)
    assert match, case.reference
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(0)))


def test_a_new_request_shows_the_promise_and_the_objection_term_with_its_legal_last_day(
        client, office):
    with time_machine.travel(date(2026, 12, 7), tick=False):
        case = register_case(office)
        # Made known 20 November 2026: the count ends on New Year's Day, the Atw moves it to
        # Monday 4 January 2027.
        decision_from_resident(case=case, made_known_on=date(2026, 11, 20))
        case.refresh_from_db()
        assert case.next_deadline_name == "Eerste contact (belofte van het bureau)"
        assert (case.next_legal_name, case.next_legal_end) == ("Bezwaartermijn", date(2027, 1, 4))
        client.force_login(office.ombudsman)
        cell = row(client.get("/werk/zaken/?view=alle").content.decode(), case)
    assert "Eerste contact (belofte van het bureau) uiterlijk 14-12-2026" in cell
    assert "Bezwaartermijn uiterlijk 1-1-2027 wettelijk 4-1-2027" in cell


def test_without_a_promise_the_legal_term_is_shown_once(client, office):
    with time_machine.travel(date(2026, 12, 7), tick=False):
        case = register_case(office, imported=True, user=office.beheer)  # no promise
        decision_from_resident(case=case, made_known_on=date(2026, 11, 20))
        client.force_login(office.ombudsman)
        cell = row(client.get("/werk/zaken/?view=alle").content.decode(), case)
    assert cell.count("Bezwaartermijn") == 1 and "wettelijk 4-1-2027" in cell
