"""The statutory ombudsman per municipality (Awb 9:17): configured in the beheer, the Nationale
ombudsman when no name is set."""

import pytest
from django.urls import reverse

from ombuds.accounts.roles import Role
from ombuds.core.models import NATIONAL_OMBUDSMAN
from ombuds.tests.factories import UserFactory, member

pytestmark = pytest.mark.django_db


def test_without_a_name_it_is_the_nationale_ombudsman_with_its_own_details(office):
    stw = office.steenwijkerland
    stw.ombudsman_phone = "050 123 45 67"  # a stray detail never mixes with the national one
    assert stw.statutory_ombudsman == NATIONAL_OMBUDSMAN
    assert NATIONAL_OMBUDSMAN.name == "de Nationale ombudsman"
    assert NATIONAL_OMBUDSMAN.address == "Postbus 93122, 2509 AC Den Haag"
    assert NATIONAL_OMBUDSMAN.contact == "telefoon 0800 33 55 555, www.nationaleombudsman.nl"


def test_a_beheerder_sets_the_regional_ombudsman_of_their_municipality(client, office):
    admin = member(UserFactory(username="beheer-stw", is_staff=True), office.steenwijkerland,
                   Role.ADMIN)
    client.force_login(admin)
    stw = office.steenwijkerland
    url = reverse("admin:core_municipality_change", args=[stw.pk])
    assert "Ombudsman na de klachtbehandeling (Awb 9:17)" in client.get(url).content.decode()
    response = client.post(url, {
        "name": stw.name, "workflow": stw.workflow.pk, "phone": "", "email": "",
        "ombudsman_name": "de Ombudsman Noord", "ombudsman_address": "Postbus 1\n9700 AA Groningen",
        "ombudsman_phone": "", "ombudsman_website": "www.ombudsman-noord.example",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    stw.refresh_from_db()
    ombudsman = stw.statutory_ombudsman
    assert (ombudsman.name, ombudsman.address, ombudsman.contact) == (
        "de Ombudsman Noord", "Postbus 1\n9700 AA Groningen", "www.ombudsman-noord.example")
