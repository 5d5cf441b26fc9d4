"""Issue 6, done-when 2: a resident fills in and sends the request form with the keyboard
only (Tab, typing, Space, Enter), and a failed submit moves focus to an error summary whose
links point at each field."""

from __future__ import annotations

import pytest

from ombuds.cases.models import Case

URL = "/gemeente/steenwijkerland/hulp-vragen/"


def focused_id(page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.id : ''")


def tab_to(page, element_id: str, limit: int = 80) -> None:
    """Press Tab until the element with ``element_id`` has focus (as a keyboard user would)."""
    for _ in range(limit):
        if focused_id(page) == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def tab_to_button(page, name: str, limit: int = 80) -> None:
    for _ in range(limit):
        text = page.evaluate("document.activeElement ? document.activeElement.textContent : ''")
        if page.evaluate("document.activeElement.tagName") == "BUTTON" and name in text:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached the button {name!r}")


@pytest.mark.django_db(transaction=True)
def test_a_resident_sends_the_form_with_the_keyboard_only(page, office):
    page.goto(URL)
    # First round: name and story, but no wish and no consent.
    tab_to(page, "id_name")
    page.keyboard.type("Fenna Bosgraaf")
    tab_to(page, "id_email")
    page.keyboard.type("fenna@example.nl")
    tab_to(page, "id_story")
    page.keyboard.type("Mijn huishoudelijke hulp is gestopt zonder bericht.")
    tab_to_button(page, "Verzoek versturen")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The error state: the summary has focus, the title says so, each link points at a field.
    assert page.title().startswith("Fout:")
    assert focused_id(page) == "error-summary"
    hrefs = page.locator("#error-summary a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["#id_wish", "#id_consent"]
    for href in hrefs:
        assert page.locator(href).count() == 1
    assert page.locator("#id_name").input_value() == "Fenna Bosgraaf"  # nothing lost
    assert page.locator("#id_story").input_value().startswith("Mijn huishoudelijke hulp")

    # Following the first link with the keyboard lands in the field.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert focused_id(page) == "id_wish"
    page.keyboard.type("Dat de hulp weer komt.")
    tab_to(page, "id_consent")
    page.keyboard.press("Space")
    assert page.locator("#id_consent").is_checked()
    tab_to_button(page, "Verzoek versturen")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    case = Case.objects.get()
    assert "/verstuurd/" in page.url
    assert case.reference in page.locator("main").inner_text()
    assert case.channel == "web" and case.wish == "Dat de hulp weer komt."


@pytest.mark.django_db(transaction=True)
def test_enter_in_a_text_field_sends_the_form_not_the_deadline_preview(page, office):
    page.goto(URL)
    page.locator("#id_name").focus()
    page.keyboard.type("Fenna Bosgraaf")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # A send with missing fields: the error summary, not a silent preview.
    assert focused_id(page) == "error-summary"
    assert not Case.objects.exists()
