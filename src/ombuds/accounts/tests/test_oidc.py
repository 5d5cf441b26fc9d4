"""OpenID Connect single sign-on (issue 7, done-when 1) against a real identity provider
running in the test (ombuds/tests/oidc_provider.py): the full authorization-code flow with
PKCE through mozilla-django-oidc's own views and backend, over real HTTP."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
import requests
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from ombuds.core.models import AuditEntry
from ombuds.tests.oidc_provider import IdentityProvider, new_key

pytestmark = pytest.mark.django_db

BACKENDS = [
    "ombuds.accounts.backends.OmbudsLockoutBackend",
    "ombuds.accounts.backends.OmbudsBackend",
    "ombuds.accounts.oidc.OmbudsOIDCBackend",
]


@pytest.fixture
def provider(settings):
    with IdentityProvider() as provider:
        for name, value in provider.settings().items():
            setattr(settings, name, value)
        settings.AUTHENTICATION_BACKENDS = BACKENDS
        settings.OIDC_MFA_AMR = ["mfa"]
        yield provider


@pytest.fixture
def staff(office):
    user = office.ombudsman
    user.email = "Ombudsman@Gemeente.example"
    user.save()
    return user


def sso_login(client: Client, next_url: str = "/werk/zaken/"):
    """Click 'log in with the municipality account', let the provider log in, come back."""
    start = client.get(reverse("accounts:oidc_start"), {"next": next_url})
    assert start.status_code == 302
    at_provider = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    back = urlparse(at_provider.headers["Location"])
    assert back.path == reverse("accounts:oidc_callback")
    return client.get(f"{back.path}?{back.query}")


def test_the_login_page_offers_single_sign_on(client, provider):
    html = client.get(reverse("accounts:login")).content.decode()
    assert "Inloggen met uw gemeenteaccount" in html
    assert reverse("accounts:oidc_start") in html


def test_single_sign_on_with_the_providers_mfa(client, provider, staff):
    response = sso_login(client)
    assert response.status_code == 302 and response["Location"] == "/werk/zaken/"
    assert client.session[SESSION_KEY] == str(staff.pk)
    # The provider's multi-factor log-in counts: no second step in Ombuds.
    assert client.get("/werk/zaken/").status_code == 200
    assert client.get("/api/v1/cases/").status_code == 200
    # The flow was the real one: PKCE verifier and client secret went to the token endpoint.
    request = provider.token_requests[-1]
    assert request["code_verifier"] and request["client_secret"] == provider.client_secret
    entry = AuditEntry.objects.get(event="auth.oidc_login")
    assert (entry.username, entry.details) == ("ombudsman", {"provider_mfa": True})


def test_without_the_providers_mfa_ombuds_asks_its_own_second_factor(client, provider, staff):
    provider.amr = ["pwd"]
    response = sso_login(client)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(staff.pk)
    page = client.get("/werk/zaken/")
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("accounts:otp_setup"))
    assert client.get("/api/v1/cases/").status_code == 403


def test_an_acr_check(client, provider, staff, settings):
    settings.OIDC_MFA_AMR = []
    settings.OIDC_MFA_ACR = ["urn:gemeente:loa:substantieel"]
    provider.acr = "urn:gemeente:loa:laag"
    sso_login(client)
    assert client.get("/werk/zaken/").status_code == 302
    other = Client()
    provider.acr = "urn:gemeente:loa:substantieel"
    sso_login(other)
    assert other.get("/werk/zaken/").status_code == 200


def test_an_unknown_staff_member_is_not_logged_in_nor_created(client, provider, staff):
    from ombuds.accounts.models import User

    provider.user_claims = {"sub": "u-2", "email": "onbekend@gemeente.example"}
    users = User.objects.count()
    response = sso_login(client)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:oidc_failed")
    assert SESSION_KEY not in client.session
    assert User.objects.count() == users
    assert "Inloggen niet gelukt" in client.get(response["Location"]).content.decode()


def test_an_inactive_or_demo_account_is_refused(client, provider, staff):
    staff.is_demo = True
    staff.save()
    sso_login(client)
    assert SESSION_KEY not in client.session
    staff.is_demo, staff.is_active = False, False
    staff.save()
    sso_login(client)
    assert SESSION_KEY not in client.session


def test_a_token_signed_with_another_key_is_refused(client, provider, staff):
    provider.signing_key = new_key()  # same kid, but not the key in the provider's JWKS
    response = sso_login(client)
    assert response.status_code == 400
    assert SESSION_KEY not in client.session


def test_a_token_from_another_issuer_is_refused(client, provider, staff):
    provider.issuer_override = "https://nep.example"
    response = sso_login(client)
    assert response.status_code == 400
    assert SESSION_KEY not in client.session


def test_single_sign_on_is_off_without_an_issuer(client, db):
    assert client.get(reverse("accounts:oidc_start")).status_code == 404
    assert client.get(reverse("accounts:oidc_callback")).status_code == 404
    assert "gemeenteaccount" not in client.get(reverse("accounts:login")).content.decode()
