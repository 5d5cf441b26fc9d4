"""Two-factor authentication: who needs it, whether this session has it, enrolment,
recovery codes and the beheerder's reset. Built on django-otp's TOTP and static devices.

A session has its second factor when one of these holds:

- django-otp verified a device of the user in this session (``request.user.is_verified()``:
  a code from the authenticator app or a recovery code);
- the user logged in through the municipality's identity provider (OpenID Connect) and its
  ID token showed the multi-factor log-in Ombuds was configured to accept
  (``OIDC_MFA_SESSION_KEY``);
- demo mode is on and the user is a demo account.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ombuds.core.audit import Action, audit_log

#: Set in the session when the identity provider's log-in counts as the second factor.
OIDC_MFA_SESSION_KEY = "ombuds_oidc_mfa"
#: When the user last entered their password (or came back from the identity provider).
AUTH_AT_SESSION_KEY = "ombuds_auth_at"
#: Recovery codes waiting to be shown once, right after enrolment.
NEW_CODES_SESSION_KEY = "ombuds_new_recovery_codes"

TOTP_NAME = "Authenticator-app"
RECOVERY_NAME = "Herstelcodes"


def second_factor_exempt(user) -> bool:
    """Demo accounts skip the second factor, in demo mode only."""
    return bool(settings.DEMO_MODE and getattr(user, "is_demo", False))


def second_factor_done(request) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    if second_factor_exempt(user):
        return True
    if request.session.get(OIDC_MFA_SESSION_KEY) is True:
        return True
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def has_totp(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recent_password_login(request) -> bool:
    """Whether the password was entered recently enough to set up a (new) authenticator."""
    auth_at = request.session.get(AUTH_AT_SESSION_KEY)
    return bool(auth_at) and time.time() - auth_at <= settings.OTP_ENROL_WITHIN


def pending_totp_device(user) -> TOTPDevice:
    """The unconfirmed device an enrolment shows as a QR code (the same one on a reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)


def recovery_codes_create(user) -> list[str]:
    """Replace the user's recovery codes by a new set and return them (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.OTP_RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def totp_enrol(request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm ``device`` with a first code from the app; on success mark the session
    verified and return the new recovery codes, else ``None``."""
    user = request.user
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
        if device.confirmed or not device.verify_token(token):
            return None
        # One authenticator per user: an older one (before a reset) stops working.
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = recovery_codes_create(user)
        audit_log(user=user, action=Action.CREATE, event="auth.2fa_enrolled",
                  object_type="accounts.user", object_id=str(user.pk),
                  object_label=user.username)
    otp_login(request, device)
    return codes


def second_factor_verify(request, token: str) -> bool:
    """Check a code from the app or a recovery code; on success mark the session verified."""
    from django_otp import match_token

    user = request.user
    token = "".join(token.split()).lower()
    device = match_token(user, token) if token else None
    if device is None:
        audit_log(user=user, action=Action.EXECUTE, event="auth.2fa_failed")
        return False
    details = {"method": "totp"}
    if isinstance(device, StaticDevice):
        details = {"method": "recovery_code", "recovery_codes_left": device.token_set.count()}
    audit_log(user=user, action=Action.EXECUTE, event="auth.2fa_verified", details=details)
    otp_login(request, device)
    return True


def second_factor_reset(*, user, target) -> None:
    """The beheerder's reset: remove every device of ``target``, so that their next log-in
    sets up a new authenticator app (and gets new recovery codes)."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=target).delete()
        StaticDevice.objects.filter(user=target).delete()
        audit_log(user=user, action=Action.DELETE, event="auth.2fa_reset",
                  object_type="accounts.user", object_id=str(target.pk),
                  object_label=target.username)
