"""The strict Content-Security-Policy holds in a real browser (issue 7, done-when 2).

Chromium visits every page of the URL configuration that answers a GET (each with a role that
may reach it, built like the access matrix), the admin's list and add pages, the API docs, the
public and token pages and the error pages, and exercises the intake's htmx requests. Any
``securitypolicyviolation`` event, CSP console message or script error fails the test.
"""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from ombuds.signals.links import signal_link_create
from ombuds.signals.models import Signal
from ombuds.tests.browser.conftest import login
from ombuds.tests.test_access_matrix import RULES, app_url_names, build, world  # noqa: F401

#: Roles in the order a page is visited with: the first that may reach it.
ROLE_ORDER = ["anonymous", "ombudsman", "coordinator", "secretariaat", "beleid", "beheer",
              "ombudsman-westerveld"]

#: Files rather than pages (a PDF, a CSV, an attachment, the schema): no policy applies.
FILES = {"reports:export", "reports:run_download", "cases:attachment", "core:audit_export",
         "api-schema", "api-cases:attachment-download", "privacy:access_json",
         "privacy:access_pdf", "privacy:access_attachments", "privacy:person_audit_export",
         # The benchmark's floor answers 204 No Content: nothing to render, no policy applies.
         "cases:floor"}

COLLECT = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline")
    + " at " + event.sourceFile + ":" + event.lineNumber);
});
"""


class Recorder:
    """One browser context per role; collects what the policy blocked on each page."""

    def __init__(self, chromium, base_url):
        self.context = chromium.new_context(base_url=base_url, locale="nl-NL")
        self.context.add_init_script(COLLECT)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.problems: list[str] = []
        self.visited: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(
            f"{self.page.url}: script error {error}"))

    def _console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Refused to" in text:
            self.problems.append(f"{self.page.url}: console {text}")

    def collect(self):
        self.page.wait_for_timeout(50)
        for violation in self.page.evaluate("window.__cspViolations || []"):
            self.problems.append(f"{self.page.url}: {violation}")
        self.page.evaluate("window.__cspViolations = []")

    def visit(self, url: str):
        try:
            response = self.page.goto(url)
        except PlaywrightError as error:
            if "Download is starting" not in str(error):
                raise
            self.visited.append(f"{url} download")  # a file, not a page: no policy applies
            return
        self.page.wait_for_load_state("load")
        self.visited.append(f"{url} {response.status if response else '-'}")
        self.collect()

    def close(self):
        self.context.close()


def pages_for(role, kwargs, saved) -> list[str]:
    """GET pages of the URL configuration that this role is the first allowed visitor of."""
    urls = []
    for name in app_url_names():
        rule = RULES[name]
        if rule.method != "get" or not rule.allowed or name in FILES:
            continue
        if name.startswith("api-") and name != "api-docs":
            continue  # JSON only (no browsable API); the docs page is the API's one page
        first = next(r for r in ROLE_ORDER if r in rule.allowed)
        if first == role:
            urls.append(build(name, kwargs, saved))
    return urls


def admin_pages() -> list[str]:
    """The admin's index and, for every registered model, its list, add and one change page."""
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        meta = model._meta
        prefix = f"admin:{meta.app_label}_{meta.model_name}"
        urls += [reverse(f"{prefix}_changelist"), reverse(f"{prefix}_add")]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls.append(reverse(f"{prefix}_change", args=[first.pk]))
    return urls


def test_no_page_violates_the_content_security_policy(chromium, live_server, world):  # noqa: F811
    office, case, kwargs, saved = world
    signal = Signal.objects.get()
    _, signal_token = signal_link_create(user=office.ombudsman, signal=signal)
    problems: list[str] = []
    visited: list[str] = []
    for role in ROLE_ORDER:
        recorder = Recorder(chromium, live_server.url)
        if role != "anonymous":
            login(recorder.page, role)
            recorder.collect()
        urls = pages_for(role, kwargs, saved)
        if role == "anonymous":
            urls += [reverse("signal-public:entry", kwargs={"token": signal_token}),
                     "/bestaat-niet/", reverse("api-docs")]
        if role == "beleid":
            urls.append(reverse("cases:detail", kwargs={"reference": case.reference}))  # 403/404
        if role == "beheer":
            urls += admin_pages()
        for url in urls:
            recorder.visit(url)
            if url == reverse("api-docs"):
                recorder.page.locator(".swagger-ui .info").wait_for()
                recorder.page.locator(".opblock").first.click()
                recorder.collect()
        if role == "secretariaat":
            # The intake's htmx requests: the duplicate check and the theme suggestion swap
            # server HTML into the page.
            recorder.visit(reverse("cases:register"))
            with recorder.page.expect_response(lambda r: r.request.method == "POST"):
                recorder.page.get_by_label("Naam", exact=False).first.fill("Jan de Vries")
                recorder.page.get_by_label("Naam", exact=False).first.press("Tab")
            recorder.collect()
        problems += recorder.problems
        visited += [f"{role}: {v}" for v in recorder.visited]
        recorder.close()
    assert len(visited) >= 60, visited
    assert not problems, "\n".join(problems)
