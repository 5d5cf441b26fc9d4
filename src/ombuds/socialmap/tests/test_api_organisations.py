"""The social map via /api/v1/organisations/: read by staff, maintained by the beheerder."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from ombuds.accounts.roles import Role
from ombuds.core.models import AuditEntry
from ombuds.socialmap.models import Organisation, OrganisationType, Route
from ombuds.tests.factories import MunicipalityFactory, OrganisationFactory, UserFactory, api_as, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def socialmap(office):
    mee = OrganisationFactory(name="MEE IJsseloevers", type=OrganisationType.CLIENT_SUPPORT,
                              routes=[Route.CLIENT_SUPPORT])
    mee.municipalities.add(office.steenwijkerland, office.westerveld)
    committee = OrganisationFactory(name="Bezwaarschriftencommissie Steenwijkerland",
                                    type=OrganisationType.OBJECTION_COMMITTEE,
                                    routes=[Route.OBJECTION, Route.COURT])
    committee.municipalities.add(office.steenwijkerland)
    elsewhere = OrganisationFactory(name="Zorg Elders")
    elsewhere.municipalities.add(MunicipalityFactory())
    return {"mee": mee, "committee": committee, "elsewhere": elsewhere}


def names(response) -> list[str]:
    assert response.status_code == 200, response.json()
    return [o["name"] for o in response.json()]


def test_it_lists_the_social_map_of_the_users_municipalities(office, socialmap):
    assert names(api_as(office.ombudsman).get("/api/v1/organisations/")) == [
        "Bezwaarschriftencommissie Steenwijkerland", "MEE IJsseloevers"]
    assert names(api_as(office.ombudsman_westerveld).get("/api/v1/organisations/")) == [
        "MEE IJsseloevers"]
    assert names(api_as(office.beleid).get("/api/v1/organisations/")) == [
        "Bezwaarschriftencommissie Steenwijkerland", "MEE IJsseloevers"]


def test_it_filters_on_municipality_type_and_route(office, socialmap):
    client = api_as(office.ombudsman)

    assert names(client.get("/api/v1/organisations/?municipality=GM1701")) == [
        "MEE IJsseloevers"]
    assert names(client.get("/api/v1/organisations/?type=bezwaarcommissie")) == [
        "Bezwaarschriftencommissie Steenwijkerland"]
    assert names(client.get("/api/v1/organisations/?route=rechter")) == [
        "Bezwaarschriftencommissie Steenwijkerland"]
    assert names(client.get("/api/v1/organisations/?route=clientondersteuning")) == [
        "MEE IJsseloevers"]
    assert names(client.get("/api/v1/organisations/?route=kcc")) == []
    assert client.get("/api/v1/organisations/?route=onbekend").status_code == 400


def test_it_shows_one_organisation_with_its_routes(office, socialmap):
    response = api_as(office.secretariaat).get(
        f"/api/v1/organisations/{socialmap['committee'].pk}/"
    )

    assert response.status_code == 200
    data = response.json()
    assert data["routes"] == ["bezwaar", "rechter"]
    assert data["municipalities"] == ["GM1708"]
    assert data["type_label"] == "Bezwaarschriftencommissie"


def test_an_organisation_outside_the_users_municipalities_is_404(office, socialmap):
    client = api_as(office.ombudsman_westerveld)

    assert client.get(f"/api/v1/organisations/{socialmap['committee'].pk}/").status_code == 404
    assert client.get(f"/api/v1/organisations/{socialmap['elsewhere'].pk}/").status_code == 404


def test_the_beheerder_adds_an_organisation(office):
    response = api_as(office.beheer).post("/api/v1/organisations/", {
        "name": "Vertrouwenspersoon jeugdhulp (AKJ)", "type": "vertrouwenspersoon",
        "routes": ["vertrouwenspersoon_jeugd"], "municipalities": ["GM1708", "GM1701"],
        "website": "https://www.akj.nl", "public": True,
    }, format="json")

    assert response.status_code == 201, response.json()
    assert sorted(response.json()["municipalities"]) == ["GM1701", "GM1708"]
    organisation = Organisation.objects.get(pk=response.json()["id"])
    assert organisation.routes == ["vertrouwenspersoon_jeugd"]
    assert AuditEntry.objects.filter(event="organisation.created",
                                     object_id=str(organisation.pk)).exists()


def test_adding_an_organisation_reports_wrong_fields(office):
    response = api_as(office.beheer).post("/api/v1/organisations/", {
        "name": "", "type": "kapper", "routes": ["nergens"], "municipalities": [],
        "email": "geen-adres",
    }, format="json")

    assert response.status_code == 400
    assert set(response.json()) == {"name", "type", "routes", "municipalities", "email"}


def test_only_the_beheerder_of_every_municipality_may_write(office, socialmap):
    admin_of_one = member(UserFactory(username="beheer-wsv"), office.westerveld, Role.ADMIN)
    body = {"name": "Nieuw", "type": "overig", "municipalities": ["GM1708"]}

    assert api_as(office.ombudsman).post("/api/v1/organisations/", body,
                                         format="json").status_code == 403
    assert api_as(admin_of_one).post("/api/v1/organisations/", body,
                                     format="json").status_code == 403
    mee = f"/api/v1/organisations/{socialmap['mee'].pk}/"
    assert api_as(admin_of_one).patch(mee, {"phone": "088-1234567"},
                                      format="json").status_code == 403
    assert api_as(office.coordinator).patch(mee, {"phone": "088-1234567"},
                                            format="json").status_code == 403
    assert not Organisation.objects.filter(name="Nieuw").exists()
    assert Organisation.objects.get(pk=socialmap["mee"].pk).phone == ""


def test_the_beheerder_changes_an_organisation(office, socialmap):
    url = f"/api/v1/organisations/{socialmap['committee'].pk}/"

    response = api_as(office.beheer).patch(
        url, {"phone": "14 0521", "active": False, "municipalities": ["GM1708", "GM1701"]},
        format="json",
    )

    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["phone"] == "14 0521" and data["active"] is False
    assert sorted(data["municipalities"]) == ["GM1701", "GM1708"]
    assert data["name"] == "Bezwaarschriftencommissie Steenwijkerland"
    active_only = api_as(office.beheer).get("/api/v1/organisations/?active=true")
    assert "Bezwaarschriftencommissie Steenwijkerland" not in names(active_only)


def test_anonymous_callers_get_401(office):
    assert APIClient().get("/api/v1/organisations/").status_code == 401
