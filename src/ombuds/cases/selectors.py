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
from django.db.models import Case as Case_
from django.db.models import Count, F, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils.crypto import salted_hmac

from ombuds.accounts.roles import PERSON_ROLES
from ombuds.cases.models import Attachment, Case, Person, TimelineEntry
from ombuds.cases.permissions import can_search_persons, case_scope, main_role
from ombuds.core.audit import Action, audit_log
from ombuds.core.db import lock_own_rows
from ombuds.domain.search import (
    ReferencePart,
    SearchKind,
    SearchTerms,
    email_key,
    parse_search,
    phone_key,
)

REFERENCE_PATTERN = re.compile(r"^[A-Za-z]{2,5}-\d{4}-\d{1,6}$")


class CaseNotFound(Http404):
    """Raised for a case that does not exist *or* that the user may not see: the two are
    indistinguishable on purpose, so a reference cannot be probed."""


def visible_cases(user) -> QuerySet[Case]:
    """Return the cases ``user`` may open, unaudited. For building lists; not for display."""
    if not user.is_authenticated:
        return Case.objects.none()
    return Case.objects.filter(case_scope(user))


def may_open(user, case: Case) -> bool:
    """Whether ``user`` may (still) open ``case``: after the secretariat hands a case to a
    handler, it leaves their scope, and the page they came from is no longer theirs."""
    return visible_cases(user).filter(pk=case.pk).exists()


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
    return queryset.filter(_text_condition(q))


def _text_condition(q: str) -> Q:
    """The full-text condition of ``search_filter`` (title, story and wish)."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchVectorExact

        return Q(SearchVectorExact(search_vector(), _search_query(q)))
    condition = Q()
    for word in q.split():
        condition &= Q(search_text__icontains=word)
    return condition


#: At most this many persons a search by name, phone, e-mail or postcode takes the cases
#: of; a name that matches more asks for a more precise search (the page says so).
PERSON_MATCHES_MAX = 500
#: The shortest word a name search uses (as the start of a word of the name).
NAME_WORD_MIN = 2


@dataclass(frozen=True)
class SearchOutcome:
    """How a search text was read, for the worklist's message and the audit entry."""

    kind: SearchKind | None = None
    #: A search by a person's details that the user's role does not allow: only the case
    #: number and the subject were searched.
    refused: bool = False
    #: More persons matched than ``PERSON_MATCHES_MAX``; only the first ones' cases are shown.
    capped: bool = False
    #: How many persons matched (a count; never who).
    persons: int = 0

    def notes(self) -> list[str]:
        """What the worklist (and the API) must say of the search: a person search the role
        may not do, or more persons than the search takes."""
        notes = []
        if self.refused and self.kind is not None:
            what = ("woorden zijn alleen in het onderwerp gezocht, niet in namen"
                    if self.kind == SearchKind.WORDS
                    else f"er is niet op {self.kind.label} gezocht")
            notes.append("Uw rol geeft geen toegang tot gegevens van personen: "
                         f"{what}. U kunt zoeken op zaaknummer of onderwerp.")
        if self.capped:
            notes.append(f"Meer dan {PERSON_MATCHES_MAX} personen passen bij deze zoekterm; "
                         f"alleen de zaken van de eerste {PERSON_MATCHES_MAX} staan hier. "
                         "Maak de zoekterm preciezer, bijvoorbeeld met voor- en achternaam.")
        return notes

    def audit_details(self, terms: SearchTerms | None) -> dict:
        """What the audit entry says of the search: its kind, never the text (a name or a
        phone number is personal data, and the log is read more widely than the cases). A
        search by a person's details carries a keyed digest of its key, so "who searched for
        this number?" can be answered by computing the digest of that number (with the
        server's ``SECRET_KEY``), without the log holding it."""
        if self.kind is None or terms is None:
            return {}
        details = {"search": self.kind.value}
        if self.refused:
            details["search_refused"] = True
        elif self.kind.personal or self.kind == SearchKind.WORDS:
            details["persons"] = self.persons
            if self.kind.personal:
                details["search_digest"] = search_digest(terms)
        return details


def search_digest(terms: SearchTerms) -> str:
    """A keyed digest of a personal search key (see ``SearchOutcome.audit_details``)."""
    value = f"{terms.kind.value}:{terms.key}"
    return salted_hmac("ombuds.cases.search", value, algorithm="sha256").hexdigest()[:24]


def person_name_filter(queryset: QuerySet[Person], words) -> QuerySet[Person]:
    """Persons whose name has, for every one of ``words``, a word starting with it.

    PostgreSQL: a prefix query on the ``simple`` text-search vector of the name, the
    expression of the GIN index ``person_name_simple_idx`` (migration 0013). SQLite: the
    same with ``LIKE`` (a word starts the name or follows a space or hyphen).
    """
    words = [w for w in words if len(w) >= NAME_WORD_MIN]
    if not words:
        return queryset.none()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        raw = " & ".join(f"{word}:*" for word in words)  # \w+ words: no tsquery syntax
        return queryset.alias(name_vector=SearchVector("name", config="simple")).filter(
            name_vector=SearchQuery(raw, config="simple", search_type="raw"))
    condition = Q()
    for word in words:
        condition &= (Q(name__istartswith=word) | Q(name__icontains=f" {word}")
                      | Q(name__icontains=f"-{word}"))
    return queryset.filter(condition)


def _matching_persons(user, terms: SearchTerms) -> tuple[list[int], bool]:
    """The ids of the persons (residents and representatives) of the user's offices that
    ``terms`` finds, at most ``PERSON_MATCHES_MAX``; and whether there were more."""
    offices = {m.municipality.office_id for m in user.cached_memberships
               if m.role in PERSON_ROLES}
    persons = Person.objects.filter(office_id__in=offices)
    if terms.kind == SearchKind.PHONE:
        persons = persons.filter(phone_key=terms.key)
    elif terms.kind == SearchKind.EMAIL:
        persons = persons.filter(email_key=terms.key)
    elif terms.kind == SearchKind.POSTCODE:
        persons = persons.filter(postcode_key=terms.key)
    else:
        persons = person_name_filter(persons, terms.words)
    # No ORDER BY: with one, PostgreSQL may walk the primary key and test every person's
    # name for a rare name (a second at 850,000 persons); without, it reads the index.
    ids = list(persons.order_by().values_list("pk", flat=True)[:PERSON_MATCHES_MAX + 1])
    return ids[:PERSON_MATCHES_MAX], len(ids) > PERSON_MATCHES_MAX


def _reference_condition(part: ReferencePart) -> Q:
    """Cases whose reference has this number (and prefix and year, when given): an indexed
    equality on ``Case.reference_number``; the rest is checked on the few rows it finds."""
    condition = Q(reference_number=part.number)
    if part.prefix:
        condition &= Q(reference__startswith=f"{part.prefix}-")
    if part.year:
        condition &= Q(reference__contains=f"-{part.year}-")
    return condition


def _title_condition(text: str) -> Q:
    """Every word in the subject: the search for a role that may not search persons (the
    subject has no names, as the intake form asks; the story may)."""
    condition = Q()
    for word in text.split():
        condition &= Q(title__icontains=word)
    return condition


def search_condition(user, q: str) -> tuple[Q | None, SearchOutcome, SearchTerms | None, list[int]]:
    """Return the condition on cases for the search text ``q`` (``None`` without a text),
    how it was read, its terms, and the ids of the persons it matched.

    A case number (or part of one) is looked up by its number; a phone number, e-mail address
    or postcode finds the cases whose resident or representative has it; other words find a
    resident or representative by name *or* the words in the case's subject and story. Only
    roles that see persons (``can_search_persons``) search by a person's details; for others
    a person's details find nothing and words are looked for in the subject only.
    """
    terms = parse_search(q)
    if terms is None:
        return None, SearchOutcome(), None, []
    if terms.kind == SearchKind.REFERENCE:
        return _reference_condition(terms.reference), SearchOutcome(kind=terms.kind), terms, []
    if not can_search_persons(user):
        outcome = SearchOutcome(kind=terms.kind, refused=True)
        return _title_condition(terms.text), outcome, terms, []
    ids, capped = _matching_persons(user, terms)
    person = Q(person_id__in=ids) | Q(representative_id__in=ids) if ids else Q(pk__in=[])
    outcome = SearchOutcome(kind=terms.kind, capped=capped, persons=len(ids))
    if terms.kind == SearchKind.WORDS:
        return _text_condition(terms.text) | person, outcome, terms, ids
    return person, outcome, terms, ids


def case_search(user, filters: CaseFilter) -> tuple[QuerySet[Case], SearchOutcome]:
    """Return the filtered worklist of ``user`` (audited as a search) and how its search text
    was read. Nearest deadline first; a search by words shows the cases of a matching person
    first, then the best text matches (PostgreSQL ranks them).

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
    condition, outcome, terms, person_ids = search_condition(user, filters.q)
    if condition is not None:
        qs = qs.filter(condition)
    audit_log(
        user=user, action=Action.EXECUTE, event="case.searched", object_type="cases.case",
        details={k: v for k, v in filters.__dict__.items() if v not in ("", None) and k != "q"}
        | outcome.audit_details(terms),
    )
    deadline_order = (F("next_deadline_end").asc(nulls_last=True), "-opened_at", "-id")
    if terms is None or terms.kind != SearchKind.WORDS or outcome.refused:
        # Nearest legal end first (the deadline watch), then the newest case.
        return qs.order_by(*deadline_order), outcome
    order = []
    if person_ids:
        order.append(Case_(When(Q(person_id__in=person_ids) | Q(representative_id__in=person_ids),
                                then=Value(0)), default=Value(1)).asc())
    if connection.vendor == "postgresql":
        # The best text matches first (ts_rank on the stored vector).
        from django.contrib.postgres.search import SearchRank

        qs = qs.alias(rank=SearchRank(search_vector(), _search_query(terms.text)))
        return qs.order_by(*order, "-rank", "-opened_at", "-id"), outcome
    return qs.order_by(*order, *deadline_order), outcome


def case_list(user, filters: CaseFilter) -> QuerySet[Case]:
    """Return the filtered worklist of ``user`` (audited as a search); see ``case_search``."""
    return case_search(user, filters)[0]


def similar_persons(user, *, name: str = "", date_of_birth=None, email: str = "",
                    phone: str = "") -> list[Person]:
    """Return residents that may be the one being registered, with the cases the user may
    see, so nobody gets two files by accident. Matches on e-mail, phone (each in any
    spelling, by its search key), or name with birth date (or name alone when nothing else
    is known)."""
    offices = {m.municipality.office_id for m in user.cached_memberships}
    condition = Q()
    # The search keys, so "06 1234 5678" finds a resident stored as "+31612345678".
    if email.strip():
        condition |= Q(email_key=email_key(email))
    if phone_key(phone):
        condition |= Q(phone_key=phone_key(phone))
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
