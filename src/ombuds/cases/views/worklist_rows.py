"""The rows of the worklist table, built in Python.

A worklist page shows 50 rows of nine cells. In the template that was some thirty tags,
filters and lookups per row (a ``{% url %}``, two ``date`` filters, ``get_channel_display``
with its lazy labels), the largest part of the page's time. Here each row is two strings of
markup, the same as the template gave; the template keeps the table around them and the
deadline cell, which the ``procedures`` app renders (``{% worklist_deadline %}``).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.safestring import SafeString, mark_safe

from ombuds.cases.models import Case, Channel

#: The columns a row shows; nothing else of the case (or its municipality and handler) is read.
ROW_FIELDS = (
    "reference", "title", "status", "channel", "urgency", "opened_at", "workflow_id",
    "next_deadline_end", "next_deadline_raw_end", "next_deadline_name",
    "municipality__name", "municipality__office_id",
    "assignee__first_name", "assignee__last_name", "assignee__username",
)
#: Between two cells: the indentation the template has.
CELL_BREAK = "\n            "
URGENCY_LABELS = {"spoed": "Spoed", "hoog": "Hoog"}
_PLACEHOLDER = "ZAAKNUMMER"


@dataclass(frozen=True)
class Row:
    case: Case
    #: The reference, title and municipality cells (before the deadline cell).
    head: SafeString
    #: The status, channel, urgency, handler and opening date cells (after it).
    tail: SafeString


def _cell(content) -> str:
    return f'<td class="utrecht-table__cell">{content}</td>'


def _detail_href(template: str, reference: str) -> str:
    # As ``reverse`` quotes an argument (the reference is letters, digits and dashes).
    return template.replace(_PLACEHOLDER, quote(reference, safe="!$&'()*+,;=/~:@"))


def worklist_rows(cases: list[Case], status_labels: dict[int, dict[str, str]]) -> list[Row]:
    """Return the table rows of ``cases`` (with their municipality and assignee loaded);
    ``status_labels`` has the labels of their process variants (``queries.status_labels``).

    Every text is escaped as the template did (``html.escape``, which Django's ``escape``
    calls, without its lazy-string wrapper: these are plain strings from the database).
    """
    href_template = iri_to_uri(reverse("cases:detail", args=[_PLACEHOLDER]))
    channels = {value: str(label) for value, label in Channel.choices}
    rows = []
    for case in cases:
        head = CELL_BREAK.join((
            '<th scope="row" class="utrecht-table__header-cell"><a class="utrecht-link" '
            f'href="{escape(_detail_href(href_template, case.reference))}">'
            f'{escape(case.reference)}</a></th>',
            _cell(escape(case.title)),
            _cell(escape(case.municipality.name)),
        ))
        handler = (escape(case.assignee.display_name) if case.assignee_id is not None
                   else '<span class="ombuds-muted">Niemand</span>')
        opened = timezone.localtime(case.opened_at)
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
