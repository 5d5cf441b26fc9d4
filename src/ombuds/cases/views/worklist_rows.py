"""The rows of the worklist table, read as values and built in Python.

A worklist page shows 50 rows of nine cells. In the template that was some thirty tags,
filters and lookups per row (a ``{% url %}``, two ``date`` filters, ``get_channel_display``
with its lazy labels), the largest part of the page's time; building a ``Case`` with its
municipality and handler per row was the next. Here a row is read as a tuple of the columns
it shows (``WorklistCase``) and becomes two strings of markup, the same as the template gave;
the template keeps the table around them and the deadline cell, which the ``procedures`` app
renders (``{% worklist_deadline %}`` reads the ``next_deadline_*`` columns and
``municipality.office_id``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from typing import NamedTuple
from urllib.parse import quote

from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.safestring import SafeString, mark_safe

from ombuds.cases.models import Channel

#: The columns a row shows, in ``WorklistCase``'s order (the handler's three make its name).
COLUMNS = (
    "reference", "title", "status", "channel", "urgency", "opened_at", "workflow_id",
    "next_deadline_end", "next_deadline_raw_end", "next_deadline_name",
    "next_legal_end", "next_legal_raw_end", "next_legal_name",
    "municipality__name", "municipality__office_id",
    "assignee_id", "assignee__first_name", "assignee__last_name", "assignee__username",
)
#: Between two cells: the indentation the template has.
CELL_BREAK = "\n            "
URGENCY_LABELS = {"spoed": "Spoed", "hoog": "Hoog"}
_PLACEHOLDER = "ZAAKNUMMER"


class Place(NamedTuple):
    """A case's municipality as a row needs it."""

    name: str
    office_id: int


class WorklistCase(NamedTuple):
    """A case as a worklist row shows it."""

    reference: str
    title: str
    status: str
    channel: str
    urgency: str
    opened_at: datetime
    workflow_id: int
    next_deadline_end: date | None
    next_deadline_raw_end: date | None
    next_deadline_name: str
    next_legal_end: date | None
    next_legal_raw_end: date | None
    next_legal_name: str
    municipality: Place
    #: The handler's display name (``User.display_name``); ``None`` when nobody is assigned.
    assignee_name: str | None


def worklist_cases(values: Iterable[tuple]) -> list[WorklistCase]:
    """Return the cases of ``queryset.values_list(*COLUMNS)`` rows."""
    places: dict[tuple, Place] = {}
    cases = []
    for *columns, municipality, office_id, assignee_id, first, last, username in values:
        place = places.get((municipality, office_id))
        if place is None:
            place = places[(municipality, office_id)] = Place(municipality, office_id)
        name = None if assignee_id is None else (f"{first} {last}".strip() or username)
        cases.append(WorklistCase(*columns, place, name))
    return cases


@dataclass(frozen=True)
class Row:
    case: WorklistCase
    #: The reference, title and municipality cells (before the deadline cell).
    head: SafeString
    #: The status, channel, urgency, handler and opening date cells (after it).
    tail: SafeString


def _cell(content) -> str:
    return f'<td class="utrecht-table__cell">{content}</td>'


def _detail_href(template: str, reference: str) -> str:
    # As ``reverse`` quotes an argument (the reference is letters, digits and dashes).
    return template.replace(_PLACEHOLDER, quote(reference, safe="!$&'()*+,;=/~:@"))


def worklist_rows(cases: list[WorklistCase], status_labels: dict[int, dict[str, str]]) -> list[Row]:
    """Return the table rows of ``cases``; ``status_labels`` has the labels of their process
    variants (``queries.status_labels``).

    Every text is escaped as the template did (``html.escape``, which Django's ``escape``
    calls, without its lazy-string wrapper: these are plain strings from the database).
    """
    href_template = iri_to_uri(reverse("cases:detail", args=[_PLACEHOLDER]))
    channels = {value: str(label) for value, label in Channel.choices}
    zone = timezone.get_current_timezone()
    rows = []
    for case in cases:
        head = CELL_BREAK.join((
            '<th scope="row" class="utrecht-table__header-cell"><a class="utrecht-link" '
            f'href="{escape(_detail_href(href_template, case.reference))}">'
            f'{escape(case.reference)}</a></th>',
            _cell(escape(case.title)),
            _cell(escape(case.municipality.name)),
        ))
        handler = (escape(case.assignee_name) if case.assignee_name is not None
                   else '<span class="ombuds-muted">Niemand</span>')
        opened = case.opened_at.astimezone(zone)  # as the date filter shows it: local time
        tail = CELL_BREAK.join((
            _cell(escape(status_labels[case.workflow_id][case.status])),
            _cell(escape(channels.get(case.channel, case.channel))),
            _cell(f'<span class="ombuds-badge ombuds-badge--{escape(case.urgency)}">'
                  f'{URGENCY_LABELS.get(case.urgency, "Normaal")}</span>'),
            _cell(handler),
            _cell(f'<time datetime="{opened.isoformat()}">'
                  f'{opened.day}-{opened.month}-{opened.year:04d}</time>'),
        ))
        rows.append(Row(case, mark_safe(head), mark_safe(tail)))  # noqa: S308 - escaped above
    return rows
