"""The legal terms still running when a case closes (the closing check and letter, issue 15).

A term is *running* when the act it is for has not happened (``met_on`` is empty) and its last
day (``end``) is today or later: the resident can still object or appeal, the municipality
must still decide on an objection or an application, a penalty still accrues.

Two kinds of term are not counted:
- the office's own promise of first contact (``planning.PROMISES``): not the law;
- the terms of the case's own complaint that its closure ends (``ENDED_BY_CLOSURE``): closing
  the case closes the complaint with the same outcome (``complaints.ComplaintHook``), which
  meets its 9:11 term and ends the watch of the 9:8 lid 3 notice and the 4:5 repair term
  (``planning._plan_complaint``).

The closing check (``ProceduresClosingHook.open_items``) holds a closure for the *watched*
terms of the disputed decisions and applications. The complaint's remaining terms are the
resident's own years (9:8 lid 1 onder b, 9:24 lid 1) or the municipality's (variant 6), which
the closing letter names; they are information, and the 9:24 year — watched in variant 6 while
we handle the request — stops being watched by the closure itself.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import timezone

from ombuds.cases.hooks import CaseHook, OpenItem
from ombuds.domain import complaints as law
from ombuds.domain.deadlines import nl_date
from ombuds.procedures.complaints import complaint_of
from ombuds.procedures.models import Deadline, DeadlineKind
from ombuds.procedures.planning import PROMISES

#: Terms of the case's own complaint that closing the case meets or stops watching.
ENDED_BY_CLOSURE = frozenset({DeadlineKind.COMPLAINT_DECISION, DeadlineKind.COMPLAINT_REFUSAL,
                              DeadlineKind.COMPLAINT_REPAIR})


def running_terms(case, today: date | None = None) -> list[Deadline]:
    """The terms of ``case`` still running on ``today`` (see the module docstring), nearest
    last day first."""
    today = today or timezone.localdate()
    return list(Deadline.objects.filter(case=case, met_on__isnull=True, end__gte=today)
                .exclude(kind__in=PROMISES | ENDED_BY_CLOSURE)
                .select_related("decision__organisation", "application__organisation",
                                "complaint")
                .order_by("end", "raw_end", "id"))


def term_subject(deadline: Deadline) -> str:
    """What the term is about, e.g. "besluit over Traplift afgewezen" ("" for a complaint)."""
    if deadline.decision_id:
        return f"besluit over {deadline.decision.subject}"
    if deadline.application_id:
        return f"aanvraag {deadline.application.subject}"
    return ""


def _open_term(case, deadline: Deadline) -> OpenItem:
    about = term_subject(deadline)
    detail = f"laatste dag {nl_date(deadline.end, weekday=True)}"
    if deadline.raw_end != deadline.end:
        detail = f"handelen uiterlijk {nl_date(deadline.raw_end, weekday=True)}, {detail}"
    if deadline.decision_id:
        url = reverse("procedures:decision_change", args=[case.reference, deadline.decision_id])
    elif deadline.application_id:
        url = reverse("procedures:application_change",
                      args=[case.reference, deadline.application_id])
    else:
        url = reverse("cases:detail", args=[case.reference]) + "#termijnen"
    return OpenItem(kind="termijn", label=deadline.name + (f" ({about})" if about else ""),
                    detail=detail, url=url)


class ProceduresClosingHook(CaseHook):
    """Running terms hold a case's closure; a complaint case is itself a formal procedure."""

    def open_items(self, case) -> list[OpenItem]:
        return [_open_term(case, d) for d in running_terms(case)
                if d.watched and d.complaint_id is None]

    def formal_procedure(self, case) -> str:
        """A case with a complaint (variants 4 and 6 from receipt, 5 once converted) is the
        formal complaint procedure itself: asking whether one was avoided makes no sense."""
        if case.workflow.variant not in law.COMPLAINT_VARIANTS or complaint_of(case) is None:
            return ""
        return ("een verzoek aan de ombudsfunctie (tweede lijn)" if case.workflow.variant == 6
                else "een klachtprocedure (Awb hoofdstuk 9)")
