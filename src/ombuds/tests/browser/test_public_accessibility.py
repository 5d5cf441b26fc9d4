"""Issue 6, done-when 1 and 5: every resident page, in Dutch and in English, and the form
after a failed submit, checked by axe-core in headless Chromium for the WCAG 2.0/2.1 A and AA
rules; and each page at phone (375 px) and desktop (1280 px) width without sideways scrolling.

Screenshots of every page at both widths go to ``OMBUDS_SCREENSHOT_DIR`` when it is set (to
look at them), else to the test's temporary directory.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from ombuds.public.services import RequestData, web_request_submit
from ombuds.tests.factories import OrganisationFactory

AXE = Path(__file__).parent / "axe" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"phone": 375, "desktop": 1280}

PAGES = [
    "/", "/privacy/", "/toegankelijkheid/",
    "/gemeente/steenwijkerland/", "/gemeente/steenwijkerland/waar-terecht/",
    "/gemeente/steenwijkerland/sociale-kaart/", "/gemeente/steenwijkerland/contact/",
    "/gemeente/steenwijkerland/hulp-vragen/", "/gemeente/westerveld/",
]


@pytest.fixture
def resident_world(office):
    """The office with contact details and a small public social map, like the demo."""
    o = office.office
    o.name, o.phone, o.email = "Sociale ombudsfunctie Kop van Overijssel", "0521 00 11 22", \
        "ombudsfunctie@kopvanoverijssel.example"
    o.address = "Markt 12\n8331 HK Steenwijk"
    o.walk_in_hours = "Dinsdag 9.00–12.00 uur in het gemeentehuis van Steenwijk."
    o.save()
    for municipality in (office.steenwijkerland, office.westerveld):
        municipality.phone, municipality.email = "14 0521", "gemeente@example.nl"
        municipality.save()
    for name, routes in [("MEE IJsseloevers", ["clientondersteuning"]),
                         ("Bezwaarschriftencommissie", ["bezwaar"]),
                         ("Nationale ombudsman", ["nationale_ombudsman"])]:
        organisation = OrganisationFactory(name=name, routes=routes, phone="088 123 45 67",
                                           website="https://example.nl/",
                                           description="Helpt inwoners gratis.")
        organisation.municipalities.add(office.steenwijkerland, office.westerveld)
    return office


def status_link(office) -> str:
    submitted = web_request_submit(client="axe", data=RequestData(
        municipality=office.steenwijkerland, submission_key="axe-status", name="Fenna Bosgraaf",
        email="", phone="06 1234 5678", story="Verhaal.", wish="Hulp."))
    return f"/status/{submitted.token}/"


def violations(page) -> list[str]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                        for n in v["nodes"][:5])
            for v in result["violations"]]


def screenshot_dir(tmp_path) -> Path:
    directory = Path(os.environ.get("OMBUDS_SCREENSHOT_DIR") or tmp_path)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def check(page, url: str, name: str, shots: Path) -> list[str]:
    """Run axe at desktop width; at both widths check for sideways scrolling and save a
    screenshot. Return what is wrong."""
    problems = [f"{url}: {v}" for v in violations(page)]
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{url} at {width}px scrolls sideways by {overflow}px")
        page.screenshot(path=str(shots / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    return problems


def slug(url: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", url).strip("-") or "home"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_resident_page_has_no_wcag_a_or_aa_violation(axe_page, resident_world, language,
                                                           tmp_path):
    page, shots = axe_page, screenshot_dir(tmp_path)
    prefix = "/en" if language == "en" else ""
    problems = []
    for url in PAGES:
        response = page.goto(prefix + url)
        assert response.status == 200, url
        assert page.locator("html").get_attribute("lang") == language
        problems += check(page, prefix + url, f"{language}-{slug(url)}", shots)

    # The form after a failed submit: the error summary and the invalid fields.
    page.goto(prefix + "/gemeente/steenwijkerland/hulp-vragen/")
    page.locator("#id_story").fill("Ik wacht al maanden.")
    page.locator("#id_decision_0").check()
    page.locator("button.utrecht-button--primary-action").click()
    page.wait_for_load_state()
    assert page.locator("#error-summary").is_visible()
    problems += check(page, prefix + "form after a failed submit", f"{language}-form-errors",
                      shots)

    # The objection term, the confirmation and the status page.
    page.locator("#id_name").fill("Fenna Bosgraaf")
    page.locator("#id_phone").fill("06 1234 5678")
    page.locator("#id_wish").fill("Dat er een besluit komt.")
    page.locator("#id_decision_date").fill("2026-01-05")
    page.locator("button[value=preview]").click()
    page.wait_for_load_state()
    assert page.locator("[data-objection-end]").is_visible()
    problems += check(page, prefix + "form with the objection term", f"{language}-form-term",
                      shots)
    page.locator("#id_consent").check()
    page.locator("button.utrecht-button--primary-action").click()
    page.wait_for_load_state()
    assert "/verstuurd/" in page.url
    problems += check(page, prefix + "confirmation", f"{language}-confirmation", shots)
    page.goto(prefix + status_link(resident_world))
    assert "/status/verzoek/" in page.url
    problems += check(page, prefix + "status page", f"{language}-status", shots)
    assert not problems, "\n".join(problems)
