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


def late_application(case, today: date | None = None):
    """The application a letter about a decision that does not come is about: of the case's
    applications on which a decision is due (``not_in_time.DECISION_KINDS``) and whose decision
    term (its ``Deadline`` row) has passed without a decision, the one submitted last; ``None``
    when there is none."""
    from ombuds.domain import not_in_time
    from ombuds.procedures.models import Application, DeadlineKind

    today = today or timezone.localdate()
    return (Application.objects.filter(
        case=case, kind__in=not_in_time.DECISION_KINDS, decided_on__isnull=True,
        deadlines__kind=DeadlineKind.APPLICATION_DECISION, deadlines__end__lt=today)
        .select_related("organisation").order_by("-submitted_on", "-id").first())


def notice_counts(application) -> bool:
    """Whether the body received a notice of default on ``application`` that counts: after its
    decision term passed (Awb 4:17 lid 3, 6:12 lid 2)."""
    from ombuds.domain import not_in_time
    from ombuds.procedures.models import DeadlineKind

    if application is None or not application.notice_of_default_on:
        return False
    term = application.deadlines.get(kind=DeadlineKind.APPLICATION_DECISION)
    return not_in_time.notice_of_default_valid(term_end=term.end,
                                               notice_received_on=application.notice_of_default_on)
