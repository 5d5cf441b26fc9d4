"""The public home page: what the ombudsfunctie is and is not, and how to reach it."""

import re

import pytest
from django.urls import reverse


@pytest.fixture
def contact(office):
    office.office.phone = "0521 123 456"
    office.office.email = "ombuds@example.nl"
    office.office.address = "Markt 1, Steenwijk"
    office.office.walk_in_hours = "Dinsdag 9.00 tot 12.00 uur"
    office.office.save()
    office.westerveld.phone = "14 0521"
    office.westerveld.save()
    return office


def test_it_explains_the_ombudsfunctie_in_dutch_with_one_h1(client, contact):
    response = client.get(reverse("public:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl"' in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert "Sociale ombudsfunctie" in html
    for word in ("Onafhankelijk", "Gratis", "luisteren", "bemiddelen", "op tijd"):
        assert word in html
    assert "Wat doet de ombudsfunctie niet?" in html
    assert "<main" in html and "<header" in html and "<footer" in html


def test_it_shows_how_to_reach_the_office_per_municipality(client, contact):
    html = client.get(reverse("public:home")).content.decode()
    assert "Gemeente Steenwijkerland" in html
    assert "Gemeente Westerveld" in html
    assert "0521 123 456" in html
    assert "ombuds@example.nl" in html
    assert "Dinsdag 9.00 tot 12.00 uur" in html
    assert "14 0521" in html


def test_it_links_to_the_staff_login(client, contact):
    html = client.get(reverse("public:home")).content.decode()
    assert f'href="{reverse("accounts:login")}"' in html
    assert "Inloggen voor medewerkers" in html


def test_it_needs_no_login_and_shows_no_staff_navigation(client, contact):
    html = client.get(reverse("public:home")).content.decode()
    assert "Werklijst" not in html
    assert "Uitloggen" not in html
