"""``ombuds load_demo``: the demo office with about 40 cases, through the real services."""

from __future__ import annotations

import contextlib
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.utils import timezone

from ombuds.accounts.models import User
from ombuds.cases.models import Case, Channel, Person, TimelineEntry
from ombuds.cases.selectors import similar_persons
from ombuds.core.models import AuditEntry, Municipality, Office, Theme
from ombuds.demo.data import USERS
from ombuds.procedures.models import Complaint, Deadline, DisputedDecision
from ombuds.procedures.selectors import deadline_state, holiday_calendar
from ombuds.socialmap.models import Organisation

pytestmark = pytest.mark.django_db


def load(*args):
    call_command("load_demo", *args, stdout=io.StringIO())


def snapshot() -> dict:
    return {
        "offices": list(Office.objects.values_list("name", "phone")),
        "municipalities": list(Municipality.objects.values_list("cbs_code", "workflow__variant")),
        "themes": Theme.objects.count(),
        "organisations": list(Organisation.objects.order_by("name").values_list("name", "routes")),
        "users": list(User.objects.order_by("username").values_list("username", "password")),
        "cases": list(Case.objects.order_by("reference").values_list(
            "reference", "status", "outcome", "assignee__username", "opened_at")),
        "persons": Person.objects.count(),
        "timeline": TimelineEntry.objects.count(),
        "audit": AuditEntry.objects.count(),
        "deadlines": list(Deadline.objects.order_by("case__reference", "kind", "end").values_list(
            "case__reference", "kind", "raw_end", "end", "met_on")),
    }


def test_it_loads_about_forty_cases_through_the_services():
    load()
    cases = Case.objects.select_related("municipality")
    assert 38 <= cases.count() <= 45
    assert {c.reference[:3] for c in cases} == {"STW", "WSV"}
    for case in cases:
        assert case.timeline.count() >= 2, case.reference
        assert AuditEntry.objects.filter(event="case.created", object_label=case.reference).exists()
    assert cases.filter(assignee__isnull=True).exists()
    assert cases.filter(representative__isnull=False).count() >= 5
    assert Person.objects.exclude(interpreter_language="").exists()
    assert Person.objects.filter(easy_language=True).exists()
    assert Case.objects.filter(story__contains="wachttijden").exists()


def test_it_covers_every_status_of_variants_3_and_5_and_every_channel():
    load()
    for variant in (3, 5):
        cases = Case.objects.filter(workflow__variant=variant)
        statuses = {s.code for s in cases.first().workflow.workflow.statuses}
        assert set(cases.values_list("status", flat=True)) == statuses, variant
        outcomes = set(cases.exclude(outcome="").values_list("outcome", flat=True))
        assert len(outcomes) >= 5, (variant, outcomes)
    assert set(Case.objects.values_list("channel", flat=True)) == set(Channel.values)


def test_it_spreads_the_cases_over_the_last_fourteen_months():
    load()
    now = timezone.now()
    opened = list(Case.objects.values_list("opened_at", flat=True))
    assert min(opened) >= now - timedelta(days=14 * 31)
    assert min(opened) <= now - timedelta(days=365)
    assert max(TimelineEntry.objects.values_list("occurred_at", flat=True)) <= now


@time_machine.travel(datetime(2027, 1, 2, 0, 30, tzinfo=ZoneInfo("Europe/Amsterdam")))
def test_it_works_on_any_date_even_just_after_new_year():
    load()
    now = timezone.now()
    assert Case.objects.filter(reference__contains="-2026-").exists()
    assert Case.objects.filter(reference__contains="-2027-").exists()
    assert all(c.opened_at <= now and (c.closed_at is None or c.closed_at <= now)
               for c in Case.objects.all())


def test_running_it_twice_leaves_the_same_data():
    load()
    before = snapshot()
    load()
    assert snapshot() == before


def test_reset_wipes_and_reloads_in_demo_mode(settings):
    load()
    first_ids = set(Case.objects.values_list("pk", flat=True))
    references = set(Case.objects.values_list("reference", flat=True))
    settings.DEMO_MODE = True
    load("--reset")
    assert set(Case.objects.values_list("reference", flat=True)) == references
    assert not first_ids & set(Case.objects.values_list("pk", flat=True))
    assert Person.objects.count() == Case.objects.count() - 1 + Case.objects.exclude(
        representative=None).count()


def test_reset_is_refused_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError):
        load("--reset")


def test_a_returning_resident_shows_up_in_the_duplicate_check():
    load()
    ombudsman = User.objects.get(username="ombudsman")
    [person] = similar_persons(ombudsman, name="Gerrit Kuipers")
    assert len(person.visible_cases) == 2


def test_the_demo_users_log_in_only_in_demo_mode(settings):
    load()
    settings.DEMO_MODE = True
    for username in USERS:
        assert authenticate(username=username, password="demo") is not None, username
    assert User.objects.get(username="beheer").is_staff
    westerveld = User.objects.get(username="ombudsman-westerveld")
    assert {m.municipality.cbs_code for m in westerveld.memberships.all()} == {"GM1701"}
    settings.DEMO_MODE = False
    for username in USERS:
        assert authenticate(username=username, password="demo") is None, username


def watched_states() -> dict[str, set[str]]:
    """Return, per state on today, the references of the cases with such a watched deadline."""
    calendar = holiday_calendar()
    found: dict[str, set[str]] = {}
    for deadline in Deadline.objects.filter(watched=True).select_related("case__municipality__office"):
        state = "met" if deadline.met_on else deadline_state(
            raw_end=deadline.raw_end, end=deadline.end,
            office=deadline.case.municipality.office, calendar=calendar)
        found.setdefault(state, set()).add(deadline.case.reference)
    return found


def test_about_a_third_of_the_cases_have_a_disputed_decision_and_complaint_cases_a_complaint():
    load()
    cases = Case.objects.count()
    with_decisions = Case.objects.filter(decisions__isnull=False).distinct().count()
    assert cases / 4 <= with_decisions <= cases / 2
    complaint_cases = Case.objects.filter(
        workflow__variant=5, timeline__status_to__in=["klacht", "hoor_wederhoor", "oordeel"]
    ).distinct()
    assert complaint_cases.count() >= 5
    for case in complaint_cases:
        complaint = Complaint.objects.get(case=case)
        assert complaint.acknowledged_on is not None, case.reference
    assert Complaint.objects.filter(hearing_on__isnull=False).count() >= 3
    assert set(DisputedDecision.objects.exclude(organisation=None).values_list(
        "organisation__name", flat=True)) >= {"Wmo-team", "Werk en Inkomen", "Jeugdteam"}


@pytest.mark.parametrize("day", [
    None,  # the day the test runs
    date(2026, 12, 21),  # Christmas, Boxing Day and New Year's Day (and 2 January) ahead
    date(2027, 3, 22),  # Good Friday and Easter Monday ahead
    date(2027, 4, 23),  # Koningsdag, 5 May and Ascension Day ahead
    date(2028, 5, 20),  # Whit Monday
])
def test_the_demo_shows_deadlines_in_every_state_on_the_day_it_is_loaded(day):
    moment = day and datetime(day.year, day.month, day.day, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(moment, tick=False) if moment else contextlib.nullcontext():
        load()
        states = watched_states()
    assert set(states) == {"ok", "warning", "urgent", "passed", "met"}, states


def test_a_case_in_mediation_runs_against_an_open_objection_term():
    load()
    calendar = holiday_calendar()
    open_terms = [
        d for d in Deadline.objects.filter(kind="bezwaar", met_on=None, case__status="bemiddeling")
        .select_related("case__municipality__office")
        if deadline_state(raw_end=d.raw_end, end=d.end, office=d.case.municipality.office,
                          calendar=calendar) != "passed"
    ]
    assert open_terms, "the demo should show the pro-forma objection advice"
    assert any(entry.body and "pro-forma bezwaar" in entry.body
               for d in open_terms for entry in d.case.timeline.all())
