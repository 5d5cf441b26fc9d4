"""The signal form: each theme once, under its municipality, and the success message once
(issue 15, rough edges)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from ombuds.core.models import Theme
from ombuds.signals.models import Signal
from ombuds.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def staff(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def theme_select(html: str) -> str:
    return re.search(r'<select name="theme".*?</select>', html, re.S).group(0)


def test_it_lists_each_theme_once_under_its_municipality(office):
    Theme.objects.create(municipality=office.westerveld, domain=office.wmo, name="Wachttijd")
    select = theme_select(staff(office.ombudsman).get("/werk/signalen/nieuw/").content.decode())
    assert "---------" not in select
    assert '<option value="" selected>Geen thema</option>' in select
    assert select.count("ondersteuning): Wachttijd") == 2  # one per municipality, told apart by group
    assert '<optgroup label="Steenwijkerland">' in select
    assert '<optgroup label="Westerveld">' in select


def test_it_lists_themes_flat_for_a_user_of_one_municipality(office):
    Theme.objects.create(municipality=office.westerveld, domain=office.wmo, name="Wachttijd")
    page = staff(office.ombudsman_westerveld).get("/werk/signalen/nieuw/").content.decode()
    select = theme_select(page)
    assert "<optgroup" not in select
    assert select.count("ondersteuning): Wachttijd") == 1


def test_it_refuses_a_theme_of_another_municipality(office):
    organisation = OrganisationFactory(municipalities=[office.steenwijkerland])
    other = Theme.objects.create(municipality=office.westerveld, domain=office.wmo, name="Vervoer")
    response = staff(office.ombudsman).post("/werk/signalen/nieuw/", {
        "municipality": office.steenwijkerland.pk, "title": "Vervoer te laat",
        "description": "Steeds te laat.", "organisation": organisation.pk, "theme": other.pk})
    assert response.status_code == 400
    assert "Kies een thema van Steenwijkerland." in response.content.decode()
    assert not Signal.objects.exists()


def test_the_signal_is_recorded_message_shows_once(office):
    organisation = OrganisationFactory(municipalities=[office.steenwijkerland])
    client = staff(office.ombudsman)
    response = client.post("/werk/signalen/nieuw/", {
        "municipality": office.steenwijkerland.pk, "title": "Vervoer te laat",
        "description": "Steeds te laat.", "organisation": organisation.pk,
        "theme": office.theme.pk}, follow=True)
    assert response.status_code == 200
    assert response.content.decode().count("Het signaal is vastgelegd.") == 1
