"""Login throttling (issue 7, done-when 1): the tenth wrong password locks the user name for
a while, with one Dutch message whether or not the account exists; counted in the database,
so every app process sees it; audited."""

from __future__ import annotations

import re

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.db.models import Sum
from django.test import Client
from django.urls import reverse

from ombuds.core.models import AuditEntry

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
LOCKED = "Er is te vaak een verkeerd wachtwoord gebruikt"
WRONG = "De gebruikersnaam of het wachtwoord klopt niet"


def attempt(client, username, password, address="192.0.2.10"):
    return client.post(reverse("accounts:login"), {"username": username, "password": password},
                       REMOTE_ADDR=address)


def test_the_tenth_wrong_password_locks_the_account(client, office):
    for _ in range(9):
        response = attempt(client, "ombudsman", "fout")
        assert response.status_code == 200
        assert WRONG in response.content.decode() and LOCKED not in response.content.decode()
    tenth = attempt(client, "ombudsman", "fout")
    assert tenth.status_code == 429
    assert LOCKED in tenth.content.decode()
    entry = AuditEntry.objects.get(event="auth.locked_out")
    assert entry.details == {"username": "ombudsman"}
    # Now even the right password is refused, with the same message.
    right = attempt(client, "ombudsman", PASSWORD)
    assert right.status_code == 429 and LOCKED in right.content.decode()
    assert SESSION_KEY not in client.session
    # Other accounts are not affected.
    assert attempt(Client(), "coordinator", PASSWORD).status_code == 302


def test_the_lock_lifts_after_the_configured_while(office, settings):
    with time_machine.travel("2026-03-02 09:00 +01:00", tick=False) as traveller:
        client = Client()
        for _ in range(10):
            attempt(client, "ombudsman", "fout")
        traveller.shift(14 * 60)
        assert attempt(client, "ombudsman", PASSWORD).status_code == 429
        # That attempt while locked started the period anew.
        traveller.shift(14 * 60)
        assert attempt(client, "ombudsman", PASSWORD).status_code == 429
        traveller.shift(16 * 60)
        response = attempt(client, "ombudsman", PASSWORD)
        assert response.status_code == 302
        assert client.session[SESSION_KEY] == str(office.ombudsman.pk)


def test_the_message_does_not_tell_whether_the_account_exists(office):
    pages = {}
    for username in ("ombudsman", "bestaat-niet"):
        client = Client()
        for _ in range(9):
            assert WRONG in attempt(client, username, "fout").content.decode()
        response = attempt(client, username, "fout")
        assert response.status_code == 429
        main = response.content.decode().split("<main")[1].split("</main>")[0]
        pages[username] = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", main).replace(
            username, "USERNAME")
    assert pages["ombudsman"] == pages["bestaat-niet"]


def test_failures_count_across_clients_and_addresses(office):
    """The count lives in the database (django-axes' AccessAttempt), not in a process: nine
    failures spread over clients and addresses, then one more, lock the user name."""
    for number in range(9):
        attempt(Client(), "ombudsman", "fout", address=f"198.51.100.{number}")
    failures = AccessAttempt.objects.filter(username="ombudsman").aggregate(n=Sum("failures_since_start"))
    assert failures["n"] == 9
    assert attempt(Client(), "ombudsman", "fout", address="203.0.113.7").status_code == 429


def test_a_right_password_resets_the_count(office):
    client = Client()
    for _ in range(9):
        attempt(client, "ombudsman", "fout")
    assert attempt(client, "ombudsman", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(9):
        assert attempt(client, "ombudsman", "fout").status_code == 200


def test_the_beheerder_lifts_a_lock(office):
    for _ in range(10):
        attempt(Client(), "ombudsman", "fout")
    beheer = office.beheer
    beheer.is_staff = True
    beheer.save()
    admin = Client()
    admin.force_login(beheer)
    admin.post(reverse("admin:accounts_user_changelist"),
               {"action": "lockout_reset", "_selected_action": [office.ombudsman.pk]})
    assert attempt(Client(), "ombudsman", PASSWORD).status_code == 302
    assert AuditEntry.objects.filter(event="auth.lockout_lifted", username="beheer").exists()


def test_the_admin_login_is_throttled_too(office):
    client = Client()
    for _ in range(10):
        response = client.post(reverse("admin:login"),
                               {"username": "beheer", "password": "fout"}, REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_the_lockout_log_line_names_no_user_or_address(office, caplog):
    import logging

    with caplog.at_level(logging.DEBUG, logger="axes"):
        for _ in range(10):
            attempt(Client(), "ombudsman", "fout", address="192.0.2.99")
    assert any("Locking out" in record.getMessage() for record in caplog.records)
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "ombudsman" not in text and "192.0.2.99" not in text
