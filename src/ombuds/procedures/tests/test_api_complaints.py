"""Complaints through /api/v1/cases/{reference}/complaints/ (variants 4–6): the handling
terms of Awb 9:8 and 9:11, recomputed when a date changes, and the one-year limits."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ombuds.core.models import AuditEntry
from ombuds.procedures.models import Complaint, Deadline
from ombuds.procedures.services import complaint_create
from ombuds.tests.factories import register_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(date(2026, 4, 20), tick=False):
        yield


@pytest.fixture
def case(office):
    return register_case(office, municipality=office.westerveld, title="Klacht over consulent")


def api_as(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def url(case, complaint=None) -> str:
    base = f"/api/v1/cases/{case.reference}/complaints/"
    return f"{base}{complaint if isinstance(complaint, int) else complaint.pk}/" if complaint \
        else base


def by_kind(data: dict) -> dict[str, dict]:
    return {t["kind"]: t for t in data["deadlines"]}


def test_it_records_a_complaint_with_its_handling_terms_and_year_limit(office, case):
    response = api_as(office.ombudsman_westerveld).post(url(case), {
        "subject": "Onheuse bejegening door consulent", "received_on": "2026-04-01",
        "conduct_on": "2025-06-01", "acknowledged_on": "2026-04-03",
    }, format="json")

    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["kind"] == "klacht" and data["acknowledged_on"] == "2026-04-03"
    terms = by_kind(data)
    assert set(terms) == {"afhandeling_klacht", "niet_behandelen", "jaartermijn_klacht"}
    handling = terms["afhandeling_klacht"]
    assert (handling["raw_end"], handling["end"]) == ("2026-05-13", "2026-05-13")
    assert "Awb 9:11" in handling["basis"]
    assert terms["niet_behandelen"]["end"] == "2026-04-29"
    year = terms["jaartermijn_klacht"]
    assert year["watched"] is False and year["met_on"] == "2026-04-01"
    assert year["end"] == "2026-06-01" and "Atw art. 4" in year["basis"]  # never extended
    assert AuditEntry.objects.filter(event="complaint.created", object_label=case.reference).exists()


def test_postponing_recomputes_the_handling_term_and_a_hearing_meets_the_notice_term(office, case):
    complaint = complaint_create(user=office.ombudsman, case=case, subject="Klacht",
                                 received_on=date(2026, 4, 1))
    client = api_as(office.ombudsman)

    response = client.patch(url(case, complaint),
                            {"postponed_on": "2026-04-15", "hearing_on": "2026-04-17"},
                            format="json")

    assert response.status_code == 200, response.json()
    terms = by_kind(response.json())
    assert terms["afhandeling_klacht"]["end"] == "2026-06-10"  # 6 + 4 weeks
    assert "Awb 9:11 lid 2" in terms["afhandeling_klacht"]["basis"]
    assert terms["niet_behandelen"]["met_on"] == "2026-04-17"
    assert terms["niet_behandelen"]["state"] == "met"
    listed = {t["kind"]: t for t in client.get(f"/api/v1/cases/{case.reference}/deadlines/").json()}
    assert listed["afhandeling_klacht"]["end"] == "2026-06-10"


def test_findings_meet_the_handling_term_and_start_the_ombudsman_year(office, case):
    complaint = complaint_create(user=office.ombudsman, case=case, subject="Klacht",
                                 received_on=date(2026, 3, 2))

    response = api_as(office.ombudsman).patch(url(case, complaint), {"findings_on": "2026-04-10"},
                                              format="json")

    terms = by_kind(response.json())
    assert terms["afhandeling_klacht"]["met_on"] == "2026-04-10"
    assert terms["jaartermijn_ombudsman"]["end"] == "2027-04-10"
    assert terms["jaartermijn_ombudsman"]["watched"] is False


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"received_on": "2026-04-31"}, "received_on", "verkeerde formaat"),
    ({"received_on": "2026-04-21"}, "received_on", "Deze datum ligt in de toekomst."),
    ({"acknowledged_on": "2026-03-01"}, "acknowledged_on",
     "Deze datum kan niet vóór de ontvangst van de klacht liggen."),
    ({"delay_consented_until": "2026-07-01"}, "delay_consented_until",
     "Verder uitstel kan pas na een verdaging (Awb 9:11 lid 2)."),
    ({"kind": "ombudsman"}, "internal_findings_on", "Awb 9:20"),
    ({"kind": "bezwaar"}, "kind", ""),
])
def test_an_invalid_complaint_is_a_400_naming_the_field_and_stores_nothing(office, case, body,
                                                                           field, message):
    response = api_as(office.ombudsman).post(
        url(case), {"subject": "Klacht", "received_on": "2026-04-01"} | body, format="json")

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert message in response.json()[field][0]
    assert not Complaint.objects.exists() and not Deadline.objects.exists()


def test_an_ombudsman_request_runs_from_the_internal_findings(office, case):
    response = api_as(office.ombudsman).post(url(case), {
        "kind": "ombudsman", "subject": "Verzoek na interne klachtbehandeling",
        "received_on": "2026-04-10", "internal_findings_on": "2026-02-02",
    }, format="json")

    assert response.status_code == 201, response.json()
    terms = by_kind(response.json())
    assert "niet_behandelen" not in terms
    assert terms["jaartermijn_ombudsman"]["met_on"] == "2026-04-10"


def test_deleting_a_complaint_removes_its_terms(office, case):
    complaint = complaint_create(user=office.ombudsman, case=case, subject="Klacht",
                                 received_on=date(2026, 4, 1))

    assert api_as(office.ombudsman).delete(url(case, complaint)).status_code == 204
    assert not Complaint.objects.exists() and not Deadline.objects.exists()


def test_a_complaint_of_another_case_is_a_404(office, case):
    other = register_case(office, municipality=office.westerveld, name="Piet Post")
    complaint = complaint_create(user=office.ombudsman, case=other, subject="Klacht",
                                 received_on=date(2026, 4, 1))
    client = api_as(office.ombudsman)

    assert client.get(url(case, complaint)).status_code == 404
    assert client.patch(url(case, complaint), {"received_on": "2026-04-02"},
                        format="json").status_code == 404
    assert client.delete(url(case, complaint)).status_code == 404
    assert Complaint.objects.get().received_on == date(2026, 4, 1)


def test_an_ombudsperson_of_westerveld_only_gets_a_404_for_a_steenwijkerland_case(office):
    stw_case = register_case(office)
    complaint = complaint_create(user=office.ombudsman, case=stw_case, subject="Klacht",
                                 received_on=date(2026, 4, 1))
    client = api_as(office.ombudsman_westerveld)

    assert client.get(url(stw_case)).status_code == 404
    assert client.post(url(stw_case), {}, format="json").status_code == 404
    assert client.get(url(stw_case, complaint)).status_code == 404
    assert client.patch(url(stw_case, complaint), {"received_on": "2026-04-02"},
                        format="json").status_code == 404
    assert client.delete(url(stw_case, complaint)).status_code == 404
    assert Complaint.objects.get().received_on == date(2026, 4, 1)


def test_policy_staff_get_a_403(office, case):
    complaint = complaint_create(user=office.ombudsman, case=case, subject="Klacht",
                                 received_on=date(2026, 4, 1))
    client = api_as(office.beleid)

    assert client.get(url(case)).status_code == 403
    assert client.get(url(case, complaint)).status_code == 403
    assert client.patch(url(case, complaint), {"received_on": "2026-04-02"},
                        format="json").status_code == 403
    assert Complaint.objects.get().received_on == date(2026, 4, 1)
