"""Two-factor authentication (issue 7, done-when 1): without a second factor a staff user
reaches no staff page and no API endpoint; enrolment with a QR code, verification, recovery
codes shown once, the beheerder's reset, and demo mode."""

from __future__ import annotations

import re
import time

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from ombuds.conftest import force_login_without_second_factor
from ombuds.core.models import AuditEntry
from ombuds.tests.otp import confirmed_device, totp_code
from ombuds.tests.test_access_matrix import (  # noqa: F401, F811 - the world fixture
    RULES,
    app_url_names,
    build,
    reached,
    world,
)

PASSWORD = "correct horse battery"


def half_logged_in(user) -> Client:
    """A client past the password, not past the second factor."""
    client = Client()
    force_login_without_second_factor(client, user)
    return client


def request(client, name, url):
    rule = RULES[name]
    if rule.method == "post" and name.startswith("api-"):
        return client.post(url, data="{}", content_type="application/json")
    return getattr(client, rule.method)(url)


@pytest.mark.django_db
@pytest.mark.parametrize("enrolled", [True, False], ids=["with-app", "without-app"])
def test_without_a_second_factor_no_staff_page_or_api_endpoint_is_reached(world, enrolled):  # noqa: F811
    """Driven by the URL configuration: every URL, present and future, that an anonymous
    visitor cannot reach is not reached by a staff user who has only given a password. Pages
    send them to the second step, the API answers 403. The ombudsperson reaches the most."""
    office, case, kwargs, saved = world
    user = office.ombudsman
    if enrolled:
        confirmed_device(user)
    step = reverse("accounts:otp_verify" if enrolled else "accounts:otp_setup")
    checked, wrong = [], []
    for name in app_url_names():
        if "anonymous" in RULES[name].allowed or name.startswith("accounts:"):
            continue
        url = build(name, kwargs, saved)
        response = request(half_logged_in(user), name, url)
        checked.append((name, url))
        if name.startswith("api") or url.startswith("/api/"):
            if response.status_code != 403:
                wrong.append(f"{name} {url} → {response.status_code}")
        elif response.status_code != 302 or not response["Location"].startswith(step):
            wrong.append(f"{name} {url} → {response.status_code} {response.get('Location')}")
    # The same URLs with the second factor done are reached (where the role allows it), so
    # the refusals above come from the missing factor, not from the role.
    for name, url in checked:
        if "ombudsman" in RULES[name].allowed:
            verified = Client()
            verified.force_login(user)
            assert reached(request(verified, name, url)), name
    assert len(checked) > 60
    assert not wrong, "reached without a second factor: " + "; ".join(wrong)


@pytest.mark.django_db
def test_the_beheer_needs_the_second_factor_too(office):
    office.beheer.is_staff = True
    office.beheer.save()
    confirmed_device(office.beheer)
    response = half_logged_in(office.beheer).get("/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp_verify"))


@pytest.mark.django_db
def test_an_api_token_is_a_machine_client_that_needs_no_second_factor(office):
    token = Token.objects.create(user=office.ombudsman)
    client = half_logged_in(office.ombudsman)
    assert client.get("/api/v1/cases/").status_code == 403
    response = client.get("/api/v1/cases/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200
    # A wrong token does not fall back to the half-open session.
    assert client.get("/api/v1/cases/", HTTP_AUTHORIZATION="Token nope").status_code == 401


def login_with_password(client, username, password=PASSWORD, next_url=""):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("accounts:login"), data)


@pytest.mark.django_db
def test_enrolment_with_the_qr_code_then_recovery_codes_once(client, office):
    user = office.ombudsman
    login_with_password(client, "ombudsman")
    response = client.get("/werk/", follow=False)
    assert response["Location"].startswith(reverse("accounts:otp_setup"))
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "QR-code voor uw authenticator-app" in html
    # No inline script or style: the page keeps to the strict CSP.
    assert "<script>" not in html and "style=" not in html and " on" + "click=" not in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', html).group(1)
    assert secret.replace(" ", "") in device.config_url

    wrong = client.post(reverse("accounts:otp_setup"), {"token": "000000"})
    assert "Deze code klopt niet" in wrong.content.decode()
    # django-otp throttles after a wrong code (1 s, doubling); a moment later it is fine.
    with time_machine.travel(time.time() + 2):
        response = client.post(reverse("accounts:otp_setup"),
                               {"token": totp_code(device), "next": "/werk/"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp_recovery_codes"))
    codes_page = client.get(response["Location"]).content.decode()
    codes = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(codes) == 10
    assert all(code in codes_page for code in codes)
    # Shown once.
    again = client.get(response["Location"])
    assert again.status_code == 302 and codes[0] not in again.content.decode()
    assert client.get("/werk/zaken/").status_code == 200
    assert AuditEntry.objects.filter(event="auth.2fa_enrolled", object_id=str(user.pk)).exists()


@pytest.mark.django_db
def test_the_second_step_takes_a_code_from_the_app(client, office):
    device = confirmed_device(office.ombudsman)
    response = login_with_password(client, "ombudsman", next_url="/werk/zaken/")
    response = client.get(response["Location"])
    assert response["Location"].startswith(reverse("accounts:otp_verify"))
    step = client.get(response["Location"])
    assert "Tweestapsverificatie" in step.content.decode()

    wrong = client.post(reverse("accounts:otp_verify"), {"token": "123456", "next": "/werk/zaken/"})
    assert wrong.status_code == 200
    assert "Deze code klopt niet of is verlopen" in wrong.content.decode()
    assert client.get("/werk/zaken/").status_code == 302

    with time_machine.travel(time.time() + 2):
        ok = client.post(reverse("accounts:otp_verify"),
                         {"token": totp_code(device), "next": "/werk/zaken/"})
    assert ok.status_code == 302 and ok["Location"] == "/werk/zaken/"
    assert client.get("/werk/zaken/").status_code == 200
    assert AuditEntry.objects.filter(event="auth.2fa_failed", username="ombudsman").exists()
    entry = AuditEntry.objects.get(event="auth.2fa_verified", username="ombudsman")
    assert entry.details == {"method": "totp"}


@pytest.mark.django_db
def test_a_recovery_code_works_once(office):
    from ombuds.accounts.mfa import recovery_codes_create

    confirmed_device(office.ombudsman)
    codes = recovery_codes_create(office.ombudsman)
    first = Client()
    login_with_password(first, "ombudsman")
    response = first.post(reverse("accounts:otp_verify"), {"token": codes[0].upper()})
    assert response.status_code == 302
    assert first.get("/werk/zaken/").status_code == 200
    entry = AuditEntry.objects.get(event="auth.2fa_verified")
    assert entry.details == {"method": "recovery_code", "recovery_codes_left": 9}

    second = Client()
    login_with_password(second, "ombudsman")
    response = second.post(reverse("accounts:otp_verify"), {"token": codes[0]})
    assert response.status_code == 200
    assert second.get("/werk/zaken/").status_code == 302


@pytest.mark.django_db
def test_setting_up_an_app_needs_a_recent_password(client, office):
    with time_machine.travel("2026-03-02 09:00 +01:00", tick=False) as traveller:
        login_with_password(client, "ombudsman")
        assert client.get(reverse("accounts:otp_setup")).status_code == 200
        traveller.shift(16 * 60)
        response = client.get(reverse("accounts:otp_setup"))
    assert response["Location"].startswith(reverse("accounts:login"))
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_the_beheerder_resets_the_second_factor(client, office):
    """The reset (an action on the user in the beheer) removes the app and the recovery
    codes, is audited, and the user sets up a new app at the next log-in."""
    from ombuds.accounts.mfa import recovery_codes_create

    user = office.ombudsman
    confirmed_device(user)
    recovery_codes_create(user)
    beheer = office.beheer
    beheer.is_staff = True
    beheer.save()
    admin = Client()
    admin.force_login(beheer)
    response = admin.post(reverse("admin:accounts_user_changelist"), {
        "action": "second_factor_reset", "_selected_action": [user.pk],
    })
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    entry = AuditEntry.objects.get(event="auth.2fa_reset")
    assert (entry.username, entry.object_id) == ("beheer", str(user.pk))

    login_with_password(client, "ombudsman")
    response = client.get("/werk/")
    assert response["Location"].startswith(reverse("accounts:otp_setup"))


@pytest.mark.django_db
def test_a_reset_ends_the_verified_sessions_of_that_user(office):
    from ombuds.accounts.mfa import second_factor_reset

    user = office.ombudsman
    client = Client()
    client.force_login(user)
    assert client.get("/werk/zaken/").status_code == 200
    second_factor_reset(user=office.beheer, target=user)
    response = client.get("/werk/")
    assert response.status_code == 302
    # Setting up a new app needs the password again (the session is older than the window
    # only in real life; here it is recent, so the set-up page itself is shown).
    assert response["Location"].startswith(reverse("accounts:otp_setup"))


@pytest.mark.django_db
def test_the_beheerder_cannot_reset_a_user_beyond_their_municipalities(office):
    from ombuds.accounts.roles import Role
    from ombuds.tests.factories import MunicipalityFactory, UserFactory, member

    elsewhere = member(UserFactory(), MunicipalityFactory(), Role.OMBUDSPERSON)
    confirmed_device(elsewhere)
    beheer = office.beheer
    beheer.is_staff = True
    beheer.save()
    admin = Client()
    admin.force_login(beheer)
    admin.post(reverse("admin:accounts_user_changelist"), {
        "action": "second_factor_reset", "_selected_action": [elsewhere.pk],
    })
    assert TOTPDevice.objects.filter(user=elsewhere).exists()


@pytest.mark.django_db
def test_demo_accounts_skip_the_second_factor_in_demo_mode_only(client, office, settings):
    settings.DEMO_MODE = True
    demo = office.ombudsman
    demo.is_demo = True
    demo.set_password("demo")
    demo.save()
    login_with_password(client, "ombudsman", "demo")
    assert client.get("/werk/zaken/").status_code == 200
    # An ordinary account on a demo installation still needs its second factor.
    other = Client()
    login_with_password(other, "coordinator")
    assert other.get("/werk/zaken/").status_code == 302
    # Outside demo mode the demo account's session no longer counts.
    settings.DEMO_MODE = False
    assert client.get("/werk/").status_code in (302, 403)


def test_the_secrets_of_the_devices_are_not_in_the_beheer():
    from django.contrib import admin

    assert not admin.site.is_registered(TOTPDevice)
    assert not admin.site.is_registered(StaticDevice)
