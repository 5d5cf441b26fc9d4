"""The timeline of the case page, built in Python (``{% load cases_timeline %}``).

A case can have hundreds of entries; a template loop with filters per entry cost more than
the rest of the page together. The markup is the one the template wrote: the same classes,
texts and order (newest first), so nothing changes for the reader or for CSS.
"""

from __future__ import annotations

from html import escape

from django import template
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

from ombuds.cases.models import EntryKind

register = template.Library()

HIDDEN = ('<p class="utrecht-paragraph ombuds-muted">De tekst en bijlagen bevatten '
          'gezondheidsgegevens en zijn voor u verborgen.</p>')
SENT = ' <span class="ombuds-badge">Verstuurd aan de inwoner</span>'
SENSITIVE = ' <span class="ombuds-badge ombuds-badge--sensitive">Gezondheidsgegevens</span>'


class Labels:
    """The texts every entry repeats, translated once per page: ``get_kind_display()`` and
    the ``date`` filter look them up again for every entry."""

    def __init__(self, entries):
        self.kinds = {value: str(label) for value, label in EntryKind.choices}
        self.months = {number: str(name) for number, name in MONTHS.items()}
        # One name per author (a long case has a handful of authors).
        self.authors = {e.author_id: e.author.display_name for e in entries}

    def when(self, moment) -> str:
        """``moment`` as the ``date:"j F Y, H:i"`` filter writes it: 4 december 2026, 09:05."""
        return (f"{moment.day} {self.months[moment.month]} {moment.year}, "
                f"{moment.hour:02d}:{moment.minute:02d}")


def _attachments(entry, reference: str) -> str:
    attachments = entry.prefetched_attachments  # by ``case_detail``
    if not attachments:
        return ""
    items = "".join(
        f'<li><a class="utrecht-link" href="{escape(reverse("cases:attachment", args=[reference, a.uuid]))}" '
        f'download>{escape(a.original_name)}</a> '
        f'<span class="ombuds-muted">({escape(filesizeformat(a.size))})</span></li>'
        for a in attachments)
    return f'<ul class="ombuds-attachments">{items}</ul>'


def entry_html(entry, *, reference: str, sees_health: bool, labels: Labels) -> str:
    """One ``<li>`` of the timeline, every value escaped; the text and attachments of a
    sensitive entry only for those who see health details.

    Plain strings with the standard library's ``html.escape`` (what Django's ``escape``
    calls): ``format_html`` checks every argument for lazy and safe strings, which for
    200 entries cost more than the rest of the timeline.
    """
    when = timezone.localtime(entry.occurred_at)
    if entry.sensitive and not sees_health:
        content = HIDDEN
    else:
        body = (f'<div class="ombuds-text">{linebreaks(entry.body, autoescape=True)}</div>'
                if entry.body else "")
        content = body + _attachments(entry, reference)
    return (
        f'<li class="ombuds-timeline__item ombuds-timeline__item--{escape(entry.kind)}">'
        f'<p class="ombuds-timeline__meta">'
        f'<span class="ombuds-badge">{escape(labels.kinds.get(entry.kind, entry.kind))}</span> '
        f'<time datetime="{when.isoformat()}">{escape(labels.when(when))}</time> — '
        f'{escape(labels.authors[entry.author_id])}'
        f'{SENT if entry.sent_to_resident else ""}{SENSITIVE if entry.sensitive else ""}</p>'
        f'<p class="utrecht-paragraph ombuds-timeline__summary">{escape(entry.summary)}</p>'
        f'{content}</li>')


@register.simple_tag
def case_timeline(case, sees_health: bool) -> SafeString:
    """The timeline of ``case`` (``case.prefetched_timeline``, newest first), or "Nog niets
    vastgelegd."."""
    entries = case.prefetched_timeline
    if not entries:
        return mark_safe('<p class="utrecht-paragraph">Nog niets vastgelegd.</p>')  # noqa: S308
    labels = Labels(entries)
    items = "".join(entry_html(e, reference=case.reference, sees_health=sees_health,
                               labels=labels) for e in entries)
    return mark_safe(f'<ol class="ombuds-timeline" reversed>{items}</ol>')  # noqa: S308 (escaped)
