"""Reads of the social map for staff: the organisations of the user's municipalities."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from ombuds.accounts.roles import CASE_ROLES
from ombuds.core.models import Municipality
from ombuds.socialmap.models import Organisation, OrganisationType, Route


@dataclass(frozen=True)
class OrganisationFilter:
    municipality: int | None = None
    type: str = ""
    route: str = ""


def socialmap_municipalities(user) -> QuerySet[Municipality]:
    return Municipality.objects.filter(id__in=user.municipality_ids(CASE_ROLES)).order_by("name")


def organisation_list(user, filters: OrganisationFilter) -> QuerySet[Organisation]:
    """Return the active organisations serving one of the user's municipalities.

    Filters outside the user's scope or unknown codes simply match nothing.
    """
    ids = user.municipality_ids(CASE_ROLES)
    if filters.municipality is not None:
        ids = ids & {filters.municipality}
    qs = Organisation.objects.filter(active=True, municipalities__id__in=ids)
    if filters.type:
        qs = qs.filter(type=filters.type) if filters.type in OrganisationType.values else qs.none()
    if filters.route:
        if filters.route not in Route.values:
            return qs.none()
        # The routes are a JSON list of codes; matching the quoted code works on SQLite and
        # PostgreSQL alike (codes never contain one another with their quotes).
        qs = qs.filter(routes__icontains=f'"{filters.route}"')
    ids_subquery = qs.values("id")
    return (
        Organisation.objects.filter(id__in=ids_subquery)
        .prefetch_related("municipalities").order_by("name")
    )
