"""Log-ins and log-outs in the audit log (NEN 7513: who used the system, when, from where)."""

import time

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from ombuds.accounts.mfa import AUTH_AT_SESSION_KEY
from ombuds.accounts.middleware import LAST_SEEN_SESSION_KEY
from ombuds.core.audit import Action, audit_log


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        # The start of the session's maximum age, of its idle time and of the window for
        # setting up 2FA.
        now = time.time()
        request.session[AUTH_AT_SESSION_KEY] = now
        request.session[LAST_SEEN_SESSION_KEY] = now
    audit_log(user=user, action=Action.EXECUTE, event="auth.login")


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_log(user=user, action=Action.EXECUTE, event="auth.logout")


@receiver(user_login_failed)
def log_login_failed(sender, credentials, request=None, **kwargs):
    # The attempted username only: never the password (Django already masks it).
    audit_log(user=None, action=Action.EXECUTE, event="auth.login_failed",
              details={"username": str(credentials.get("username", ""))[:150]})


@receiver(user_locked_out)
def log_locked_out(sender, request=None, username=None, **kwargs):
    audit_log(user=None, action=Action.EXECUTE, event="auth.locked_out",
              details={"username": str(username or "")[:150]})
