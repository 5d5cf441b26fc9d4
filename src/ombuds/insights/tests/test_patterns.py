"""Rising themes: cases per theme and party per month, the last 12 months against the 12
before, the fastest rising first, from one aggregate query; for those who see all cases."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ombuds.insights.selectors import rising_themes
from ombuds.insights.tests.factories import case, theme
from ombuds.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 3, 15)


def at(year, month, day=10):
    return datetime(year, month, day, 12, 0, tzinfo=AMS)


@pytest.fixture
def register(office):
    """Steenwijkerland's register over two years: waiting times at the care provider rise,
    debts fall."""
    waiting, debts = office.theme, theme(office, "Schulden")
    provider = OrganisationFactory(name="Zorg Noord", municipalities=[office.steenwijkerland])
    bank = OrganisationFactory(name="Kredietbank", municipalities=[office.steenwijkerland])
    with time_machine.travel(at(2026, 3, 15), tick=False):
        for opened in [at(2026, 3, 1), at(2026, 2), at(2025, 4, 2)]:  # last 12 months
            case(office, themes=[waiting], parties=[provider], opened_at=opened)
        case(office, themes=[waiting], parties=[provider], opened_at=at(2025, 3, 31))  # before
        case(office, themes=[waiting], parties=[provider, bank], opened_at=at(2026, 1))
        for opened in [at(2024, 6), at(2024, 9), at(2025, 1)]:
            case(office, themes=[debts], opened_at=opened)
        case(office, themes=[debts], opened_at=at(2025, 12))
        case(office, themes=[debts], opened_at=at(2024, 1))  # more than 24 months ago
        case(office, opened_at=at(2026, 2))  # no theme: not counted
        other = theme(office, "Vervoer", municipality=office.westerveld)
        case(office, themes=[other], municipality=office.westerveld, opened_at=at(2026, 2))
    return waiting, debts, provider, bank


def rows(result):
    return [(t.theme.name, t.party.name if t.party else None, t.recent, t.previous)
            for t in result.trends]


def test_rising_themes_come_first(office, register):
    result = rising_themes(office.ombudsman, today=TODAY)
    assert result.months[0] == date(2025, 4, 1)
    assert result.months[-1] == date(2026, 3, 1)
    assert rows(result) == [
        ("Wachttijd", "Zorg Noord", 4, 1),
        ("Vervoer", None, 1, 0),
        ("Wachttijd", "Kredietbank", 1, 0),
        ("Schulden", None, 1, 3),
    ]
    first = result.trends[0]
    assert first.months == [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]
    assert first.change == 3


def test_it_counts_only_the_users_municipalities(office, register):
    result = rising_themes(office.ombudsman_westerveld, today=TODAY)
    assert rows(result) == [("Vervoer", None, 1, 0)]
    assert rising_themes(office.beleid, today=TODAY).trends == []


def test_the_cases_are_counted_in_one_aggregate_query(office, register):
    with CaptureQueriesContext(connection) as queries:
        rising_themes(office.coordinator, today=TODAY)
    assert len([q for q in queries if '"cases_case"' in q["sql"]]) == 1


def test_the_page_shows_the_rising_themes(office, register, client):
    client.force_login(office.coordinator)
    with time_machine.travel(at(2026, 3, 15), tick=False):
        response = client.get(reverse("insights:patterns"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Stijgende thema" in body
    assert body.index("Zorg Noord") < body.index("Schulden")
    assert "+3" in body


@pytest.mark.parametrize("role", ["secretariaat", "beleid", "beheer"])
def test_others_may_not_see_it(office, client, role):
    client.force_login(office.users()[role])
    assert client.get(reverse("insights:patterns")).status_code == 403
