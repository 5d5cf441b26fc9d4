"""Writes for AVG requests: register, extend, decide, correct a person, erase a person.

Each checks that the user handles AVG requests in the request's municipality, changes what
it must and writes the audit entry, in one transaction.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from ombuds.accounts.models import User
from ombuds.accounts.roles import AVG_ROLES
from ombuds.cases.models import Person
from ombuds.core.audit import Action
from ombuds.core.models import Municipality
from ombuds.domain import avg as rules
from ombuds.privacy import erasure
from ombuds.privacy.models import AvgDecision, AvgRequest, AvgRequestKind, AvgRequestStatus
from ombuds.privacy.selectors import audit_request, persons_in_scope
from ombuds.procedures.selectors import holiday_calendar


class AvgRequestError(ValueError):
    """A refused step, with a Dutch message for the page."""


#: The person fields a correction (AVG art. 16) may change.
CORRECTABLE_FIELDS = ("name", "date_of_birth", "email", "phone", "street", "postcode", "city",
                      "preferred_channel", "interpreter_language", "easy_language",
                      "accessibility_needs")


def _check_handler(user: User, municipality_id: int) -> None:
    if not user.roles_in(municipality_id) & AVG_ROLES:
        raise PermissionDenied


def _check_open(request: AvgRequest, kind: str | None = None) -> None:
    if not request.is_open:
        raise AvgRequestError("Dit verzoek is al afgehandeld.")
    if kind and request.kind != kind:
        raise AvgRequestError("Dit hoort niet bij dit soort verzoek.")
    if kind and request.person_id is None:
        raise AvgRequestError("De gegevens van deze persoon zijn al gewist.")


def avg_request_create(*, user: User, municipality: Municipality, person: Person, kind: str,
                       received_on: date, description: str = "") -> AvgRequest:
    """Register a request received on ``received_on``; its term is computed at once."""
    _check_handler(user, municipality.pk)
    if not persons_in_scope(user, [municipality.pk]).filter(pk=person.pk).exists():
        raise AvgRequestError("Deze persoon heeft geen zaak bij deze gemeente.")
    if received_on > timezone.localdate():
        raise AvgRequestError("De ontvangstdatum ligt in de toekomst.")
    term = rules.avg_term(received_on, calendar=holiday_calendar())
    with transaction.atomic():
        request = AvgRequest.objects.create(
            municipality=municipality, person=person, person_number=person.pk, kind=kind,
            received_on=received_on, description=description, due_on=term.end,
            due_raw_on=term.raw_end, created_by=user,
        )
        audit_request(user=user, request=request, action=Action.CREATE,
                      event="avg_request.created", details={"kind": kind})
    return request


def avg_request_extend(*, user: User, request: AvgRequest, reason: str, informed_on: date,
                       today: date | None = None) -> AvgRequest:
    """Extend the term by two months (AVG art. 12 lid 3): only while the first month runs,
    with the reason and the day the resident was told."""
    _check_handler(user, request.municipality_id)
    _check_open(request)
    today = today or timezone.localdate()
    calendar = holiday_calendar()
    if request.extended:
        raise AvgRequestError("De termijn is al verlengd; verder verlengen mag niet.")
    if not rules.may_extend(request.received_on, today, calendar):
        raise AvgRequestError("Verlengen kan alleen binnen de eerste maand na ontvangst.")
    if not reason.strip():
        raise AvgRequestError("Geef de reden van de verlenging.")
    if informed_on < request.received_on or informed_on > today:
        raise AvgRequestError("De datum waarop de inwoner is geïnformeerd klopt niet.")
    term = rules.avg_term(request.received_on, extended=True, calendar=calendar)
    with transaction.atomic():
        request.extended = True
        request.extension_reason = reason.strip()
        request.extension_informed_on = informed_on
        request.due_on, request.due_raw_on = term.end, term.raw_end
        request.save()
        audit_request(user=user, request=request, action=Action.UPDATE,
                      event="avg_request.extended")
    return request


def avg_request_decide(*, user: User, request: AvgRequest, decision: str, reason: str = "",
                       rule: str = "") -> AvgRequest:
    """Close the request with its decision; a (partial) refusal needs its reason and rule."""
    _check_handler(user, request.municipality_id)
    _check_open(request)
    if decision in (AvgDecision.REFUSED, AvgDecision.PARTLY) and not (reason.strip() and rule.strip()):
        raise AvgRequestError("Geef bij een (gedeeltelijke) afwijzing de reden en de wettelijke grondslag.")
    with transaction.atomic():
        request.status = AvgRequestStatus.DONE
        request.decision = decision
        request.decision_reason = reason.strip()
        request.decision_rule = rule.strip()[:300]
        request.decided_on = timezone.localdate()
        request.decided_by = user
        request.save()
        audit_request(user=user, request=request, action=Action.UPDATE,
                      event="avg_request.decided", details={"decision": decision})
    return request


def person_correct(*, user: User, request: AvgRequest, changes: dict) -> list[str]:
    """Correct the data subject's record (AVG art. 16); return the names of the fields that
    changed. The audit entry names the fields, never their old or new values."""
    _check_handler(user, request.municipality_id)
    _check_open(request, AvgRequestKind.RECTIFICATION)
    unknown = set(changes) - set(CORRECTABLE_FIELDS)
    if unknown:
        raise AvgRequestError(f"Deze gegevens kunnen hier niet worden gewijzigd: {sorted(unknown)}")
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=request.person_id)
        changed = [f for f, value in changes.items() if getattr(person, f) != value]
        if not changed:
            return []
        for field in changed:
            setattr(person, field, changes[field])
        person.save(update_fields=changed)
        audit_request(user=user, request=request, action=Action.UPDATE,
                      event="person.corrected", details={"fields": sorted(changed)})
    return sorted(changed)


def person_erase(*, user: User, request: AvgRequest,
                 today: date | None = None) -> list[rules.Refusal]:
    """Handle an erasure request (AVG art. 17).

    When a legal duty prevents it (an open case, a retention term, a legal hold) nothing is
    erased: the request is closed as refused with every reason and rule, and the refusals are
    returned. Otherwise the person's data is destroyed and the request closed as granted.
    """
    _check_handler(user, request.municipality_id)
    _check_open(request, AvgRequestKind.ERASURE)
    today = today or timezone.localdate()
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=request.person_id)
        refusals = rules.erasure_refusals(erasure.case_facts(person), today)
        if refusals:
            avg_request_decide(
                user=user, request=request, decision=AvgDecision.REFUSED,
                reason=" ".join(f"{r.reference}: {r.reason}" for r in refusals),
                rule="; ".join(sorted({r.rule for r in refusals})),
            )
            return refusals
        try:
            erasure.person_destroy(user=user, person=person, request=request)
        except erasure.ErasureUnavailable as exc:
            raise AvgRequestError(str(exc)) from None
        request.refresh_from_db()
        avg_request_decide(user=user, request=request, decision=AvgDecision.GRANTED,
                           reason="De gegevens van de persoon zijn vernietigd.")
    return []
