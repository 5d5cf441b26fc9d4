"""Closing a case records whether a formal procedure was avoided and the time spent."""

from __future__ import annotations

import pytest

from ombuds.tests.factories import register_case

pytestmark = pytest.mark.django_db


def close(client, case, **values):
    data = {"target": "afgesloten", "outcome": "advies", "note": "Mijn toelichting",
            "procedure_avoided": "ja", "procedure_avoided_what": "bezwaar",
            "minutes_spent": "90", **values}
    return client.post(f"/werk/zaken/{case.reference}/status/", data)


@pytest.fixture
def case(office, client):
    case = register_case(office)
    client.force_login(office.ombudsman)
    client.post(f"/werk/zaken/{case.reference}/status/", {"target": "intake"})
    return case


def test_the_closing_form_asks_for_the_closure_fields(client, case):
    html = client.get(f"/werk/zaken/{case.reference}/afsluiten/").content.decode()
    for label in ["Formele procedure voorkomen?", "Welke procedure", "Bestede tijd (minuten)"]:
        assert label in html


def test_closing_records_the_procedure_avoided_and_the_time_spent(client, case):
    assert close(client, case).status_code == 302
    case.refresh_from_db()
    assert (case.status, case.procedure_avoided, case.procedure_avoided_what,
            case.minutes_spent) == ("afgesloten", "ja", "bezwaar", 90)


def test_which_procedure_is_dropped_unless_one_was_avoided(client, case):
    assert close(client, case, procedure_avoided="nee").status_code == 302
    case.refresh_from_db()
    assert (case.procedure_avoided, case.procedure_avoided_what) == ("nee", "")


@pytest.mark.parametrize("values, message", [
    ({"procedure_avoided": ""}, "Kies of een formele procedure is voorkomen"),
    ({"procedure_avoided_what": ""}, "Kies welke formele procedure is voorkomen."),
    ({"minutes_spent": ""}, "Vul de bestede tijd in minuten in."),
    ({"minutes_spent": "anderhalf uur"}, "Vul een heel aantal minuten in"),
    ({"minutes_spent": "-5"}, "Vul 0 of meer minuten in."),
])
def test_the_closure_fields_are_required_when_closing(client, case, values, message):
    response = close(client, case, **values)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and "Mijn toelichting" in html
    case.refresh_from_db()
    assert case.status == "intake"


def test_a_move_that_does_not_close_needs_no_closure_fields(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman)
    response = client.post(f"/werk/zaken/{case.reference}/status/", {"target": "intake"})
    assert response.status_code == 302
