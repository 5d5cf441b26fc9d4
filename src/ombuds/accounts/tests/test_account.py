"""Mijn account: a staff member sees their roles and second factor, changes their password
and renews their recovery codes; each change audited, each refusal in Dutch."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken

from ombuds.accounts.account import MAX_WRONG_PASSWORDS
from ombuds.accounts.mfa import recovery_codes_create
from ombuds.conftest import force_login_without_second_factor
from ombuds.core.models import AuditEntry
from ombuds.tests.otp import confirmed_device, totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
NEW = "een nieuw lang wachtwoord 2026"
OVERVIEW = reverse("account:overview")
CHANGE = reverse("account:password_change")
CODES = reverse("account:recovery_codes")


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_page_shows_the_roles_and_the_recovery_codes_left(office):
    user = office.ombudsman
    confirmed_device(user)
    codes = recovery_codes_create(user)
    StaticToken.objects.filter(token__in=codes[:8]).delete()  # eight used

    page = logged_in(user).get(OVERVIEW).content.decode()

    assert "Ombudsfunctionaris in Steenwijkerland" in page
    assert "Ombudsfunctionaris in Westerveld" in page
    assert "U hebt nog 2 ongebruikte herstelcodes." in page
    assert "Maak nieuwe herstelcodes" in page
    assert f'href="{CHANGE}"' in page


def test_the_header_links_to_the_account(office):
    page = logged_in(office.secretariaat).get(reverse("cases:worklist")).content.decode()
    assert f'href="{OVERVIEW}"' in page


def test_a_password_alone_reaches_none_of_it(office):
    client = Client()
    force_login_without_second_factor(client, office.ombudsman)
    for url in (OVERVIEW, CHANGE, CODES):
        assert "tweestapsverificatie" in client.get(url)["Location"]
    response = client.post(CHANGE, {"old_password": PASSWORD, "new_password1": NEW,
                                     "new_password2": NEW})
    assert "tweestapsverificatie" in response["Location"]
    office.ombudsman.refresh_from_db()
    assert office.ombudsman.check_password(PASSWORD)


def test_changing_the_password_keeps_this_session_and_ends_the_others(office):
    user = office.coordinator
    here, elsewhere = logged_in(user), logged_in(user)

    response = here.post(CHANGE, {"old_password": PASSWORD, "new_password1": NEW,
                                  "new_password2": NEW})

    assert response["Location"] == OVERVIEW
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert "Uw wachtwoord is gewijzigd." in here.get(OVERVIEW).content.decode()
    assert elsewhere.get(OVERVIEW)["Location"].startswith(reverse("accounts:login"))
    entry = AuditEntry.objects.get(event="auth.password_changed")
    assert entry.object_id == str(user.pk) and NEW not in str(entry.details)


@pytest.mark.parametrize("old, new1, new2, field, message", [
    ("fout wachtwoord", NEW, NEW, "old_password", "Dit is niet uw huidige wachtwoord."),
    (PASSWORD, NEW, NEW + "x", "new_password2", "De twee nieuwe wachtwoorden zijn niet gelijk."),
    (PASSWORD, "kort", "kort", "new_password1", "Dit wachtwoord is te kort."),
    (PASSWORD, PASSWORD, PASSWORD, "new_password1", "Kies een ander wachtwoord dan het huidige."),
])
def test_a_refused_password_says_why_and_changes_nothing(office, old, new1, new2, field,
                                                         message):
    user = office.coordinator
    response = logged_in(user).post(CHANGE, {"old_password": old, "new_password1": new1,
                                             "new_password2": new2})
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert message in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_too_many_wrong_current_passwords_end_the_session(office):
    """Counted per user in the database, so spreading guesses over sessions (or sending them
    at once) does not reset the count."""
    first, second = logged_in(office.coordinator), logged_in(office.coordinator)
    for attempt in range(1, MAX_WRONG_PASSWORDS + 1):
        client = first if attempt <= 3 else second
        response = client.post(CHANGE, {"old_password": f"geraden {attempt}",
                                         "new_password1": NEW, "new_password2": NEW})
        if attempt < MAX_WRONG_PASSWORDS:
            assert response.status_code == 200
    assert response["Location"] == reverse("accounts:login")
    assert SESSION_KEY not in second.session
    assert AuditEntry.objects.filter(event="auth.password_change_failed").count() \
        == MAX_WRONG_PASSWORDS


def test_accounts_without_a_password_of_their_own_cannot_change_it(office, settings):
    sso = office.beleid
    sso.set_unusable_password()
    sso.save()
    client = logged_in(sso)
    assert client.get(CHANGE)["Location"] == OVERVIEW
    assert "Uw wachtwoord wijzigt u daar, niet in Ombuds." in client.get(OVERVIEW).content.decode()

    settings.DEMO_MODE = True
    demo = office.ombudsman
    demo.is_demo = True
    demo.save()
    client = logged_in(demo)
    client.post(CHANGE, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    demo.refresh_from_db()
    assert demo.check_password(PASSWORD)
    assert "Demo-accounts houden het wachtwoord" in client.get(OVERVIEW).content.decode()


def test_new_recovery_codes_need_a_code_from_the_app_and_replace_the_old_ones(office):
    user = office.ombudsman
    device = confirmed_device(user)
    old_codes = recovery_codes_create(user)
    client = logged_in(user)

    refused = client.post(CODES, {"token": "000000"})
    assert "Deze code klopt niet of is verlopen." in refused.content.decode()
    assert StaticToken.objects.filter(token=old_codes[0]).exists()

    # django-otp makes the next try wait after a wrong code (1 s, doubling).
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        response = client.post(CODES, {"token": totp_code(device)})
    shown = client.get(response["Location"])
    new_codes = shown.context["codes"]
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert not StaticToken.objects.filter(token__in=old_codes).exists()
    assert StaticToken.objects.filter(token__in=new_codes).count() == 10
    assert shown.context["next"] == OVERVIEW
    assert client.get(response["Location"]).status_code == 302, "shown once"
    assert AuditEntry.objects.filter(event="auth.recovery_codes_renewed").count() == 1
    assert AuditEntry.objects.filter(event="auth.recovery_codes_refused").count() == 1


def test_renewing_in_a_session_verified_by_a_recovery_code_keeps_it_verified(office):
    """The recovery code that verified this session is deleted with the old set; the
    session must stay verified (by the app's code) and show the new codes."""
    user = office.ombudsman
    device = confirmed_device(user)
    old_codes = recovery_codes_create(user)
    client = Client()
    force_login_without_second_factor(client, user)
    response = client.post(reverse("accounts:otp_verify"), {"token": old_codes[0]})
    assert response.status_code == 302 and "tweestapsverificatie" not in response["Location"]

    # match_token tried the recovery code on the app too, which throttles it for a second.
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        response = client.post(CODES, {"token": totp_code(device)})
        shown = client.get(response["Location"])

        overview = client.get(OVERVIEW)
    assert shown.status_code == 200 and len(shown.context["codes"]) == 10
    assert overview.status_code == 200, "still past the second factor"
