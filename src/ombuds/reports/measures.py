"""The figures real ombudsmen publish, counted for one municipality and one period.

How each request was handled (advice up to investigation), how often each procedure's term
was met, the working days per stage of a case and the time spent on it: the measures of the
Nationale ombudsman's annual report and the SPSO's KPIs, for a sociale ombudsfunctie.

Plain numbers only: no disclosure control and no ``Report`` here (``figures`` does both).
As in ``figures``, destroyed cases count too: their tombstone keeps the facts these measures
need (``Tombstone.handling``, ``first_contact_on``, ``minutes_spent``, set by
``records.services.case_destroy``). Each function asks a fixed number of queries whatever the
number of cases; where the law's calendar is needed (working days under the Atw) the database
returns one row of plain dates per case and one pass in Python does the arithmetic.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Count, DateTimeField, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

# The module, not its names: ``figures`` may import this one (no cycle at import time).
from ombuds.reports import figures

# --- how a request was handled -------------------------------------------------------------

#: The ways a request is handled, from the lightest to the most intensive (the order of the
#: table); each closed case counts once, under the most intensive way it was handled.
ADVICE, REFERRAL, INTERVENTION, MEDIATION, INVESTIGATION = (
    "advies", "verwijzing", "interventie", "bemiddeling", "onderzoek")
HANDLING_LABELS = {
    ADVICE: "Advies", REFERRAL: "Verwijzing", INTERVENTION: "Interventie",
    MEDIATION: "Bemiddeling", INVESTIGATION: "Onderzoek of klachtbehandeling",
}
HANDLING = list(HANDLING_LABELS.values())
#: A case destroyed before its tombstone kept how it was handled (``Tombstone.handling`` is
#: empty): counted here rather than guessed.
UNKNOWN = "Niet meer na te gaan (dossier vernietigd)"


def _handled_ids(cases) -> dict[str, set[int]]:
    """The ids among ``cases`` (a ``Case`` queryset) that show each way of handling, one
    query per way whatever the number of cases:

    - investigation: a complaint or a request to the ombudsfunctie (``procedures.Complaint``);
    - mediation: a held meeting with a party, or a party's consent to share the resident's
      information for mediation or to meet (not the consent for a warm handover, which is
      part of a referral);
    - intervention: a party was contacted without a meeting: a request through a partner
      link, a letter to a party, a consent to ask the party for information, sharing without
      consent (a vital interest), an agreement a party holds, or an invitation sent to a
      meeting that was not held;
    - referral: a ``mediation.Referral``.
    """
    from ombuds.correspondence.models import Addressee, Letter
    from ombuds.mediation.models import (
        Agreement,
        Consent,
        ConsentOverride,
        ConsentPurpose,
        Meeting,
        PartnerLink,
        Referral,
    )
    from ombuds.procedures.models import Complaint

    ids = cases.order_by().values("pk")

    def of(model, condition: Q | None = None):
        return (model.objects.filter(condition or Q(), case__in=ids).order_by()
                .values_list("case_id"))

    mediation = of(Meeting, Q(status=Meeting.Status.HELD, parties__isnull=False)).union(
        of(Consent, Q(purpose__in=(ConsentPurpose.SHARE_INFORMATION, ConsentPurpose.MEETING))))
    contact = of(PartnerLink).union(
        of(Letter, Q(party__isnull=False) | Q(addressee__in=(Addressee.PARTY,
                                                               Addressee.RESPONDENT))),
        of(Consent, Q(purpose=ConsentPurpose.ASK_INFORMATION)),
        of(ConsentOverride),
        of(Agreement, Q(party__isnull=False)),
        of(Meeting, Q(parties__isnull=False, invitations_sent_at__isnull=False)))
    return {way: {row[0] for row in qs} for way, qs in (
        (INVESTIGATION, of(Complaint)), (MEDIATION, mediation), (INTERVENTION, contact),
        (REFERRAL, of(Referral)))}


def _rank(case_id: int, found: dict[str, set[int]]) -> str:
    for way in (INVESTIGATION, MEDIATION, INTERVENTION, REFERRAL):
        if case_id in found[way]:
            return way
    return ADVICE


def case_handling(case) -> str:
    """The most intensive way ``case`` was handled (a key of ``HANDLING_LABELS``), as
    ``handling`` counts it; kept on the tombstone when the case is destroyed."""
    from ombuds.cases.models import Case

    return _rank(case.pk, _handled_ids(Case.objects.filter(pk=case.pk)))


def handling(municipality, period) -> list[tuple[str, int]]:
    """The cases closed in ``period``, each once, by the most intensive way they were handled
    (``HANDLING``, lightest first; every way listed, also at 0). A destroyed case counts by
    what its tombstone kept; one destroyed before tombstones kept it counts under
    ``UNKNOWN`` (listed only when there is one). The numbers add up to the cases closed in
    the period, as in the outcome table of ``figures``."""
    from ombuds.cases.models import Case

    start, end = figures._bounds(period)
    closed = Case.objects.filter(municipality=municipality, closed_at__gte=start,
                                 closed_at__lt=end)
    found = _handled_ids(closed)
    counts, counted = dict.fromkeys(HANDLING_LABELS, 0), set()
    for way in (INVESTIGATION, MEDIATION, INTERVENTION, REFERRAL):
        counts[way] = len(found[way] - counted)
        counted |= found[way]
    counts[ADVICE] = closed.order_by().count() - len(counted)
    unknown = 0
    gone = figures._tombstones(municipality).filter(closed_at__gte=start, closed_at__lt=end)
    for code, n in gone.values_list("handling").annotate(n=Count("id")):
        if code in counts:
            counts[code] += n
        else:
            unknown += n
    rows = [(HANDLING_LABELS[code], n) for code, n in counts.items()]
    return [*rows, (UNKNOWN, unknown)] if unknown else rows


# --- terms met, per procedure --------------------------------------------------------------

ON_TIME, LATE, MISSED = "Op tijd", "Te laat", "Verstreken"
#: The watched terms per procedure, in the order of ``procedures.DeadlineKind``: what the term
#: measures, in words a council member reads. A term of a kind not listed keeps its code.
PROCEDURES = {
    "bezwaar": "Bezwaartermijn: advies aan de inwoner op tijd",
    "beslissing_bezwaar": "Beslistermijn bezwaar van de gemeente (Awb 7:10)",
    "beroep": "Beroepstermijn (Awb 6:7)",
    "afhandeling_klacht": "Klachtbehandeling (Awb 9:11)",
    "niet_behandelen": "Bericht dat een klacht niet wordt behandeld (Awb 9:8)",
    "jaartermijn_klacht": "Jaartermijn klacht (Awb 9:8)",
    "jaartermijn_ombudsman": "Termijn voor een verzoek aan de Nationale ombudsman (Awb 9:24)",
    "klacht_gemeente": "Klachtbehandeling door de gemeente (Awb 9:11)",
    "herstel_klacht": "Hersteltermijn klaagschrift (Awb 4:5)",
    "beslistermijn_aanvraag": "Beslistermijn aanvraag of melding van de gemeente",
    "dwangsom": "Dwangsom niet tijdig beslissen (Awb 4:17)",
    "eerste_contact": "Belofte eerste contact",
}
#: Kinds that are never watched (information only): no table.
UNWATCHED = {"jaartermijn_klacht", "dwangsom"}
#: The terms of complaint handling (variants 4–6 only).
COMPLAINT_KINDS = {"afhandeling_klacht", "niet_behandelen", "jaartermijn_ombudsman",
                   "klacht_gemeente", "herstel_klacht"}
#: Variant 6 handles requests as second instance: no statute sets their term, the office
#: holds itself to that of Awb 9:11 (``procedures.planning``).
SECOND_LINE_COMPLAINT = "Behandeling verzoek (streeftermijn naar Awb 9:11)"


def terms_by_procedure(municipality, period,
                       today: dt.date) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """Per procedure the municipality's variant has, ``(kind, label, rows)``: of the watched
    terms that ended in ``period``, how many were met in time (``ON_TIME``), met after the
    end (``LATE``) and not met while the end has passed (``MISSED``, as of ``today``). A
    term still running is not yet decided and not counted. Two queries (one without
    destroyed cases)."""
    from ombuds.procedures.models import Deadline
    from ombuds.records.models import TombstoneDeadline

    states = {
        ON_TIME: Count("id", filter=Q(met_on__lte=F("end"))),
        LATE: Count("id", filter=Q(met_on__gt=F("end"))),
        MISSED: Count("id", filter=Q(met_on__isnull=True, end__lt=today)),
    }
    in_period = {"end__gte": period.start, "end__lte": period.end}
    per_kind: dict[str, dict[str, int]] = {}
    for qs in (Deadline.objects.filter(case__municipality=municipality, watched=True,
                                       **in_period).order_by(),
               # A destroyed case kept only its watched terms.
               figures._tombstones(municipality, TombstoneDeadline).filter(**in_period)):
        for row in qs.values("kind").annotate(**{f"n{i}": c for i, c in
                                                 enumerate(states.values())}):
            counts = per_kind.setdefault(row["kind"], dict.fromkeys(states, 0))
            for i, state in enumerate(states):
                counts[state] += row[f"n{i}"]
    labels = dict(PROCEDURES)
    variant = getattr(municipality.workflow, "variant", None)
    if variant == 6:
        labels["afhandeling_klacht"] = SECOND_LINE_COMPLAINT
    # Which procedures are listed follows the configuration (the variant), not the data: a
    # procedure missing from one municipality's report but present in the regional one would
    # tell its count is 0. Zeros are listed (and protected like any small count).
    listed = [kind for kind in PROCEDURES
              if kind not in UNWATCHED and (variant in (4, 5, 6) or kind not in COMPLAINT_KINDS)]
    order = [*listed, *sorted(set(per_kind) - set(listed))]
    zero = dict.fromkeys(states, 0)
    return [(kind, labels.get(kind, kind), list(per_kind.get(kind, zero).items()))
            for kind in order]


# --- working days per stage ----------------------------------------------------------------

FIRST_CONTACT = "Van aanmelding tot eerste contact"
AFTER_CONTACT = "Van eerste contact tot afsluiting"
WHOLE = "Van aanmelding tot afsluiting"


class _WorkingDays:
    """Working days between two dates (Mon–Fri minus the Atw holidays and designated days),
    counted like ``domain.deadlines.working_days_between``: the days in (start, end]. A
    running count per day of the span is built once, so each pair costs two lookups."""

    def __init__(self, first: dt.date, last: dt.date, calendar) -> None:
        self.base = first.toordinal()
        self.cumulative = [0]
        for n in range(1, (last - first).days + 1):
            day = first + dt.timedelta(days=n)
            self.cumulative.append(self.cumulative[-1] + (not calendar.is_rest_day(day)))

    def between(self, start: dt.date, end: dt.date) -> int:
        days = self.cumulative[end.toordinal() - self.base] - self.cumulative[
            start.toordinal() - self.base]
        return max(days, 0)


def _first_contact() -> Subquery:
    """The moment of the first contact with the resident on the timeline of the outer case
    (``procedures.planning.CONTACT``, the entry that meets the office's promise), on or
    before its closure."""
    from ombuds.cases.models import TimelineEntry
    from ombuds.procedures.planning import CONTACT

    return Subquery(TimelineEntry.objects.filter(CONTACT, case=OuterRef("pk"),
                                                 occurred_at__lte=OuterRef("closed_at"))
                    .order_by("occurred_at").values("occurred_at")[:1],
                    output_field=DateTimeField())


def case_first_contact(case) -> dt.date | None:
    """The local day of the first contact with the resident before ``case`` closed, as
    ``stage_times`` counts it (``None`` without one, or while the case is open); kept on the
    tombstone when the case is destroyed."""
    from ombuds.cases.models import Case

    tz = timezone.get_current_timezone()
    return (Case.objects.filter(pk=case.pk).annotate(contact=_first_contact())
            .values_list(TruncDate("contact", tzinfo=tz), flat=True).first())


def _stage_dates(municipality, period) -> list[tuple[dt.date, dt.date | None, dt.date]]:
    """``(registered, first contact or None, closed)`` as local dates, per case closed in the
    period: one query for the cases, one for the tombstones."""
    from ombuds.cases.models import Case

    tz = timezone.get_current_timezone()
    start, end = figures._bounds(period)
    living = (Case.objects.filter(municipality=municipality, closed_at__gte=start,
                                  closed_at__lt=end).order_by()
              .annotate(contact=_first_contact())
              .values_list(TruncDate("opened_at", tzinfo=tz), TruncDate("contact", tzinfo=tz),
                           TruncDate("closed_at", tzinfo=tz)))
    gone = (figures._tombstones(municipality).filter(closed_at__gte=start, closed_at__lt=end)
            .values_list(TruncDate("opened_at", tzinfo=tz), "first_contact_on",
                         TruncDate("closed_at", tzinfo=tz)))
    return [*living, *gone]


def stage_times(municipality, period) -> list[tuple[str, int, float | None, float | None]]:
    """Per stage of the cases closed in ``period`` (``FIRST_CONTACT``, ``AFTER_CONTACT``,
    ``WHOLE``): the number of cases, and the median and 90th percentile of the working days
    it took (``None`` without cases), rounded to one decimal. The stages with the first
    contact count the cases that had one before closing. Three queries (the holiday
    calendar, the cases, the tombstones)."""
    from ombuds.procedures.selectors import holiday_calendar

    rows = _stage_dates(municipality, period)
    spans: dict[str, list[int]] = {FIRST_CONTACT: [], AFTER_CONTACT: [], WHOLE: []}
    if rows:
        calendar = holiday_calendar()
        dates = [day for row in rows for day in row if day is not None]
        days = _WorkingDays(min(dates), max(dates), calendar)
        for opened, contact, closed in rows:
            spans[WHOLE].append(days.between(opened, closed))
            if contact is not None:
                spans[FIRST_CONTACT].append(days.between(opened, contact))
                spans[AFTER_CONTACT].append(days.between(contact, closed))
    result = []
    for stage, values in spans.items():
        values.sort()
        result.append((stage, len(values), _round(figures.percentile(values, 0.5)),
                       _round(figures.percentile(values, 0.9))))
    return result


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 1)


# --- time spent ----------------------------------------------------------------------------


def time_spent(municipality, period) -> tuple[int, int, float | None]:
    """The cases closed in ``period`` with the time spent on them recorded
    (``Case.minutes_spent``): their number, the total minutes and the median minutes
    (``None`` without any). On PostgreSQL without destroyed cases one aggregate
    (``percentile_cont``); otherwise the minutes are read as one ordered list."""
    from ombuds.cases.models import Case

    start, end = figures._bounds(period)
    recorded = {"closed_at__gte": start, "closed_at__lt": end, "minutes_spent__isnull": False}
    living = Case.objects.filter(municipality=municipality, **recorded).order_by()
    if connection.vendor == "postgresql" and not figures._has_tombstones(municipality):
        result = living.aggregate(n=Count("id"), total=Sum("minutes_spent"),
                                  median=figures.Percentile(F("minutes_spent"), 0.5))
        return result["n"], result["total"] or 0, _round(result["median"])
    gone = figures._tombstones(municipality).filter(**recorded)
    minutes = sorted(m for qs in (living, gone) for m in qs.values_list("minutes_spent", flat=True))
    return len(minutes), sum(minutes), _round(figures.percentile(minutes, 0.5))
