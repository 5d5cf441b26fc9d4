"""Meetings through /api/v1/cases/{reference}/meetings/ (issue 15): plan, move, cancel,
hold with agreements, invitations; precise 400s per field, 409 with a code for a meeting in
the wrong state, and the case's scope."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine

from ombuds.cases.models import Person
from ombuds.core.models import AuditEntry
from ombuds.mediation import services
from ombuds.mediation.models import Meeting
from ombuds.tests.factories import OrganisationFactory, api_as, register_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def now():
    with time_machine.travel(datetime(2026, 4, 20, 10, 0), tick=False) as traveller:
        yield traveller


@pytest.fixture
def case(office):
    case = register_case(office)
    Person.objects.filter(pk=case.person_id).update(email="jan@example.nl")
    return case


@pytest.fixture
def party(office, case):
    team = OrganisationFactory(name="Wmo-team", municipalities=[office.steenwijkerland])
    return services.party_add(user=office.ombudsman, case=case, organisation=team)


def url(case, meeting=None, rest=""):
    base = f"/api/v1/cases/{case.reference}/meetings/"
    return f"{base}{meeting}/{rest}" if meeting else base


def plan(client, case, party, **values):
    data = {"kind": "gezamenlijk", "starts_at": "2026-04-27T14:00:00+02:00",
            "duration_minutes": 90, "place": "Gemeentehuis", "parties": [party.pk]}
    return client.post(url(case), {**data, **values}, format="json")


def test_it_plans_a_meeting_and_lists_it(office, case, party):
    client = api_as(office.ombudsman)
    response = plan(client, case, party)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "gepland" and body["resident_present"] is None
    assert body["ends_at"].startswith("2026-04-27T15:30")
    assert body["parties"] == [{"id": party.pk, "organisation": "Wmo-team"}]
    listed = client.get(url(case)).json()
    assert [m["id"] for m in listed] == [body["id"]]


def test_a_bad_plan_names_its_fields(office, case, party):
    client = api_as(office.ombudsman)
    response = plan(client, case, party, place="", video_url="", parties=[],
                    duration_minutes=1000)
    assert response.status_code == 400
    assert {"place", "parties", "duration_minutes"} <= set(response.json())
    other = register_case(office)
    stranger = services.party_add(
        user=office.ombudsman, case=other,
        organisation=OrganisationFactory(municipalities=[office.steenwijkerland]))
    response = plan(client, case, party, parties=[stranger.pk])
    assert response.status_code == 400 and "parties" in response.json()
    assert not Meeting.objects.exists()


def test_it_moves_a_meeting_with_a_partial_update(office, case, party):
    client = api_as(office.ombudsman)
    meeting_id = plan(client, case, party).json()["id"]
    response = client.patch(url(case, meeting_id), {"starts_at": "2026-04-28T09:30:00+02:00"},
                            format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["starts_at"].startswith("2026-04-28T09:30") and body["sequence"] == 1
    assert body["place"] == "Gemeentehuis" and body["duration_minutes"] == 90
    assert AuditEntry.objects.filter(event="meeting.moved").exists()


def test_holding_before_the_start_is_a_409_and_after_it_records_the_agreements(
        office, case, party, now):
    client = api_as(office.ombudsman)
    meeting_id = plan(client, case, party).json()["id"]
    hold = {"resident_present": True, "minutes": "Goed gesprek.", "agreements": [
        {"description": "Besluit heroverwegen", "due_on": "2026-05-01", "owner": "partij",
         "party": party.pk},
        {"description": "Stukken sturen", "due_on": "2026-04-30", "owner": "inwoner"}]}
    response = client.post(url(case, meeting_id, "hold/"), hold, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "gesprek_nog_niet_begonnen"
    assert "maandag 27 april 2026 om 14.00 uur" in response.json()["detail"]
    now.move_to(datetime(2026, 4, 27, 15, 0))
    response = client.post(url(case, meeting_id, "hold/"), hold, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "gehouden" and body["resident_present"] is True
    assert [a["description"] for a in body["agreements"]] == ["Stukken sturen",
                                                              "Besluit heroverwegen"]
    response = client.patch(url(case, meeting_id), {"place": "Elders"}, format="json")
    assert response.status_code == 409 and response.json()["code"] == "gesprek_gehouden"


def test_a_bad_agreement_is_named_by_its_index(office, case, party, now):
    client = api_as(office.ombudsman)
    meeting_id = plan(client, case, party).json()["id"]
    now.move_to(datetime(2026, 4, 27, 15, 0))
    response = client.post(url(case, meeting_id, "hold/"), {
        "resident_present": False, "agreements": [
            {"description": "Goed", "due_on": "2026-05-01", "owner": "inwoner"},
            {"description": "Van een partij zonder partij", "due_on": "2026-05-01",
             "owner": "partij"}]}, format="json")
    assert response.status_code == 400
    assert response.json() == {"agreements": {"1": {"party": [
        "Kies de partij die de afspraak nakomt."]}}}


def test_cancel_needs_a_reason_and_a_cancelled_meeting_stays_cancelled(office, case, party):
    client = api_as(office.ombudsman)
    meeting_id = plan(client, case, party).json()["id"]
    assert client.post(url(case, meeting_id, "cancel/"), {}, format="json").status_code == 400
    response = client.post(url(case, meeting_id, "cancel/"), {"reason": "Partij kan niet"},
                           format="json")
    assert response.status_code == 200 and response.json()["status"] == "geannuleerd"
    response = client.post(url(case, meeting_id, "cancel/"), {"reason": "Nog eens"},
                           format="json")
    assert response.status_code == 409 and response.json()["code"] == "gesprek_geannuleerd"


@pytest.mark.pdf
def test_invitations_report_who_got_one_and_who_not(office, case, party):
    client = api_as(office.ombudsman)
    meeting_id = plan(client, case, party).json()["id"]
    response = client.post(url(case, meeting_id, "invitations/"))
    assert response.status_code == 201, response.json()
    body = response.json()
    assert [(s["invitee"], s["channel"]) for s in body["sent"]] == [("inwoner", "email")]
    assert body["not_invited"][0]["invitee"] == f"partij-{party.pk}"
    assert "toestemming" in body["not_invited"][0]["reason"]


def test_out_of_scope_is_a_404_and_policy_is_a_403(office, case, party):
    meeting = services.meeting_plan(user=office.ombudsman, case=case, kind="apart",
                                    starts_at=datetime(2026, 4, 27, 14, 0).astimezone(),
                                    place="Telefoon")
    assert api_as(office.ombudsman_westerveld).get(url(case, meeting.pk)).status_code == 404
    assert api_as(office.beleid).get(url(case)).status_code == 403
    other = register_case(office)
    assert api_as(office.ombudsman).get(url(other, meeting.pk)).status_code == 404


def test_the_endpoints_are_in_the_openapi_schema(office):
    client = api_as(office.ombudsman)
    schema = client.get("/api/schema/").content.decode()
    for operation in ("cases_meetings_list", "cases_meetings_create", "cases_meetings_hold",
                      "cases_meetings_cancel", "cases_meetings_invite",
                      "cases_meetings_partial_update"):
        assert operation in schema
