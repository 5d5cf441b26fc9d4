"""The staff member's own account: change the password, renew the recovery codes.

Services for ``account_views``; each change is one transaction with its audit entry.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ombuds.accounts.mfa import recovery_codes_create
from ombuds.core.audit import Action, audit_log

#: Wrong current passwords within ``WRONG_PASSWORD_WINDOW`` before the session is ended: the
#: form must not become a way around the log-in lockout for someone who found an open session.
MAX_WRONG_PASSWORDS = 5
WRONG_PASSWORD_WINDOW = timedelta(hours=1)


def _audit(user, event: str, **details) -> None:
    audit_log(user=user, action=Action.UPDATE, event=event, object_type="accounts.user",
              object_id=str(user.pk), object_label=user.username, details=details)


def password_change(*, user, new_password: str) -> None:
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        _audit(user, "auth.password_changed")


def password_change_refused(*, user) -> int:
    """Record a wrong current password; return how many there were in the last
    ``WRONG_PASSWORD_WINDOW``. Counted from the audit log in the database, so parallel
    requests and other app processes count along."""
    from ombuds.core.models import AuditEntry

    audit_log(user=user, action=Action.EXECUTE, event="auth.password_change_failed",
              object_type="accounts.user", object_id=str(user.pk), object_label=user.username)
    return AuditEntry.objects.filter(
        user=user, event="auth.password_change_failed",
        timestamp__gte=timezone.now() - WRONG_PASSWORD_WINDOW).count()


def recovery_codes_renew(*, user, token: str) -> tuple[list[str], TOTPDevice] | None:
    """New recovery codes (the old ones stop working) when ``token`` is a current code of the
    user's authenticator app: the codes and that app's device, with which the caller marks the
    session verified again (a session verified by a recovery code loses its device here).
    ``None`` for a wrong code; django-otp's throttling applies."""
    token = "".join(token.split())
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is None or not device.verify_is_allowed()[0] or not device.verify_token(token):
            audit_log(user=user, action=Action.EXECUTE, event="auth.recovery_codes_refused",
                      object_type="accounts.user", object_id=str(user.pk),
                      object_label=user.username)
            return None
        codes = recovery_codes_create(user)
        _audit(user, "auth.recovery_codes_renewed", codes=len(codes))
    return codes, device


def recovery_codes_left(user) -> int | None:
    """How many unused recovery codes the user has; ``None`` without any set."""
    device = StaticDevice.objects.filter(user=user).first()
    return None if device is None else device.token_set.count()
