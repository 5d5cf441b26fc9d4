"""The "Aanvragen en meldingen" section of the case page (``{% load applications %}``
``{% case_applications case %}``): each application or report of need with its term, and,
once the term passed without a decision, what the resident can do.

The dates come from the ``Deadline`` rows (the term, the penalty row) and from
``domain.not_in_time`` (penalty amounts, the appeal date), never from typed text:
- a decision is due (``DECISION_KINDS``): a written notice of default (Awb 4:17 lid 3); after
  it was received, the penalty as it would run (4:17 lid 1, 2) and the first day of an appeal
  against not deciding in time, straight to the court (6:12 lid 2, 7:1 lid 1 onder f); a
  notice received before the term ended does not count;
- a report of need (Wmo 2015 art. 2.3.2) or a request for debt help (Wgs art. 4): late, but
  no decision is due, so no penalty or appeal; the resident can ask and complain (Awb 9:1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django import template
from django.utils import timezone

from ombuds.domain import not_in_time
from ombuds.procedures.models import Application, Deadline, DeadlineKind
from ombuds.procedures.selectors import late_application, notice_counts
from ombuds.procedures.templatetags.procedures import (
    _stylesheet_once,
    deadline_view,
    request_calendar,
)

register = template.Library()


@dataclass
class Late:
    """What the section says about an application whose term passed without a decision."""

    term_end: date
    is_decision: bool
    notice_on: date | None = None
    notice_too_early: bool = False
    penalty: not_in_time.Penalty | None = None
    owed_today: int = 0
    appeal_from: date | None = None
    #: (letter kind, label) offered on the letter page for this application.
    letters: list[tuple[str, str]] = field(default_factory=list)
    #: For a report of need or debt help: what the resident can do, in plain Dutch.
    advice: list[str] = field(default_factory=list)


def late(application: Application, term: Deadline, *, variant: int, today: date,
         offered: set[str]) -> Late | None:
    """Return what the resident can do once ``term`` (the application's decision term) has
    passed without a decision, or ``None`` while it runs or once the decision came."""
    if application.decided_on is not None or today <= term.end:
        return None
    if not application.is_decision:
        return Late(term_end=term.end, is_decision=False,
                    advice=_advice(application, variant))
    result = Late(term_end=term.end, is_decision=True, notice_on=application.notice_of_default_on)
    if result.notice_on is not None:
        result.penalty = not_in_time.penalty_for_late_decision(
            term_end=term.end, notice_received_on=result.notice_on)
        result.notice_too_early = result.penalty is None
        result.appeal_from = not_in_time.appeal_not_in_time_from(
            term_end=term.end, notice_received_on=result.notice_on)
        if result.penalty is not None:
            result.owed_today = result.penalty.owed_until(today)
    from ombuds.correspondence.models import NOT_IN_TIME_LETTERS

    result.letters = [(kind.value, kind.label) for kind in NOT_IN_TIME_LETTERS
                      if kind.value in offered]
    return result


def _advice(application: Application, variant: int) -> list[str]:
    """A late report of need or first conversation: no decision is due, so no notice of
    default, penalty or appeal (Awb 4:17 and 6:12 are about decisions on an application)."""
    if application.kind == "wmo_melding":
        what = ("Het onderzoek na de melding had klaar moeten zijn (Wmo 2015 art. 2.3.2 lid 1). "
                "De inwoner kan ook zonder verslag van het onderzoek een aanvraag indienen; "
                "daarop moet de gemeente binnen twee weken beslissen (Wmo 2015 art. 2.3.5).")
    else:
        what = ("Het eerste gesprek over schuldhulp had al moeten plaatsvinden (Wgs art. 4). "
                "Vraag de gemeente om meteen een afspraak, zeker als uitzetting, afsluiting of "
                "opzegging van de zorgverzekering dreigt.")
    if variant in (4, 5):
        complaint = ("De inwoner kan erover klagen. Die klacht behandelt de ombudsfunctie "
                     "(Awb hoofdstuk 9).")
    elif variant == 6:
        complaint = ("De inwoner kan erover klagen bij de gemeente (Awb 9:1). Is die klacht "
                     "afgehandeld, of had dat moeten zijn, dan kan de ombudsfunctie het als "
                     "tweede lijn behandelen (Awb 9:20).")
    else:
        complaint = ("De inwoner kan erover klagen bij de gemeente (Awb 9:1); wij kunnen daarbij "
                     "helpen of bemiddelen.")
    return [what, "Vraag de gemeente wanneer het alsnog gebeurt.", complaint,
            "Een dwangsom of beroep niet tijdig beslissen is hier niet mogelijk: er hoeft geen "
            "besluit te komen (Awb 4:17, 6:12)."]


@register.inclusion_tag("procedures/includes/case_applications.html", takes_context=True)
def case_applications(context, case):
    """The "Aanvragen en meldingen" section: each application with its terms, and what the
    resident can do once a term passed without a decision (with the letters for it)."""
    request = context.get("request")
    today = timezone.localdate()
    # One query: every application has its decision term (``planning._plan_application``).
    rows: dict[int, list[Deadline]] = {}
    by_pk: dict[int, Application] = {}
    for deadline in (Deadline.objects.filter(case=case, application__isnull=False)
                     .select_related("application__organisation")
                     .order_by("application__submitted_on", "application_id", "start", "id")):
        by_pk.setdefault(deadline.application_id, deadline.application)
        rows.setdefault(deadline.application_id, []).append(deadline)
    applications = list(by_pk.values())
    offered: set[str] = set()
    if any(a.is_decision and a.decided_on is None for a in applications):
        # The letter page's own choice (one late application per case, the same selector),
        # so a link offered here is always on its list.
        chosen = late_application(case, today)
        offered = {"ingebrekestelling"} if chosen else set()
        if notice_counts(chosen):
            offered |= {"dwangsom_info", "beroep_niet_tijdig"}
    else:
        chosen = None
    calendar = request_calendar(request) if rows else None
    items = []
    for application in applications:
        application.case = case
        deadlines = rows.get(application.pk, [])
        term = next((d for d in deadlines if d.kind == DeadlineKind.APPLICATION_DECISION), None)
        items.append({
            "application": application,
            "deadlines": [deadline_view(d, case=case, request=request, calendar=calendar)
                          for d in deadlines],
            "late": late(application, term, variant=case.workflow.variant, today=today,
                         offered=offered if chosen and chosen.pk == application.pk else set())
            if term else None,
        })
    return {"case": case, "items": items, "today": today,
            "stylesheet": _stylesheet_once(request)}
