"""Setting up two-factor authentication in Chromium: password, QR code page, a code from
the app (computed from the key shown for typing by hand), the recovery codes, the worklist."""

import re

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect


@pytest.mark.django_db(transaction=True)
def test_a_new_staff_member_sets_up_the_authenticator_app(page, office):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("coordinator")
    page.get_by_label("Wachtwoord").fill("correct horse battery")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(page.locator(".ombuds-qr svg")).to_be_visible()
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    import base64

    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Code uit de app").fill(f"{TOTP(key).token():06d}")
    page.get_by_role("button", name="Instellen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw herstelcodes")
    codes = page.locator(".ombuds-recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z0-9]+", c) for c in codes)
    page.get_by_role("link", name="Ik heb de codes bewaard, ga verder").click()
    expect(page).to_have_url(re.compile(r"/werk/"))
