"""Database helpers every app shares."""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet


def lock_own_rows(queryset: QuerySet) -> QuerySet:
    """``select_for_update`` of the queryset's own rows only.

    PostgreSQL refuses ``FOR UPDATE`` on the nullable side of an outer join, which a
    ``select_related`` of a nullable foreign key makes; ``of=("self",)`` locks just the main
    table. Backends without ``FOR UPDATE OF`` (SQLite, which ignores the lock anyway) get the
    plain form.
    """
    if connection.features.has_select_for_update_of:
        return queryset.select_for_update(of=("self",))
    return queryset.select_for_update()
