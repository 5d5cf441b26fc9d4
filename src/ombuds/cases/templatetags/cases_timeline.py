"""The timeline of the case page, built in Python (``{% load cases_timeline %}``).

A case can have hundreds of entries; a template loop with filters per entry cost more than
the rest of the page together. The markup is the one the template wrote: the same classes,
texts and order (newest first), so nothing changes for the reader or for CSS.
"""

from __future__ import annotations

from django import template
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import format_html, format_html_join, linebreaks
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
        return f"{moment.day} {self.months[moment.month]} {moment.year}, {moment:%H:%M}"


def _attachments(entry, reference: str) -> SafeString:
    attachments = entry.prefetched_attachments  # by ``case_detail``
    if not attachments:
        return mark_safe("")  # noqa: S308 (a constant)
    items = format_html_join(
        "", '<li><a class="utrecht-link" href="{}" download>{}</a> '
        '<span class="ombuds-muted">({})</span></li>',
        ((reverse("cases:attachment", args=[reference, a.uuid]), a.original_name,
          filesizeformat(a.size)) for a in attachments))
    return format_html('<ul class="ombuds-attachments">{}</ul>', items)


def entry_html(entry, *, reference: str, sees_health: bool, labels: Labels) -> SafeString:
    """One ``<li>`` of the timeline; the text and attachments of a sensitive entry only for
    those who see health details."""
    when = timezone.localtime(entry.occurred_at)
    if entry.sensitive and not sees_health:
        content = mark_safe(HIDDEN)  # noqa: S308 (a constant)
    else:
        body = format_html('<div class="ombuds-text">{}</div>', mark_safe(  # noqa: S308
            linebreaks(entry.body, autoescape=True))) if entry.body else ""
        content = format_html("{}{}", body, _attachments(entry, reference))
    return format_html(
        '<li class="ombuds-timeline__item ombuds-timeline__item--{}">'
        '<p class="ombuds-timeline__meta"><span class="ombuds-badge">{}</span> '
        '<time datetime="{}">{}</time> — {}{}{}</p>'
        '<p class="utrecht-paragraph ombuds-timeline__summary">{}</p>{}</li>',
        entry.kind, labels.kinds.get(entry.kind, entry.kind), when.isoformat(), labels.when(when),
        labels.authors[entry.author_id],
        mark_safe(SENT) if entry.sent_to_resident else "",  # noqa: S308 (a constant)
        mark_safe(SENSITIVE) if entry.sensitive else "",  # noqa: S308 (a constant)
        entry.summary, content)


@register.simple_tag
def case_timeline(case, sees_health: bool) -> SafeString:
    """The timeline of ``case`` (``case.prefetched_timeline``, newest first), or "Nog niets
    vastgelegd."."""
    entries = case.prefetched_timeline
    if not entries:
        return mark_safe('<p class="utrecht-paragraph">Nog niets vastgelegd.</p>')  # noqa: S308
    labels = Labels(entries)
    items = format_html_join("", "{}", (
        (entry_html(e, reference=case.reference, sees_health=sees_health, labels=labels),)
        for e in entries))
    return format_html('<ol class="ombuds-timeline" reversed>{}</ol>', items)
