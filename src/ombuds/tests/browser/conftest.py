"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser).

Run with ``make test-browser``. The browser is /usr/bin/chromium unless OMBUDS_CHROMIUM says
otherwise; when it is missing the tests skip, which CI (OMBUDS_REQUIRE_ALL=1) turns into a failure.
"""

from __future__ import annotations

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls in the tests are
# still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("OMBUDS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright gives every launch a fresh, empty profile of its own.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def axe_page(chromium, live_server):
    """A page for the axe-core checks (test_public_accessibility, test_staff_accessibility).
    bypass_csp: axe is injected as a script, which the strict page policy would refuse."""
    context = chromium.new_context(base_url=live_server.url, locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def login(page, username: str, password: str = "correct horse battery") -> None:
    """Log in through the real form and the real second step: the user's authenticator app
    is set up in the database, and the test types the code the app would show."""
    from ombuds.accounts.models import User
    from ombuds.tests.otp import confirmed_device, totp_code

    device = confirmed_device(User.objects.get(username=username))
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    page.get_by_label("Code").fill(totp_code(device))
    page.get_by_role("button", name="Verifiëren").click()
    page.wait_for_load_state()
