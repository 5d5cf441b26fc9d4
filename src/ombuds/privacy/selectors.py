"""Reads for AVG requests: scoped to the municipalities where the user handles them, audited.

``access_avg_request`` is the only way views fetch one request; a request of another
municipality is a 404, indistinguishable from one that does not exist.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from ombuds.accounts.roles import AVG_ROLES, PERSON_AUDIT_ROLES, Role
from ombuds.cases.models import Case, Person
from ombuds.core.audit import Action, audit_log
from ombuds.core.models import AuditEntry, Municipality
from ombuds.privacy.models import AvgRequest, AvgRequestStatus


class AvgRequestNotFound(Http404):
    pass


def avg_municipality_ids(user) -> set[int]:
    return user.municipality_ids(AVG_ROLES) if user.is_authenticated else set()


def avg_municipalities(user) -> QuerySet[Municipality]:
    return Municipality.objects.filter(id__in=avg_municipality_ids(user)).order_by("name")


def may_handle_avg(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_role(AVG_ROLES)


def audit_request(*, user, request: AvgRequest, action: str, event: str,
                  details: dict | None = None):
    """Write the audit entry for something done with ``request`` (its number, never a name)."""
    return audit_log(
        user=user, action=action, event=event, obj=request, object_label=request.label,
        person_id=request.person_number, municipality_code=request.municipality.cbs_code,
        role=Role.OMBUDSPERSON.value,
        authorisation=f"lidmaatschap {Role.OMBUDSPERSON.value} {request.municipality.cbs_code}; "
                      "AVG art. 12",
        details=details,
    )


def avg_requests(user, *, open_only: bool = True) -> QuerySet[AvgRequest]:
    """The requests of the user's municipalities, the soonest legal end first (unaudited: the
    list shows numbers, kinds and dates, no names)."""
    qs = AvgRequest.objects.filter(municipality_id__in=avg_municipality_ids(user)) \
        .select_related("municipality")
    if open_only:
        qs = qs.filter(status=AvgRequestStatus.OPEN)
        return qs.order_by("due_on", "id")
    return qs.order_by("-received_on", "-id")


def access_avg_request(user, pk: int, *, event: str = "avg_request.viewed",
                       action: str = Action.READ) -> AvgRequest:
    """Return request ``pk`` if ``user`` handles AVG requests of its municipality; audit it."""
    try:
        request = AvgRequest.objects.select_related("municipality__office", "person") \
            .get(pk=pk, municipality_id__in=avg_municipality_ids(user))
    except AvgRequest.DoesNotExist:
        raise AvgRequestNotFound(pk) from None
    audit_request(user=user, request=request, action=action, event=event)
    return request


def person_cases(person: Person) -> QuerySet[Case]:
    """Every case in which ``person`` is the resident or the representative (their office)."""
    return Case.objects.filter(Q(person=person) | Q(representative=person)) \
        .select_related("municipality", "workflow").order_by("opened_at", "id")


def cases_outside_scope(user, person: Person) -> int:
    """How many of the person's cases lie in municipalities where ``user`` does not handle
    AVG requests. The access export is only made when there are none: it must be complete,
    and it must not show a handler cases they may not see."""
    return person_cases(person).exclude(municipality_id__in=avg_municipality_ids(user)).count()


def persons_in_scope(user, municipality_ids) -> QuerySet[Person]:
    """Persons with a case, as resident or representative, in one of ``municipality_ids``."""
    cases = Case.objects.filter(municipality_id__in=municipality_ids)
    return Person.objects.filter(
        Q(id__in=cases.values("person_id")) | Q(id__in=cases.values("representative_id"))
    )


def avg_person_search(user, q: str) -> list[Person]:
    """Find the data subject of a request: name (part), e-mail, phone or person id, among the
    persons of the municipalities where the user handles AVG requests. Audited as a search."""
    q = q.strip()
    if len(q) < 2:
        return []
    condition = Q(name__icontains=q) | Q(email__iexact=q) | Q(phone=q)
    if q.isdigit():
        condition |= Q(pk=int(q))
    persons = list(persons_in_scope(user, avg_municipality_ids(user)).filter(condition)
                   .order_by("name", "id")[:25])
    audit_log(user=user, action=Action.EXECUTE, event="avg.person_searched",
              object_type="cases.person", role=Role.OMBUDSPERSON.value,
              authorisation="AVG art. 12", details={"results": len(persons)})
    return persons


def avg_person(user, pk: int) -> Person:
    """The data subject ``pk`` if they have a case in the user's AVG municipalities (unaudited:
    the caller audits what it does with them)."""
    try:
        return persons_in_scope(user, avg_municipality_ids(user)).get(pk=pk)
    except Person.DoesNotExist:
        raise Http404 from None


# --- who saw this person? -------------------------------------------------------------------


@dataclass(frozen=True)
class PersonAuditFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def as_details(self) -> dict:
        return {k: str(v) for k, v in self.__dict__.items() if v is not None}


def person_audit_codes(user, person_id: int) -> list[str]:
    """The CBS codes of the municipalities whose audit entries about ``person_id`` the user may
    read: those where they hold a person-audit role and the person has a case. Empty when the
    person is unknown to them (the view then answers 404)."""
    ids = user.municipality_ids(PERSON_AUDIT_ROLES) if user.is_authenticated else set()
    codes = set(
        Case.objects.filter(Q(person_id=person_id) | Q(representative_id=person_id),
                            municipality_id__in=ids)
        .values_list("municipality__cbs_code", flat=True)
    )
    # An erased person has no cases left; their requests still tie them to a municipality.
    codes |= set(AvgRequest.objects.filter(person_number=person_id, municipality_id__in=ids)
                 .values_list("municipality__cbs_code", flat=True))
    return sorted(codes)


def person_audit_entries(codes: list[str], person_id: int,
                         filters: PersonAuditFilter) -> QuerySet[AuditEntry]:
    """The audit entries about ``person_id`` in those municipalities, plus the ones about them
    that belong to no municipality (a duplicate check at intake), newest first."""
    qs = AuditEntry.objects.filter(
        Q(municipality_code__in=codes) | Q(municipality_code=""), person_id=person_id)
    tz = timezone.get_current_timezone()
    if filters.date_from:
        qs = qs.filter(timestamp__gte=dt.datetime.combine(filters.date_from, dt.time.min, tzinfo=tz))
    if filters.date_to:
        end = dt.datetime.combine(filters.date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        qs = qs.filter(timestamp__lt=end)
    return qs.order_by("-timestamp", "-id")
