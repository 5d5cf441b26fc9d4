"""Reads for procedures: the Atw calendar as the admin keeps it, and a case's deadlines."""

from __future__ import annotations

from datetime import date

from django.db.models import F
from django.utils import timezone

from ombuds.deadlines import HolidayCalendar, watch_state
from ombuds.procedures.models import Deadline, DesignationDecree


def holiday_calendar() -> HolidayCalendar:
    """Return the Atw calendar with the designated days and covered years from the database.

    The database is the source of truth once migration 0002 seeded the shipped decrees: a
    beheerder adds a new decree's days (or corrects a wrong one) in the admin.

    One query: every decree with its days (a decree without days still covers its years).
    """
    days: dict[date, str] = {}
    years: set[int] = set()
    for first, last, day, description in DesignationDecree.objects.values_list(
            "first_year", "last_year", "days__day", "days__description").order_by("days__day"):
        years.update(range(first, last + 1))
        if day is not None:
            days[day] = description or "gelijkgestelde dag"
    return HolidayCalendar(designated=days, designated_years=frozenset(years))


def deadline_state(*, raw_end: date, end: date, office, calendar: HolidayCalendar,
                   today: date | None = None) -> str:
    """ok / warning / urgent / passed with the office's warning window (working days)."""
    return watch_state(raw_end, end, today or timezone.localdate(),
                       warning_days=office.deadline_warning_days,
                       urgent_days=office.deadline_urgent_days, calendar=calendar)


def case_deadlines(case) -> list[Deadline]:
    """Return the case's deadlines: open ones first, each group nearest legal end first (no
    audit: the caller opened the case through ``access_case``). NULLS FIRST is explicit, as
    SQLite and PostgreSQL sort NULL differently."""
    return list(Deadline.objects.filter(case=case).select_related("decision", "complaint")
                .order_by(F("met_on").asc(nulls_first=True), "end", "id"))
