"""The social map page for staff: organisations of their municipalities, filterable."""

import pytest
from django.urls import reverse

from ombuds.socialmap.models import OrganisationType, Route
from ombuds.tests.factories import MunicipalityFactory, OrganisationFactory

URL = reverse("socialmap:list")


@pytest.fixture
def organisations(office):
    mee = OrganisationFactory(name="MEE IJssel-Vecht", type=OrganisationType.CLIENT_SUPPORT,
                              routes=[Route.CLIENT_SUPPORT], phone="0800 1234",
                              email="info@mee.example.nl")
    mee.municipalities.add(office.steenwijkerland, office.westerveld)
    commissie = OrganisationFactory(name="Bezwaarschriftencommissie Steenwijkerland",
                                    type=OrganisationType.OBJECTION_COMMITTEE,
                                    routes=[Route.OBJECTION, Route.COURT])
    commissie.municipalities.add(office.steenwijkerland)
    wsv_team = OrganisationFactory(name="Gebiedsteam Westerveld",
                                   type=OrganisationType.MUNICIPAL_TEAM, routes=[Route.AREA_TEAM])
    wsv_team.municipalities.add(office.westerveld)
    elsewhere = OrganisationFactory(name="Zorg Meppel")
    elsewhere.municipalities.add(MunicipalityFactory(name="Meppel"))
    inactive = OrganisationFactory(name="Opgeheven stichting", active=False)
    inactive.municipalities.add(office.steenwijkerland)
    return mee, commissie, wsv_team


def names(response):
    return [o.name for o in response.context["organisations"]]


def test_it_lists_the_organisations_of_the_users_municipalities(client, office, organisations):
    client.force_login(office.ombudsman)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert names(response) == ["Bezwaarschriftencommissie Steenwijkerland",
                               "Gebiedsteam Westerveld", "MEE IJssel-Vecht"]
    assert "Bezwaarprocedure (Awb 6:4)" in html
    assert "Cliëntondersteuning" in html
    assert "0800 1234" in html and "info@mee.example.nl" in html


def test_a_user_of_one_municipality_sees_only_its_organisations(client, office, organisations):
    client.force_login(office.ombudsman_westerveld)
    assert names(client.get(URL)) == ["Gebiedsteam Westerveld", "MEE IJssel-Vecht"]
    stw = office.steenwijkerland.pk
    assert names(client.get(URL, {"gemeente": stw})) == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"soort": "bezwaarcommissie"}, ["Bezwaarschriftencommissie Steenwijkerland"]),
        ({"route": "rechter"}, ["Bezwaarschriftencommissie Steenwijkerland"]),
        ({"route": "clientondersteuning"}, ["MEE IJssel-Vecht"]),
    ],
)
def test_it_filters_by_type_and_route(client, office, organisations, params, expected):
    client.force_login(office.secretariaat)
    assert names(client.get(URL, params)) == expected


def test_it_filters_by_municipality(client, office, organisations):
    client.force_login(office.coordinator)
    response = client.get(URL, {"gemeente": office.westerveld.pk})
    assert names(response) == ["Gebiedsteam Westerveld", "MEE IJssel-Vecht"]


@pytest.mark.parametrize("username", ["beleid", "beheer"])
def test_roles_without_cases_are_refused(client, office, username):
    client.force_login(office.users()[username])
    assert client.get(URL).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login(client, db):
    assert client.get(URL).status_code == 302
