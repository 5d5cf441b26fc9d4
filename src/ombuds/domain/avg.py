"""The AVG (GDPR) rules for requests of a data subject. Pure Python, no Django.

**The term.** AVG art. 12 lid 3: the controller answers a request under art. 15–22 "without
undue delay and in any event within one month of receipt of the request"; "that period may
be extended by two further months where necessary", and the data subject is told of the
extension, with the reasons, within the first month.

The AVG is an EU regulation, so its periods are counted by Regulation (EEC, Euratom)
No 1182/71, not by the Algemene termijnenwet (which covers terms set by Dutch statute); the
EDPB says so for the right of access (Guidelines 01/2022, section 6.3). Its art. 3:

- lid 1: the day of receipt is not counted; the period starts the next day;
- lid 2 onder c: a period in months ends on the day of the last month with the same number
  as the day of receipt; when that month has no such day (received on 31 January, one month
  later) it ends on the last day of that month (28 or 29 February);
- lid 4: a period ending on a Saturday, Sunday or public holiday ends on the next working
  day.

For the public holidays we use the Atw calendar of ``ombuds.deadlines`` (the statutory
holidays, Good Friday, and the days the Crown designated), so the AVG term and the other
legal terms in Ombuds agree on which days count. The extension is counted in the same way
from the day of receipt: three months in all (received 31 January → 30 April).
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ombuds.domain.deadlines import DEFAULT_CALENDAR, HolidayCalendar, Term, nl_date

BASIS = "AVG art. 12 lid 3; Verordening 1182/71 art. 3"


def add_months(day: date, months: int) -> date:
    """Return the day with the same number ``months`` later, or the last day of that month
    when it is shorter (Verordening 1182/71 art. 3 lid 2 onder c)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def _next_working_day(day: date, calendar: HolidayCalendar) -> tuple[date, str]:
    if not calendar.is_rest_day(day):
        return day, ""
    blocked, end = day, day
    while calendar.is_rest_day(end):
        end += timedelta(days=1)
    why = (f"is een feestdag ({calendar.holiday_name(blocked)})" if calendar.is_holiday(blocked)
           else "valt in het weekend")
    return end, (f"{nl_date(blocked, weekday=True).capitalize()} {why}; de termijn loopt daarom "
                 f"door tot en met {nl_date(end, weekday=True)} (Verordening 1182/71 art. 3 lid 4).")


def avg_term(received: date, *, extended: bool = False,
             calendar: HolidayCalendar | None = None) -> Term:
    """The term to answer a data subject's request received on ``received``.

    One month (AVG art. 12 lid 3), or three months from receipt when it was extended by two
    further months. ``raw_end`` is the day by counting alone, ``end`` the legal last day.
    """
    calendar = calendar or DEFAULT_CALENDAR
    months = 3 if extended else 1
    raw_end = add_months(received, months)
    end, reason = _next_working_day(raw_end, calendar)
    length = "drie maanden (een maand, verlengd met twee maanden)" if extended else "een maand"
    explanation = " ".join(filter(None, [
        f"Verzoek ontvangen op {nl_date(received)}.",
        f"De termijn begint op {nl_date(received + timedelta(days=1))} en duurt {length}:",
        f"de laatste dag is {nl_date(raw_end, weekday=True)}.",
        reason,
    ]))
    return Term(name="Termijn AVG-verzoek" + (" (verlengd)" if extended else ""),
                start=received + timedelta(days=1), raw_end=raw_end, end=end, basis=BASIS,
                explanation=explanation, atw_applies=False)


def may_extend(received: date, today: date, calendar: HolidayCalendar | None = None) -> bool:
    """Whether the term may still be extended: the data subject must be told within the first
    month (AVG art. 12 lid 3, second sentence), so not after its last day."""
    return today <= avg_term(received, calendar=calendar).end


# --- erasure ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseFacts:
    """What decides whether the data in one case may be erased now."""

    reference: str
    closed_on: date | None
    #: The day the retention term ends (the case is to be destroyed then); None while open.
    retain_until: date | None = None
    retention_rule: str = ""
    legal_hold: bool = False


@dataclass(frozen=True)
class Refusal:
    reference: str
    reason: str
    rule: str


def erasure_refusals(cases: Sequence[CaseFacts], today: date) -> list[Refusal]:
    """Return why the person's data may not be erased yet; an empty list means it may.

    AVG art. 17 lid 3 onder b: no erasure where processing is needed to comply with a legal
    obligation or for a task in the public interest — here the handling of an open case
    (art. 6 lid 1 onder e) and the retention duty of the Archiefwet 1995 art. 3 with the
    Selectielijst gemeenten, or a legal hold (art. 17 lid 3 onder e: legal claims).
    """
    refusals = []
    for case in cases:
        if case.closed_on is None:
            refusals.append(Refusal(
                case.reference, "De zaak loopt nog; de gegevens zijn nodig om haar te behandelen.",
                "AVG art. 17 lid 3 onder b (taak van algemeen belang, art. 6 lid 1 onder e)"))
        elif case.legal_hold:
            refusals.append(Refusal(
                case.reference, "Op de zaak rust een bewaarplicht wegens een juridische procedure.",
                "AVG art. 17 lid 3 onder e (rechtsvordering)"))
        elif case.retain_until is not None and today < case.retain_until:
            refusals.append(Refusal(
                case.reference,
                f"De bewaartermijn loopt tot {nl_date(case.retain_until)}.",
                "AVG art. 17 lid 3 onder b; Archiefwet 1995 art. 3"
                + (f"; {case.retention_rule}" if case.retention_rule else "")))
    return refusals
