"""Log-ins and log-outs in the audit log (NEN 7513: who used the system, when, from where)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from ombuds.core.audit import Action, audit_log


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
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
