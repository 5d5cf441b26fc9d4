"""The complaint of a case through /api/v1/cases/{reference}/complaints/ (variants 4–6): every
fact of its handling, recorded by PATCH with its terms recomputed; opened and closed only by
the case's workflow."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.utils import timezone

from ombuds.accounts.roles import Role
from ombuds.cases.services import case_transition
from ombuds.core.models import AuditEntry
from ombuds.procedures.complaints import element_create
from ombuds.procedures.models import Complaint
from ombuds.procedures.services import COMPLAINT_FIELDS
from ombuds.tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    api_as,
    member,
    register_case,
    workflow,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 20)
RECEIVED = date(2026, 4, 1)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def v4(office):
    """A municipality with variant 4: registering a case is receiving a complaint."""
    m = MunicipalityFactory(office=office.office, workflow=workflow(4))
    member(office.ombudsman, m, Role.OMBUDSPERSON)
    return m


@pytest.fixture
def case(office, v4):
    return register_case(office, municipality=v4, title="Klacht over consulent",
                         opened_at=timezone.make_aware(datetime(2026, 4, 1, 10)))


@pytest.fixture
def complaint(case):
    return Complaint.objects.get(case=case)


def url(case, complaint=None) -> str:
    base = f"/api/v1/cases/{case.reference}/complaints/"
    return f"{base}{complaint if isinstance(complaint, int) else complaint.pk}/" if complaint \
        else base


def by_kind(data: dict) -> dict[str, dict]:
    return {t["kind"]: t for t in data["deadlines"]}


def test_it_lists_the_complaint_the_workflow_opened_with_every_fact(office, case, complaint):
    response = api_as(office.ombudsman).get(url(case))

    assert response.status_code == 200
    [data] = response.json()
    assert set(COMPLAINT_FIELDS) <= set(data)
    assert set(data) - set(COMPLAINT_FIELDS) == {
        "id", "kind", "kind_label", "respondent", "missing", "outcome", "elements",
        "overall_judgment", "deadlines"}
    assert (data["id"], data["kind"], data["received_on"]) == (complaint.pk, "klacht",
                                                               "2026-04-01")
    assert data["subject"] == "Klacht over consulent"
    assert (data["outcome"], data["missing"], data["elements"]) == ("", [], [])
    assert data["overall_judgment"] is None and data["respondent_organisation"] is None
    assert by_kind(data)["afhandeling_klacht"]["end"] == "2026-05-13"  # 6 weeks, Awb 9:11


def test_it_records_the_beklaagde_the_9_4_check_and_the_hearing(office, v4, case, complaint):
    organisation = OrganisationFactory(name="Gemeente Zuidhoek, Wmo-loket", municipalities=[v4])

    response = api_as(office.ombudsman).patch(url(case, complaint), {
        "conduct": "De consulent belde niet terug.", "conduct_on": "2026-03-02",
        "respondent_organisation": organisation.pk, "respondent_department": "Wmo",
        "respondent_official": "de consulent", "signed": False, "dated": False,
        "hearing_invited_on": "2026-04-14", "hearing_on": "2026-04-17",
        "hearing_heard": "Klager en consulent", "hearing_report": "Beiden gehoord.",
    }, format="json")

    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["respondent_organisation"] == {"id": organisation.pk,
                                               "name": "Gemeente Zuidhoek, Wmo-loket"}
    assert data["respondent"] == "de consulent, Wmo, Gemeente Zuidhoek, Wmo-loket"
    assert data["missing"] == ["ondertekening", "dagtekening"]
    assert (data["hearing_on"], data["hearing_report"]) == ("2026-04-17", "Beiden gehoord.")
    assert by_kind(data)["jaartermijn_klacht"]["end"] == "2027-03-02"
    assert AuditEntry.objects.filter(event="complaint.updated",
                                     object_label=case.reference).exists()


def test_postponing_recomputes_the_handling_term(office, case, complaint):
    response = api_as(office.ombudsman).patch(
        url(case, complaint), {"postponed_on": "2026-04-20", "postponement_weeks": 2},
        format="json")

    assert response.status_code == 200, response.json()
    handling = by_kind(response.json())["afhandeling_klacht"]
    assert handling["end"] == "2026-05-27"  # 6 + 2 weeks
    assert "Awb 9:11 lid 2" in handling["basis"]


def test_it_shows_the_elements_and_the_judgment_they_give_together(office, case, complaint):
    for judgment in ("gegrond", "ongegrond"):
        element_create(user=office.ombudsman, complaint=complaint, description="Onderdeel",
                       judgment=judgment, reasons="Zo blijkt uit het dossier.")

    data = api_as(office.ombudsman).get(url(case, complaint)).json()

    assert [e["judgment"] for e in data["elements"]] == ["gegrond", "ongegrond"]
    assert data["elements"][0]["judgment_label"] == "Gegrond"
    assert data["overall_judgment"] == "deels_gegrond"


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"received_on": "2026-04-31"}, "received_on", ""),
    ({"hearing_on": "2026-04-21"}, "hearing_on", "Deze datum ligt in de toekomst."),
    ({"acknowledged_on": "2026-03-01"}, "acknowledged_on",
     "Deze datum kan niet vóór de ontvangst van de klacht liggen."),
    ({"postponed_on": "2026-04-20", "postponement_weeks": 6}, "postponement_weeks",
     "Awb 9:11 lid 2"),
    ({"not_handled_ground": "geen_zin"}, "not_handled_ground", ""),
    ({"hearing_skipped_ground": "onbekend"}, "hearing_skipped_ground", ""),
    ({"subject": ""}, "subject", ""),
    ({"respondent_official": "x" * 201}, "respondent_official", ""),
])
def test_an_invalid_fact_is_a_400_naming_the_field_and_stores_nothing(office, case, complaint,
                                                                      body, field, message):
    response = api_as(office.ombudsman).patch(url(case, complaint), body, format="json")

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert message in response.json()[field][0]
    stored = Complaint.objects.get(pk=complaint.pk)
    assert (stored.received_on, stored.hearing_on, stored.postponed_on) == (RECEIVED, None, None)


def test_an_organisation_off_the_municipality_social_map_is_refused(office, case, complaint):
    elsewhere = OrganisationFactory(municipalities=[office.westerveld])

    response = api_as(office.ombudsman).patch(
        url(case, complaint), {"respondent_organisation": elsewhere.pk}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["respondent_organisation"]
    assert Complaint.objects.get(pk=complaint.pk).respondent_organisation is None


def test_a_closed_complaint_is_a_409_and_stays_as_it_was(office, case, complaint):
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="ingetrokken",
                    reason="de klager trok de klacht in vóór de bevestiging.")

    response = api_as(office.ombudsman).patch(url(case, complaint),
                                              {"conduct": "Toch nog iets."}, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "complaint_closed"
    assert "Heropen de zaak" in response.json()["detail"]
    assert Complaint.objects.get(pk=complaint.pk).conduct == ""


def test_a_complaint_is_neither_created_nor_deleted_through_the_api(office, case, complaint):
    client = api_as(office.ombudsman)

    assert client.post(url(case), {"subject": "Klacht", "received_on": "2026-04-01"},
                       format="json").status_code == 405
    assert client.delete(url(case, complaint)).status_code == 405
    assert Complaint.objects.filter(pk=complaint.pk).exists()


def test_a_complaint_of_another_case_is_a_404(office, v4, case, complaint):
    other = register_case(office, municipality=v4, name="Piet Post")
    client = api_as(office.ombudsman)

    assert client.get(url(other, complaint)).status_code == 404
    assert client.patch(url(other, complaint), {"conduct": "Iets"},
                        format="json").status_code == 404
    assert Complaint.objects.get(pk=complaint.pk).conduct == ""


def test_an_ombudsperson_of_another_municipality_gets_a_404(office, case, complaint):
    client = api_as(office.ombudsman_westerveld)

    assert client.get(url(case)).status_code == 404
    assert client.get(url(case, complaint)).status_code == 404
    assert client.patch(url(case, complaint), {"conduct": "Iets"},
                        format="json").status_code == 404
    assert Complaint.objects.get(pk=complaint.pk).conduct == ""


def test_policy_staff_get_a_403(office, case, complaint):
    client = api_as(office.beleid)

    assert client.get(url(case)).status_code == 403
    assert client.get(url(case, complaint)).status_code == 403
    assert client.patch(url(case, complaint), {"conduct": "Iets"},
                        format="json").status_code == 403
    assert Complaint.objects.get(pk=complaint.pk).conduct == ""
