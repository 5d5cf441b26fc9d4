"""The draft of a letter through /api/v1/cases/{reference}/letters/draft/?kind=…: the text the
letter page previews, audited like it."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.utils import timezone

from ombuds.accounts.roles import Role
from ombuds.core.models import AuditEntry
from ombuds.correspondence.models import LetterTemplate
from ombuds.tests.factories import MunicipalityFactory, api_as, member, register_case, workflow

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(date(2026, 4, 20), tick=False):
        yield


def url(case, kind="ontvangstbevestiging") -> str:
    return f"/api/v1/cases/{case.reference}/letters/draft/?kind={kind}"


def test_it_drafts_a_letter_from_the_municipality_template(office):
    case = register_case(office, name="Fatima el Amrani")
    LetterTemplate.objects.create(municipality=case.municipality, kind="ontvangstbevestiging",
                                  subject="Uw zaak {{ zaak.nummer }}",
                                  body="{{ inwoner.aanhef }},\n\nWij helpen u.")

    response = api_as(office.ombudsman).get(url(case))

    assert response.status_code == 200, response.json()
    data = response.json()
    assert (data["kind"], data["kind_label"]) == ("ontvangstbevestiging", "Ontvangstbevestiging")
    assert data["subject"] == f"Uw zaak {case.reference}"
    assert "Fatima el Amrani" in data["body"].split("\n")[0]
    assert AuditEntry.objects.filter(event="letter.previewed",
                                     object_label=case.reference).count() == 1


def test_it_drafts_the_acknowledgement_of_a_complaint_with_its_term(office):
    m = MunicipalityFactory(office=office.office, workflow=workflow(4))
    member(office.ombudsman, m, Role.OMBUDSPERSON)
    case = register_case(office, municipality=m,
                         opened_at=timezone.make_aware(datetime(2026, 4, 1, 10)))

    response = api_as(office.ombudsman).get(url(case, "klacht_ontvangst"))

    assert response.status_code == 200, response.json()
    assert response.json()["subject"]
    assert "13 mei 2026" in response.json()["body"]  # the 9:11 term, from the deadline engine


@pytest.mark.parametrize("query", ["?kind=bestaat_niet", ""])
def test_an_unknown_or_missing_kind_is_a_400_naming_kind(office, query):
    case = register_case(office)

    response = api_as(office.ombudsman).get(
        f"/api/v1/cases/{case.reference}/letters/draft/{query}")

    assert response.status_code == 400 and list(response.json()) == ["kind"]


def test_a_broken_template_is_a_400_naming_kind(office):
    case = register_case(office)
    LetterTemplate.objects.create(municipality=case.municipality, kind="ontvangstbevestiging",
                                  subject="Onderwerp", body="Beste {{ bestaat.niet }},")

    response = api_as(office.ombudsman).get(url(case))

    assert response.status_code == 400
    assert "sjabloon" in response.json()["kind"][0]


def test_an_ombudsperson_of_another_municipality_gets_a_404_and_policy_a_403(office):
    case = register_case(office)

    assert api_as(office.ombudsman_westerveld).get(url(case)).status_code == 404
    assert api_as(office.beleid).get(url(case)).status_code == 403
    assert not AuditEntry.objects.filter(event="letter.previewed").exists()


def test_a_complaint_letter_on_a_case_without_a_complaint_is_a_400_naming_kind(office):
    case = register_case(office)  # Steenwijkerland: variant 3, no complaint

    response = api_as(office.ombudsman).get(url(case, "klacht_oordeel"))

    assert response.status_code == 400 and list(response.json()) == ["kind"]
    assert "past niet bij deze zaak" in response.json()["kind"][0]


def test_the_schema_documents_it_under_letters(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/cases/{reference}/letters/draft/"]["get"]
    assert operation["tags"] == ["Brieven"]
    kind = next(p for p in operation["parameters"] if p["name"] == "kind")
    assert "klacht_oordeel" in kind["description"] and "rapport" in kind["description"]
