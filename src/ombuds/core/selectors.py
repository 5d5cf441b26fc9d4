"""Reads for configuration, the audit log, the figures and the public contact page.

Every function takes the user and scopes to the municipalities where that user holds the
role the read needs; none of them returns a person-level row to the ``beleid`` role.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone

from ombuds.accounts.roles import CONFIG_ROLES, FIGURES_ROLES, Role
from ombuds.core.models import AuditEntry, Municipality, WorkflowDefinition
from ombuds.domain import disclosure

# --- beheer scope ------------------------------------------------------------------------------


def administered_municipality_ids(user) -> set[int] | None:
    """Return the municipalities ``user`` administers; ``None`` means all (a superuser, the
    installation's own administrator who creates the first municipality)."""
    if user.is_superuser:
        return None
    return user.municipality_ids(CONFIG_ROLES)


def administered_municipalities(user) -> QuerySet[Municipality]:
    ids = administered_municipality_ids(user)
    qs = Municipality.objects.select_related("office", "workflow")
    return qs if ids is None else qs.filter(id__in=ids)


def is_beheerder(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_role(CONFIG_ROLES)


# --- audit search ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    reference: str = ""
    person_id: int | None = None
    username: str = ""
    event: str = ""
    action: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def as_details(self) -> dict:
        """The filter for the audit entry of the search itself: names of filters, no values
        that could be personal (a person id is an internal number, not personal data)."""
        return {k: str(v) for k, v in self.__dict__.items() if v not in ("", None)}


def audit_scope(user) -> Q:
    """Entries about the municipalities ``user`` administers, plus their own entries that
    belong to no municipality (searches, exports)."""
    codes = list(administered_municipalities(user).values_list("cbs_code", flat=True))
    own = Q(municipality_code="", user=user)
    if administered_municipality_ids(user) is None:
        return Q()
    return Q(municipality_code__in=codes) | own


def audit_entries(user, filters: AuditFilter) -> QuerySet[AuditEntry]:
    """Return the audit entries ``user`` may search, filtered, newest first (unaudited: the
    view logs the search once it is shown or exported)."""
    qs = AuditEntry.objects.filter(audit_scope(user))
    if filters.reference:
        qs = qs.filter(object_label__iexact=filters.reference.strip())
    if filters.person_id is not None:
        qs = qs.filter(person_id=filters.person_id)
    if filters.username:
        qs = qs.filter(username__iexact=filters.username.strip())
    if filters.event:
        qs = qs.filter(event=filters.event)
    if filters.action:
        qs = qs.filter(action=filters.action)
    tz = timezone.get_current_timezone()
    if filters.date_from:
        start = dt.datetime.combine(filters.date_from, dt.time.min, tzinfo=tz)
        qs = qs.filter(timestamp__gte=start)
    if filters.date_to:
        end = dt.datetime.combine(filters.date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        qs = qs.filter(timestamp__lt=end)
    return qs.order_by("-timestamp", "-id")


def audit_event_names(user) -> list[str]:
    """The event names that occur in the user's scope, for the filter's select."""
    return list(
        AuditEntry.objects.filter(audit_scope(user)).order_by("event")
        .values_list("event", flat=True).distinct()
    )


# --- figures ---------------------------------------------------------------------------------


@dataclass
class FigureTable:
    title: str
    table: disclosure.Table


@dataclass
class MunicipalityFigures:
    municipality: Municipality
    opened: disclosure.Table
    tables: list[FigureTable] = field(default_factory=list)


def figures_municipalities(user) -> list[Municipality]:
    ids = user.municipality_ids(FIGURES_ROLES)
    return list(Municipality.objects.filter(id__in=ids).order_by("name"))


def figures_protected(user, municipality: Municipality) -> bool:
    """Whether the user sees the figures of ``municipality`` with disclosure control: policy
    staff do, unless they also handle cases there (then they may see exact numbers)."""
    roles = user.roles_in(municipality.pk)
    return Role.POLICY in roles and not roles & {Role.OMBUDSPERSON, Role.COORDINATOR}


def _grouped(rows, key: str) -> dict[int, dict]:
    result: dict[int, dict] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        result[row["municipality_id"]][row[key]] += row["n"]
    return result


def _protected(raw: dict[str, disclosure.Table], year: int) -> dict[str, disclosure.Table]:
    """Protect the page's tables together: the cases opened this year are the total of the
    per-channel table, so hiding one without the other would give it away."""
    def alone(table: disclosure.Table) -> disclosure.Table:
        return disclosure.protect([(c.label, c.count) for c in table.cells],
                                  with_total=table.with_total)

    shown = {name: alone(raw[name]) for name in ("status", "domain", "outcome")}
    links = [disclosure.Link(("opened", str(year)), (("channel", None),))]
    try:
        shown.update(disclosure.protect_report(
            {"opened": raw["opened"], "channel": raw["channel"]}, links))
    except disclosure.UnprotectableReport:
        # The marks alone would pin a figure: publish neither the year nor the channels.
        for name in ("opened", "channel"):
            table = raw[name]
            shown[name] = replace(
                table, cells=tuple(replace(c, hidden=True, percent=None) for c in table.cells),
                total_hidden=True)
    return shown


def figures(user, *, year: int) -> list[MunicipalityFigures]:
    """Return the figures of every municipality where ``user`` holds a figures role.

    One aggregate query per table for all municipalities together, so the cost does not
    grow with the number of cases or municipalities. Counts are of cases.
    """
    from ombuds.cases.models import Case, Channel  # cases builds on core, not the other way

    municipalities = figures_municipalities(user)
    ids = [m.pk for m in municipalities]
    cases = Case.objects.filter(municipality_id__in=ids).order_by()
    start = dt.datetime(year, 1, 1, tzinfo=timezone.get_current_timezone())
    end = dt.datetime(year + 1, 1, 1, tzinfo=timezone.get_current_timezone())

    opened = _grouped(
        cases.filter(opened_at__gte=start.replace(year=year - 1), opened_at__lt=end)
        .annotate(year=ExtractYear("opened_at")).values("municipality_id", "year")
        .annotate(n=Count("id")),
        "year",
    )
    status_rows = list(
        cases.filter(closed_at__isnull=True).values("municipality_id", "workflow_id", "status")
        .annotate(n=Count("id"))
    )
    in_year = cases.filter(opened_at__gte=start, opened_at__lt=end)
    channel = _grouped(in_year.values("municipality_id", "channel").annotate(n=Count("id")),
                       "channel")
    domain = _grouped(
        in_year.filter(domains__isnull=False).values("municipality_id", "domains__name")
        .annotate(n=Count("id", distinct=True)),
        "domains__name",
    )
    outcome_rows = list(
        cases.filter(closed_at__gte=start, closed_at__lt=end).exclude(outcome="")
        .values("municipality_id", "workflow_id", "outcome").annotate(n=Count("id"))
    )
    workflows = {
        w.pk: w.workflow for w in WorkflowDefinition.objects.filter(
            pk__in={r["workflow_id"] for r in status_rows + outcome_rows}
        )
    }
    open_status = defaultdict(lambda: defaultdict(int))
    for row in status_rows:
        label = workflows[row["workflow_id"]].status(row["status"]).label
        open_status[row["municipality_id"]][label] += row["n"]
    outcome = defaultdict(lambda: defaultdict(int))
    for row in outcome_rows:
        label = workflows[row["workflow_id"]].outcome(row["outcome"]).label
        outcome[row["municipality_id"]][label] += row["n"]

    channel_labels = dict(Channel.choices)
    result = []
    for municipality in municipalities:
        pk = municipality.pk
        raw = {
            "opened": disclosure.exact(
                [(str(year), opened[pk][year]), (str(year - 1), opened[pk][year - 1])],
                with_total=False),
            "status": disclosure.exact(sorted(open_status[pk].items())),
            "channel": disclosure.exact(
                [(str(label), channel[pk][code]) for code, label in channel_labels.items()]),
            "domain": disclosure.exact(sorted(domain[pk].items()), with_total=False),
            "outcome": disclosure.exact(sorted(outcome[pk].items())),
        }
        shown = _protected(raw, year) if figures_protected(user, municipality) else raw
        result.append(MunicipalityFigures(
            municipality=municipality,
            opened=shown["opened"],
            tables=[
                FigureTable("Open zaken per status", shown["status"]),
                FigureTable(f"Zaken per kanaal ({year})", shown["channel"]),
                FigureTable(f"Zaken per domein ({year})", shown["domain"]),
                FigureTable(f"Afgesloten zaken per uitkomst ({year})", shown["outcome"]),
            ],
        ))
    return result


# --- public contact page ---------------------------------------------------------------------


def public_contact_points() -> list[Municipality]:
    """Return every municipality with its office, for the public home page."""
    return list(Municipality.objects.select_related("office").order_by("name"))
