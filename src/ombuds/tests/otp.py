"""Helpers for tests that go through the real second step: the code an authenticator app
would show right now."""

from __future__ import annotations

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_code(device: TOTPDevice) -> str:
    """The code the app shows now, or the next one if this one was used already (the device
    accepts one step ahead, ``tolerance`` 1, and never the same step twice)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.drift += device.last_t + 1 - totp.t()
    return f"{totp.token():0{device.digits}d}"


def confirmed_device(user) -> TOTPDevice:
    """The user's authenticator app, set up as if they had enrolled earlier."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator-app")


def complete_second_factor(client, user) -> None:
    """Mark the session of a client logged in as ``user`` as past the second factor, with a
    real TOTP device of the user and django-otp's own session key (as ``django_otp.login``
    does after a correct code)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    session = client.session
    session[DEVICE_ID_SESSION_KEY] = confirmed_device(user).persistent_id
    session.save()
