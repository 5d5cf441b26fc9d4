"""Logging in and out: Dutch errors, demo accounts only in demo mode, logout by POST only."""

import pytest
from django.urls import reverse

from ombuds.tests.factories import UserFactory

PASSWORD = "correct horse battery"


@pytest.fixture
def demo_user(office):
    user = office.ombudsman
    user.is_demo = True
    user.set_password("demo")
    user.save()
    return user


def test_the_login_page_is_dutch_and_labels_its_fields(client, db):
    html = client.get(reverse("accounts:login")).content.decode()
    assert "Inloggen voor medewerkers" in html
    assert '<label class="utrecht-form-label" for="id_username">Gebruikersnaam' in html
    assert '<label class="utrecht-form-label" for="id_password">Wachtwoord' in html


def test_a_staff_member_logs_in_with_the_right_password(client, office):
    response = client.post(reverse("accounts:login"),
                           {"username": "ombudsman", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("cases:home")
    assert client.session.get("_auth_user_id") == str(office.ombudsman.pk)


def test_a_wrong_password_shows_a_dutch_error_summary(client, office):
    response = client.post(reverse("accounts:login"),
                           {"username": "ombudsman", "password": "fout"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "De gebruikersnaam of het wachtwoord klopt niet" in html
    assert 'role="alert"' in html
    assert 'href="#id_username"' in html
    assert "_auth_user_id" not in client.session


def test_a_demo_user_can_log_in_in_demo_mode(client, demo_user, settings):
    settings.DEMO_MODE = True
    response = client.post(reverse("accounts:login"), {"username": "ombudsman", "password": "demo"})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(demo_user.pk)


def test_a_demo_user_is_refused_outside_demo_mode(client, demo_user, settings):
    settings.DEMO_MODE = False
    response = client.post(reverse("accounts:login"), {"username": "ombudsman", "password": "demo"})
    assert response.status_code == 200
    assert "De gebruikersnaam of het wachtwoord klopt niet" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_demo_accounts_are_listed_in_demo_mode_only(client, db, settings):
    settings.DEMO_MODE = True
    html = client.get(reverse("accounts:login")).content.decode()
    assert "Demo-accounts" in html
    for username in ("ombudsman", "secretariaat", "coordinator", "beleid", "beheer",
                     "ombudsman-westerveld"):
        assert f"<code>{username}</code>" in html
    settings.DEMO_MODE = False
    html = client.get(reverse("accounts:login")).content.decode()
    assert "Demo-accounts" not in html
    assert "<code>ombudsman-westerveld</code>" not in html


def test_an_inactive_user_cannot_log_in(client, db):
    UserFactory(username="weg", is_active=False)
    response = client.post(reverse("accounts:login"), {"username": "weg", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200


def test_logout_works_by_post_and_not_by_get(client, office):
    client.force_login(office.ombudsman)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response.url == reverse("public:home")
    assert "_auth_user_id" not in client.session
