"""The related cases and signals of a closing case: loaded into its page after it (htmx),
and without JavaScript reached through the panel's link."""

import pytest
from playwright.sync_api import expect

from ombuds.insights.tests.factories import case
from ombuds.tests.browser.conftest import login

STORY = ("Ik wacht al maanden op mijn scootmobiel. De leverancier van de scootmobiel zegt "
         "dat de gemeente niet heeft besloten.")


@pytest.mark.django_db(transaction=True)
def test_the_related_cases_appear_in_the_case_page(page, office):
    mine = case(office, title="Scootmobiel komt niet", story=STORY, closed=True)
    alike = case(office, title="Wachten op scootmobiel",
                 story="De leverancier levert de scootmobiel niet.")
    login(page, "ombudsman")
    page.goto(f"/werk/zaken/{mine.reference}/")
    panel = page.locator("section.ombuds-related")
    expect(panel.get_by_role("link", name=alike.reference)).to_be_visible()
    expect(panel.get_by_role("link", name="Verwante zaken en signalen bekijken")).to_have_count(0)


@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_link_opens_them(chromium, live_server, office):
    mine = case(office, title="Scootmobiel komt niet", story=STORY, closed=True)
    alike = case(office, title="Wachten op scootmobiel",
                 story="De leverancier levert de scootmobiel niet.")
    context = chromium.new_context(base_url=live_server.url, locale="nl-NL",
                                   java_script_enabled=False)
    page = context.new_page()
    try:
        login(page, "ombudsman")
        page.goto(f"/werk/zaken/{mine.reference}/")
        page.get_by_role("link", name="Verwante zaken en signalen bekijken").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(mine.reference)
        expect(page.get_by_role("link", name=alike.reference)).to_be_visible()
    finally:
        context.close()
