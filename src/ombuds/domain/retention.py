"""Retention of closed cases: which result type a case has, and when it is to be destroyed.

The terms follow the Selectielijst gemeenten en intergemeentelijke organen (process
"geschillen behandelen"), counted from the day the case was closed (DOMAIN.md §4):

- a case handled as a complaint, objection or mediation: 5 years;
- a complaint handled via an ombudsman (the Awb 9.2 request, the second instance): 10 years;
- a case not taken up or ended early (inadmissible, not handled, withdrawn, no contact): 1 year.

The years per result type are configurable (``records.RetentionRule``); the defaults here
are what a new installation starts with. Pure Python: no Django.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

HANDLED = "behandeld"
OMBUDSMAN = "ombudsman"
ABORTED = "afgebroken"


@dataclass(frozen=True)
class ResultType:
    code: str
    label: str
    default_years: int
    basis: str


RESULT_TYPES = {
    HANDLED: ResultType(
        HANDLED, "Klacht, bezwaar of bemiddeling behandeld", 5,
        "Selectielijst gemeenten, geschillen behandelen: behandeld, 5 jaar na afhandeling"),
    OMBUDSMAN: ResultType(
        OMBUDSMAN, "Klacht behandeld via een ombudsman", 10,
        "Selectielijst gemeenten, geschillen behandelen: klacht via ombudsman, 10 jaar na "
        "afhandeling"),
    ABORTED: ResultType(
        ABORTED, "Niet in behandeling genomen of afgebroken", 1,
        "Selectielijst gemeenten, geschillen behandelen: niet-ontvankelijk of afgebroken, "
        "1 jaar na afhandeling"),
}

#: Outcomes that mean the case was not taken up or ended before it was handled.
ABORTED_OUTCOMES = frozenset({"niet_ontvankelijk", "niet_behandeld", "ingetrokken", "geen_contact"})

#: The shortest term a rule may have: the audit log and the case file stay at least this long
#: for the result types that were handled (NEN 7513, DOMAIN.md §4).
MINIMUM_AUDIT_YEARS = 5


def result_type(outcome: str, *, ombudsman_complaint: bool) -> str:
    """Return the result type of a closed case from its outcome and whether it held an
    Awb 9.2 request to the ombudsman. An ombudsman request decides first: the longer term
    wins, whatever the outcome."""
    if ombudsman_complaint:
        return OMBUDSMAN
    if outcome in ABORTED_OUTCOMES:
        return ABORTED
    return HANDLED


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` plus whole calendar years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def destroy_on(closed_on: dt.date, years: int) -> dt.date:
    """Return the first day a case closed on ``closed_on`` may be destroyed: the day its term
    of ``years`` ends, counted from the closure."""
    return add_years(closed_on, years)


def is_due(closed_on: dt.date, years: int, today: dt.date) -> bool:
    """Whether a case is due for destruction on ``today`` (on its date or later)."""
    return destroy_on(closed_on, years) <= today
