"""Reads of signals: scoped to the user's municipalities and roles, and audited.

Ombudspersons and coordinators see every signal of their municipalities, with the linked
cases. ``beleid`` reads signals once they are shared with the organisation (and later),
never the linked cases. Everyone else sees none. ``access_signal`` is the only way views and
the API fetch one signal; ``signal_list`` the only way they list them.

``signal_counts`` and ``recommendation_counts`` are for the dashboards and reports: one
aggregate query each, no audit (figures, not records).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from ombuds.accounts.roles import ALL_CASES_ROLES, Role
from ombuds.cases.models import Case
from ombuds.cases.permissions import main_role
from ombuds.cases.selectors import visible_cases
from ombuds.core.audit import Action, audit_log
from ombuds.core.db import lock_own_rows
from ombuds.domain.signals import PUBLISHED, STATES, SignalState
from ombuds.signals.models import Recommendation, Signal

#: A shared signal without an answer after this long gets a reminder.
ANSWER_WAIT = timedelta(weeks=6)


class SignalNotFound(Http404):
    """A signal that does not exist or that the user may not see: indistinguishable."""


def signal_scope(user) -> Q:
    """Return the filter of the signals ``user`` may read; ``Q(pk__in=[])`` when none."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    full = user.municipality_ids(ALL_CASES_ROLES)
    policy = user.municipality_ids({Role.POLICY}) - full
    scope = Q(pk__in=[])
    if full:
        scope |= Q(municipality_id__in=full)
    if policy:
        scope |= Q(municipality_id__in=policy, status__in=PUBLISHED)
    return scope


def may_edit(user, signal: Signal) -> bool:
    """Whether ``user`` may change ``signal``: an ombudsperson or coordinator of its
    municipality."""
    return bool(user.roles_in(signal.municipality_id) & ALL_CASES_ROLES)


def sees_cases(user, signal: Signal) -> bool:
    """Whether ``user`` may see which cases ``signal`` rests on (never policy staff)."""
    return may_edit(user, signal)


def audit_signal(*, user, signal: Signal, action: str, event: str, details: dict | None = None):
    """Write the audit entry for ``signal`` with the user's role and authorisation."""
    role = main_role(user, signal.municipality_id)
    role_value = role.value if role else ""
    return audit_log(user=user, action=action, event=event, obj=signal,
                     object_label=f"signaal {signal.pk}",
                     municipality_code=signal.municipality.cbs_code, role=role_value,
                     authorisation=f"lidmaatschap {role_value} {signal.municipality.cbs_code}",
                     details=details)


def access_signal(user, signal_id: int, *, event: str = "signal.viewed",
                  action: str = Action.READ, for_update: bool = False) -> Signal:
    """Return signal ``signal_id`` if ``user`` may read it, and log the access.

    Raises ``SignalNotFound`` (a 404) otherwise. With ``for_update`` the row is locked for
    the surrounding transaction.
    """
    qs = Signal.objects.filter(signal_scope(user)).select_related(
        "municipality__office", "organisation", "theme__domain", "domain", "created_by")
    if for_update:
        qs = lock_own_rows(qs)
    signal = qs.filter(pk=signal_id).first()
    if signal is None:
        raise SignalNotFound(str(signal_id))
    audit_signal(user=user, signal=signal, action=action, event=event)
    return signal


def linked_cases(user, signal: Signal) -> list[Case]:
    """Return the cases ``signal`` rests on that ``user`` may open; none for policy staff."""
    if not sees_cases(user, signal):
        return []
    return list(visible_cases(user).filter(signals=signal).only("id", "reference", "title",
                                                                 "status", "closed_at")
                .order_by("reference"))


def signal_recommendations(signal: Signal) -> list[Recommendation]:
    """Return the recommendations on ``signal``."""
    return list(signal.recommendations.order_by("due_on", "id"))


@dataclass(frozen=True)
class SignalFilter:
    municipality: int | None = None
    status: str = ""
    theme: int | None = None
    organisation: int | None = None


def signal_list(user, filters: SignalFilter = SignalFilter()) -> QuerySet[Signal]:
    """Return the signals ``user`` may read, filtered, newest first (audited as a search).

    Each row carries ``case_count`` and ``recommendation_count``.
    """
    qs = Signal.objects.filter(signal_scope(user))
    if filters.municipality:
        qs = qs.filter(municipality_id=filters.municipality)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.theme:
        qs = qs.filter(theme_id=filters.theme)
    if filters.organisation:
        qs = qs.filter(organisation_id=filters.organisation)
    qs = (qs.select_related("municipality", "organisation", "theme__domain")
          .annotate(case_count=Count("cases", distinct=True),
                    recommendation_count=Count("recommendations", distinct=True))
          .order_by("-raised_on", "-id"))
    audit_log(user=user, action=Action.EXECUTE, event="signal.searched",
              object_type="signals.signal",
              details={k: v for k, v in filters.__dict__.items() if v})
    return qs


def case_signals(case: Case) -> list[Signal]:
    """Return the signals ``case`` is linked to (the caller opened the case)."""
    return list(case.signals.select_related("organisation").order_by("-raised_on", "-id"))


def linkable_signals(case: Case) -> list[Signal]:
    """Return the open signals of the case's municipality it is not linked to yet."""
    return list(Signal.objects.filter(municipality_id=case.municipality_id)
                .exclude(status=SignalState.CLOSED).exclude(cases=case)
                .order_by("-raised_on", "-id")[:10])


# --- figures ----------------------------------------------------------------------------


def _period(period) -> tuple[date, date] | None:
    """Accept ``(start, end)`` or anything with ``start`` and ``end`` (``reports.Period``)."""
    if period is None:
        return None
    return tuple(period) if isinstance(period, tuple) else (period.start, period.end)


def signal_counts(municipality_ids: Iterable[int], period=None) -> dict[str, int]:
    """Return the number of signals per state (every state, zeros included) for the
    municipalities, raised within ``period`` (inclusive dates) when given. One query."""
    qs = Signal.objects.filter(municipality_id__in=list(municipality_ids))
    if (span := _period(period)) is not None:
        qs = qs.filter(raised_on__range=span)
    counts = dict.fromkeys(STATES, 0)
    counts.update(dict(qs.values_list("status").annotate(n=Count("id")).order_by()))
    return counts


def recommendation_counts(municipality_ids: Iterable[int], period=None) -> dict[str, int]:
    """Return the number of recommendations per adoption (overgenomen, deels, niet, onbekend;
    zeros included) on the municipalities' signals raised within ``period``. One query."""
    qs = Recommendation.objects.filter(signal__municipality_id__in=list(municipality_ids))
    if (span := _period(period)) is not None:
        qs = qs.filter(signal__raised_on__range=span)
    counts = dict.fromkeys(Recommendation.Adoption.values, 0)
    counts.update(dict(qs.values_list("adoption").annotate(n=Count("id")).order_by()))
    return counts


# --- reminders --------------------------------------------------------------------------


def recommendations_to_remind(today: date) -> QuerySet[Recommendation]:
    """Return recommendations past their due date without a response, not yet reminded for
    that due date: those on open signals, and those of a case's report (variant 6), whose
    response usually comes after the case was closed."""
    return (Recommendation.objects
            .filter(due_on__lt=today, responded_on__isnull=True)
            .filter((Q(signal__isnull=False) & ~Q(signal__status=SignalState.CLOSED))
                    | Q(case__isnull=False))
            .exclude(reminded_for=F("due_on"))
            .select_related("signal__created_by", "signal__organisation", "case", "created_by")
            .order_by("due_on", "id"))


def recommendation_owner(recommendation: Recommendation):
    """The user a reminder about ``recommendation`` goes to: who raised its signal, or who
    made the recommendation in a case's report."""
    if recommendation.case_id:
        return recommendation.created_by
    return recommendation.signal.created_by


def case_recommendations(case: Case) -> list[Recommendation]:
    """Return the recommendations of the report on ``case`` (the caller opened the case)."""
    return list(Recommendation.objects.filter(case=case).order_by("due_on", "id"))


def signals_to_remind(today: date) -> QuerySet[Signal]:
    """Return signals shared more than six weeks ago without an answer, not yet reminded for
    that sharing date."""
    return (Signal.objects
            .filter(status=SignalState.SHARED, shared_on__lte=today - ANSWER_WAIT,
                    answered_on__isnull=True)
            .exclude(reminded_for=F("shared_on"))
            .select_related("created_by", "organisation")
            .order_by("created_by_id", "shared_on", "id"))

