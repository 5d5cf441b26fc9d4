"""The Atw calendar as the admin keeps it, read in one query, and only when a page needs it."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ombuds.deadlines import HolidayCalendar
from ombuds.procedures.models import DesignatedDay, DesignationDecree
from ombuds.procedures.selectors import holiday_calendar
from ombuds.procedures.services import decision_create
from ombuds.tests.factories import first_contact, register_case

pytestmark = pytest.mark.django_db


def calendar_in_two_queries() -> HolidayCalendar:
    """The calendar as it was read before: the days, then the decrees' years."""
    days = {d.day: d.description or "gelijkgestelde dag" for d in DesignatedDay.objects.all()}
    years: set[int] = set()
    for first, last in DesignationDecree.objects.values_list("first_year", "last_year"):
        years.update(range(first, last + 1))
    return HolidayCalendar(designated=days, designated_years=frozenset(years))


def test_the_calendar_is_read_in_one_query_and_keeps_every_day_and_year(
        django_assert_num_queries):
    decree = DesignationDecree.objects.create(title="Besluit 2031", first_year=2031,
                                              last_year=2032)
    DesignatedDay.objects.create(decree=decree, day=date(2031, 5, 30), description="")
    DesignatedDay.objects.create(decree=decree, day=date(2032, 5, 14), description="Vrijdag")
    DesignationDecree.objects.create(title="Zonder dagen", first_year=2040, last_year=2041)
    with django_assert_num_queries(1):
        calendar = holiday_calendar()
    assert calendar == calendar_in_two_queries()
    assert calendar.designated[date(2031, 5, 30)] == "gelijkgestelde dag"
    assert {2031, 2032, 2040, 2041} <= calendar.designated_years


def _calendar_reads(client, case) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/werk/zaken/{case.reference}/").status_code == 200
    return sum("procedures_designationdecree" in q["sql"] for q in queries)


def test_the_case_page_reads_the_calendar_only_for_an_open_term(client, office):
    client.force_login(office.ombudsman)
    case = register_case(office)
    assert _calendar_reads(client, case) == 1  # the office's promise of first contact runs
    first_contact(office, case)
    assert _calendar_reads(client, case) == 0
    decision_create(user=office.ombudsman, case=case, subject="Besluit",
                    made_known_on=date.today())
    assert _calendar_reads(client, case) == 1
