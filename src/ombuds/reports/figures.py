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

from ombuds.domain import disclosure, grain
from ombuds.domain.grain import CATEGORIES, MONTHS

TOTAL = "Totaal"
#: Shown instead of a median, percentile or mean that rests on fewer than 10 persons.
NOT_SHOWN = disclosure.SUPPRESSED
MEASURE_LABELS = {
    "count": "Aantal", "percentage": "Aandeel (%)", "median_days": "Mediaan (dagen)",
    "p90_days": "90e percentiel (dagen)", "mean_grade": "Gemiddeld cijfer",
    "signals": "Signalen", "recommendations": "Aanbevelingen",
    "objections": "Bezwaarschriften sociaal domein", "mediated": "Opgelost door bemiddeling",
    "procedure_avoided": "Formele procedure voorkomen",
    "median_working_days": "Mediaan (werkdagen)", "p90_working_days": "90e percentiel (werkdagen)",
    "hours": "Uren in totaal", "median_minutes": "Mediaan per zaak (minuten)",
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


@dataclass(frozen=True)
class KeyFigure:
    """A figure on the first page ("Nieuwe aanvragen: 31"); ``value`` as published."""

    label: str
    value: str
    #: A short explanation beside it ("2025: 24", "van de 40 afgesloten zaken").
    detail: str = ""


@dataclass
class Report:
    municipality: object
    period: object
    exact: bool
    tables: list[ReportTable] = field(default_factory=list)
    title: str = "Rapportage"
    generated_at: dt.datetime = field(default_factory=timezone.now)
    #: The handful of figures for the first page (``key_figures``).
    key_figures: list[KeyFigure] = field(default_factory=list)
    #: One Dutch sentence per table the publishable version left out because it could not be
    #: shown at any grain ("Nieuwe zaken per thema: te weinig zaken om te tonen.").
    omitted: list[str] = field(default_factory=list)
    #: The total of every table of person counts as published (``None`` when hidden),
    #: including tables left out: "Nieuwe aanvragen: 26" can be a key figure when no table
    #: per channel or per month can be shown.
    totals: dict = field(default_factory=dict)
    #: The signals of the period with their recommendations, as published
    #: (``signals.publication.SignalItem``): only those marked publishable, with their public
    #: texts, in a publishable report.
    signals: list = field(default_factory=list)
    #: Recommendations made in a case's report (variant 6) in the period, as published
    #: (``signals.publication.RecommendationItem``).
    recommendations: list = field(default_factory=list)
    #: A regional report: the office, and each municipality's own part (a ``Report`` each).
    office: object = None
    parts: list = field(default_factory=list)

    def rows(self):
        """Yield ``(table, category, measure, value)`` for every figure: the tidy CSV."""
        for table in self.tables:
            for row in table.rows:
                yield (table.key, *row)

    def table(self, key: str) -> ReportTable:
        return next(t for t in self.tables if t.key == key)


#: A table of person counts before disclosure control, with the ways it may be coarsened
#: (``domain.grain``): ``shape=MONTHS`` (ISO month labels), ``CATEGORIES`` or ``FIXED``.
_Counts = grain.Piece


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
        _Counts("opened_per_month", "Nieuwe zaken per maand", tuple(
            (f"{m.year}-{m.month:02}", per_month.get((m.year, m.month), 0))
            for m in period.months()
        ), shape=MONTHS),
        _Counts("channel", "Nieuwe zaken per kanaal",
                tuple((str(label), channels.get(code, 0)) for code, label in Channel.choices),
                shape=CATEGORIES),
        _Counts("domain", "Nieuwe zaken per domein", tuple(sorted(domains.items())),
                with_total=False, note=overlap.format("domein"), shape=CATEGORIES,
                data_rows=True),
        _Counts("theme", "Nieuwe zaken per thema", tuple(sorted(themes.items())),
                with_total=False, note=overlap.format("thema"), shape=CATEGORIES,
                data_rows=True),
        _Counts("party", "Nieuwe zaken per betrokken organisatie", tuple(sorted(parties.items())),
                with_total=False, note=overlap.format("organisatie"), shape=CATEGORIES,
                data_rows=True),
        _Counts("variant", "Nieuwe zaken per procesvariant",
                tuple((f"Variant {variant}", n) for variant, n in sorted(variants.items())),
                shape=CATEGORIES, data_rows=True),
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
    # Every way the municipality's variant can end is a row, zeros included: which rows a
    # table has must not depend on the data (a row missing here but present in the complaint
    # register would tell that its count is 0).
    outcomes: dict[str, int] = dict.fromkeys(
        (o.label for o in municipality.workflow.workflow.outcomes), 0)
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
        _Counts("outcome", "Afgesloten zaken per uitkomst", tuple(sorted(outcomes.items())),
                shape=CATEGORIES),
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
                    tuple((str(label), routes.get(code, 0)) for code, label in Route.choices),
                    with_total=False, note="Een zaak kan naar meer dan één route verwijzen.",
                    shape=CATEGORIES)]


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
    # The totals too, but only where every way a case can end is a way a complaint ends (a
    # variant without mediation outcomes): otherwise an equal sum is a coincidence of the
    # data, not a relation, and declaring it could pin the mediation outcomes at 0.
    if (sum(outcomes.values()) == sum(register.values())
            and set(outcomes) <= {label for _, label in pairs}):
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

    # A variant without mediation outcomes (6) has nothing resolved by mediation: no table
    # (a table of structural zeros would be pinned by the regional sum).
    from ombuds.domain.variants import PARTLY, RESOLVED

    mediates = {o.code for o in municipality.workflow.workflow.outcomes} & {RESOLVED.code,
                                                                             PARTLY.code}
    tables = [counts("pilot_objections", "Bezwaarschriften", "objections", all_years),
              *([counts("pilot_mediated", "Opgelost door bemiddeling", "mediated", years)]
                if mediates else []),
              counts("pilot_avoided", "Formele procedure voorkomen", "avoided", years)]
    if before:
        tables += [*([counts("pilot_mediated_before", "", "mediated", before)]
                     if mediates else []),
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


def _lead_time(municipalities, period) -> tuple[int, float | None, float | None]:
    """Return how many cases of ``municipalities`` (one, or the office's for the regional
    report) closed in the period and the median and 90th percentile of their lead time in
    days."""
    from ombuds.cases.models import Case
    from ombuds.records.models import Tombstone

    municipalities = _as_list(municipalities)
    start, end = _bounds(period)
    closed = Case.objects.filter(municipality__in=municipalities, closed_at__gte=start,
                                 closed_at__lt=end).order_by()
    destroyed = any(_has_tombstones(m) for m in municipalities)
    gone = Tombstone.objects.filter(municipality__in=municipalities, closed_at__gte=start,
                                    closed_at__lt=end).order_by()
    if not destroyed:
        gone = gone.none()
    if connection.vendor == "postgresql" and not destroyed:
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


def _as_list(municipalities) -> list:
    return list(municipalities) if isinstance(municipalities, list | tuple) else [municipalities]


def _survey(municipalities, period) -> dict:
    from ombuds.mediation.models import SurveyResponse

    answers = SurveyResponse.Answer
    counts = {f"{q}_{a.value}": Count("id", filter=Q(**{q: a.value}))
              for q in ("felt_heard", "problem_solved") for a in answers}
    return SurveyResponse.objects.filter(
        municipality__in=_as_list(municipalities),
        closed_month__gte=period.start.replace(day=1),
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


def _optional_counts(name: str, municipalities, period) -> list[tuple[str, int]] | None:
    """The signals app's counts (``signal_counts``, ``recommendation_counts``) with Dutch
    labels, or ``None`` while that app does not offer them."""
    try:
        from ombuds.signals import selectors
    except ImportError:
        return None
    function = getattr(selectors, name, None)
    if function is None:
        return None
    result = function([m.pk for m in _as_list(municipalities)], period=period)
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


# --- one report's figures, then as published -------------------------------------------------

#: How many whole years before the period "Nieuwe zaken per jaar" sets beside it.
HISTORY_YEARS = 3
REGION = "regio"


@dataclass
class _Figures:
    """One report's figures before disclosure control: the tables of person counts, how they
    hang together, and the measures that rest on them (a median needs its base)."""

    pieces: list[_Counts]
    links: list[disclosure.Link]
    lead: tuple[int, float | None, float | None]
    survey: dict
    pilot_years: list[int]
    #: Per stage, the median and 90th percentile working days (``measures.stage_times``).
    stages: dict = field(default_factory=dict)
    #: Minutes spent in all and the median per case (``measures.time_spent``).
    time_spent: tuple = (0, None)


def _history(municipality, period) -> _Counts | None:
    """New cases per year: the period's years beside up to ``HISTORY_YEARS`` years before it
    (whole years only; years before the first case are not shown as 0)."""
    from ombuds.cases.models import Case

    years = whole_years(period)
    if years is None:
        return None
    tz = timezone.get_current_timezone()
    first = years[0] - HISTORY_YEARS
    per_year: dict[int, int] = {}
    for qs in (Case.objects.filter(municipality=municipality), _tombstones(municipality)):
        for row in qs.filter(
            opened_at__gte=dt.datetime(first, 1, 1, tzinfo=tz),
            opened_at__lt=dt.datetime(years[-1] + 1, 1, 1, tzinfo=tz),
        ).order_by().annotate(year=ExtractYear("opened_at", tzinfo=tz)).values("year").annotate(
                n=Count("id")):
            per_year[row["year"]] = per_year.get(row["year"], 0) + row["n"]
    # A single year is still built (the regional sum needs every member's), but not shown.
    shown = list(range(max(first, min(per_year, default=years[0])), years[-1] + 1))
    return _Counts("opened_per_year", "Nieuwe zaken per jaar",
                   tuple((str(y), per_year.get(y, 0)) for y in shown), with_total=False,
                   note="De jaren naast elkaar, zodat te zien is of het meer of minder wordt.")


def _figures(municipality, period, today: dt.date) -> _Figures:
    """All the counts of one municipality's report (a fixed number of queries)."""
    municipality.__dict__.pop("_ombuds_has_tombstones", None)  # asked anew per report
    counts = _volumes(municipality, period)
    history = _history(municipality, period)
    if history is not None:
        counts.insert(1, history)
    counts += _closures(municipality, period) + _referrals(municipality, period)
    register, register_pairs, register_kind = _complaints(municipality, period)
    counts += _deadlines(municipality, period, today) + register
    lead = _lead_time(municipality, period)
    survey = _survey(municipality, period)
    counts += _survey_counts(lead[0], survey)
    pilot_years, pilot = _pilot(municipality, period)
    outcome_labels = {label for label, _n in next(c for c in counts if c.key == "outcome").counts}
    extra, extra_links, stages, spent = _measures(municipality, period, today, counts)
    links = [*LINKS, *_history_links(history, period),
             *(_pilot_links(outcome_labels) if pilot else ()),
             *_register_links(counts, register_pairs, register_kind), *extra_links]
    return _Figures(counts + extra + pilot, links, lead, survey, pilot_years, stages, spent)


def _measures(municipality, period, today, counts):
    """The figures real ombudsmen publish (``measures``): how requests were handled, terms
    met per procedure, working days per stage, time spent; with how they hang together
    with the other tables (declared where the relation holds)."""
    from ombuds.reports import measures

    tables = {c.key: dict(c.counts) for c in counts}
    pieces = [_Counts("handling", "Afgesloten zaken naar wijze van afhandeling",
                      tuple(measures.handling(municipality, period)), shape=CATEGORIES,
                      data_rows=True)]
    links = disclosure.same_total("outcome", "handling")
    legal, promise = [], None
    for kind, label, rows in measures.terms_by_procedure(municipality, period, today):
        key = f"terms_{kind}"
        pieces.append(_Counts(key, f"Termijn gehaald: {label}", tuple(rows)))
        if kind == "eerste_contact":
            promise = key
        else:
            legal.append(key)
    # The terms per procedure add up to the terms in "Wettelijke termijnen…" and the promise
    # is "Belofte eerste contact…" again: a reader can subtract, so say so.
    per_key = {p.key: dict(p.counts) for p in pieces}
    for total_key, parts, pairs in [
        ("deadlines", legal, [("Op tijd gehaald", "Op tijd"), ("Te laat", "Te laat"),
                              ("Verstreken zonder handeling", "Verstreken")]),
        ("first_contact", [promise] if promise else [],
         [("Op tijd contact", "Op tijd"), ("Te laat contact", "Te laat"),
          ("Nog geen contact, belofte verlopen", "Verstreken")]),
    ]:
        for whole, part in pairs:
            if parts and tables[total_key].get(whole) == sum(per_key[k].get(part, 0)
                                                             for k in parts):
                links.append(disclosure.Link((total_key, whole),
                                             tuple((k, part) for k in parts)))
    stage_rows = measures.stage_times(municipality, period)
    pieces.append(_Counts("stage_days", "Werkdagen per fase (afgesloten zaken)",
                          tuple((label, n) for label, n, _m, _p in stage_rows), with_total=False,
                          note="Werkdagen: zonder weekenden en feestdagen (Algemene "
                               "termijnenwet). Een mediaan of percentiel over minder dan 10 "
                               "zaken staat er als x."))
    whole_stage = [label for label, *_ in stage_rows][-1:]
    if whole_stage and dict(pieces[-1].counts)[whole_stage[0]] == sum(tables["outcome"].values()):
        links.append(disclosure.Link(("stage_days", whole_stage[0]), (("outcome", None),)))
    n, minutes, median = measures.time_spent(municipality, period)
    pieces.append(_Counts("time_spent", "Bestede tijd (afgesloten zaken)", ((TIME_SPENT, n),),
                          with_total=False))
    stages = {label: (median_, p90) for label, _n, median_, p90 in stage_rows}
    return pieces, links, stages, (minutes, median)


def _survey_counts(n_closed: int, survey: dict) -> list[_Counts]:
    answers = [("ja", "Ja"), ("deels", "Een beetje"), ("nee", "Nee")]
    return [
        _Counts("felt_heard", "Tevredenheid: voelde u zich gehoord?",
                tuple((label, survey[f"felt_heard_{code}"]) for code, label in answers)),
        _Counts("problem_solved", "Tevredenheid: is uw probleem opgelost?",
                tuple((label, survey[f"problem_solved_{code}"]) for code, label in answers)),
        _Counts("lead_time", "Doorlooptijd van afgesloten zaken", ((CLOSED, n_closed),),
                with_total=False),
        _Counts("satisfaction", "Tevredenheid: cijfer", ((ANSWERS, survey["n"]),),
                with_total=False),
    ]


def _history_links(history: _Counts | None, period) -> list[disclosure.Link]:
    """The period's years of "Nieuwe zaken per jaar" add up to the cases opened."""
    if history is None:
        return []
    return [disclosure.Link(("opened_per_month", None),
                            tuple(("opened_per_year", str(y)) for y in whole_years(period)))]


def _region_figures(members: list, family: dict[str, _Figures], period) -> _Figures:
    """The regional report's own measures (a median is not a sum of medians) and the
    relations that hold for sums. The counts are the members' added up (``grain``)."""
    lead = _lead_time(members, period)
    survey = _survey(members, period)
    pieces = list(grain.regional({code: f.pieces for code, f in family.items()}).values())
    outcome = dict(next(p for p in pieces if p.key == "outcome").counts)
    has = {p.key for p in pieces}
    history = next((p for p in pieces if p.key == "opened_per_year"), None)
    links = [*LINKS, *_history_links(history, period),
             *(_pilot_links(set(outcome)) if "pilot_mediated" in has else ())]
    years = sorted({y for f in family.values() for y in f.pilot_years})
    # Working days per stage are medians per municipality: the region shows the numbers of
    # cases, not a median of medians. Time spent adds up.
    spent = (sum(f.time_spent[0] for f in family.values()), None)
    return _Figures(pieces, links, lead, survey, years, {}, spent)


def _members(municipality) -> list:
    """The municipalities whose reports of one period a reader can set side by side: those of
    the same office (the regional report is their sum)."""
    from ombuds.core.models import Municipality

    return list(Municipality.objects.filter(office_id=municipality.office_id)
                .select_related("office", "workflow").order_by("name"))


def _publish(members: list, period, today: dt.date, step) -> tuple[dict, dict[str, grain.Part]]:
    """Every report of the office for ``period`` protected together: each municipality's and
    (with two or more) the regional one, under ``REGION``."""
    family = {}
    for i, member in enumerate(members):
        family[member.cbs_code] = _figures(member, period, today)
        step(10 + 50 * (i + 1) // len(members))
    links = {code: f.links for code, f in family.items()}
    region = None
    if len(members) > 1:
        region = REGION
        family[REGION] = _region_figures(members, family, period)
        links[REGION] = family[REGION].links
    pieces = {code: f.pieces for code, f in family.items() if code != REGION}
    parts = grain.publish(pieces, links, region=region)
    step(75)
    return family, parts


TIME_SPENT = "Zaken met vastgelegde tijd"
PILOT_KEYS = ("pilot_objections", "pilot_mediated", "pilot_avoided", "pilot_mediated_before",
              "pilot_avoided_before")
NO_CHART = ("lead_time", "satisfaction", "complaint_open", "opened_per_year", "stage_days",
            "time_spent")


def _totals(figures: _Figures, part: grain.Part | None) -> dict[str, int | None]:
    """Per table, its total as published (``None``: hidden or no total)."""
    if part is None:
        return {p.key: sum(n for _, n in p.counts) for p in figures.pieces if p.with_total}
    return {key: (None if t.total_hidden else t.total)
            for key, t in part.tables.items() if t.with_total}


def _assemble(figures: _Figures, part: grain.Part | None,
              exact: bool) -> tuple[list[ReportTable], list[str]]:
    """The tables of one report as rows, and the sentences about tables left out. ``part`` is
    the report as published (``None``: the exact version)."""
    if part is None:
        pieces = {p.key: grain.reshape(p, grain.Choice())[0] for p in figures.pieces}
        protected = {key: disclosure.exact(p.counts, with_total=p.with_total)
                     for key, p in pieces.items()}
        gone: dict[str, str] = {}
    else:
        pieces, protected, gone = part.pieces, part.tables, dict(part.omitted)
    n_closed, median, p90 = figures.lead
    survey = figures.survey
    tables, omitted = [], []
    for key, piece in pieces.items():
        if key in PILOT_KEYS:
            continue
        if key in gone:
            omitted.append(gone[key])
            continue
        table = protected[key]
        if key == "opened_per_year" and len(table.cells) < 2:
            continue  # nothing to set side by side
        rows = _rows(table, exact)
        if key == "lead_time":
            rows += [Row("Doorlooptijd", "median_days", _metric(median, table.cells[0], exact)),
                     Row("Doorlooptijd", "p90_days", _metric(p90, table.cells[0], exact))]
        elif key == "satisfaction":
            grade = None if survey["grade"] is None else round(survey["grade"], 1)
            rows.append(Row("Cijfer", "mean_grade", _metric(grade, table.cells[0], exact)))
        elif key == "stage_days":
            for cell in table.cells:
                median, p90 = figures.stages.get(cell.label, (None, None))
                rows += [Row(cell.label, "median_working_days", _metric(median, cell, exact)),
                         Row(cell.label, "p90_working_days", _metric(p90, cell, exact))]
        elif key == "time_spent":
            total, median = figures.time_spent
            rows += [Row(TIME_SPENT, "hours", _metric(round(total / 60, 1), table.cells[0], exact)),
                     Row(TIME_SPENT, "median_minutes", _metric(median, table.cells[0], exact))]
        tables.append(ReportTable(key, piece.title, rows, note=piece.note,
                                  chart=key not in NO_CHART))
    if "pilot_objections" in pieces:
        shown = {}
        for key in PILOT_KEYS:
            if key in pieces:
                for cell in protected[key].cells:
                    shown[(key.removesuffix("_before"), cell.label)] = _value(
                        cell.display, cell.count, exact)
        rows = []
        for year in map(str, figures.pilot_years):
            rows += [Row(year, "objections", shown.get(("pilot_objections", year))),
                     Row(year, "mediated", shown.get(("pilot_mediated", year))),
                     Row(year, "procedure_avoided", shown.get(("pilot_avoided", year)))]
        if exact or any(isinstance(row.value, int) for row in rows):
            tables.append(ReportTable("pilot", "Pilotevaluatie", rows, chart=False,
                                      note=PILOT_NOTE))
        else:
            omitted.append("‘Pilotevaluatie’: te weinig zaken om te tonen.")
    return tables, omitted


def _signal_tables(municipalities, period) -> list[ReportTable]:
    """Signals and recommendations are about organisations, not persons: exact numbers."""
    tables = []
    for key, title, measure, name in [
        ("signals", "Signalen per stand van zaken", "signals", "signal_counts"),
        ("recommendations", "Aanbevelingen: overgenomen?", "recommendations",
         "recommendation_counts"),
    ]:
        items = _optional_counts(name, municipalities, period)
        if items is not None:
            tables.append(ReportTable(key, title, [Row(label, measure, n) for label, n in items],
                                      chart=False))
    return tables


def _content(report: Report, municipalities, period) -> None:
    """The signals and recommendations of the period, with their texts as published."""
    try:
        from ombuds.signals import publication
    except ImportError:  # pragma: no cover - the signals app always has it
        return
    ids = [m.pk for m in _as_list(municipalities)]
    report.signals = publication.report_items(ids, period, publishable_only=not report.exact)
    report.recommendations = publication.case_recommendation_items(
        ids, period, publishable_only=not report.exact)


def _number(value) -> str:
    return f"{value:.1f}".replace(".", ",") if isinstance(value, float) else str(value)


def key_figures(report: Report) -> list[KeyFigure]:
    """The handful of figures for the first page, from the tables as published: a figure that
    is hidden, or a table left out, gives no key figure."""
    values = {(t.key, row.category, row.measure): row.value
              for t in report.tables for row in t.rows}

    def shown(key, category, measure="count"):
        value = values.get((key, category, measure))
        return value if isinstance(value, int | float) and not isinstance(value, bool) else None

    figures = []
    opened = report.totals.get("channel")
    if opened is not None:
        year = report.period.start.year
        before = shown("opened_per_year", str(year - 1))
        figures.append(KeyFigure("Nieuwe aanvragen", str(opened),
                                 f"{year - 1}: {before}" if before is not None
                                 and whole_years(report.period) == [year] else ""))
    closed = report.totals.get("outcome")
    if closed is not None:
        figures.append(KeyFigure("Afgesloten zaken", str(closed)))
    avoided = shown("procedure_avoided", "Ja")
    if avoided is not None:
        figures.append(KeyFigure("Formele procedure voorkomen", str(avoided),
                                 f"van de {closed} afgesloten zaken" if closed else ""))
    on_time, terms = shown("deadlines", "Op tijd gehaald"), shown("deadlines", TOTAL)
    if on_time is not None and terms is not None:
        figures.append(KeyFigure("Wettelijke termijnen op tijd", str(on_time),
                                 f"van de {terms} die in deze periode eindigden"))
    contact = shown("first_contact", "Op tijd contact")
    if contact is not None:
        promised = report.totals.get("first_contact")
        days = shown("stage_days", "Van aanmelding tot eerste contact", "median_working_days")
        figures.append(KeyFigure(
            "Op tijd eerste contact", str(contact),
            ", ".join(filter(None, [f"van de {promised} beloften" if promised else "",
                                    f"mediaan {_number(days)} werkdagen" if days is not None
                                    else ""]))))
    median = shown("lead_time", "Doorlooptijd", "median_days")
    if median is not None:
        p90 = shown("lead_time", "Doorlooptijd", "p90_days")
        figures.append(KeyFigure("Doorlooptijd (mediaan)", f"{_number(median)} dagen",
                                 f"9 op de 10 zaken binnen {_number(p90)} dagen"
                                 if p90 is not None else ""))
    grade = shown("satisfaction", "Cijfer", "mean_grade")
    if grade is not None:
        figures.append(KeyFigure("Tevredenheid", _number(grade),
                                 f"gemiddeld cijfer uit {shown('satisfaction', ANSWERS)} "
                                 "antwoorden"))
    signals = [row.value for t in report.tables if t.key == "signals" for row in t.rows]
    if signals:
        adopted = [row for t in report.tables if t.key == "recommendations" for row in t.rows]
        total = sum(row.value for row in adopted)
        yes = sum(row.value for row in adopted if row.category in ("Overgenomen",
                                                                    "Deels overgenomen"))
        figures.append(KeyFigure("Signalen", str(sum(signals)),
                                 f"{yes} van de {total} aanbevelingen (deels) overgenomen"
                                 if total else ""))
    return figures


@translation.override("nl")  # labels are Dutch and disclosure links name them, whatever the
# language of the request or task that builds the report (an English page must not break it)
def report_build(*, municipality, period, exact: bool = False,
                 progress: Callable[[int], None] | None = None) -> Report:
    """Return the report of ``municipality`` over ``period``: publishable (disclosure-
    controlled) unless ``exact``. ``progress`` is called with a percentage as parts finish.

    The publishable version is protected together with the other reports of the same period
    a reader could set beside it — the other municipalities of the office and their regional
    report (``domain.grain``) — so its figures are those parts of that family show."""
    step = progress or (lambda _percent: None)
    today = timezone.localdate()
    if exact:
        figures, part = _figures(municipality, period, today), None
        step(60)
    else:
        family, parts = _publish(_members(municipality), period, today, step)
        figures, part = family[municipality.cbs_code], parts[municipality.cbs_code]
    tables, omitted = _assemble(figures, part, exact=exact)
    step(90)
    report = Report(municipality=municipality, period=period, exact=exact,
                    tables=tables + _signal_tables(municipality, period), omitted=omitted,
                    totals=_totals(figures, part))
    _content(report, municipality, period)
    report.key_figures = key_figures(report)
    step(100)
    return report


@translation.override("nl")
def regional_build(*, office, period, exact: bool = False,
                   progress: Callable[[int], None] | None = None) -> Report:
    """The report of every municipality ``office`` serves: the regional figures (their sum,
    with its own medians), then each municipality's part, all protected together."""
    step = progress or (lambda _percent: None)
    today = timezone.localdate()
    members = list(office.municipalities.select_related("office", "workflow").order_by("name"))
    if exact:
        family = {m.cbs_code: _figures(m, period, today) for m in members}
        step(60)
        family[REGION] = _region_figures(members, family, period)
        parts = dict.fromkeys(family)
    else:
        family, parts = _publish(members, period, today, step)
        if REGION not in family:  # an office of one municipality: the region is that one
            family[REGION], parts[REGION] = family[members[0].cbs_code], parts[members[0].cbs_code]
    step(90)
    tables, omitted = _assemble(family[REGION], parts[REGION], exact=exact)
    report = Report(municipality=None, period=period, exact=exact, office=office,
                    title="Regionale rapportage", tables=tables + _signal_tables(members, period),
                    omitted=omitted, totals=_totals(family[REGION], parts[REGION]))
    _content(report, members, period)
    report.key_figures = key_figures(report)
    for member in members:
        code = member.cbs_code
        tables, omitted = _assemble(family[code], parts[code], exact=exact)
        part = Report(municipality=member, period=period, exact=exact, omitted=omitted,
                      tables=tables + _signal_tables(member, period),
                      totals=_totals(family[code], parts[code]))
        part.key_figures = key_figures(part)
        report.parts.append(part)
    step(100)
    return report


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

