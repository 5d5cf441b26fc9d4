"""The objection (bezwaar) beyond its term: when an objection counts as in time, what a late
one may still do, and further delay of the decision on it. Pure Python, no Django.

Sources (wetten.overheid.nl, text in force on 1 December 2026):
- Awb 6:9 lid 1 (an objection is in time when it was received before the end of the term),
  lid 2 (sent by post: in time when it was posted before the end of the term and received
  within a week after it).
- Awb 6:11 (a late objection is not declared inadmissible for that reason when the lateness
  can reasonably not be held against the objector: excusable lateness).
- Awb 7:10 lid 3 (the body may postpone its decision by six weeks, by written notice, while
  the term runs), lid 4 (further delay only with the objector's consent, when other parties'
  interests are not harmed or they consent too, or when the law requires it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ombuds.domain.deadlines import Term, nl_date

__all__ = ["Receipt", "objection_receipt", "with_consent"]

#: Awb 6:9 lid 2: a posted objection may arrive up to a week after the term's end.
POST_GRACE = timedelta(days=7)


@dataclass(frozen=True)
class Receipt:
    """How an objection stands against its term."""

    in_time: bool
    basis: str
    explanation: str


def objection_receipt(term: Term, *, received_on: date, posted_on: date | None = None) -> Receipt:
    """Judge an objection received on ``received_on`` (and posted on ``posted_on``) against the
    objection ``term`` (its legal end)."""
    end = term.end
    if received_on <= end:
        return Receipt(True, "Awb 6:9 lid 1",
                       f"Ontvangen op {nl_date(received_on)}, binnen de termijn (die eindigde op "
                       f"{nl_date(end)}).")
    if posted_on is not None and posted_on <= end and received_on <= end + POST_GRACE:
        return Receipt(True, "Awb 6:9 lid 2",
                       f"Op de post gedaan op {nl_date(posted_on)}, uiterlijk op de laatste dag "
                       f"van de termijn ({nl_date(end)}), en ontvangen op {nl_date(received_on)}, "
                       "binnen een week daarna: op tijd.")
    return Receipt(False, "Awb 6:9, 6:11",
                   f"Ontvangen op {nl_date(received_on)}, na het einde van de termijn op "
                   f"{nl_date(end)}"
                   + (f" (op de post gedaan op {nl_date(posted_on)})" if posted_on else "")
                   + ": te laat. Het bezwaar wordt toch behandeld als de termijnoverschrijding "
                   "de indiener redelijkerwijs niet te verwijten is (Awb 6:11). Leg vast "
                   "waarom het te laat was.")


def with_consent(term: Term, *, consented_on: date, until: date) -> Term:
    """The decision term on an objection, further delayed to ``until`` with the objector's
    written consent of ``consented_on`` (Awb 7:10 lid 4). The agreed date stands as agreed."""
    if until <= term.end:
        return term
    return Term(
        name=term.name.removesuffix(" (verdaagd)") + " (uitstel met instemming)",
        start=term.start, raw_end=until, end=until,
        basis=term.basis.split("; ")[0] + ", lid 4; instemming bezwaarmaker",
        explanation=(f"{term.explanation} De bezwaarmaker stemde op {nl_date(consented_on)} in "
                     f"met verder uitstel tot en met {nl_date(until, weekday=True)} "
                     "(Awb 7:10 lid 4)."),
        atw_applies=False, caveat=term.caveat)
