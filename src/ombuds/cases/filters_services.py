"""Saving and deleting a user's worklist filters. A saved filter is a named query string."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from ombuds.cases.models import SavedFilter

NAME_MAX = SavedFilter._meta.get_field("name").max_length
QUERY_MAX = SavedFilter._meta.get_field("query").max_length


@transaction.atomic
def saved_filter_save(*, user, name: str, query: str) -> tuple[SavedFilter, bool]:
    """Store ``query`` under ``name`` for ``user``; a filter with that name is replaced.

    Returns the filter and whether it is new.
    """
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Geef het filter een naam."})
    if len(name) > NAME_MAX:
        raise ValidationError({"name": f"Gebruik hoogstens {NAME_MAX} tekens voor de naam."})
    if len(query) > QUERY_MAX:
        raise ValidationError("Dit filter is te lang om te bewaren.")
    saved, created = SavedFilter.objects.update_or_create(
        user=user, name=name, defaults={"query": query}
    )
    return saved, created


@transaction.atomic
def saved_filter_delete(*, user, saved_filter_id: int) -> bool:
    """Delete one of ``user``'s saved filters; ``False`` if it was not theirs or is gone."""
    deleted, _ = SavedFilter.objects.filter(user=user, pk=saved_filter_id).delete()
    return deleted > 0
