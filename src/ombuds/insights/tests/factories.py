"""Test helpers of the insights app: cases with a theme, party and date, closed or open."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from ombuds.cases.models import Case
from ombuds.core.models import Theme
from ombuds.tests.factories import register_case


def theme(office, name: str, *, municipality=None) -> Theme:
    return Theme.objects.create(municipality=municipality or office.steenwijkerland,
                                domain=office.wmo, name=name)


def case(office, *, title="Vraag", story="Een verhaal.", themes=(), parties=(),
         opened_at: datetime | None = None, closed: bool = False, **kwargs) -> Case:
    """Register a case through the service; ``closed`` marks it closed (as the workflow
    would) so it counts as training data."""
    registered = register_case(office, title=title, story=story, themes=list(themes),
                               organisations=list(parties), opened_at=opened_at, **kwargs)
    if closed:
        Case.objects.filter(pk=registered.pk).update(closed_at=timezone.now(), status="afgesloten")
        registered.refresh_from_db()
    return registered
