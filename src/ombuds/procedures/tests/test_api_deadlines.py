"""Every term of a case through /api/v1/cases/{reference}/deadlines/, nearest legal end first,
with its state on a frozen today and the office's warning window."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ombuds.cases.services import case_transition
from ombuds.procedures.models import Complaint
from ombuds.procedures.services import complaint_update, decision_create
from ombuds.tests.factories import api_as, register_case

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 20)  # a Monday; Koningsdag (27 April) and 5 May lie ahead


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


def url(case) -> str:
    return f"/api/v1/cases/{case.reference}/deadlines/"


def decide(office, case, made_known_on: date, **fields):
    return decision_create(user=office.ombudsman, case=case, subject=f"Besluit {made_known_on}",
                           made_known_on=made_known_on, **fields)


def states(office, case) -> dict[str, str]:
    response = api_as(office.ombudsman).get(url(case))
    assert response.status_code == 200
    return {t["raw_end"]: t["state"] for t in response.json() if t["kind"] == "bezwaar"}


def test_each_deadline_has_its_state_as_seen_today(office):
    case = register_case(office)
    decide(office, case, date(2026, 4, 1))   # acts by 13 May: 15 working days left
    decide(office, case, date(2026, 3, 24))  # acts by 5 May: 10 working days left
    decide(office, case, date(2026, 3, 12))  # acts by 23 April: 3 working days left
    decide(office, case, date(2026, 3, 7))   # acted by Saturday 18 April; legal end is today
    decide(office, case, date(2026, 3, 3))   # ended 14 April
    decide(office, case, date(2026, 2, 2), objection_filed_on=date(2026, 3, 1))

    assert states(office, case) == {
        "2026-05-13": "ok", "2026-05-05": "warning", "2026-04-23": "urgent",
        "2026-04-18": "urgent", "2026-04-14": "passed", "2026-03-16": "met",
    }


def test_the_office_sets_the_warning_window(office):
    case = register_case(office)
    decide(office, case, date(2026, 4, 1))
    assert states(office, case) == {"2026-05-13": "ok"}

    office.office.deadline_warning_days = 15
    office.office.save()

    assert states(office, case) == {"2026-05-13": "warning"}


def test_it_lists_every_term_nearest_legal_end_first_with_its_computation(office):
    case = register_case(office, municipality=office.westerveld)
    case_transition(user=office.ombudsman, case=case, target="intake")
    case_transition(user=office.ombudsman, case=case, target="klacht", on=date(2026, 4, 1))
    complaint = complaint_update(user=office.ombudsman, complaint=Complaint.objects.get(case=case),
                                 conduct_on=date(2025, 9, 1))
    decision = decide(office, case, date(2026, 3, 24))

    response = api_as(office.ombudsman).get(url(case))

    assert response.status_code == 200
    data = response.json()
    assert [(t["kind"], t["end"]) for t in data] == [
        # The office's promise: 5 working days from today, Koningsdag (27 April) not counted.
        ("eerste_contact", "2026-04-28"),
        ("niet_behandelen", "2026-04-29"), ("bezwaar", "2026-05-06"),
        ("afhandeling_klacht", "2026-05-13"), ("jaartermijn_klacht", "2026-09-01"),
    ]
    promise, data = data[0], data[1:]
    assert promise["decision"] is promise["complaint"] is promise["application"] is None
    objection = data[1]
    assert objection["decision"] == decision.pk and objection["complaint"] is None
    assert set(objection) == {
        "id", "decision", "complaint", "application", "kind", "kind_label", "name", "start",
        "raw_end", "end", "basis", "explanation", "caveat", "watched", "met_on", "state",
    }
    assert objection["start"] == "2026-03-25" and objection["basis"].startswith("Awb 6:7, 6:8")
    assert objection["explanation"].startswith("Besluit bekendgemaakt op 24 maart 2026.")
    assert "duurt zes weken" in objection["explanation"]
    assert data[0]["complaint"] == complaint.pk
    assert data[3]["watched"] is False and data[3]["state"] == "met"


def test_a_new_case_without_procedures_has_only_the_offices_promise_of_first_contact(office):
    [promise] = api_as(office.ombudsman).get(url(register_case(office))).json()
    assert (promise["kind"], promise["start"], promise["end"]) == (
        "eerste_contact", "2026-04-21", "2026-04-28")
    assert promise["basis"] == "Werkwijze van het bureau" and promise["watched"] is True
    assert "5 werkdagen" in promise["explanation"] and promise["state"] == "warning"


def test_an_imported_case_without_procedures_has_no_deadlines(office):
    case = register_case(office, imported=True, user=office.beheer)
    assert api_as(office.ombudsman).get(url(case)).json() == []


def test_it_costs_the_same_number_of_queries_for_one_or_ten_decisions(office):
    case = register_case(office)
    client = api_as(office.ombudsman)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(case)).status_code == 200
        return len(queries)

    decide(office, case, date(2026, 1, 5), objection_filed_on=date(2026, 1, 20))
    one = count()
    for day in range(1, 10):
        decide(office, case, date(2026, 3, day), objection_filed_on=date(2026, 3, 20))
    assert len(client.get(url(case)).json()) == 21  # and the office's promise
    assert count() == one


def test_an_ombudsperson_of_westerveld_only_gets_a_404_and_policy_a_403(office):
    case = register_case(office)
    decide(office, case, date(2026, 3, 24))

    assert api_as(office.ombudsman_westerveld).get(url(case)).status_code == 404
    assert api_as(office.beleid).get(url(case)).status_code == 403
    assert api_as(office.beheer).get(url(case)).status_code == 403
    assert api_as(office.coordinator).get(url(case)).status_code == 200


def test_the_schema_documents_the_procedures_endpoints(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    expected = {
        "/api/v1/cases/{reference}/decisions/": {"get", "post"},
        "/api/v1/cases/{reference}/decisions/{decision_id}/": {"get", "patch", "delete"},
        "/api/v1/cases/{reference}/complaints/": {"get"},
        "/api/v1/cases/{reference}/complaints/{complaint_id}/": {"get", "patch"},
        "/api/v1/cases/{reference}/complaints/{complaint_id}/elements/": {"get", "post"},
        "/api/v1/cases/{reference}/complaints/{complaint_id}/elements/{element_id}/": {
            "get", "patch", "delete"},
        "/api/v1/cases/{reference}/deadlines/": {"get"},
    }
    for path, methods in expected.items():
        operations = schema["paths"][path]
        assert set(operations) & {"get", "post", "patch", "delete"} == methods, path
        for method in methods:
            assert operations[method]["tags"] == ["Procedures"], (path, method)
