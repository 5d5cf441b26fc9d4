"""Reads of the records wing: the retention term of a case, the cases due for destruction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils import timezone

from ombuds.cases.models import Case
from ombuds.core.audit import Action, audit_log
from ombuds.domain import retention
from ombuds.procedures.models import Complaint
from ombuds.records.models import LegalHold, RetentionRule
from ombuds.records.services import HOLD_ROLES


def retention_terms() -> dict[str, int]:
    """The years per result type: the beheerder's rules, the domain defaults where none."""
    terms = {code: rt.default_years for code, rt in retention.RESULT_TYPES.items()}
    terms.update(RetentionRule.objects.values_list("result_type", "years"))
    return terms


@dataclass(frozen=True)
class Term:
    """The retention of one closed case."""

    case: Case
    result_type: str
    years: int
    destroy_on: dt.date
    held: bool

    @property
    def result_label(self) -> str:
        return retention.RESULT_TYPES[self.result_type].label

    @property
    def rule(self) -> str:
        """The rule as the tombstone records it."""
        return f"{self.result_label}: {self.years} jaar na afsluiting"


def _annotated(cases):
    return cases.annotate(
        _ombudsman=Exists(Complaint.objects.filter(case=OuterRef("pk"),
                                                   kind=Complaint.Kind.OMBUDSMAN)),
        _held=Exists(LegalHold.objects.filter(case=OuterRef("pk"), lifted_at__isnull=True)),
    )


def _term(case: Case, terms: dict[str, int]) -> Term:
    kind = retention.result_type(case.outcome, ombudsman_complaint=case._ombudsman)
    closed_on = timezone.localdate(case.closed_at)
    return Term(case, kind, terms[kind], retention.destroy_on(closed_on, terms[kind]), case._held)


def case_term(case: Case) -> Term | None:
    """The retention term of ``case``, or ``None`` while it is open."""
    if case.closed_at is None:
        return None
    annotated = _annotated(Case.objects.filter(pk=case.pk)).only("pk", "outcome", "closed_at")
    row = annotated.first()
    return _term(row, retention_terms()) if row else None


def retention_due(*, today: dt.date | None = None, within_days: int = 0,
                  municipality_ids=None) -> list[Term]:
    """The closed cases whose term ends on or before ``today`` (+ ``within_days``), held ones
    included (marked), oldest closure first. Only cases closed longer ago than the shortest
    term are looked at, so this stays one indexed query."""
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=within_days)
    terms = retention_terms()
    shortest = retention.add_years(horizon, -min(terms.values()))
    cases = Case.objects.filter(
        closed_at__isnull=False,
        closed_at__lt=dt.datetime.combine(shortest + dt.timedelta(days=1), dt.time.min,
                                          tzinfo=timezone.get_current_timezone()))
    if municipality_ids is not None:
        cases = cases.filter(municipality_id__in=municipality_ids)
    rows = _annotated(cases.select_related("municipality")).order_by("closed_at", "pk")
    return [term for term in (_term(case, terms) for case in rows) if term.destroy_on <= horizon]


def hold_municipalities(user) -> set[int]:
    """The municipalities where ``user`` may manage retention and legal holds."""
    return user.municipality_ids(HOLD_ROLES)


def access_case_for_hold(user, reference: str) -> Case:
    """The case ``reference`` for placing or lifting a legal hold: only in a municipality
    where ``user`` is ombudsperson or beheerder (a 404 otherwise). Audited; the beheerder,
    who never opens a case, sees no more than its reference and dates."""
    case = (Case.objects.select_related("municipality")
            .filter(reference=reference.strip().upper(),
                    municipality_id__in=hold_municipalities(user)).first())
    if case is None:
        raise Http404("Zaak niet gevonden.")
    audit_log(user=user, action=Action.READ, event="case.retention_viewed", obj=case,
              object_label=case.reference, person_id=case.person_id,
              municipality_code=case.municipality.cbs_code)
    return case
