"""The deadline watch in Chromium: the worklist puts the nearest legal end first with its
badge (issue 3, done-when 5), and a disputed decision recorded through the form shows its
terms on the case page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ombuds import deadlines as rules
from ombuds.procedures.selectors import deadline_state, holiday_calendar
from ombuds.procedures.services import decision_create
from ombuds.procedures.templatetags.procedures import STATE_LABELS
from ombuds.tests.browser.conftest import login
from ombuds.tests.factories import OrganisationFactory, first_contact, register_case


def expected_label(term: rules.Term, office) -> str:
    state = deadline_state(raw_end=term.raw_end, end=term.end, office=office.office,
                           calendar=holiday_calendar())
    return STATE_LABELS[state]


@pytest.mark.django_db(transaction=True)
def test_the_worklist_puts_the_nearest_end_first_and_a_form_records_a_decision(page, office):
    today = timezone.localdate()
    calendar = holiday_calendar()
    # Two cases whose decisions give different objection ends; the later one registered last
    # so "newest first" alone would put it on top.
    # Both residents were called back, so the office's promise of first contact is met and the
    # objection terms decide the order.
    near = first_contact(office, register_case(office, title="Bijstand teruggevorderd",
                                               assignee=office.ombudsman))
    decision_create(user=office.ombudsman, case=near, subject="Terugvordering bijstand",
                    made_known_on=today - timedelta(days=30))
    far = first_contact(office, register_case(office, title="Jeugdhulp beëindigd",
                                              assignee=office.ombudsman))
    decision_create(user=office.ombudsman, case=far, subject="Einde jeugdhulp",
                    made_known_on=today - timedelta(days=5))
    near_term = rules.objection_term(today - timedelta(days=30), calendar)

    login(page, "ombudsman")
    page.get_by_role("link", name="Werklijst").click()
    page.get_by_role("link", name="Mijn zaken").click()
    rows = page.locator("table.ombuds-cases tbody tr")
    expect(rows.first).to_contain_text(near.reference)
    expect(rows.nth(1)).to_contain_text(far.reference)
    expect(rows.first).to_contain_text("Bezwaartermijn")
    expect(rows.first).to_contain_text(f"{near_term.raw_end.day}-{near_term.raw_end.month}-"
                                       f"{near_term.raw_end.year}")
    expect(rows.first.locator(".ombuds-deadline-badge")).to_have_text(
        re.compile(expected_label(near_term, office)))

    # A third case gets its disputed decision through the form.
    third = register_case(office, title="Huishoudelijke hulp verlaagd",
                          assignee=office.ombudsman)
    OrganisationFactory(name="Wmo-team Steenwijkerland", municipalities=[office.steenwijkerland])
    made_known = today - timedelta(days=14)
    page.goto(f"/werk/zaken/{third.reference}/")
    expect(page.get_by_role("heading", name="Termijnen")).to_be_visible()
    page.get_by_role("link", name="Besluit in geschil toevoegen").click()
    page.get_by_label("Wat is besloten").fill("Uren huishoudelijke hulp verlaagd")
    page.get_by_label("Organisatie die besliste").select_option(label="Wmo-team Steenwijkerland")
    page.get_by_label("Bekendgemaakt op", exact=True).fill(made_known.isoformat())
    page.get_by_role("button", name="Besluit vastleggen").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(third.reference)
    expect(page.get_by_text("Het besluit is vastgelegd en de termijnen zijn berekend.")) \
        .to_be_visible()
    term = rules.objection_term(made_known, calendar)
    section = page.locator("section[aria-labelledby=termijnen]")
    expect(section.get_by_role("heading", name="Uren huishoudelijke hulp verlaagd")).to_be_visible()
    expect(section.get_by_role("heading", name=re.compile("^Bezwaartermijn"))).to_be_visible()
    expect(section).to_contain_text("Awb 6:7, 6:8")
    expect(section).to_contain_text(rules.nl_date(term.raw_end, weekday=True))
    expect(section).to_contain_text(rules.nl_date(term.end, weekday=True))
    expect(section).to_contain_text("Bemiddeling schort de bezwaartermijn niet op.")
    page.get_by_role("link", name=re.compile("^Brief voor een pro-forma bezwaar")).click()
    expect(page.get_by_text("Hierbij maak ik bezwaar tegen dit besluit.")).to_be_visible()
