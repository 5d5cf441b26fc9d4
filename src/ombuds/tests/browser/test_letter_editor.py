"""The letter editor in Chromium (issue 15): the preview beside the text from 1024 px and below
it on a phone, the preview following the typing (htmx, a static file, under the strict
Content-Security-Policy), the readability warning, and no axe violation."""

from __future__ import annotations

import os

from playwright.sync_api import expect

from ombuds.correspondence.tests.factories import full_case
from ombuds.tests.browser.conftest import login
from ombuds.tests.browser.test_csp import COLLECT
from ombuds.tests.browser.test_public_accessibility import violations

HARD = ("Naar aanleiding van uw correspondentie betreffende de onderhavige aangelegenheid delen "
        "wij u mede dat de gemeentelijke organisatie voornemens is de desbetreffende beschikking "
        "dienaangaande te heroverwegen, onverminderd de bevoegdheden van het bestuursorgaan.")


def open_editor(page, case):
    page.goto(f"/werk/zaken/{case.reference}/brieven/nieuw/")
    page.get_by_label("Soort brief").select_option(value="ontvangstbevestiging")
    page.get_by_label("Aan wie?").select_option(value="inwoner")
    page.get_by_role("radio", name="Per post (PDF)").check()
    page.get_by_role("button", name="Brief schrijven").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Brief schrijven")


def test_the_editor_previews_beside_the_text_and_follows_the_typing(chromium, live_server,
                                                                     office):
    case, _, _ = full_case(office, 3)
    context = chromium.new_context(base_url=live_server.url, locale="nl-NL",
                                   viewport={"width": 1280, "height": 900})
    context.add_init_script(COLLECT)
    page = context.new_page()
    page.set_default_timeout(10_000)
    console = []
    page.on("console", lambda message: console.append(message.text)
            if message.type == "error" else None)
    login(page, "ombudsman")
    open_editor(page, case)

    text = page.get_by_label("Tekst van de brief")
    preview = page.locator("#brief-voorbeeld")
    expect(preview).to_contain_text(f"Sociale ombudsfunctie voor de gemeente "
                                    f"{case.municipality.name}")
    expect(preview).to_contain_text("Leesbaarheid:")
    box, side = text.bounding_box(), preview.bounding_box()
    assert side["x"] >= box["x"] + box["width"], "the preview stands beside the text"
    assert box["height"] >= 400, "a large text area"

    # Typing updates the preview and the readability check without a submit.
    text.fill(f"Beste Jan,\n\n{HARD}")
    expect(preview).to_contain_text("moeilijker dan taalniveau B1")
    expect(preview).to_contain_text("delen wij u mede")
    assert page.evaluate("window.__cspViolations") == []
    assert not [m for m in console if "Content Security Policy" in m or "Refused" in m]

    # On a phone the preview comes below the text, without sideways scrolling.
    page.set_viewport_size({"width": 375, "height": 800})
    box, side = text.bounding_box(), preview.bounding_box()
    assert side["y"] >= box["y"] + box["height"], "the preview stands below the text"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls {overflow} px sideways"
    shots = os.environ.get("OMBUDS_SCREENSHOT_DIR")
    if shots:
        page.screenshot(path=f"{shots}/letter-editor-375.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=f"{shots}/letter-editor-1280.png", full_page=True)
    context.close()


def test_the_editor_works_without_javascript(chromium, live_server, office):
    case, _, _ = full_case(office, 3)
    context = chromium.new_context(base_url=live_server.url, locale="nl-NL",
                                   java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    login(page, "ombudsman")
    open_editor(page, case)
    page.get_by_label("Tekst van de brief").fill(f"Beste Jan,\n\n{HARD}")
    page.get_by_role("button", name="Voorbeeld bijwerken").click()
    expect(page.locator("#brief-voorbeeld")).to_contain_text("moeilijker dan taalniveau B1")
    expect(page.get_by_label("Tekst van de brief")).to_have_value(f"Beste Jan,\n\n{HARD}")
    context.close()


def test_the_editor_has_no_axe_violations(axe_page, office):
    case, _, _ = full_case(office, 3)
    axe_page.set_viewport_size({"width": 1280, "height": 900})
    login(axe_page, "ombudsman")
    open_editor(axe_page, case)
    assert violations(axe_page) == []
    axe_page.get_by_label("Tekst van de brief").fill(f"Beste Jan,\n\n{HARD}")
    expect(axe_page.locator("#brief-voorbeeld")).to_contain_text("moeilijker dan taalniveau B1")
    assert violations(axe_page) == []
