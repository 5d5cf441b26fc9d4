"""The worklist's columns fit a 1280-pixel-wide screen (issue 15: the last column was cut
off), with long subjects, a deadline, a handler and the filters; and a search by phone names
itself and the default open-cases filter, each with a link that lifts it."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ombuds.cases.models import Case, Person
from ombuds.cases.services import case_assign
from ombuds.tests.browser.conftest import login
from ombuds.tests.factories import register_case

TITLES = [
    "Aanvraag huishoudelijke hulp na ziekenhuisopname blijft maandenlang liggen",
    "Leerlingenvervoer voor zoon met autisme stopgezet zonder overleg met ouders",
    "Bijzondere bijstand voor bewindvoeringskosten afgewezen",
]


@pytest.mark.django_db(transaction=True)
def test_every_worklist_column_is_visible_at_1280_pixels(page, office):
    today = timezone.localdate()
    office.ombudsman.first_name, office.ombudsman.last_name = "Marieke", "van den Berg-Hoekstra"
    office.ombudsman.save()
    for n, title in enumerate(TITLES * 3):
        case = register_case(office, title=title, urgency=("spoed", "hoog", "normaal")[n % 3],
                             channel=("telefoon", "email", "verwijzing")[n % 3],
                             referred_by="Huisarts", municipality=(
                                 office.steenwijkerland if n % 2 else office.westerveld))
        case_assign(user=office.coordinator, case=case, assignee=office.ombudsman)
        Case.objects.filter(pk=case.pk).update(
            next_deadline_end=today + timedelta(days=n), next_deadline_raw_end=today,
            next_deadline_name="Beslistermijn aanvraag maatwerkvoorziening")
    wanted = register_case(office, title="Traplift", person=Person.objects.create(
        office=office.office, name="Henk Bosman", phone="06-12345678"))
    case_assign(user=office.coordinator, case=wanted, assignee=office.ombudsman)
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, "ombudsman")
    page.goto("/werk/zaken/?view=alle")
    table = page.locator("table.ombuds-cases")
    table.wait_for()
    if os.environ.get("OMBUDS_SCREENSHOTS"):
        page.screenshot(path=os.path.join(os.environ["OMBUDS_SCREENSHOTS"], "worklist-1280.png"),
                        full_page=True)

    wrap = page.locator(".ombuds-table-wrap")
    overflow = wrap.evaluate("el => el.scrollWidth - el.clientWidth")
    assert overflow <= 0, f"the table scrolls sideways by {overflow} px"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    last = page.get_by_role("columnheader", name="Geopend").bounding_box()
    assert last["x"] + last["width"] <= 1280
    # Every cell of the last column shows its whole date, on one line.
    dates = page.locator("table.ombuds-cases tbody tr td:last-child time").all()
    assert len(dates) == len(TITLES) * 3 + 1
    for date in dates:
        box = date.bounding_box()
        assert box["x"] + box["width"] <= 1280
        assert date.evaluate("el => el.getClientRects().length") == 1, date.inner_text()
    # The filters sit above the table (the page is too narrow for both side by side).
    filters = page.locator(".ombuds-worklist__filters").bounding_box()
    assert filters["y"] + filters["height"] <= table.bounding_box()["y"]

    # A resident found by phone in another spelling; the page names the search and the
    # default open-cases filter, each with a link that lifts it.
    page.get_by_label("Zoeken").fill("+31 6 1234 5678")
    page.get_by_role("button", name="Toon zaken").click()
    expect(page.locator("table.ombuds-cases tbody tr")).to_have_count(1)
    expect(page.get_by_role("link", name=wanted.reference)).to_be_visible()
    expect(page.get_by_text("Zoekterm ‘+31 6 1234 5678’ (telefoonnummer)")).to_be_visible()
    if os.environ.get("OMBUDS_SCREENSHOTS"):
        page.screenshot(path=os.path.join(os.environ["OMBUDS_SCREENSHOTS"], "search-1280.png"))
    page.get_by_role("link", name="toon ook gesloten zaken").click()
    expect(page.get_by_text("Alleen open zaken")).to_have_count(0)
    page.get_by_role("link", name="wis zoekterm").click()
    expect(page.locator("table.ombuds-cases tbody tr")).to_have_count(len(TITLES) * 3 + 1)
