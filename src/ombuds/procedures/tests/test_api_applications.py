"""Applications and reports of need through /api/v1/cases/{reference}/applications/ and
…/{id}/: the decision term watched at once, and for a late decision after a notice of default
the penalty as it would run (Awb 4:17) and the first day of an appeal (6:12 lid 2)."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from ombuds.core.models import AuditEntry
from ombuds.procedures.applications import application_create
from ombuds.procedures.models import Application, Deadline
from ombuds.tests.factories import OrganisationFactory, api_as, first_contact, register_case

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 20)  # a Monday


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


def url(case, application=None) -> str:
    base = f"/api/v1/cases/{case.reference}/applications/"
    if application is None:
        return base
    return f"{base}{application if isinstance(application, int) else application.pk}/"


def wmo_application(office, case, **facts) -> Application:
    return application_create(user=office.ombudsman, case=case, kind="wmo_aanvraag",
                              subject="Scootmobiel", submitted_on=date(2026, 3, 2), **facts)


def test_it_records_an_application_and_watches_its_decision_term_at_once(office):
    case = first_contact(office, register_case(office))
    wmo_team = OrganisationFactory(name="Wmo-team", municipalities=[office.steenwijkerland])

    response = api_as(office.ombudsman).post(url(case), {
        "kind": "wmo_melding", "subject": "Begeleiding", "organisation": wmo_team.pk,
        "submitted_on": "2026-04-01"}, format="json")

    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["kind"] == "wmo_melding" and data["kind_label"].startswith("Melding Wmo")
    assert data["organisation"] == {"id": wmo_team.pk, "name": "Wmo-team"}
    assert data["is_decision"] is False and data["penalty"] is None
    assert data["appeal_not_in_time_from"] is None
    [term] = data["deadlines"]
    assert (term["kind"], term["application"], term["start"], term["end"]) == (
        "beslistermijn_aanvraag", data["id"], "2026-04-02", "2026-05-13")
    assert term["basis"].startswith("Wmo 2015 art. 2.3.2") and term["state"] == "ok"
    case.refresh_from_db()
    assert case.next_deadline_end == date(2026, 5, 13)
    assert AuditEntry.objects.filter(event="application.created",
                                     object_label=case.reference).exists()


def test_a_late_decision_after_a_notice_of_default_shows_the_penalty_and_the_appeal_date(office):
    case = register_case(office)
    application = wmo_application(office, case, notice_of_default_on=date(2026, 3, 20))

    response = api_as(office.ombudsman).get(url(case, application))

    assert response.status_code == 200
    data = response.json()
    term, penalty_row = sorted(data["deadlines"], key=lambda t: t["kind"])
    assert (term["kind"], term["end"], term["state"]) == (
        "beslistermijn_aanvraag", "2026-03-16", "passed")
    # The penalty row is information: never overdue.
    assert (penalty_row["kind"], penalty_row["watched"], penalty_row["state"]) == (
        "dwangsom", False, "info")
    penalty = data["penalty"]
    assert (penalty["first_day"], penalty["last_day"]) == ("2026-04-04", "2026-05-15")
    assert penalty["periods"] == [
        {"first_day": "2026-04-04", "last_day": "2026-04-17", "per_day": 23},
        {"first_day": "2026-04-18", "last_day": "2026-05-01", "per_day": 35},
        {"first_day": "2026-05-02", "last_day": "2026-05-15", "per_day": 45},
    ]
    assert penalty["maximum"] == 1442
    assert penalty["owed_today"] == 14 * 23 + 3 * 35  # 4 to 20 April: 17 days
    assert "Awb 4:17" in penalty["explanation"]
    assert data["appeal_not_in_time_from"] == "2026-04-04"


def test_once_the_decision_came_there_is_no_penalty_or_appeal(office):
    case = register_case(office)
    application = wmo_application(office, case, notice_of_default_on=date(2026, 3, 20))

    response = api_as(office.ombudsman).patch(url(case, application),
                                              {"decided_on": "2026-04-10"}, format="json")

    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["decided_on"] == "2026-04-10" and data["subject"] == "Scootmobiel"
    assert data["penalty"] is None and data["appeal_not_in_time_from"] is None
    assert {t["kind"]: t["state"] for t in data["deadlines"]}["beslistermijn_aanvraag"] == "met"


def test_the_list_gives_every_application_of_the_case_oldest_first(office):
    case = register_case(office)
    wmo_application(office, case)
    application_create(user=office.ombudsman, case=case, kind="schuldhulp", subject="Schulden",
                       submitted_on=date(2026, 4, 14), urgent=True)

    response = api_as(office.ombudsman).get(url(case))

    assert response.status_code == 200
    assert [(a["kind"], a["urgent"]) for a in response.json()] == [
        ("wmo_aanvraag", False), ("schuldhulp", True)]


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"submitted_on": "2026-02-30"}, "submitted_on", "verkeerde formaat"),
    ({"submitted_on": "2026-05-01"}, "submitted_on", "Deze datum ligt in de toekomst."),
    ({"kind": "vergunning"}, "kind", ""),
    ({"subject": "  "}, "subject", ""),
    ({"urgent": True}, "urgent", "Wgs art. 4 lid 2"),
    ({"notice_of_default_on": "2026-03-10"}, "notice_of_default_on", "Awb 4:17 lid 3"),
    ({"appeal_filed_on": "2026-04-10"}, "appeal_filed_on", "Awb 6:12 lid 2"),
])
def test_bad_input_is_a_400_naming_the_field_and_changes_nothing(office, body, field, message):
    case = register_case(office)

    response = api_as(office.ombudsman).post(url(case), {
        "kind": "wmo_aanvraag", "subject": "Scootmobiel", "submitted_on": "2026-03-02"} | body,
        format="json")

    assert response.status_code == 400, response.json()
    assert list(response.json()) == [field]
    assert message in response.json()[field][0]
    assert not Application.objects.exists()
    assert not Deadline.objects.filter(application__isnull=False).exists()


def test_an_invalid_patch_is_a_400_and_keeps_the_facts(office):
    case = register_case(office)
    application = wmo_application(office, case)

    response = api_as(office.ombudsman).patch(url(case, application),
                                              {"notice_of_default_on": "2026-03-12"},
                                              format="json")

    assert response.status_code == 400
    assert "16 maart 2026" in response.json()["notice_of_default_on"][0]
    application.refresh_from_db()
    assert application.notice_of_default_on is None
    assert not Deadline.objects.filter(kind="dwangsom").exists()


def test_deleting_an_application_removes_its_terms(office):
    case = first_contact(office, register_case(office))
    application = wmo_application(office, case, notice_of_default_on=date(2026, 3, 20))

    response = api_as(office.ombudsman).delete(url(case, application))

    assert response.status_code == 204
    assert not Application.objects.exists()
    assert not Deadline.objects.filter(case=case).exclude(kind="eerste_contact").exists()
    case.refresh_from_db()
    assert case.next_deadline_end is None
    assert AuditEntry.objects.filter(event="application.deleted",
                                     object_label=case.reference).exists()


def test_an_application_of_another_case_is_a_404(office):
    case = register_case(office)
    other = register_case(office, name="Piet Post")
    application = wmo_application(office, other)
    client = api_as(office.ombudsman)

    assert client.get(url(case, application)).status_code == 404
    assert client.patch(url(case, application), {"decided_on": "2026-04-10"},
                        format="json").status_code == 404
    assert client.delete(url(case, application)).status_code == 404
    assert client.get(url(case, 999999)).status_code == 404
    application.refresh_from_db()
    assert application.decided_on is None


def test_an_ombudsperson_of_another_municipality_gets_a_404_before_any_400(office):
    case = register_case(office)
    application = wmo_application(office, case)
    client = api_as(office.ombudsman_westerveld)

    assert client.get(url(case)).status_code == 404
    assert client.post(url(case), {"submitted_on": "nonsense"}, format="json").status_code == 404
    assert client.get(url(case, application)).status_code == 404
    assert client.delete(url(case, application)).status_code == 404
    assert Application.objects.count() == 1


def test_policy_staff_get_a_403(office):
    case = register_case(office)
    application = wmo_application(office, case)
    client = api_as(office.beleid)

    assert client.get(url(case)).status_code == 403
    assert client.post(url(case), {"kind": "wmo_aanvraag", "subject": "X",
                                   "submitted_on": "2026-03-02"}, format="json").status_code == 403
    assert client.get(url(case, application)).status_code == 403
    assert client.patch(url(case, application), {"decided_on": "2026-04-10"},
                        format="json").status_code == 403
    assert client.delete(url(case, application)).status_code == 403
    assert Application.objects.count() == 1
