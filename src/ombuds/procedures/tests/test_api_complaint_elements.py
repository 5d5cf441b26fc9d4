"""The elements of a complaint and the judgment on each (Awb 9:12 lid 1) through
/api/v1/cases/{reference}/complaints/{id}/elements/."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from ombuds.accounts.roles import Role
from ombuds.cases.services import case_transition
from ombuds.core.models import AuditEntry
from ombuds.procedures.complaints import element_create
from ombuds.procedures.models import Complaint, ComplaintElement
from ombuds.tests.factories import MunicipalityFactory, api_as, member, register_case, workflow

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(date(2026, 4, 20), tick=False):
        yield


@pytest.fixture
def v4(office):
    m = MunicipalityFactory(office=office.office, workflow=workflow(4))
    member(office.ombudsman, m, Role.OMBUDSPERSON)
    return m


@pytest.fixture
def case(office, v4):
    return register_case(office, municipality=v4)


@pytest.fixture
def complaint(case):
    return Complaint.objects.get(case=case)


@pytest.fixture
def element(office, complaint):
    return element_create(user=office.ombudsman, complaint=complaint,
                          description="De consulent belde niet terug.")


def url(case, complaint, element=None) -> str:
    base = f"/api/v1/cases/{case.reference}/complaints/{complaint.pk}/elements/"
    return f"{base}{element.pk}/" if element else base


def test_it_adds_elements_in_order(office, case, complaint):
    client = api_as(office.ombudsman)

    first = client.post(url(case, complaint), {"description": "Niet teruggebeld."},
                        format="json")
    second = client.post(url(case, complaint), {"description": "Onvriendelijk.",
                                                "norm": "bejegening"}, format="json")

    assert first.status_code == 201, first.json()
    assert first.json() == {"id": first.json()["id"], "position": 1,
                            "description": "Niet teruggebeld.", "judgment": "",
                            "judgment_label": "", "norm": "", "norm_label": "", "reasons": ""}
    assert second.json()["position"] == 2 and second.json()["norm_label"] == "Goede bejegening"
    listed = client.get(url(case, complaint)).json()
    assert [e["description"] for e in listed] == ["Niet teruggebeld.", "Onvriendelijk."]
    assert AuditEntry.objects.filter(event="complaint.element_created").count() == 2


def test_it_judges_an_element_with_its_reasons(office, case, complaint, element):
    client = api_as(office.ombudsman)

    response = client.patch(url(case, complaint, element),
                            {"judgment": "gegrond", "reasons": "Er is niet teruggebeld."},
                            format="json")

    assert response.status_code == 200, response.json()
    assert (response.json()["judgment"], response.json()["judgment_label"]) == ("gegrond",
                                                                                "Gegrond")
    assert client.get(url(case, complaint, element)).json()["reasons"] == "Er is niet teruggebeld."
    detail = client.get(f"/api/v1/cases/{case.reference}/complaints/{complaint.pk}/").json()
    assert detail["overall_judgment"] == "gegrond"


def test_it_deletes_an_element(office, case, complaint, element):
    response = api_as(office.ombudsman).delete(url(case, complaint, element))

    assert response.status_code == 204
    assert not ComplaintElement.objects.exists()


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"judgment": "gegrond"}, "reasons", "Awb 9:12 lid 1"),
    ({"judgment": "half"}, "judgment", ""),
    ({"norm": "gezelligheid"}, "norm", ""),
    ({"description": ""}, "description", ""),
])
def test_an_invalid_element_is_a_400_naming_the_field(office, case, complaint, element, body,
                                                      field, message):
    response = api_as(office.ombudsman).patch(url(case, complaint, element), body,
                                              format="json")

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert message in response.json()[field][0]
    element.refresh_from_db()
    assert (element.judgment, element.norm) == ("", "")


def test_an_element_needs_a_description(office, case, complaint):
    response = api_as(office.ombudsman).post(url(case, complaint), {}, format="json")

    assert response.status_code == 400 and list(response.json()) == ["description"]
    assert not ComplaintElement.objects.exists()


def test_the_elements_of_a_closed_complaint_are_a_409(office, case, complaint, element):
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="ingetrokken",
                    reason="de klager trok de klacht in vóór de bevestiging.")
    client = api_as(office.ombudsman)

    added = client.post(url(case, complaint), {"description": "Nog een."}, format="json")
    changed = client.patch(url(case, complaint, element), {"description": "Anders."},
                           format="json")
    deleted = client.delete(url(case, complaint, element))

    for response in (added, changed, deleted):
        assert response.status_code == 409 and response.json()["code"] == "complaint_closed"
    assert [e.description for e in ComplaintElement.objects.all()] == [element.description]


def test_an_element_of_another_case_is_a_404(office, v4, case, complaint):
    other = register_case(office, municipality=v4, name="Piet Post")
    foreign = element_create(user=office.ombudsman, complaint=Complaint.objects.get(case=other),
                             description="Elders.")
    client = api_as(office.ombudsman)

    assert client.get(url(case, complaint, foreign)).status_code == 404
    assert client.patch(url(case, complaint, foreign), {"description": "Hier."},
                        format="json").status_code == 404
    assert client.delete(url(case, complaint, foreign)).status_code == 404
    assert client.get(url(other, complaint)).status_code == 404  # the complaint is not other's
    assert ComplaintElement.objects.get(pk=foreign.pk).description == "Elders."


def test_an_ombudsperson_of_another_municipality_gets_a_404(office, case, complaint, element):
    client = api_as(office.ombudsman_westerveld)

    assert client.get(url(case, complaint)).status_code == 404
    assert client.post(url(case, complaint), {"description": "X"}, format="json").status_code \
        == 404
    assert client.get(url(case, complaint, element)).status_code == 404
    assert client.delete(url(case, complaint, element)).status_code == 404
    assert ComplaintElement.objects.count() == 1


def test_policy_staff_get_a_403(office, case, complaint, element):
    client = api_as(office.beleid)

    assert client.get(url(case, complaint)).status_code == 403
    assert client.post(url(case, complaint), {"description": "X"}, format="json").status_code \
        == 403
    assert client.patch(url(case, complaint, element), {"description": "X"},
                        format="json").status_code == 403
    assert client.delete(url(case, complaint, element)).status_code == 403
    assert ComplaintElement.objects.get().description == element.description
