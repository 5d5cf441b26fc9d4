"""A decision that does not come: the decision terms of applications and what a resident can
do when they pass (notice of default, penalty, appeal), and the office's own promise of first
contact. Pure Python, no Django.

Sources (wetten.overheid.nl, text in force on 1 December 2026):
- Awb 4:13 (decide within the term the law sets, else within a reasonable term, at most eight
  weeks after receipt: ``deadlines.reasonable_decision_term``); Wmo 2015 art. 2.3.2 lid 1
  (investigation within six weeks of the report of need) and 2.3.5 lid 1 (decision within two
  weeks of the application); Wgs art. 4 (first conversation within four weeks, three working
  days when eviction, cut-off or cancellation of health insurance threatens).
- Awb 4:17 lid 1 (a penalty for each day in default, at most 42 days; no Atw on those days),
  lid 2 (EUR 23 a day for the first fourteen days, EUR 35 for the next fourteen, EUR 45 for the
  rest: at most EUR 1,442), lid 3 (the first day is the day two weeks have passed after the day
  the term passed and the body received a written notice of default), lid 6 (none when the
  notice was unreasonably late, the applicant is not an interested party, or the application
  is manifestly inadmissible or unfounded). The amounts are data (``PENALTY_RATES``) with the
  date they apply from, so a change of the law is a new row, not new code.
- Awb 6:2 onder b (not deciding in time counts as a decision), 6:12 lid 2 (an appeal against
  not deciding in time can be lodged once two weeks have passed after the body was put in
  default in writing, after the term passed), 7:1 lid 1 onder f (no objection first: straight
  to the court), 6:12 lid 3 (not unreasonably late).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ombuds.domain.deadlines import (
    DEFAULT_CALENDAR,
    HolidayCalendar,
    Term,
    _caveat,
    debt_help_first_contact_term,
    nl_date,
    reasonable_decision_term,
    wmo_decision_term,
    wmo_investigation_term,
)

__all__ = [
    "APPLICATION_KINDS",
    "DECISION_KINDS",
    "PENALTY_RATES",
    "Penalty",
    "appeal_not_in_time_from",
    "application_term",
    "first_contact_term",
    "nl_date",
    "notice_of_default_valid",
    "penalty_for_late_decision",
]

#: Kind of application → (Dutch label, the rule that computes its decision term).
APPLICATION_KINDS: dict[str, str] = {
    "wmo_melding": "Melding Wmo (onderzoek, Wmo 2015 art. 2.3.2)",
    "wmo_aanvraag": "Aanvraag Wmo (Wmo 2015 art. 2.3.5)",
    "jeugdwet": "Aanvraag Jeugdwet (Awb 4:13)",
    "participatiewet": "Aanvraag Participatiewet (Awb 4:13)",
    "schuldhulp": "Hulpvraag schuldhulpverlening (Wgs art. 4)",
    "anders": "Andere aanvraag (Awb 4:13)",
}

#: The kinds on which the body must give a decision (beschikking op aanvraag): only they can
#: be late in the sense of Awb 4:17 and 6:2 onder b. A report of need starts an investigation
#: and a request for debt help a first conversation: late, but no penalty or appeal follows.
DECISION_KINDS = frozenset({"wmo_aanvraag", "jeugdwet", "participatiewet", "anders"})

#: Awb 4:17 lid 2: (applies from, EUR a day for days 1–14, 15–28, 29–42). The latest row whose
#: date is on or before the first penalty day applies.
PENALTY_RATES: tuple[tuple[date, tuple[int, int, int]], ...] = (
    (date(2009, 10, 1), (23, 35, 45)),
)
PENALTY_DAYS = 42


def application_term(kind: str, submitted_on: date, *, urgent: bool = False,
                     calendar: HolidayCalendar | None = None) -> Term:
    """The term in which the body must decide on (or, for debt help, first talk about) an
    application of ``kind`` submitted on ``submitted_on``."""
    if kind == "wmo_melding":
        return wmo_investigation_term(submitted_on, calendar)
    if kind == "wmo_aanvraag":
        return wmo_decision_term(submitted_on, calendar)
    if kind == "schuldhulp":
        return debt_help_first_contact_term(submitted_on, urgent=urgent, calendar=calendar)
    if kind not in APPLICATION_KINDS:
        raise ValueError(f"unknown application kind {kind!r}")
    return reasonable_decision_term(submitted_on, calendar)


def notice_of_default_valid(*, term_end: date, notice_received_on: date) -> bool:
    """Whether a notice of default counts: only once the decision term has passed (Awb 4:17
    lid 3, 6:12 lid 2 onder a); a notice received on or before the last day does not."""
    return notice_received_on > term_end


def appeal_not_in_time_from(*, term_end: date, notice_received_on: date) -> date | None:
    """The first day an appeal against not deciding in time can be lodged with the court:
    once two weeks have passed after the body, after its term, was put in default in writing
    (Awb 6:12 lid 2; no objection first, 7:1 lid 1 onder f). ``None`` for a notice that does
    not count."""
    if not notice_of_default_valid(term_end=term_end, notice_received_on=notice_received_on):
        return None
    return notice_received_on + timedelta(days=15)


@dataclass(frozen=True)
class Penalty:
    """The penalty for not deciding in time (Awb 4:17) as it would run."""

    first_day: date
    last_day: date
    rates: tuple[int, int, int]
    explanation: str

    def owed_until(self, day: date) -> int:
        """EUR owed for the days from ``first_day`` up to and including ``day`` (0 before it,
        the maximum after ``last_day``), if no decision comes."""
        if day < self.first_day:
            return 0
        days = min((day - self.first_day).days + 1, PENALTY_DAYS)
        first, second, third = self.rates
        return (first * min(days, 14) + second * max(0, min(days, 28) - 14)
                + third * max(0, days - 28))

    @property
    def maximum(self) -> int:
        return self.owed_until(self.last_day)

    def periods(self) -> list[tuple[date, date, int]]:
        """The three periods of lid 2: (from, to, EUR a day)."""
        return [(self.first_day + timedelta(days=start), self.first_day + timedelta(days=end),
                 rate) for (start, end), rate in zip(((0, 13), (14, 27), (28, 41)), self.rates,
                                                      strict=True)]


def penalty_for_late_decision(*, term_end: date, notice_received_on: date) -> Penalty | None:
    """The penalty the body would owe if it does not decide (Awb 4:17), or ``None`` when the
    notice of default does not count (received before the term passed).

    The first day is the day two weeks have passed after the later of the term's end and the
    receipt of the notice (lid 3); the penalty runs at most 42 days, not extended by the Atw
    (lid 1), at the rates of lid 2 in force on that first day. Lid 6 (an unreasonably late
    notice, no interested party, a manifestly inadmissible or unfounded application) is for
    the body and the court to judge; the letter mentions it.
    """
    if not notice_of_default_valid(term_end=term_end, notice_received_on=notice_received_on):
        return None
    first = notice_received_on + timedelta(days=15)
    last = first + timedelta(days=PENALTY_DAYS - 1)
    rates = next(r for since, r in reversed(PENALTY_RATES) if since <= first)
    explanation = (
        f"De beslistermijn eindigde op {nl_date(term_end)}. De ingebrekestelling is ontvangen op "
        f"{nl_date(notice_received_on)}. Twee weken later, vanaf {nl_date(first, weekday=True)}, "
        f"loopt de dwangsom: € {rates[0]} per dag de eerste veertien dagen, € {rates[1]} de "
        f"volgende veertien en € {rates[2]} daarna, ten hoogste 42 dagen, tot en met "
        f"{nl_date(last, weekday=True)} (Awb 4:17; de Algemene termijnenwet geldt hier niet)."
    )
    return Penalty(first_day=first, last_day=last, rates=rates, explanation=explanation)


def first_contact_term(request: date, *, working_days: int = 5,
                       calendar: HolidayCalendar | None = None) -> Term:
    """The office's promise: first contact within ``working_days`` working days of a new
    request (not a statutory term; an office setting, watched like one). Working days skip
    Saturdays, Sundays and the holidays of Atw art. 3."""
    calendar = calendar or DEFAULT_CALENDAR
    day, counted = request, 0
    while counted < working_days:
        day += timedelta(days=1)
        if not calendar.is_rest_day(day):
            counted += 1
    explanation = (f"Aanvraag ontvangen op {nl_date(request)}. Het bureau belooft contact binnen "
                   f"{working_days} werkdagen: uiterlijk {nl_date(day, weekday=True)}. Weekends "
                   "en feestdagen tellen niet mee.")
    return Term(name="Eerste contact (belofte van het bureau)", start=request + timedelta(days=1),
                raw_end=day, end=day, basis="Werkwijze van het bureau", explanation=explanation,
                atw_applies=False, caveat=_caveat(request, day, calendar))
