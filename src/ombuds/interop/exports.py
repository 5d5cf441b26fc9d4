"""Exports of cases and signals for the beheerder: CSV, JSON and ZGW, streamed and audited.

The beheerder maintains the installation but never opens a case (accounts/roles.py), so the
export holds no personal data and no free text that may contain it: no names, contact
details, story, wish or notes; cases by reference, dates and codes, signals by title and
dates. The fields are listed in docs/import-export.md.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator

from django.db.models import Count
from django.http import Http404, StreamingHttpResponse
from django.utils import timezone

from ombuds.accounts.roles import IMPORT_ROLES
from ombuds.cases.models import Case
from ombuds.core.audit import Action, audit_log
from ombuds.core.models import Municipality
from ombuds.interop.zgw import zaak_from_case
from ombuds.signals.models import Signal

CHUNK = 1000


def _date(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).date().isoformat()
    return value.isoformat()


#: (column, how to read it from a case) — the case export's fields, in order.
CASE_FIELDS: list[tuple[str, Callable[[Case], object]]] = [
    ("zaaknummer", lambda c: c.reference),
    ("gemeente", lambda c: c.municipality.cbs_code),
    ("gemeente_naam", lambda c: c.municipality.name),
    ("variant", lambda c: c.workflow.variant),
    ("status", lambda c: c.status),
    ("status_omschrijving", lambda c: c.status_label),
    ("uitkomst", lambda c: c.outcome),
    ("kanaal", lambda c: c.channel),
    ("urgentie", lambda c: c.urgency),
    ("geopend", lambda c: _date(c.opened_at)),
    ("gesloten", lambda c: _date(c.closed_at)),
    ("domeinen", lambda c: "|".join(sorted(d.code for d in c.domains.all()))),
    ("themas", lambda c: "|".join(sorted(t.name for t in c.themes.all()))),
    ("organisaties", lambda c: "|".join(sorted(o.organisation.name
                                                for o in c.organisations.all()))),
    ("procedure_voorkomen", lambda c: c.procedure_avoided),
    ("welke_procedure", lambda c: c.procedure_avoided_what),
    ("bestede_minuten", lambda c: c.minutes_spent if c.minutes_spent is not None else ""),
]

SIGNAL_FIELDS: list[tuple[str, Callable[[Signal], object]]] = [
    ("signaal", lambda s: s.pk),
    ("gemeente", lambda s: s.municipality.cbs_code),
    ("titel", lambda s: s.title),
    ("status", lambda s: s.status),
    ("domein", lambda s: s.domain.code if s.domain else ""),
    ("thema", lambda s: s.theme.name if s.theme else ""),
    ("organisatie", lambda s: s.organisation.name if s.organisation else ""),
    ("aantal_zaken", lambda s: s.case_count),
    ("gesignaleerd", lambda s: _date(s.raised_on)),
    ("gedeeld", lambda s: _date(s.shared_on)),
    ("beantwoord", lambda s: _date(s.answered_on)),
    ("maatregel", lambda s: _date(s.measure_on)),
    ("gecontroleerd", lambda s: _date(s.checked_on)),
    ("afgesloten", lambda s: _date(s.closed_on)),
]


def export_municipalities(user) -> list[Municipality]:
    return list(Municipality.objects.filter(pk__in=user.municipality_ids(IMPORT_ROLES)))


def export_cases(user):
    """The cases of the municipalities ``user`` administers, in reference order."""
    return (Case.objects.filter(municipality__in=export_municipalities(user))
            .select_related("municipality", "workflow")
            .prefetch_related("domains", "themes", "organisations__organisation")
            .order_by("reference"))


def export_signals(user):
    return (Signal.objects.filter(municipality__in=export_municipalities(user))
            .select_related("municipality", "domain", "theme", "organisation")
            .annotate(case_count=Count("cases")).order_by("pk"))


class _Echo:
    def write(self, value):
        return value


def csv_lines(fields, objects: Iterable) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff"  # Excel recognises UTF-8 by this mark
    yield writer.writerow([name for name, _ in fields])
    for obj in objects:
        yield writer.writerow([read(obj) for _, read in fields])


def json_lines(rows: Iterable[dict]) -> Iterator[str]:
    """A JSON array, written one object at a time so a large export never sits in memory."""
    yield "[\n"
    first = True
    for row in rows:
        yield ("" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "\n]\n"


def _response(chunks: Iterator[str], fmt: str, name: str) -> StreamingHttpResponse:
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    response = StreamingHttpResponse(chunks, content_type=content_type)
    ending = "zgw.json" if fmt == "zgw" else fmt
    response["Content-Disposition"] = f'attachment; filename="{name}.{ending}"'
    return response


def _audit(user, event: str, fmt: str, queryset) -> None:
    audit_log(user=user, action=Action.EXECUTE, event=event, role="beheerder",
              authorisation="rol beheerder",
              object_type=queryset.model._meta.label_lower,
              details={"format": fmt, "rows": queryset.count(),
                       "municipalities": sorted(m.cbs_code for m in
                                                export_municipalities(user))})


def cases_response(user, fmt: str) -> StreamingHttpResponse:
    if fmt not in ("csv", "json", "zgw"):
        raise Http404
    cases = export_cases(user)
    _audit(user, "cases.exported", fmt, cases)
    objects = cases.iterator(chunk_size=CHUNK)
    if fmt == "csv":
        return _response(csv_lines(CASE_FIELDS, objects), fmt, "zaken")
    if fmt == "zgw":
        return _response(json_lines(zaak_from_case(c) for c in objects), fmt, "zaken")
    return _response(json_lines({name: read(c) for name, read in CASE_FIELDS} for c in objects),
                     fmt, "zaken")


def signals_response(user, fmt: str) -> StreamingHttpResponse:
    if fmt not in ("csv", "json"):
        raise Http404
    signals = export_signals(user)
    _audit(user, "signals.exported", fmt, signals)
    objects = signals.iterator(chunk_size=CHUNK)
    if fmt == "csv":
        return _response(csv_lines(SIGNAL_FIELDS, objects), fmt, "signalen")
    return _response(json_lines({n: read(s) for n, read in SIGNAL_FIELDS} for s in objects),
                     fmt, "signalen")
