"""OpenID Connect single sign-on with the municipality's identity provider
(mozilla-django-oidc), on when ``OMBUDS_OIDC_ISSUER`` is set.

Ombuds never creates users from the provider: a beheerder adds the user and their
memberships (which decide the role); the provider's claim ``OMBUDS_OIDC_CLAIM`` is matched to
the user's ``OMBUDS_OIDC_USER_FIELD``. On top of what the library checks (the signature
against the provider's JWKS, expiry, the nonce, PKCE) Ombuds checks the issuer and the
audience of the ID token, and whether it shows a multi-factor log-in (``amr``/``acr``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from ombuds.accounts.mfa import OIDC_MFA_SESSION_KEY
from ombuds.core.audit import Action, audit_log


def mfa_shown(claims: dict) -> bool:
    """Whether the ID token's ``amr``/``acr`` satisfy the configured multi-factor check."""
    amr_wanted, acr_wanted = settings.OIDC_MFA_AMR, settings.OIDC_MFA_ACR
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    if amr_wanted and not set(amr) & set(amr_wanted):
        return False
    return not (acr_wanted and claims.get("acr") not in acr_wanted)


class OmbudsOIDCBackend(OIDCAuthenticationBackend):
    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        if payload.get("iss") != settings.OIDC_ISSUER:
            raise SuspiciousOperation("ID token from another issuer.")
        audience = payload.get("aud")
        audience = [audience] if isinstance(audience, str) else (audience or [])
        if settings.OIDC_RP_CLIENT_ID not in audience:
            raise SuspiciousOperation("ID token for another client.")
        if "nonce" in kwargs:  # the ID token itself, not a signed userinfo response
            self.request.ombuds_oidc_mfa = mfa_shown(payload)
        return payload

    def verify_claims(self, claims):
        return bool(claims.get(settings.OIDC_CLAIM))

    def filter_users_by_claims(self, claims):
        value = str(claims.get(settings.OIDC_CLAIM, "")).strip()
        if not value:
            return self.UserModel.objects.none()
        field = "username" if settings.OIDC_USER_FIELD == "username" else "email"
        users = self.UserModel.objects.filter(**{f"{field}__iexact": value}, is_active=True)
        if not settings.DEMO_MODE:
            users = users.exclude(is_demo=True)
        return users

    def create_user(self, claims):  # pragma: no cover - OIDC_CREATE_USER is False
        raise SuspiciousOperation("Ombuds does not create users from the identity provider.")


class OmbudsOIDCRequestView(OIDCAuthenticationRequestView):
    """Starts the log-in at the provider (404 when single sign-on is off)."""

    def get(self, request):
        if not settings.OIDC_ENABLED:
            raise Http404
        return super().get(request)


class OmbudsOIDCCallbackView(OIDCAuthenticationCallbackView):
    """Back from the provider: logs the user in and records whether the provider's
    multi-factor log-in counts as the second factor in Ombuds."""

    def get(self, request):
        if not settings.OIDC_ENABLED:
            raise Http404
        return super().get(request)

    def login_success(self):
        response = super().login_success()
        mfa = bool(getattr(self.request, "ombuds_oidc_mfa", False))
        if mfa:
            self.request.session[OIDC_MFA_SESSION_KEY] = True
        audit_log(user=self.user, action=Action.EXECUTE, event="auth.oidc_login",
                  details={"provider_mfa": mfa})
        return response

    @property
    def failure_url(self):
        return reverse("accounts:oidc_failed")

    def login_failure(self):
        audit_log(user=None, action=Action.EXECUTE, event="auth.oidc_failed")
        return super().login_failure()

