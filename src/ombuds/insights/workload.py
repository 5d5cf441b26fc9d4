"""The coordinator's view of the workload: per handler, their open cases, how urgent they are,
how their legal deadlines and agreements stand, and how long the oldest has been open; and
how long new requests wait for a handler. Counts only: no resident appears on the page.

The terms counted are every watched, open ``Deadline`` row: the legal terms of decisions,
complaints and applications, and the office's promise of first contact (watched like a term,
as on the worklist and in the digest); information-only rows (the penalty for a late decision
as it would run, a resident's year limits) are not work and are left out.

Every figure is one aggregate query over the open cases of the user's municipalities (those
where they see all cases), grouped by handler, so the page costs the same at any size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Min, Q
from django.utils import timezone

from ombuds.accounts.models import User
from ombuds.accounts.roles import ALL_CASES_ROLES
from ombuds.cases import queries
from ombuds.cases.models import Case
from ombuds.core.models import Municipality
from ombuds.deadlines import HolidayCalendar, working_days_between
from ombuds.mediation.models import Agreement
from ombuds.procedures.models import Deadline
from ombuds.procedures.selectors import holiday_calendar


@dataclass
class Load:
    """The open work of one handler (``handler`` None: the cases nobody has yet)."""

    handler: User | None
    open: int = 0
    urgent: int = 0  # urgency spoed or hoog
    terms_passed: int = 0  # legal end gone by
    terms_urgent: int = 0  # within the office's urgent window, or past the date to act by
    terms_warning: int = 0  # within the warning window
    agreements_overdue: int = 0
    oldest: datetime | None = None

    @property
    def terms_due(self) -> int:
        return self.terms_passed + self.terms_urgent

    @property
    def oldest_days(self) -> int | None:
        if self.oldest is None:
            return None
        return (timezone.localdate() - timezone.localtime(self.oldest).date()).days


@dataclass
class Workload:
    municipalities: list[Municipality]
    loads: list[Load] = field(default_factory=list)
    unassigned: Load = field(default_factory=lambda: Load(handler=None))

    @property
    def total(self) -> Load:
        total = Load(handler=None)
        for load in [*self.loads, self.unassigned]:
            for name in ("open", "urgent", "terms_passed", "terms_urgent", "terms_warning",
                         "agreements_overdue"):
                setattr(total, name, getattr(total, name) + getattr(load, name))
        oldest = [load.oldest for load in [*self.loads, self.unassigned] if load.oldest]
        total.oldest = min(oldest, default=None)
        return total


def last_day_within(today: date, working_days: int, calendar: HolidayCalendar) -> date:
    """The last date that is at most ``working_days`` working days after ``today``."""
    day = today
    while working_days_between(today, day + timedelta(days=1), calendar,
                               at_most=working_days + 1) <= working_days:
        day += timedelta(days=1)
    return day


def workload(user, *, today: date | None = None) -> Workload:
    today = today or timezone.localdate()
    municipalities = list(Municipality.objects.filter(pk__in=user.municipality_ids(
        ALL_CASES_ROLES)).select_related("office").order_by("name"))
    result = Workload(municipalities=municipalities)
    if not municipalities:
        return result
    ids = [m.pk for m in municipalities]
    open_cases = Case.objects.filter(municipality_id__in=ids, closed_at__isnull=True)
    loads: dict[int | None, Load] = {None: result.unassigned}
    for handler in queries.handlers(ids):
        loads[handler.pk] = Load(handler=handler)

    def load(pk):  # a handler who lost the role still has cases: show them too
        if pk not in loads:
            loads[pk] = Load(handler=User.objects.get(pk=pk))
        return loads[pk]

    for row in (open_cases.values("assignee_id")
                .annotate(n=Count("pk"), urgent=Count("pk", filter=Q(urgency__in=["spoed", "hoog"])),
                          oldest=Min("opened_at"))):
        item = load(row["assignee_id"])
        item.open, item.urgent, item.oldest = row["n"], row["urgent"], row["oldest"]

    calendar = holiday_calendar()
    urgent_q, warning_q = Q(pk__in=[]), Q(pk__in=[])
    for office in {m.office for m in municipalities}:
        mine = Q(case__municipality__office=office)
        urgent_until = last_day_within(today, office.deadline_urgent_days, calendar)
        warning_until = last_day_within(today, office.deadline_warning_days, calendar)
        urgent_q |= mine & Q(raw_end__lte=urgent_until)
        warning_q |= mine & Q(raw_end__lte=warning_until)
    passed_q = Q(end__lt=today)
    terms = (Deadline.objects.filter(case__in=open_cases, watched=True, met_on__isnull=True)
             .values("case__assignee_id")
             .annotate(passed=Count("pk", filter=passed_q),
                       urgent=Count("pk", filter=~passed_q & urgent_q),
                       warning=Count("pk", filter=~passed_q & ~urgent_q & warning_q)))
    for row in terms:
        item = load(row["case__assignee_id"])
        item.terms_passed, item.terms_urgent = row["passed"], row["urgent"]
        item.terms_warning = row["warning"]

    overdue = (Agreement.objects.filter(case__in=open_cases, status=Agreement.Status.OPEN,
                                        due_on__lt=today)
               .values("case__assignee_id").annotate(n=Count("pk")))
    for row in overdue:
        load(row["case__assignee_id"]).agreements_overdue = row["n"]

    result.loads = sorted((item for pk, item in loads.items() if pk is not None),
                          key=lambda item: (-item.open, item.handler.display_name))
    return result
