"""Every read of cases for a user goes through here: scoped, and audited.

``access_case`` is the only way views and the API fetch one case; ``case_list`` the only way
they list them. Both write the audit entry (NEN 7513) for what was read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404

from ombuds.cases.models import Attachment, Case, Person, TimelineEntry
from ombuds.cases.permissions import case_scope, main_role
from ombuds.core.audit import Action, audit_log
from ombuds.core.db import lock_own_rows

REFERENCE_PATTERN = re.compile(r"^[A-Za-z]{2,5}-\d{4}-\d{1,6}$")


class CaseNotFound(Http404):
    """Raised for a case that does not exist *or* that the user may not see: the two are
    indistinguishable on purpose, so a reference cannot be probed."""


def visible_cases(user) -> QuerySet[Case]:
    """Return the cases ``user`` may open, unaudited. For building lists; not for display."""
    if not user.is_authenticated:
        return Case.objects.none()
    return Case.objects.filter(case_scope(user))


def _authorisation(user, case: Case) -> tuple[str, str]:
    role = main_role(user, case.municipality_id)
    role_value = role.value if role else ""
    return role_value, f"lidmaatschap {role_value} {case.municipality.cbs_code}"


def audit_case(*, user, case: Case, action: str, event: str, details: dict | None = None):
    """Write the audit entry for ``case`` with the user's role and authorisation."""
    role, authorisation = _authorisation(user, case)
    return audit_log(
        user=user, action=action, event=event, obj=case, object_label=case.reference,
        person_id=case.person_id, municipality_code=case.municipality.cbs_code,
        role=role, authorisation=authorisation, details=details,
    )


def access_case(user, reference: str, *, event: str = "case.viewed",
                action: str = Action.READ, for_update: bool = False) -> Case:
    """Return the case ``reference`` if ``user`` may see it, and log the access.

    Raises ``CaseNotFound`` (a 404) otherwise. With ``for_update`` the row is locked for the
    surrounding transaction, so two moves of one case cannot interleave.
    """
    qs = visible_cases(user).select_related(
        "municipality", "workflow", "person", "representative", "assignee", "created_by"
    )
    if for_update:
        qs = lock_own_rows(qs)
    try:
        case = qs.get(reference=reference)
    except Case.DoesNotExist:
        raise CaseNotFound(reference) from None
    audit_case(user=user, case=case, action=action, event=event)
    return case


def case_detail(user, reference: str) -> Case:
    """Return a case with everything its page shows, in a constant number of queries."""
    with transaction.atomic():
        case = access_case(user, reference)
    case.prefetched_timeline = _timeline(case)
    case.prefetched_domains = list(case.domains.all())
    case.prefetched_themes = list(case.themes.select_related("domain"))
    case.prefetched_organisations = list(case.organisations.select_related("organisation"))
    return case


def _timeline(case: Case) -> list[TimelineEntry]:
    """Return the entries of ``case``, newest first, each with its author and a list
    ``prefetched_attachments``, in three queries.

    Not ``select_related("author")`` and ``prefetch_related("attachments")``: for a long
    timeline those build an author object and a related manager per entry and send every
    entry id back to the database, which cost more than reading the entries (a case has a
    handful of authors, and its attachments are found through the case).
    """
    entries = list(TimelineEntry.objects.filter(case=case).order_by("-occurred_at", "-id"))
    authors = get_user_model().objects.in_bulk({e.author_id for e in entries})
    attachments = defaultdict(list)
    for attachment in Attachment.objects.filter(entry__case=case).order_by("id"):
        attachments[attachment.entry_id].append(attachment)
    author_field = TimelineEntry._meta.get_field("author")
    for entry in entries:
        author_field.set_cached_value(entry, authors[entry.author_id])
        entry.prefetched_attachments = attachments[entry.pk]
    return entries


@dataclass(frozen=True)
class CaseFilter:
    """The worklist filters; every field maps onto an indexed column."""

    view: str = "alle"  # mine | unassigned | alle
    municipality: int | None = None
    status: str = ""
    channel: str = ""
    urgency: str = ""
    domain: int | None = None
    theme: int | None = None
    assignee: int | None = None
    q: str = ""
    open_only: bool = True


def search_vector():
    """The stored ``dutch`` vector of a case's search text (PostgreSQL only).

    A generated column that migration 0006 adds and indexes (GIN, ``case_search_dutch_idx``);
    the model does not declare it, as SQLite has no such type.
    """
    from django.contrib.postgres.search import SearchVectorField
    from django.db.models.expressions import RawSQL

    return RawSQL('"cases_case"."search_vector"', [], output_field=SearchVectorField())


def _search_query(q: str):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(q, config=settings.SEARCH_CONFIG, search_type="websearch")


def search_filter(queryset: QuerySet[Case], q: str) -> QuerySet[Case]:
    """Full-text search over title, story and wish; an exact lookup when ``q`` is a reference.

    On PostgreSQL this uses the ``dutch`` text-search configuration (stemming, so
    "wachttijd" finds "wachttijden") and the GIN index from migration 0002. On SQLite every
    word must occur as a substring, which also finds inflected forms in most cases.
    """
    q = q.strip()
    if not q:
        return queryset
    if REFERENCE_PATTERN.match(q):
        return queryset.filter(reference=q.upper())
    if connection.vendor == "postgresql":
        return queryset.alias(search=search_vector()).filter(search=_search_query(q))
    condition = Q()
    for word in q.split():
        condition &= Q(search_text__icontains=word)
    return queryset.filter(condition)


def case_list(user, filters: CaseFilter) -> QuerySet[Case]:
    """Return the filtered worklist of ``user`` (audited as a search), nearest deadline first.

    The query uses only joins to single rows (``select_related``), so a page costs the same
    number of queries whatever the size of the register.
    """
    qs = visible_cases(user).select_related("municipality", "workflow", "assignee")
    if filters.view == "mijn":
        qs = qs.filter(assignee=user)
    elif filters.view == "nieuw":
        qs = qs.filter(assignee__isnull=True)
    if filters.municipality:
        qs = qs.filter(municipality_id=filters.municipality)
    if filters.status:
        qs = qs.filter(status=filters.status)
    elif filters.open_only:
        qs = qs.filter(closed_at__isnull=True)
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    if filters.urgency:
        qs = qs.filter(urgency=filters.urgency)
    if filters.assignee:
        qs = qs.filter(assignee_id=filters.assignee)
    if filters.domain:
        qs = qs.filter(domains__id=filters.domain)
    if filters.theme:
        qs = qs.filter(themes__id=filters.theme)
    qs = search_filter(qs, filters.q)
    audit_log(
        user=user, action=Action.EXECUTE, event="case.searched", object_type="cases.case",
        details={k: v for k, v in filters.__dict__.items() if v not in ("", None) and k != "q"}
        | ({"search": True} if filters.q else {}),
    )
    q = filters.q.strip()
    if q and connection.vendor == "postgresql" and not REFERENCE_PATTERN.match(q):
        # A search shows the best matches first (ts_rank on the stored vector).
        from django.contrib.postgres.search import SearchRank

        return qs.alias(rank=SearchRank(search_vector(), _search_query(q))).order_by(
            "-rank", "-opened_at", "-id")
    # Nearest legal end first (the deadline watch), then the newest case.
    return qs.order_by(F("next_deadline_end").asc(nulls_last=True), "-opened_at", "-id")


def similar_persons(user, *, name: str = "", date_of_birth=None, email: str = "",
                    phone: str = "") -> list[Person]:
    """Return residents that may be the one being registered, with the cases the user may
    see, so nobody gets two files by accident. Matches on e-mail, phone, or name with birth
    date (or name alone when nothing else is known)."""
    offices = {m.municipality.office_id for m in user.cached_memberships}
    condition = Q()
    if email:
        condition |= Q(email__iexact=email.strip())
    if phone:
        condition |= Q(phone=phone.strip())
    if name and date_of_birth:
        condition |= Q(name__iexact=name.strip(), date_of_birth=date_of_birth)
    elif name and len(name.strip()) >= 3:
        condition |= Q(name__iexact=name.strip())
    if not condition:
        return []
    cases = visible_cases(user).select_related("workflow").order_by("-opened_at")
    persons = list(
        Person.objects.filter(condition, office_id__in=offices)
        .annotate(visible=Count("cases", filter=Q(cases__in=visible_cases(user))))
        .filter(visible__gt=0)
        .prefetch_related(Prefetch("cases", queryset=cases, to_attr="visible_cases"))[:10]
    )
    for person in persons:
        audit_log(user=user, action=Action.EXECUTE, event="person.matched", obj=person,
                  object_label=f"persoon {person.pk}", person_id=person.pk)
    return persons
