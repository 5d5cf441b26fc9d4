"""``/api/v1/signals/``: the same scope and audit as the pages (issue 5)."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ombuds.core.models import AuditEntry
from ombuds.signals import services
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db


def api(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def test_it_returns_a_signal_with_its_cases_and_recommendations_to_the_ombudsperson(office):
    organisation = OrganisationFactory(name="Zorggroep Noord",
                                       municipalities=[office.steenwijkerland])
    case = register_case(office)
    signal = services.signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                                    title="Patroon", description="Omschrijving",
                                    organisation=organisation, theme=office.theme, cases=[case])
    services.recommendation_add(user=office.ombudsman, signal=signal, addressee="College",
                                text="Plan", due_on=signal.raised_on)
    data = api(office.ombudsman).get(f"/api/v1/signals/{signal.pk}/").json()
    assert data["cases"] == [case.reference] and data["case_count"] == 1
    assert data["status"] == "gesignaleerd" and data["municipality"] == "GM1708"
    assert data["theme"] == "Wachttijd" and data["domain"] == "wmo"
    assert [r["adoption"] for r in data["recommendations"]] == ["onbekend"]
    assert AuditEntry.objects.filter(event="signal.viewed", user=office.ombudsman).exists()
    listing = api(office.ombudsman).get("/api/v1/signals/?municipality=GM1708").json()
    assert listing["count"] == 1 and listing["results"][0]["organisation"] == "Zorggroep Noord"


def test_it_refuses_an_unknown_municipality_and_anonymous_callers(office):
    assert api(office.ombudsman_westerveld).get(
        "/api/v1/signals/?municipality=GM1708").status_code == 400
    assert APIClient().get("/api/v1/signals/").status_code in (401, 403)


@pytest.mark.parametrize("param", ["theme", "organisation"])
def test_an_id_filter_beyond_the_database_range_is_a_400_not_a_server_error(office, param):
    """Found by schemathesis (tests/test_api_fuzz.py): SQLite raised OverflowError."""
    response = api(office.ombudsman).get(f"/api/v1/signals/?{param}={2**64}")
    assert response.status_code == 400
    assert param in response.json()
    assert api(office.ombudsman).get(f"/api/v1/signals/?{param}={2**63 - 1}").status_code == 200
