"""Session expiry after inactivity and at the maximum age; the password policy in Dutch."""

from __future__ import annotations

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from ombuds.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_session_ends_after_thirty_idle_minutes(office):
    with time_machine.travel("2026-03-02 09:00 +01:00", tick=False) as traveller:
        client = Client()
        client.force_login(office.ombudsman)
        assert client.get("/werk/zaken/").status_code == 200
        traveller.shift(29 * 60)
        assert client.get("/werk/zaken/").status_code == 200  # sliding: this starts anew
        traveller.shift(29 * 60)
        assert client.get("/werk/zaken/").status_code == 200
        traveller.shift(31 * 60 + 60)
        response = client.get("/werk/zaken/")
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        assert SESSION_KEY not in client.session
    entry = AuditEntry.objects.get(event="auth.session_expired")
    assert (entry.username, entry.details) == ("ombudsman", {"reason": "idle"})
    assert entry.origin.startswith("web")


def test_the_idle_time_is_configurable(office, settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    with time_machine.travel("2026-03-02 09:00 +01:00", tick=False) as traveller:
        client = Client()
        client.force_login(office.ombudsman)
        assert client.get("/werk/zaken/").status_code == 200
        traveller.shift(7 * 60)
        assert client.get("/werk/zaken/").status_code == 302


def test_an_expired_session_gets_a_403_from_the_api(office):
    with time_machine.travel("2026-03-02 09:00 +01:00", tick=False) as traveller:
        client = Client()
        client.force_login(office.ombudsman)
        assert client.get("/api/v1/cases/").status_code == 200
        traveller.shift(45 * 60)
        assert client.get("/api/v1/cases/").status_code == 403


def test_a_busy_session_still_ends_at_the_maximum_age(office, settings):
    settings.SESSION_COOKIE_AGE = 2 * 60 * 60
    with time_machine.travel("2026-03-02 09:00 +01:00", tick=False) as traveller:
        client = Client()
        client.force_login(office.ombudsman)
        for _ in range(4):
            traveller.shift(25 * 60)
            assert client.get("/werk/zaken/").status_code == 200
        traveller.shift(25 * 60)
        assert client.get("/werk/zaken/").status_code == 302
    assert AuditEntry.objects.get(event="auth.session_expired").details == {"reason": "max_age"}


@pytest.mark.parametrize(("password", "message"), [
    ("kort-wachtw", "Dit wachtwoord is te kort. Het moet minimaal 12 tekens bevatten."),
    ("password1234", "Dit wachtwoord is te algemeen."),
    ("123456789012345", "Dit wachtwoord bevat alleen cijfers."),
])
def test_the_password_policy_speaks_dutch(office, password, message):
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        validate_password(password, office.ombudsman)
    assert message in error.value.messages


def test_a_password_like_the_user_name_is_refused(office):
    user = office.ombudsman
    user.first_name, user.last_name = "Marieke", "Hoogeveenstra"
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        validate_password("hoogeveenstra1", user)
    assert any("te veel op" in m for m in error.value.messages)
    validate_password("paars konijn fietst 7x", user)
