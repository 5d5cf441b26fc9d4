"""Session expiry and the second factor, enforced for every URL of the application.

Both run after Django's ``AuthenticationMiddleware`` and django-otp's ``OTPMiddleware``; the
second-factor check runs in ``process_view``, so it applies to every resolved URL, including
ones added later, except the log-in steps themselves (the ``accounts`` namespace).
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from ombuds.accounts.mfa import AUTH_AT_SESSION_KEY, has_totp, second_factor_done
from ombuds.core.audit import Action, audit_log

LAST_SEEN_SESSION_KEY = "ombuds_last_seen"
#: The last-seen time is written at most this often, so not every request writes the session.
LAST_SEEN_RESOLUTION = 60

#: URL namespaces an unverified user may reach: the log-in steps and log-out.
OPEN_NAMESPACES = {"accounts"}

API_MESSAGE = ("Tweestapsverificatie is voor deze sessie nog niet voltooid. Rond het inloggen "
               "af in de browser, of gebruik een API-token.")


def is_api(request) -> bool:
    return request.path_info.startswith("/api/")


class SessionExpiryMiddleware:
    """Ends a staff session after ``SESSION_IDLE_TIMEOUT`` seconds without a request, or
    ``SESSION_COOKIE_AGE`` seconds after the log-in, whichever comes first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            session = request.session
            last_seen = session.get(LAST_SEEN_SESSION_KEY)
            auth_at = session.get(AUTH_AT_SESSION_KEY)
            idle = last_seen is not None and now - last_seen > settings.SESSION_IDLE_TIMEOUT
            too_old = auth_at is not None and now - auth_at > settings.SESSION_COOKIE_AGE
            if idle or too_old:
                audit_log(user=user, action=Action.EXECUTE, event="auth.session_expired",
                          details={"reason": "idle" if idle else "max_age"})
                logout(request)
                if is_api(request):
                    return JsonResponse({"detail": "Uw sessie is verlopen."}, status=403)
                messages.info(request, "U was een tijd niet actief. Log opnieuw in om verder te gaan.")
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(settings.LOGIN_URL)}?{query}")
            if last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION:
                session[LAST_SEEN_SESSION_KEY] = now
        return self.get_response(request)


class SecondFactorMiddleware:
    """A logged-in user without a second factor in this session is sent to the second
    step (or to set up an authenticator app) from every page, and gets a 403 from the API
    unless the request carries an API token."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or second_factor_done(request):
            return None
        match = request.resolver_match
        if match is not None and OPEN_NAMESPACES & set(match.namespaces):
            return None
        if is_api(request):
            # A token request is authenticated by the token alone (DRF tries the token
            # first and fails outright on a bad one), never by this half-open session.
            if request.META.get("HTTP_AUTHORIZATION", "").startswith("Token "):
                return None
            return JsonResponse({"detail": API_MESSAGE}, status=403)
        step = "accounts:otp_verify" if has_totp(user) else "accounts:otp_setup"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
