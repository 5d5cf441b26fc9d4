"""Issue 14, done-when 3: a resident sends the request form with the date of a decision letter,
opens the status link and sees the last day to object; staff see the same date for that case
on the worklist. The date is one whose sixth week ends on a holiday, so the Atw-extended legal
last day differs from the raw count and every channel must give the extended one."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from ombuds.cases.models import Case
from ombuds.domain.deadlines import nl_date, objection_term
from ombuds.procedures.models import Deadline
from ombuds.procedures.selectors import holiday_calendar
from ombuds.tests.browser.conftest import login

URL = "/gemeente/steenwijkerland/hulp-vragen/"


def decision_date_ending_on_a_holiday():
    """The latest past date whose objection term's sixth week ends on an Atw holiday, so the
    legal last day is later than the count alone (e.g. 20 November 2026 → 1 January 2027 →
    Monday 4 January 2027). Searched from today, so the test does not age."""
    calendar = holiday_calendar()
    day = timezone.localdate() - timedelta(days=1)
    for _ in range(400):
        term = objection_term(day, calendar)
        if term.extended and calendar.is_holiday(term.raw_end):
            return day, term
        day -= timedelta(days=1)
    raise AssertionError("no holiday-ending objection term within 400 days")


@pytest.mark.django_db(transaction=True)
def test_the_resident_and_staff_see_the_same_last_day_to_object(page, chromium, live_server,
                                                                office):
    made_known, term = decision_date_ending_on_a_holiday()
    legal_end = nl_date(term.end, weekday=True)

    # The resident sends the form with the date of the letter.
    page.goto(URL)
    page.get_by_label("Uw naam").fill("Fenna Bosgraaf")
    page.get_by_label("E-mailadres").fill("fenna@example.nl")
    page.get_by_label("Wat is er gebeurd?").fill(
        "Mijn huishoudelijke hulp is stopgezet. Ik kreeg een brief en begrijp niet waarom.")
    page.get_by_label("Wat wilt u bereiken?").fill("Dat de hulp weer komt.")
    page.get_by_role("radio", name="Ja", exact=True).check()
    page.get_by_label("Datum van de brief").fill(made_known.isoformat())
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Verzoek versturen").click()
    page.wait_for_url(re.compile("/verstuurd/"))
    sent = page.locator("main").inner_text()
    assert legal_end in sent, sent

    # The case has the objection term watched at once, marked as given by the resident.
    case = Case.objects.get()
    deadline = Deadline.objects.get(case=case, kind="bezwaar")
    assert (deadline.end, deadline.raw_end) == (term.end, term.raw_end)
    assert deadline.decision.given_by_resident and "nog niet gecontroleerd" in deadline.caveat

    # The status link shows the same date.
    page.locator(".ombuds-private-link a").click()
    page.wait_for_load_state()
    status = page.locator("main").inner_text()
    assert legal_end in status, status
    assert page.locator(f'[data-term-kind="bezwaar"][data-term-end="{term.end.isoformat()}"]').count() == 1

    # Staff see the same legal last day on the worklist.
    page.context.clear_cookies()
    login(page, "ombudsman")
    page.goto("/werk/zaken/?view=nieuw")
    cell = page.locator("tr", has=page.locator(f"a:has-text('{case.reference}')")).first.inner_text()
    legal = f"{term.end.day}-{term.end.month}-{term.end.year}"
    assert "Bezwaartermijn" in cell and legal in cell, cell
