"""The page a locked-out user name gets: the login page with one Dutch message that reads
the same whether or not the account exists."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render

from ombuds.accounts.forms import LoginForm


def lockout_message() -> str:
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return (f"Er is te vaak een verkeerd wachtwoord gebruikt. Inloggen met deze gebruikersnaam "
            f"kan pas over {minutes} minuten weer. Lukt het daarna niet, neem dan contact op met "
            f"de beheerder.")


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the login page (status 429) with the lockout message."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = LoginForm(request, initial={"username": username[:150]})
    form.lockout_error = lockout_message()
    return render(request, "accounts/login.html",
                  {"form": form, "lockout_error": form.lockout_error,
                   "next": request.POST.get("next", "")}, status=429)


def client_str(username, ip_address, user_agent, path_info, request) -> str:
    """AXES_CLIENT_STR_CALLABLE: how django-axes names the client in its log lines. Never the
    user name or address (no personal data in logs); the audit log has who and where."""
    return f"a user name at {path_info}"
