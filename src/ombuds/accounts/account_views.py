"""``/werk/mijn-account/``: the staff member's own roles, second factor and password.

These pages are behind the second factor like every staff page (their namespace is not one
of ``middleware.OPEN_NAMESPACES``), so a password alone never changes the password.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods
from django_otp import login as otp_login

from ombuds.accounts import account
from ombuds.accounts.forms import PasswordChangeForm, RecoveryCodesForm
from ombuds.accounts.mfa import NEW_CODES_SESSION_KEY, has_totp, second_factor_exempt
from ombuds.accounts.otp_views import with_next


def _password_refusal(user) -> str:
    """Why this account cannot change its password here; empty when it can."""
    if second_factor_exempt(user):
        return "Demo-accounts houden het wachtwoord 'demo', zodat iedereen de demo kan gebruiken."
    if not user.has_usable_password():
        label = settings.OIDC_LOGIN_LABEL if settings.OIDC_ENABLED else "uw organisatie"
        return f"U logt in via {label}. Uw wachtwoord wijzigt u daar, niet in Ombuds."
    return ""


@never_cache
@require_GET
@login_required
def overview(request):
    user = request.user
    memberships = sorted(user.cached_memberships,
                         key=lambda m: (m.municipality.name, m.role_enum.label))
    return render(request, "accounts/account.html", {
        "memberships": memberships,
        "has_totp": has_totp(user),
        "codes_left": account.recovery_codes_left(user),
        "password_refusal": _password_refusal(user),
        "exempt": second_factor_exempt(user),
    })


@never_cache
@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
@login_required
def password_change(request):
    user = request.user
    refusal = _password_refusal(user)
    if refusal:
        messages.info(request, refusal)
        return redirect("account:overview")
    form = PasswordChangeForm(user, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            account.password_change(user=user, new_password=form.cleaned_data["new_password1"])
            # Keep this session; every other session of the user ends with the old hash.
            update_session_auth_hash(request, user)
            messages.success(request, "Uw wachtwoord is gewijzigd. Op andere apparaten bent u "
                                      "uitgelogd.")
            return redirect("account:overview")
        wrong_password = form.has_error("old_password", "password_incorrect")
        if wrong_password and (account.password_change_refused(user=user)
                               >= account.MAX_WRONG_PASSWORDS):
            logout(request)
            messages.error(request, "U hebt te vaak een verkeerd huidig wachtwoord ingevuld. "
                                    "Log opnieuw in.")
            return redirect("accounts:login")
    return render(request, "accounts/password_change.html", {"form": form})


@never_cache
@sensitive_post_parameters("token")
@require_http_methods(["GET", "POST"])
@login_required
def recovery_codes(request):
    user = request.user
    if not has_totp(user):
        messages.info(request, "Herstelcodes horen bij een authenticator-app; u hebt er geen.")
        return redirect("account:overview")
    form = RecoveryCodesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        renewed = account.recovery_codes_renew(user=user, token=form.cleaned_data["token"])
        if renewed is not None:
            codes, device = renewed
            # The app's code was just checked: the session is verified by the app now, also
            # when it was by one of the recovery codes that no longer exist.
            otp_login(request, device)
            request.session[NEW_CODES_SESSION_KEY] = codes
            return redirect(with_next("accounts:otp_recovery_codes", reverse("account:overview")))
        form.add_error("token", "Deze code klopt niet of is verlopen. Vul de code in die de app "
                                "nu toont; na een paar verkeerde codes moet u even wachten.")
    return render(request, "accounts/recovery_codes_renew.html", {
        "form": form, "count": settings.OTP_RECOVERY_CODES})
