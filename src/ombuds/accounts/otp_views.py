"""The second step of logging in: setting up an authenticator app (QR code, rendered as SVG
on the server), entering a code or a recovery code, and seeing the recovery codes once."""

from __future__ import annotations

import base64

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from ombuds.accounts.forms import SecondFactorForm, TOTPSetupForm
from ombuds.accounts.mfa import (
    NEW_CODES_SESSION_KEY,
    has_totp,
    pending_totp_device,
    recent_password_login,
    second_factor_done,
    second_factor_verify,
    totp_enrol,
)


def next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def with_next(name: str, target: str) -> str:
    from urllib.parse import urlencode

    return f"{reverse(name)}?{urlencode({'next': target})}"


@never_cache
@sensitive_post_parameters("token")
@login_required
def otp_verify(request):
    target = next_url(request)
    if second_factor_done(request):
        return redirect(target)
    if not has_totp(request.user):
        return redirect(with_next("accounts:otp_setup", target))
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if second_factor_verify(request, form.cleaned_data["token"]):
            return redirect(target)
        form.add_error("token", "Deze code klopt niet of is verlopen. Probeer het opnieuw met "
                                "de code die de app nu toont, of gebruik een herstelcode.")
    return render(request, "accounts/otp_verify.html", {"form": form, "next": target})


@never_cache
@sensitive_post_parameters("token")
@login_required
def otp_setup(request):
    target = next_url(request)
    if second_factor_done(request) or has_totp(request.user):
        # A second authenticator is only set up after the beheerder's reset.
        return redirect(with_next("accounts:otp_verify", target))
    if not recent_password_login(request):
        logout(request)
        messages.info(request, "Log opnieuw in om tweestapsverificatie in te stellen.")
        return redirect(with_next("accounts:login", target))
    device = pending_totp_device(request.user)
    form = TOTPSetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = totp_enrol(request, device, form.cleaned_data["token"].strip())
        if codes is not None:
            request.session[NEW_CODES_SESSION_KEY] = codes
            return redirect(with_next("accounts:otp_recovery_codes", target))
        form.add_error("token", "Deze code klopt niet. Controleer of de tijd op uw telefoon "
                                "goed staat en vul de code in die de app nu toont.")
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=5, dark="#000", light="#fff", title="QR-code voor uw authenticator-app")
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(request, "accounts/otp_setup.html", {
        "form": form, "next": target, "qr_svg": mark_safe(svg),  # noqa: S308 - segno's own SVG
        "secret": " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
    })


@never_cache
@login_required
def otp_recovery_codes(request):
    """Shows the new recovery codes once; a reload no longer has them."""
    target = next_url(request)
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    if not codes or not second_factor_done(request):
        return redirect(target)
    return render(request, "accounts/otp_recovery_codes.html", {"codes": codes, "next": target})


def oidc_failed(request):
    return render(request, "accounts/oidc_failed.html", status=403)
