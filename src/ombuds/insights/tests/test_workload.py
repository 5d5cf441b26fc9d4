"""Werkverdeling: the open work per handler, counted in the database, matching the deadline
watch of the case pages exactly; scoped to the municipalities where the user sees all cases."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from ombuds.cases.services import case_assign, case_transition
from ombuds.domain.deadlines import OK, PASSED, URGENT, WARNING, watch_state
from ombuds.insights.workload import last_day_within, workload
from ombuds.mediation import services as mediation
from ombuds.procedures.applications import application_create
from ombuds.procedures.models import Deadline, DisputedDecision
from ombuds.procedures.selectors import holiday_calendar
from ombuds.tests.factories import first_contact, register_case

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 17)  # a Friday; Koningsdag (27 April) lies ahead


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime(2026, 4, 17, 9, 0), tick=False):
        yield


def deadline(case, raw_end: date, end: date | None = None) -> Deadline:
    """An objection term ending on ``raw_end``/``end``, each of its own decision."""
    decision = DisputedDecision.objects.create(case=case, subject="Besluit",
                                               made_known_on=raw_end - timedelta(weeks=6))
    return Deadline.objects.create(
        case=case, decision=decision, kind="bezwaar", name="Bezwaartermijn",
        start=raw_end - timedelta(weeks=6), raw_end=raw_end, end=end or raw_end,
        basis="Awb 6:7", explanation="test")


def test_the_counts_per_handler(office):
    mine = [register_case(office, urgency="spoed"), register_case(office),
            register_case(office, municipality=office.westerveld)]
    for case in mine:
        case_assign(user=office.ombudsman, case=case, assignee=office.ombudsman)
    theirs = register_case(office)
    case_assign(user=office.ombudsman, case=theirs, assignee=office.coordinator)
    waiting = register_case(office, opened_at=timezone.now() - timedelta(days=4))
    for case in [*mine, theirs, waiting]:  # the office's promise kept: only the terms below
        first_contact(office, case)
    closed = register_case(office)
    case_assign(user=office.ombudsman, case=closed, assignee=office.ombudsman)
    deadline(closed, TODAY - timedelta(days=30))
    case_transition(user=office.ombudsman, case=closed, target="afgesloten",
                    outcome="geen_contact")
    deadline(mine[0], TODAY - timedelta(days=3))  # passed
    deadline(mine[1], TODAY + timedelta(days=1))  # urgent
    deadline(mine[1], TODAY + timedelta(days=10))  # warning
    deadline(waiting, TODAY - timedelta(days=1), end=TODAY + timedelta(days=2))  # urgent
    met = deadline(mine[2], TODAY - timedelta(days=1))
    Deadline.objects.filter(pk=met.pk).update(met_on=TODAY)
    mediation.meeting_record(
        user=office.ombudsman, case=mine[0], kind="apart", starts_at=timezone.now(),
        place="Telefoon", agreements=[mediation.AgreementData("Bellen", TODAY - timedelta(days=1),
                                                              "ombudsfunctie")])

    result = workload(office.ombudsman)

    by_name = {load.handler.username: load for load in result.loads}
    ombudsman = by_name["ombudsman"]
    assert (ombudsman.open, ombudsman.urgent) == (3, 1)
    assert (ombudsman.terms_passed, ombudsman.terms_urgent, ombudsman.terms_warning) == (1, 1, 1)
    assert ombudsman.agreements_overdue == 1
    assert by_name["coordinator"].open == 1
    assert result.loads[0].handler == office.ombudsman, "the most open cases first"
    unassigned = result.unassigned
    assert (unassigned.open, unassigned.terms_urgent, unassigned.oldest_days) == (1, 1, 4)
    assert result.total.open == 5


def test_the_westerveld_ombudsperson_sees_only_westerveld(office):
    case_assign(user=office.ombudsman, case=register_case(office), assignee=office.ombudsman)
    case_assign(user=office.ombudsman, case=register_case(office, municipality=office.westerveld),
                assignee=office.ombudsman)
    result = workload(office.ombudsman_westerveld)
    assert [m.name for m in result.municipalities] == ["Westerveld"]
    assert result.total.open == 1


def test_the_counts_match_the_deadline_watch_day_by_day(office):
    """Every act-by date from two weeks back to five weeks ahead, over Koningsdag and the
    weekends, is counted in the state the case page shows it in."""
    case = first_contact(office, register_case(office))
    case_assign(user=office.ombudsman, case=case, assignee=office.ombudsman)
    calendar = holiday_calendar()
    expected = {PASSED: 0, URGENT: 0, WARNING: 0, OK: 0}
    for offset in range(-14, 36):
        raw_end = TODAY + timedelta(days=offset)
        end = raw_end + timedelta(days=offset % 3)  # sometimes a later legal end
        deadline(case, raw_end, end)
        expected[watch_state(raw_end, end, TODAY, warning_days=10, urgent_days=3,
                             calendar=calendar)] += 1

    load = next(item for item in workload(office.ombudsman).loads
                if item.handler == office.ombudsman)

    assert (load.terms_passed, load.terms_urgent, load.terms_warning) == (
        expected[PASSED], expected[URGENT], expected[WARNING])


def test_the_offices_promise_and_application_terms_count_and_the_penalty_does_not(office):
    # Opened Tuesday 7 April: first contact was promised by Tuesday 14 April.
    late = register_case(office, opened_at=timezone.now() - timedelta(days=10))
    new = register_case(office)  # promised by Friday 24 April: in the warning window
    for case in (late, new):
        case_assign(user=office.ombudsman, case=case, assignee=office.ombudsman)
    # Decision term ended 16 March; the penalty row (information) runs from 4 April.
    application_create(user=office.ombudsman, case=late, kind="wmo_aanvraag",
                       subject="Scootmobiel", submitted_on=date(2026, 3, 2),
                       notice_of_default_on=date(2026, 3, 20))
    assert late.deadlines.get(kind="dwangsom").watched is False

    load = next(item for item in workload(office.ombudsman).loads
                if item.handler == office.ombudsman)

    assert (load.terms_passed, load.terms_urgent, load.terms_warning) == (2, 0, 1)


def test_last_day_within_counts_working_days():
    calendar = holiday_calendar()
    assert last_day_within(TODAY, 3, calendar) == date(2026, 4, 22)  # Fri → Wed
    assert last_day_within(date(2026, 4, 24), 1, calendar) == date(2026, 4, 28)  # over Koningsdag


def test_the_page_shows_counts_and_no_resident(office, client):
    case = register_case(office, name="Geertje Zwiers-Hoogland")
    case_assign(user=office.ombudsman, case=case, assignee=office.coordinator)
    register_case(office, name="Piet Wachtmans")
    client.force_login(office.coordinator)
    page = client.get(reverse("insights:workload")).content.decode()
    assert "Werkverdeling" in page and "Nog niet toegewezen" in page
    assert f"behandelaar={office.coordinator.pk}" in page
    assert "1 nieuwe aanmelding</a> zonder behandelaar" in page
    assert "Zwiers" not in page and "Wachtmans" not in page and case.reference not in page
