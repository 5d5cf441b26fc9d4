"""The figures of a report for one municipality and one period, computed by the database.

Destroyed cases count too: their tombstones (``records.Tombstone``) keep the facts the
tables need, so a report of a past period gives the same totals after the retention job has
destroyed its cases. Every table is one aggregate query over the cases plus one over the
tombstones (``values().annotate(Count(...))`` or ``aggregate``), so
building a report costs the same handful of queries for 10 cases or 100,000; nothing here
loops over cases. Lead times are percentiles computed by PostgreSQL (``percentile_cont``);
on SQLite, which has none, one ordered list of durations (numbers only) is read instead.

A table is a list of rows ``(category, measure, value)``, the shape of the tidy CSV. The
publishable report (the default) passes every table of person counts through the disclosure
rule of ``ombuds.domain.disclosure`` (DOMAIN.md §5); ``exact=True`` is for the
ombudsperson's own view and shows the numbers as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection
from django.db.models import Aggregate, Avg, Count, DurationField, ExpressionWrapper, F, FloatField, Func, Q
from django.db.models.functions import ExtractYear, TruncMonth
from django.utils import timezone, translation

from ombuds.domain import disclosure

TOTAL = "Totaal"
#: Shown instead of a median, percentile or mean that rests on fewer than 10 persons.
NOT_SHOWN = disclosure.SUPPRESSED
MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
MEASURE_LABELS = {
    "count": "Aantal", "percentage": "Aandeel (%)", "median_days": "Mediaan (dagen)",
    "p90_days": "90e percentiel (dagen)", "mean_grade": "Gemiddeld cijfer",
    "signals": "Signalen", "recommendations": "Aanbevelingen",
    "objections": "Bezwaarschriften sociaal domein", "mediated": "Opgelost door bemiddeling",
    "procedure_avoided": "Formele procedure voorkomen",
}
#: The outcomes that count as "resolved by mediation" in the pilot evaluation.
MEDIATED = ("opgelost", "deels_opgelost")
PILOT_NOTE = ("Bezwaarschriften: opgave van de gemeente. Doorlooptijden, tevredenheid en "
              "signalen met hun aanbevelingen staan in de tabellen 'Doorlooptijd van afgesloten "
              "zaken', 'Tevredenheid' en 'Signalen per stand van zaken' van deze rapportage.")


class Row(NamedTuple):
    category: str
    measure: str
    value: int | float | str | None


@dataclass
class ReportTable:
    key: str
    title: str
    rows: list[Row]
    #: Draw a bar chart of the ``count`` rows (each chart is followed by this table).
    chart: bool = True
    note: str = ""


@dataclass
class Report:
    municipality: object
    period: object
    exact: bool
    tables: list[ReportTable] = field(default_factory=list)
    title: str = "Rapportage"
    generated_at: dt.datetime = field(default_factory=timezone.now)

    def rows(self):
        """Yield ``(table, category, measure, value)`` for every figure: the tidy CSV."""
        for table in self.tables:
            for row in table.rows:
                yield (table.key, *row)

    def table(self, key: str) -> ReportTable:
        return next(t for t in self.tables if t.key == key)


@dataclass(frozen=True)
class _Counts:
    """A table of person counts before disclosure control."""

    key: str
    title: str
    counts: list[tuple[str, int]]
    #: False for overlapping categories (a case in several domains): no total, no shares.
    with_total: bool = True
    note: str = ""


class Percentile(Aggregate):
    """PostgreSQL's ``percentile_cont(fraction) WITHIN GROUP (ORDER BY expression)``."""

    function = "percentile_cont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, fraction: float, **extra):
        super().__init__(expression, fraction=repr(float(fraction)), **extra)


def _seconds_between(start: str, end: str) -> Func:
    """``EXTRACT(EPOCH FROM end - start)`` on PostgreSQL: the lead time in seconds."""
    return Func(F(end), F(start), template="EXTRACT(EPOCH FROM (%(expressions)s))",
                arg_joiner=" - ", output_field=FloatField())


def percentile(ordered: list[float], fraction: float) -> float | None:
    """Linear interpolation between the closest ranks, as ``percentile_cont`` does."""
    if not ordered:
        return None
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


# --- the queries ---------------------------------------------------------------------------


def _bounds(period) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return (dt.datetime.combine(period.start, dt.time.min, tzinfo=tz),
            dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz))


def _by(qs, key: str, *, distinct: bool = False, count: str = "id") -> dict:
    return {row[key]: row["n"] for row in qs.values(key).annotate(n=Count(count, distinct=distinct))
            .order_by()}


def _plus(*counts: dict) -> dict:
    """Add up count dictionaries (the cases' and the tombstones')."""
    total: dict = {}
    for part in counts:
        for key, n in part.items():
            total[key] = total.get(key, 0) + n
    return total


def _has_tombstones(municipality) -> bool:
    """Whether any case of ``municipality`` was destroyed; asked once per report (kept on the
    instance), so a municipality without destroyed cases pays one query for all of them."""
    from ombuds.records.models import Tombstone

    known = municipality.__dict__.get("_ombuds_has_tombstones")
    if known is None:
        known = municipality.__dict__["_ombuds_has_tombstones"] = (
            Tombstone.objects.filter(municipality=municipality).exists())
    return known


def _tombstones(municipality, model=None):
    """The tombstones of ``municipality`` (or rows of ``model`` hanging from them); an empty
    queryset, costing no query, when it has none."""
    from ombuds.records.models import Tombstone

    if model is None:
        qs = Tombstone.objects.filter(municipality=municipality)
    else:
        qs = model.objects.filter(tombstone__municipality=municipality)
    return (qs if _has_tombstones(municipality) else qs.none()).order_by()


def _volumes(municipality, period) -> list[_Counts]:
    from ombuds.cases.models import Case, CaseOrganisation, Channel

    start, end = _bounds(period)
    cases = Case.objects.filter(municipality=municipality).order_by()
    opened = cases.filter(opened_at__gte=start, opened_at__lt=end)
    gone = _tombstones(municipality).filter(opened_at__gte=start, opened_at__lt=end)
    per_month = _plus(*({
        (row["month"].year, row["month"].month): row["n"]
        for row in qs.annotate(month=TruncMonth("opened_at")).values("month")
        .annotate(n=Count("id")).order_by()
    } for qs in (opened, gone)))
    channels = _plus(_by(opened, "channel"), _by(gone, "channel"))
    variants = _plus(_by(opened, "workflow__variant"), _by(gone, "workflow__variant"))
    # The link tables are counted from their own rows, joined to the period's case ids (an
    # index-only scan of ``case_muni_opened_cover_idx``), not through the case rows.
    period_ids = opened.values("id")

    def linked(model, key):
        return _by(model.objects.filter(case__in=period_ids), key, distinct=True, count="case_id")

    domains = _plus(linked(Case.domains.through, "domain__name"),
                    _by(gone.filter(domains__isnull=False), "domains__name", distinct=True))
    themes = _plus(linked(Case.themes.through, "theme__name"),
                   _by(gone.filter(themes__isnull=False), "themes__name", distinct=True))
    parties = _plus(linked(CaseOrganisation, "organisation__name"),
                    _by(gone.filter(organisations__isnull=False), "organisations__name",
                        distinct=True))
    overlap = "Een zaak kan bij meer dan één {} horen; daarom staat er geen totaal."
    return [
        _Counts("opened_per_month", "Nieuwe zaken per maand", [
            (f"{MONTHS[m.month - 1]} {m.year}", per_month.get((m.year, m.month), 0))
            for m in period.months()
        ]),
        _Counts("channel", "Nieuwe zaken per kanaal",
                [(str(label), channels.get(code, 0)) for code, label in Channel.choices]),
        _Counts("domain", "Nieuwe zaken per domein", sorted(domains.items()), with_total=False,
                note=overlap.format("domein")),
        _Counts("theme", "Nieuwe zaken per thema", sorted(themes.items()), with_total=False,
                note=overlap.format("thema")),
        _Counts("party", "Nieuwe zaken per betrokken organisatie", sorted(parties.items()),
                with_total=False, note=overlap.format("organisatie")),
        _Counts("variant", "Nieuwe zaken per procesvariant",
                [(f"Variant {variant}", n) for variant, n in sorted(variants.items())]),
    ]


def _closures(municipality, period) -> list[_Counts]:
    from ombuds.cases.models import Case
    from ombuds.core.models import WorkflowDefinition

    start, end = _bounds(period)
    closed = Case.objects.filter(municipality=municipality, closed_at__gte=start,
                                 closed_at__lt=end).order_by()
    gone = _tombstones(municipality).filter(closed_at__gte=start, closed_at__lt=end)
    outcome_rows = [*closed.values("workflow_id", "outcome").annotate(n=Count("id")),
                    *gone.values("workflow_id", "outcome").annotate(n=Count("id"))]
    workflows = {w.pk: w.workflow for w in WorkflowDefinition.objects.filter(
        pk__in={r["workflow_id"] for r in outcome_rows})}
    outcomes: dict[str, int] = {}
    for row in outcome_rows:
        label = (workflows[row["workflow_id"]].outcome(row["outcome"]).label
                 if row["outcome"] else "Geen uitkomst vastgelegd")
        outcomes[label] = outcomes.get(label, 0) + row["n"]
    field_ = Case._meta.get_field("procedure_avoided")
    avoided = _plus(_by(closed, "procedure_avoided"), _by(gone, "procedure_avoided"))
    avoided_labels = [*((str(code), str(label)) for code, label in field_.choices),
                      ("", "Niet ingevuld")]
    what_field = Case._meta.get_field("procedure_avoided_what")
    what = _plus(_by(closed.filter(procedure_avoided="ja"), "procedure_avoided_what"),
                 _by(gone.filter(procedure_avoided="ja"), "procedure_avoided_what"))
    return [
        _Counts("outcome", "Afgesloten zaken per uitkomst", sorted(outcomes.items())),
        _Counts("procedure_avoided", "Formele procedure voorkomen (afgesloten zaken)",
                [(label, avoided.get(code, 0)) for code, label in avoided_labels]),
        _Counts("procedure_avoided_what", "Welke formele procedure is voorkomen",
                [(str(label), what.get(code, 0)) for code, label in
                 [*what_field.choices, ("", "Niet ingevuld")]]),
    ]


def _referrals(municipality, period) -> list[_Counts]:
    from ombuds.mediation.models import Referral
    from ombuds.records.models import TombstoneReferral
    from ombuds.socialmap.models import Route

    referrals = Referral.objects.filter(case__municipality=municipality,
                                        referred_on__gte=period.start,
                                        referred_on__lte=period.end).order_by()
    gone = _tombstones(municipality, TombstoneReferral).filter(referred_on__gte=period.start,
                                                               referred_on__lte=period.end)
    routes = _plus(*({row["route"]: row["n"] for row in
                      qs.values("route").annotate(n=Count(key, distinct=True))}
                     for qs, key in ((referrals, "case_id"), (gone, "tombstone_id"))))
    return [_Counts("referral_route", "Verwijzingen per route (zaken)",
                    [(str(label), routes.get(code, 0)) for code, label in Route.choices],
                    with_total=False, note="Een zaak kan naar meer dan één route verwijzen.")]


def _deadlines(municipality, period, today: dt.date) -> list[_Counts]:
    """The watched terms that ended in the period, by how they were met. The office's promise
    of first contact is not a legal term: it gets its own table rather than counting under
    "Wettelijke termijnen" (issue 14). Information-only rows (the penalty as it would run, a
    resident's year limits) are not watched and not counted."""
    from ombuds.procedures.models import Deadline, DeadlineKind
    from ombuds.records.models import TombstoneDeadline

    promise = Q(kind=DeadlineKind.FIRST_CONTACT)
    states = {
        f"{prefix}{name}": Count("id", filter=which & q)
        for prefix, which in (("", ~promise), ("promise_", promise))
        for name, q in (("on_time", Q(met_on__lte=F("end"))), ("late", Q(met_on__gt=F("end"))),
                        ("missed", Q(met_on__isnull=True, end__lt=today)),
                        ("running", Q(met_on__isnull=True, end__gte=today)))
    }
    both = _plus(
        Deadline.objects.filter(case__municipality=municipality, watched=True,
                                end__gte=period.start, end__lte=period.end).aggregate(**states),
        # A destroyed case kept only its watched terms.
        _tombstones(municipality, TombstoneDeadline).filter(
            end__gte=period.start, end__lte=period.end).aggregate(**states))
    legal = {name: both[name] for name in ("on_time", "late", "missed", "running")}
    promised = {name: both[f"promise_{name}"] for name in legal}
    return [
        _Counts("deadlines", "Wettelijke termijnen die in de periode eindigden", [
            ("Op tijd gehaald", legal["on_time"]), ("Te laat", legal["late"]),
            ("Verstreken zonder handeling", legal["missed"]), ("Loopt nog", legal["running"]),
        ]),
        _Counts("first_contact", "Belofte eerste contact (werkwijze van het bureau, geen "
                "wettelijke termijn) die in de periode afliep", [
                    ("Op tijd contact", promised["on_time"]), ("Te laat contact",
                                                               promised["late"]),
                    ("Nog geen contact, belofte verlopen", promised["missed"]),
                    ("Loopt nog", promised["running"]),
                ]),
    ]


def _complaints(municipality, period) -> tuple[list[_Counts], list[tuple[str, str]], str]:
    """The complaints received in the period, for the variants that handle complaints: per
    kind, and those of the variant's own kind per way they ended (the register of Awb 9:12a,
    from ``Complaint.outcome``) and still open. Also returns ``(register label, outcome
    label)`` per way and the label of the variant's kind, to tie the register to the other
    tables (``_register_links``)."""
    from ombuds.procedures.models import Complaint
    from ombuds.records.models import TombstoneComplaint

    variant = getattr(municipality.workflow, "variant", None)
    if variant not in (4, 5, 6):
        return [], [], ""
    received = {"received_on__gte": period.start, "received_on__lte": period.end}
    living = Complaint.objects.filter(case__municipality=municipality, **received).order_by()
    gone = _tombstones(municipality, TombstoneComplaint).filter(**received)
    kinds = _plus(_by(living, "kind"), _by(gone, "kind"))
    kind = Complaint.Kind.OMBUDSMAN if variant == 6 else Complaint.Kind.COMPLAINT
    ended = _plus(_by(living.filter(kind=kind), "outcome"), _by(gone.filter(kind=kind), "outcome"))
    workflow = municipality.workflow.workflow
    known = {o.code: o.label for o in workflow.outcomes}
    ways = [(code, label) for code, label in REGISTER_WAYS.items() if code in known]
    # An outcome outside the register's ways (a variant changed since) keeps its own row, so
    # the ways always add up to the complaints that ended.
    ways += [(code, known.get(code, code)) for code in sorted(ended)
             if code and code not in dict(ways)]
    noun = "Verzoeken" if variant == 6 else "Klachten"
    return [
        _Counts("complaints", "Ontvangen klachten (Awb 9:12a)",
                [(str(label), kinds.get(code, 0)) for code, label in Complaint.Kind.choices]),
        _Counts("complaint_register",
                f"{noun} ontvangen in de periode en afgehandeld, naar afloop (Awb 9:12a)",
                [(label, ended.get(code, 0)) for code, label in ways], note=REGISTER_LINK_NOTE),
        _Counts("complaint_open", f"{noun} ontvangen in de periode en nog in behandeling",
                [(STILL_OPEN, ended.get("", 0))], with_total=False),
    ], [(label, known.get(code, "")) for code, label in ways], str(kind.label)


def _register_links(counts: list[_Counts], pairs: list[tuple[str, str]], kind_label: str) -> list:
    """How the register in the general report hangs together with the other tables.

    Always: the complaints of the variant's kind received are those that ended plus those
    still open. And where the register and the outcome table count the same (every complaint
    received in the period was closed in it, the usual case for a whole year), that too, so
    that disclosure control hides a figure in both tables or in neither: a published count in
    one would give the hidden one away, and the two tables must never disagree. Those links
    are declared only where the counts are equal (``protect_report`` refuses a link that does
    not hold); a declared link can only make disclosure control hide more, never less.
    """
    tables = {c.key: c for c in counts}
    if "complaint_register" not in tables:
        return []
    register = dict(tables["complaint_register"].counts)
    links = [disclosure.Link(("complaints", kind_label), (
        ("complaint_register", None), ("complaint_open", STILL_OPEN)))]
    outcomes = dict(tables["outcome"].counts)
    for register_label, outcome_label in pairs:
        if outcome_label in outcomes and outcomes[outcome_label] == register[register_label]:
            links.append(disclosure.Link(("outcome", outcome_label),
                                         (("complaint_register", register_label),)))
    if sum(outcomes.values()) == sum(register.values()):
        links.append(disclosure.Link(("outcome", None), (("complaint_register", None),)))
    return links


def whole_years(period) -> list[int] | None:
    """The years a period covers when it is whole calendar years, else ``None``."""
    if (period.start.month, period.start.day, period.end.month, period.end.day) != (1, 1, 12, 31):
        return None
    return list(range(period.start.year, period.end.year + 1))


def _pilot(municipality, period) -> tuple[list[int], list[_Counts]]:
    """Per year, the objections the beheerder entered (the years before the period too: the
    situation before the pilot) beside the cases resolved by mediation and the formal
    procedures avoided. Two queries; empty when the period is not whole years."""
    from ombuds.cases.models import Case
    from ombuds.reports.models import ObjectionCount

    years = whole_years(period)
    if years is None:
        return [], []
    objections = dict(ObjectionCount.objects.filter(
        municipality=municipality, year__lte=years[-1]).values_list("year", "objections"))
    first = min([*objections, years[0]])
    all_years = list(range(first, years[-1] + 1))
    tz = timezone.get_current_timezone()
    per_year: dict[int, dict] = {}
    for qs in (Case.objects.filter(municipality=municipality), _tombstones(municipality)):
        for row in qs.filter(
            closed_at__gte=dt.datetime(first, 1, 1, tzinfo=tz),
            closed_at__lt=dt.datetime(years[-1] + 1, 1, 1, tzinfo=tz),
        ).order_by().annotate(year=ExtractYear("closed_at", tzinfo=tz)).values("year").annotate(
            mediated=Count("id", filter=Q(outcome__in=MEDIATED)),
            avoided=Count("id", filter=Q(procedure_avoided="ja")),
        ):
            year = per_year.setdefault(row["year"], {"mediated": 0, "avoided": 0})
            year["mediated"] += row["mediated"]
            year["avoided"] += row["avoided"]
    before = [y for y in all_years if y < years[0]]

    def counts(key, title, measure, chosen):
        # The years in the period add up to a cell of another table: give them a total (not
        # shown) so that relation can be declared.
        return _Counts(key, title, [(str(y), (objections.get(y, 0) if measure == "objections"
                                              else per_year.get(y, {}).get(measure, 0)))
                                    for y in chosen], with_total=chosen is years)

    tables = [counts("pilot_objections", "Bezwaarschriften", "objections", all_years),
              counts("pilot_mediated", "Opgelost door bemiddeling", "mediated", years),
              counts("pilot_avoided", "Formele procedure voorkomen", "avoided", years)]
    if before:
        tables += [counts("pilot_mediated_before", "", "mediated", before),
                   counts("pilot_avoided_before", "", "avoided", before)]
    return all_years, tables


def _pilot_links(outcome_labels: set[str]) -> list:
    """The pilot's years in the period add up to cells of the outcome and "procedure
    avoided" tables; declare that so a hidden year cannot be worked out."""
    from ombuds.domain.variants import PARTLY, RESOLVED

    parts = tuple(("outcome", o.label) for o in (RESOLVED, PARTLY) if o.label in outcome_labels)
    links = [disclosure.Link(("pilot_avoided", None), (("procedure_avoided", "Ja"),))]
    if parts:
        links.append(disclosure.Link(("pilot_mediated", None), parts))
    return links


def _lead_time(municipality, period) -> tuple[int, float | None, float | None]:
    """Return how many cases closed in the period and the median and 90th percentile of
    their lead time in days."""
    from ombuds.cases.models import Case

    start, end = _bounds(period)
    closed = Case.objects.filter(municipality=municipality, closed_at__gte=start,
                                 closed_at__lt=end).order_by()
    gone = _tombstones(municipality).filter(closed_at__gte=start, closed_at__lt=end)
    if connection.vendor == "postgresql" and not _has_tombstones(municipality):
        seconds = _seconds_between("opened_at", "closed_at")
        result = closed.aggregate(n=Count("id"), median=Percentile(seconds, 0.5),
                                  p90=Percentile(seconds, 0.9))
        n, median, p90 = result["n"], result["median"], result["p90"]
    elif connection.vendor == "postgresql":
        # One query over the cases and the tombstones together (UNION ALL).
        seconds = _seconds_between("opened_at", "closed_at")
        parts = [qs.annotate(seconds=seconds).values("seconds").query.sql_with_params()
                 for qs in (closed, gone)]
        sql = ("SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds), "
               "percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) FROM ({} UNION ALL {}) AS d")
        with connection.cursor() as cursor:
            # The two parts are Django's own SQL; every value in them is a parameter.
            cursor.execute(sql.format(parts[0][0], parts[1][0]), [*parts[0][1], *parts[1][1]])
            n, median, p90 = cursor.fetchone()
    else:
        durations = sorted(d.total_seconds() for qs in (closed, gone) for d in qs.annotate(
            duration=ExpressionWrapper(F("closed_at") - F("opened_at"), output_field=DurationField())
        ).values_list("duration", flat=True))
        n, median, p90 = len(durations), percentile(durations, 0.5), percentile(durations, 0.9)
    return n, _days(median), _days(p90)


def _days(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 86400, 1)


def _survey(municipality, period) -> dict:
    from ombuds.mediation.models import SurveyResponse

    answers = SurveyResponse.Answer
    counts = {f"{q}_{a.value}": Count("id", filter=Q(**{q: a.value}))
              for q in ("felt_heard", "problem_solved") for a in answers}
    return SurveyResponse.objects.filter(
        municipality=municipality, closed_month__gte=period.start.replace(day=1),
        closed_month__lte=period.end,
    ).aggregate(n=Count("id"), grade=Avg("grade"), **counts)


def _signal_labels() -> dict[str, str]:
    """Dutch labels of the signal states and adoptions, as far as the signals app has them."""
    labels: dict[str, str] = {}
    try:
        from ombuds.domain.signals import STATES
        from ombuds.signals.models import Recommendation
    except ImportError:
        return labels
    labels.update(STATES)
    labels.update({str(code): str(label) for code, label in Recommendation.Adoption.choices})
    return labels


def _optional_counts(name: str, municipality, period) -> list[tuple[str, int]] | None:
    """The signals app's counts (``signal_counts``, ``recommendation_counts``) with Dutch
    labels, or ``None`` while that app does not offer them."""
    try:
        from ombuds.signals import selectors
    except ImportError:
        return None
    function = getattr(selectors, name, None)
    if function is None:
        return None
    result = function([municipality.pk], period=period)
    items = result.items() if isinstance(result, dict) else result
    labels = _signal_labels()
    return [(labels.get(str(code), str(code)), int(n)) for code, n in items]


# --- disclosure and rows -------------------------------------------------------------------

CLOSED = "Afgesloten zaken"
ANSWERS = "Antwoorden"

#: How the tables of a report hang together, declared so that ``protect_report`` keeps a
#: hidden count from being worked out from another table (docs/disclosure.md).
LINKS = [
    # The cases opened in the period, counted per month, channel and variant.
    *disclosure.same_total("opened_per_month", "channel", "variant"),
    # The cases closed in the period, per outcome and by "procedure avoided"; their number is
    # the base of the lead time.
    *disclosure.same_total("outcome", "procedure_avoided"),
    disclosure.Link(("lead_time", CLOSED), (("outcome", None),)),
    # Which procedure was avoided: the cases that answered "Ja".
    disclosure.Link(("procedure_avoided_what", None), (("procedure_avoided", "Ja"),)),
    # The survey answers, for both questions and the grade.
    *disclosure.same_total("felt_heard", "problem_solved"),
    disclosure.Link(("satisfaction", ANSWERS), (("felt_heard", None),)),
]


def _all_hidden(table: disclosure.Table) -> disclosure.Table:
    cells = tuple(disclosure.Cell(c.label, c.count, hidden=True) for c in table.cells)
    return disclosure.Table(cells=cells, total=table.total, with_total=table.with_total,
                            total_hidden=table.with_total)


def protect_tables(tables: list[_Counts], exact: bool,
                   extra_links=()) -> dict[str, disclosure.Table]:
    """The tables as they may be shown: exact, or protected together as one report."""
    built = {t.key: disclosure.exact(t.counts, with_total=t.with_total) for t in tables}
    if exact:
        return built
    keys = set(built)
    links = [link for link in [*LINKS, *extra_links]
             if {ref[0] for ref in (link.whole, *link.parts)} <= keys]
    try:
        return disclosure.protect_report(built, links)
    except disclosure.UnprotectableReport:
        # The marks themselves would give a count away: publish no count at all rather
        # than one too many (docs/disclosure.md, "Merge categories or leave the table out").
        return {key: _all_hidden(table) for key, table in built.items()}


def _value(cell_display: str, count: int, exact: bool) -> int | str:
    return count if exact or cell_display == str(count) else cell_display


def _rows(table: disclosure.Table, exact: bool) -> list[Row]:
    rows = []
    for cell in table.cells:
        rows.append(Row(cell.label, "count", _value(cell.display, cell.count, exact)))
        if cell.percent is not None:
            rows.append(Row(cell.label, "percentage", cell.percent))
    if table.with_total and table.cells:
        rows.append(Row(TOTAL, "count", _value(table.total_display, table.total, exact)))
    return rows


def _metric(value, base: disclosure.Cell, exact: bool):
    """A median or mean is shown only beside a shown base of at least 10 persons."""
    if exact or (not base.hidden and base.count >= disclosure.THRESHOLD):
        return value
    return NOT_SHOWN


@translation.override("nl")  # labels are Dutch and disclosure links name them, whatever the
# language of the request or task that builds the report (an English page must not break it)
def report_build(*, municipality, period, exact: bool = False,
                 progress: Callable[[int], None] | None = None) -> Report:
    """Return the report of ``municipality`` over ``period``: publishable (disclosure-
    controlled) unless ``exact``. ``progress`` is called with a percentage as parts finish."""
    step = progress or (lambda _percent: None)
    municipality.__dict__.pop("_ombuds_has_tombstones", None)  # asked anew per report
    today = timezone.localdate()
    counts = _volumes(municipality, period)
    step(30)
    counts += _closures(municipality, period) + _referrals(municipality, period)
    step(45)
    register, register_pairs, register_kind = _complaints(municipality, period)
    counts += _deadlines(municipality, period, today) + register
    n_closed, median, p90 = _lead_time(municipality, period)
    step(55)
    survey = _survey(municipality, period)
    answers = [("ja", "Ja"), ("deels", "Een beetje"), ("nee", "Nee")]
    counts += [
        _Counts("felt_heard", "Tevredenheid: voelde u zich gehoord?",
                [(label, survey[f"felt_heard_{code}"]) for code, label in answers]),
        _Counts("problem_solved", "Tevredenheid: is uw probleem opgelost?",
                [(label, survey[f"problem_solved_{code}"]) for code, label in answers]),
        _Counts("lead_time", "Doorlooptijd van afgesloten zaken", [(CLOSED, n_closed)],
                with_total=False),
        _Counts("satisfaction", "Tevredenheid: cijfer", [(ANSWERS, survey["n"])],
                with_total=False),
    ]
    pilot_years, pilot = _pilot(municipality, period)
    outcome_labels = {label for label, _n in next(c for c in counts if c.key == "outcome").counts}
    step(65)
    links = [*(_pilot_links(outcome_labels) if pilot else ()),
             *_register_links(counts, register_pairs, register_kind)]
    protected = protect_tables(counts + pilot, exact, links)
    step(80)
    tables = []
    if pilot:
        shown = {}
        for item in pilot:
            for cell in protected[item.key].cells:
                shown[(item.key.removesuffix("_before"), cell.label)] = _value(
                    cell.display, cell.count, exact)
        rows = []
        for year in map(str, pilot_years):
            rows += [Row(year, "objections", shown.get(("pilot_objections", year))),
                     Row(year, "mediated", shown.get(("pilot_mediated", year))),
                     Row(year, "procedure_avoided", shown.get(("pilot_avoided", year)))]
        pilot_table = ReportTable("pilot", "Pilotevaluatie", rows, chart=False, note=PILOT_NOTE)
    for item in counts:
        table = protected[item.key]
        rows = _rows(table, exact)
        if item.key == "lead_time":
            rows += [Row("Doorlooptijd", "median_days", _metric(median, table.cells[0], exact)),
                     Row("Doorlooptijd", "p90_days", _metric(p90, table.cells[0], exact))]
        elif item.key == "satisfaction":
            grade = None if survey["grade"] is None else round(survey["grade"], 1)
            rows.append(Row("Cijfer", "mean_grade", _metric(grade, table.cells[0], exact)))
        tables.append(ReportTable(item.key, item.title, rows, note=item.note,
                                  chart=item.key not in ("lead_time", "satisfaction",
                                                         "complaint_open")))
    if pilot:
        tables.append(pilot_table)
    step(90)

    # Signals and recommendations are about organisations, not persons: exact numbers.
    for key, title, measure, name in [
        ("signals", "Signalen per stand van zaken", "signals", "signal_counts"),
        ("recommendations", "Aanbevelingen: overgenomen?", "recommendations",
         "recommendation_counts"),
    ]:
        items = _optional_counts(name, municipality, period)
        if items is not None:
            tables.append(ReportTable(key, title, [Row(label, measure, n) for label, n in items],
                                      chart=False))
    step(100)
    return Report(municipality=municipality, period=period, exact=exact, tables=tables)


# --- the annual complaint register (Awb 9:12a) -----------------------------------------------

#: How a written complaint ended, in the order of the register: ``Complaint.outcome``, which
#: the workflow sets in the same transaction as the case's closure ("" while it is open).
REGISTER = [
    ("gegrond", "Oordeel: gegrond"), ("deels_gegrond", "Oordeel: deels gegrond"),
    ("ongegrond", "Oordeel: ongegrond"), ("geen_oordeel", "Oordeel: geen oordeel"),
    ("niet_behandeld", "Niet behandeld (Awb 9:8)"),
    ("informeel_opgelost", "Naar tevredenheid opgelost (Awb 9:5)"),
    ("ingetrokken", "Ingetrokken"), ("open", "Nog in behandeling"),
]
#: The ways a complaint (or a request to the ombudsfunctie, variant 6) ends, for the register
#: in the general report; a variant shows those its workflow has.
REGISTER_WAYS = {**dict(REGISTER[:-1]), "niet_ontvankelijk": "Niet ontvankelijk (Awb 9:20)",
                 "verwezen": "Verwezen"}
STILL_OPEN = REGISTER[-1][1]
RULING_LABELS = [label for code, label in REGISTER[:4]]
HANDLED = "Afgehandeld met oordeel (Awb 9:12)"
OTHER = "Overig"
RECEIVED = "Ontvangen"
REGISTER_NOTE = ("Schriftelijke klachten (Awb titel 9.1) naar het jaar van ontvangst; zonder namen "
                 "of kenmerken. De afhandeltijd is de mediaan van ontvangst tot oordeel.")
REGISTER_LINK_NOTE = ("Een klacht krijgt haar afloop bij het afsluiten van de zaak, dus telt "
                      "deze tabel hetzelfde als 'Afgesloten zaken per uitkomst' voor de klachten "
                      "die in de periode zijn ontvangen én afgesloten.")


def _register_counts(municipality, period) -> tuple[list[int], dict, dict]:
    """Per year of receipt: the written complaints per outcome ("" = still being handled,
    plus ``total``), and the median handling days."""
    from ombuds.procedures.models import Complaint
    from ombuds.records.models import TombstoneComplaint

    years = list(range(period.start.year, period.end.year + 1))
    rows: dict[int, dict] = {}
    spans: dict[int, list[float]] = {}
    # The complaints of living cases, then those of destroyed ones (their tombstone keeps the
    # complaint's outcome).
    for model in (Complaint, TombstoneComplaint):
        source = (model.objects.filter(case__municipality=municipality) if model is Complaint
                  else _tombstones(municipality, model))
        complaints = source.filter(
            kind=Complaint.Kind.COMPLAINT,
            received_on__gte=period.start, received_on__lte=period.end,
        ).order_by().annotate(year=ExtractYear("received_on"))
        for row in complaints.values("year", "outcome").annotate(n=Count("id")):
            counts = rows.setdefault(row["year"], {})
            counts[row["outcome"]] = counts.get(row["outcome"], 0) + row["n"]
            counts["total"] = counts.get("total", 0) + row["n"]
        if model is Complaint:
            handled = complaints.filter(findings_on__isnull=False)
        else:
            for year, received, found in complaints.filter(findings_on__isnull=False).values_list(
                    "year", "received_on", "findings_on"):
                spans.setdefault(year, []).append(float((found - received).days))
    if connection.vendor == "postgresql" and not spans:
        days = Func(F("findings_on"), F("received_on"), template="(%(expressions)s)",
                    arg_joiner=" - ", output_field=FloatField())
        medians = {row["year"]: row["median"] for row in
                   handled.values("year").annotate(median=Percentile(days, 0.5))}
    else:
        for year, received, found in handled.values_list("year", "received_on", "findings_on"):
            spans.setdefault(year, []).append(float((found - received).days))
        medians = {year: percentile(sorted(v), 0.5) for year, v in spans.items()}
    return years, rows, medians


@translation.override("nl")
def complaints_build(*, municipality, period, exact: bool = False,
                     progress: Callable[[int], None] | None = None) -> Report:
    """The annual complaint register (Awb 9:12a): per year of receipt, the written complaints
    received, handled with a ruling, not handled, resolved informally, withdrawn, and the median
    handling days. Publishable (disclosure-controlled) unless ``exact``."""
    municipality.__dict__.pop("_ombuds_has_tombstones", None)  # asked anew per report
    years, rows, medians = _register_counts(municipality, period)
    counts, links = [], []
    for year in years:
        row = rows.get(year, {})
        total = row.get("total", 0)
        ended = [(label, row.get(code, 0)) for code, label in REGISTER if code != "open"]
        ended.append((STILL_OPEN, row.get("", 0)))
        # An outcome outside the register (none in variants 4 and 5) is not lost: it is
        # "Overig" in the handled/other split, and the received total counts it.
        if total != sum(n for _label, n in ended):
            ended.append((OTHER, total - sum(n for _label, n in ended)))
        handled = sum(n for label, n in ended if label in RULING_LABELS)
        key, handled_key = f"register_{year}", f"register_{year}_handled"
        counts += [_Counts(key, str(year), ended),
                   _Counts(handled_key, str(year), [(HANDLED, handled), (OTHER, total - handled)])]
        links += [*disclosure.same_total(key, handled_key),
                  disclosure.Link((handled_key, HANDLED),
                                  tuple((key, label) for label in RULING_LABELS))]
    protected = protect_tables(counts, exact, links)
    table_rows = []
    for year in years:
        main, handled = protected[f"register_{year}"], protected[f"register_{year}_handled"]
        category = str(year)
        table_rows.append(Row(category, RECEIVED, _value(main.total_display, main.total, exact)))
        base = handled.cells[0]
        table_rows.append(Row(category, HANDLED, _value(base.display, base.count, exact)))
        for cell in main.cells:
            table_rows.append(Row(category, cell.label, _value(cell.display, cell.count, exact)))
        median = medians.get(year)
        table_rows.append(Row(category, "Mediane afhandeltijd (dagen)",
                              _metric(None if median is None else round(median, 1), base, exact)))
    if progress:
        progress(100)
    table = ReportTable("complaint_register", "Klachtenregister (Awb 9:12a)", table_rows,
                        chart=False, note=REGISTER_NOTE)
    return Report(municipality=municipality, period=period, exact=exact, tables=[table],
                  title="Klachtenregister")
