"""Reads of the resident pages: municipalities by their slug, the public social map."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils.text import slugify

from ombuds.core.models import Municipality
from ombuds.socialmap.models import Organisation, Route


def public_municipalities() -> list[Municipality]:
    return list(Municipality.objects.select_related("office", "workflow").order_by("name"))


def municipality_slug(municipality: Municipality) -> str:
    return slugify(municipality.name)


def municipality_by_slug(slug: str, municipalities: list[Municipality] | None = None
                         ) -> Municipality:
    """Return the municipality whose name slugifies to ``slug``, or raise Http404.

    An office serves a handful of municipalities, so comparing names is cheap and needs no
    extra column the beheerder would have to keep in step. ``municipalities``: the list of
    ``public_municipalities()`` when the caller has it already.
    """
    for municipality in (public_municipalities() if municipalities is None else municipalities):
        if municipality_slug(municipality) == slug:
            return municipality
    raise Http404("Onbekende gemeente.")


def public_organisations(municipality: Municipality) -> QuerySet[Organisation]:
    """The organisations of ``municipality``'s social map that residents may see."""
    return municipality.organisations.filter(public=True, active=True).order_by("name")


def organisations_by_route(municipality: Municipality) -> dict[str, list[Organisation]]:
    """Route code → the public organisations of ``municipality`` that offer it."""
    result: dict[str, list[Organisation]] = {code: [] for code in Route.values}
    for organisation in public_organisations(municipality):
        for code in organisation.routes or []:
            if code in result:
                result[code].append(organisation)
    return result
