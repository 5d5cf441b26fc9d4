"""The version of signals and recommendations for publication: the texts the ombudsperson
writes for the council and the public, marking them publishable, and the items reports show.

A signal's own title, description and answer are written for the organisation; reports to
the council and the annual report show ``public_title``, ``public_text`` and
``public_response`` instead, and only once the signal is marked publishable (the same for a
recommendation: ``public_text`` and ``public_response``). Marking is refused while a text is
empty or ``domain.deidentify.findings`` finds personal data in it: the names of the residents
and representatives of the linked cases, the contact persons of their parties and the staff
of the municipality, and any phone number, e-mail address, postcode, address, date,
reference, IBAN or age. Changing a public text of a publishable item withdraws it: the new
text has not been checked. The writes follow ``services``: role checked, one transaction,
an audit entry with the change (docs/publication.md).

``report_items`` and ``case_recommendation_items`` are the reads for ``reports``: a fixed
number of queries, whatever the number of signals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from ombuds.accounts.models import User
from ombuds.cases.models import Case, CaseOrganisation
from ombuds.core.audit import Action
from ombuds.core.db import lock_own_rows
from ombuds.domain.deidentify import Finding, describe, findings
from ombuds.signals import selectors
from ombuds.signals.models import Recommendation, Signal
from ombuds.signals.services import audit_recommendation, locked_signal, require_edit

__all__ = [
    "PublicationRefused",
    "RecommendationItem",
    "SignalItem",
    "case_recommendation_items",
    "recommendation_field",
    "recommendation_mark_publishable",
    "recommendation_publication_update",
    "recommendation_unmark_publishable",
    "report_items",
    "signal_mark_publishable",
    "signal_publication_update",
    "signal_publish",
    "signal_unmark_publishable",
]

SIGNAL_TEXTS = ("public_title", "public_text", "public_response")
RECOMMENDATION_TEXTS = ("public_text", "public_response")

#: What to write when a public text is missing, per field.
EMPTY = {
    "public_title": "Schrijf een titel voor publicatie.",
    "public_text": "Schrijf de tekst voor publicatie.",
    "public_response": "Vat de reactie en de maatregelen samen voor publicatie.",
}
RECOMMENDATION_EMPTY = {
    "public_text": "Schrijf de aanbeveling voor publicatie.",
    "public_response": "Vat de reactie op de aanbeveling samen voor publicatie.",
}


class PublicationRefused(ValidationError):
    """A text that may not be published yet: empty, or with personal data in it.

    The message per field says what was found, in Dutch; ``found`` keeps the findings per
    field for the API."""

    def __init__(self, errors: dict[str, str], found: dict[str, list[Finding]]):
        super().__init__(errors)
        self.found = found


def recommendation_field(recommendation_id: int, name: str) -> str:
    """The key of a recommendation's text among a signal's publication fields (the form
    field's name, and the key of its error in ``signal_publish``)."""
    return f"aanbeveling-{recommendation_id}-{name}"


# --- the names a public text may not hold -------------------------------------------------

def _full_name(first: str | None, last: str | None) -> str:
    return f"{first or ''} {last or ''}".strip()


def _names(cases: Q, municipality_id: int) -> list[str]:
    """The names of the residents and representatives of ``cases``, of their handlers, of
    the contact persons of their parties, and of the staff of the municipality. Three
    queries, however many cases."""
    names: set[str] = set()
    for person, representative, first, last in Case.objects.filter(cases).values_list(
            "person__name", "representative__name", "assignee__first_name",
            "assignee__last_name"):
        names.update((person or "", representative or "", _full_name(first, last)))
    names.update(CaseOrganisation.objects.filter(case__in=Case.objects.filter(cases))
                 .exclude(contact_person="").values_list("contact_person", flat=True))
    names.update(_full_name(first, last) for first, last in
                 User.objects.filter(memberships__municipality_id=municipality_id)
                 .values_list("first_name", "last_name").distinct())
    return sorted(n for n in names if n)


def signal_names(signal: Signal) -> list[str]:
    """The names to look for in the public texts of ``signal`` and its recommendations."""
    names = _names(Q(signals=signal), signal.municipality_id)
    return sorted({*names, _full_name(signal.created_by.first_name,
                                      signal.created_by.last_name)} - {""})


def recommendation_names(recommendation: Recommendation) -> list[str]:
    """The names to look for in a recommendation's public texts: those of its signal, or of
    the case whose report made it."""
    if recommendation.case_id:
        return _names(Q(pk=recommendation.case_id), recommendation.case.municipality_id)
    return signal_names(recommendation.signal)


def _check(item, fields: Iterable[str], *, names: list[str], empty: Mapping[str, str],
           needed: set[str], key=lambda name: name) -> tuple[dict[str, str], dict]:
    """Errors and findings per field of ``item``'s public texts: empty where ``needed``, or
    holding personal data."""
    errors: dict[str, str] = {}
    found: dict[str, list[Finding]] = {}
    for name in fields:
        text = getattr(item, name)
        if not text.strip():
            if name in needed:
                errors[key(name)] = empty[name]
            continue
        if hits := findings(text, names=names):
            errors[key(name)] = f"{describe(hits)} Haal dit weg of schrijf het algemener."
            found[key(name)] = hits
    return errors, found


def _signal_problems(signal: Signal, names: list[str]) -> tuple[dict[str, str], dict]:
    # The response is asked for once the organisation answered or took a measure; before
    # that a signal may be published as raised and awaiting an answer.
    needed = {"public_title", "public_text"}
    if signal.answer.strip() or signal.measure.strip():
        needed.add("public_response")
    return _check(signal, SIGNAL_TEXTS, names=names, empty=EMPTY, needed=needed)


def _recommendation_problems(recommendation: Recommendation, names: list[str],
                             key=lambda name: name) -> tuple[dict[str, str], dict]:
    needed = {"public_text"}
    if recommendation.responded_on or recommendation.response.strip():
        needed.add("public_response")
    return _check(recommendation, RECOMMENDATION_TEXTS, names=names,
                  empty=RECOMMENDATION_EMPTY, needed=needed, key=key)


# --- writes -------------------------------------------------------------------------------

def _owner(recommendation: Recommendation):
    return recommendation.case if recommendation.case_id else recommendation.signal


def _locked_recommendation(recommendation: Recommendation) -> Recommendation:
    locked = lock_own_rows(Recommendation.objects.all()).get(pk=recommendation.pk)
    # The signal or case the caller already holds (opened through its selector).
    locked.signal = recommendation.signal if recommendation.signal_id else None
    locked.case = recommendation.case if recommendation.case_id else None
    return locked


def _write_texts(item, texts: Mapping[str, str]) -> tuple[list[str], bool]:
    """Set the changed public texts on ``item``; withdraw it when it was publishable.
    Return the changed field names and whether it was withdrawn (not saved yet)."""
    changed = [name for name, text in texts.items() if getattr(item, name) != text.strip()]
    for name in changed:
        setattr(item, name, texts[name].strip())
    withdrawn = bool(changed) and item.publishable_at is not None
    if withdrawn:
        item.publishable_at = None
        item.publishable_by = None
    return changed, withdrawn


def _update_recommendation(*, user, recommendation: Recommendation, public_text: str,
                           public_response: str) -> None:
    changed, withdrawn = _write_texts(recommendation, {"public_text": public_text,
                                                       "public_response": public_response})
    if not changed:
        return
    recommendation.save(update_fields=[*changed, "publishable_at", "publishable_by"])
    audit_recommendation(user=user, recommendation=recommendation,
                          event="recommendation.publication_updated",
                          details={"recommendation": recommendation.pk, "fields": changed,
                                   "withdrawn": withdrawn})


@transaction.atomic
def signal_publication_update(*, user, signal: Signal, public_title: str, public_text: str,
                              public_response: str,
                              recommendations: Mapping[int, tuple[str, str]] | None = None
                              ) -> Signal:
    """Save the texts for publication of ``signal`` and, by id, of its recommendations
    (``{id: (public_text, public_response)}``). A changed text of a publishable item
    withdraws it: the new text has not been checked for personal data."""
    require_edit(user, signal.municipality_id)
    locked = locked_signal(signal)
    recommendations = dict(recommendations or {})
    own = {r.pk: r for r in lock_own_rows(Recommendation.objects.filter(
        signal=locked, pk__in=list(recommendations)))}
    errors: dict[str, str] = {}
    if len(public_title.strip()) > Signal._meta.get_field("public_title").max_length:
        errors["public_title"] = "Maak de titel korter: ten hoogste 160 tekens."
    if unknown := sorted(set(recommendations) - set(own)):
        errors["__all__"] = (f"Deze aanbevelingen horen niet bij signaal {locked.pk}: "
                             f"{', '.join(map(str, unknown))}.")
    if errors:
        raise ValidationError(errors)
    changed, withdrawn = _write_texts(locked, {"public_title": public_title,
                                               "public_text": public_text,
                                               "public_response": public_response})
    if changed:
        locked.save(update_fields=[*changed, "publishable_at", "publishable_by", "updated_at"])
        selectors.audit_signal(user=user, signal=locked, action=Action.UPDATE,
                               event="signal.publication_updated",
                               details={"fields": changed, "withdrawn": withdrawn})
    for pk, (text, response) in recommendations.items():
        own[pk].signal = locked
        _update_recommendation(user=user, recommendation=own[pk], public_text=text,
                               public_response=response)
    signal.refresh_from_db()
    return signal


@transaction.atomic
def recommendation_publication_update(*, user, recommendation: Recommendation,
                                      public_text: str, public_response: str
                                      ) -> Recommendation:
    """Save the texts for publication of ``recommendation`` (of a signal or of a case's
    report); a changed text of a publishable recommendation withdraws it."""
    require_edit(user, _owner(recommendation).municipality_id)
    locked = _locked_recommendation(recommendation)
    _update_recommendation(user=user, recommendation=locked, public_text=public_text,
                           public_response=public_response)
    return locked


def _mark(item, user, now) -> None:
    item.publishable_at = now
    item.publishable_by = user
    item.save(update_fields=["publishable_at", "publishable_by"])


@transaction.atomic
def signal_mark_publishable(*, user, signal: Signal) -> Signal:
    """Mark ``signal`` publishable: its public texts may appear in reports. Refused with
    ``PublicationRefused`` (on the fields) while a text is empty or holds personal data."""
    require_edit(user, signal.municipality_id)
    locked = locked_signal(signal)
    if locked.publishable_at is None:
        errors, found = _signal_problems(locked, signal_names(locked))
        if errors:
            raise PublicationRefused(errors, found)
        _mark(locked, user, timezone.now())
        selectors.audit_signal(user=user, signal=locked, action=Action.UPDATE,
                               event="signal.marked_publishable")
    signal.refresh_from_db()
    return signal


@transaction.atomic
def recommendation_mark_publishable(*, user, recommendation: Recommendation) -> Recommendation:
    """Mark ``recommendation`` publishable; refused like ``signal_mark_publishable``."""
    require_edit(user, _owner(recommendation).municipality_id)
    locked = _locked_recommendation(recommendation)
    if locked.publishable_at is None:
        errors, found = _recommendation_problems(locked, recommendation_names(locked))
        if errors:
            raise PublicationRefused(errors, found)
        _mark(locked, user, timezone.now())
        audit_recommendation(user=user, recommendation=locked,
                              event="recommendation.marked_publishable",
                              details={"recommendation": locked.pk})
    return locked


@transaction.atomic
def signal_publish(*, user, signal: Signal) -> Signal:
    """Mark ``signal`` and each of its recommendations with a public text publishable, all
    or nothing. A refusal names every problem: the signal's on its fields, a
    recommendation's on ``recommendation_field(id, name)``."""
    require_edit(user, signal.municipality_id)
    locked = locked_signal(signal)
    names = signal_names(locked)
    waiting = [r for r in lock_own_rows(Recommendation.objects.filter(signal=locked))
               .order_by("due_on", "id")
               if r.publishable_at is None and r.public_text.strip()]
    errors, found = ({}, {}) if locked.publishable_at else _signal_problems(locked, names)
    for r in waiting:
        more, hits = _recommendation_problems(
            r, names, key=lambda name, pk=r.pk: recommendation_field(pk, name))
        errors.update(more)
        found.update(hits)
    if errors:
        raise PublicationRefused(errors, found)
    now = timezone.now()
    if locked.publishable_at is None:
        _mark(locked, user, now)
        selectors.audit_signal(user=user, signal=locked, action=Action.UPDATE,
                               event="signal.marked_publishable")
    for r in waiting:
        r.signal = locked
        _mark(r, user, now)
        audit_recommendation(user=user, recommendation=r,
                              event="recommendation.marked_publishable",
                              details={"recommendation": r.pk})
    signal.refresh_from_db()
    return signal


@transaction.atomic
def signal_unmark_publishable(*, user, signal: Signal) -> Signal:
    """Withdraw ``signal`` from publication (its recommendations keep their mark, but
    appear only with a publishable signal)."""
    require_edit(user, signal.municipality_id)
    locked = locked_signal(signal)
    if locked.publishable_at is not None:
        _mark(locked, None, None)
        selectors.audit_signal(user=user, signal=locked, action=Action.UPDATE,
                               event="signal.unmarked_publishable")
    signal.refresh_from_db()
    return signal


@transaction.atomic
def recommendation_unmark_publishable(*, user, recommendation: Recommendation
                                      ) -> Recommendation:
    """Withdraw ``recommendation`` from publication."""
    require_edit(user, _owner(recommendation).municipality_id)
    locked = _locked_recommendation(recommendation)
    if locked.publishable_at is not None:
        _mark(locked, None, None)
        audit_recommendation(user=user, recommendation=locked,
                              event="recommendation.unmarked_publishable",
                              details={"recommendation": locked.pk})
    return locked


# --- the items of a report ------------------------------------------------------------------

@dataclass(frozen=True)
class RecommendationItem:
    addressee: str
    text: str
    response: str
    adoption_label: str
    due_on: date
    responded_on: date | None


@dataclass(frozen=True)
class SignalItem:
    title: str
    text: str
    response: str
    status_label: str
    organisation: str
    raised_on: date
    recommendations: tuple[RecommendationItem, ...]


def _day_after(day: date) -> datetime:
    """The first moment after ``day`` (local time), the exclusive end of a period."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _recommendation_item(r: Recommendation, *, publishable_only: bool) -> RecommendationItem:
    return RecommendationItem(
        addressee=r.addressee,
        text=r.public_text if publishable_only else (r.public_text or r.text),
        response=r.public_response if publishable_only else (r.public_response or r.response),
        adoption_label=str(r.get_adoption_display()), due_on=r.due_on,
        responded_on=r.responded_on)


def _internal_response(signal: Signal) -> str:
    return "\n\n".join(t for t in (signal.answer, signal.measure) if t.strip())


def report_items(municipality_ids: list[int], period, *,
                 publishable_only: bool) -> list[SignalItem]:
    """The signals of ``municipality_ids`` open at some time in ``period`` (raised on or
    before its end, not closed before its start), oldest first, each with the
    recommendations made on it up to the period's end.

    ``publishable_only``: only signals and recommendations marked publishable, with their
    public texts (the published report). Otherwise every one, with the public text where it
    is written and the internal one where not (the exact report for staff). Two queries."""
    recommendations = Recommendation.objects.filter(created_at__lt=_day_after(period.end))
    signals = Signal.objects.filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=period.start),
        municipality_id__in=list(municipality_ids), raised_on__lte=period.end)
    if publishable_only:
        signals = signals.filter(publishable_at__isnull=False)
        recommendations = recommendations.filter(publishable_at__isnull=False)
    signals = (signals.select_related("organisation").order_by("raised_on", "id")
               .prefetch_related(Prefetch("recommendations",
                                          queryset=recommendations.order_by("due_on", "id"))))
    return [SignalItem(
        title=s.public_title if publishable_only else (s.public_title or s.title),
        text=s.public_text if publishable_only else (s.public_text or s.description),
        response=(s.public_response if publishable_only
                  else (s.public_response or _internal_response(s))),
        status_label=s.status_label, organisation=s.organisation.name, raised_on=s.raised_on,
        recommendations=tuple(_recommendation_item(r, publishable_only=publishable_only)
                              for r in s.recommendations.all()),
    ) for s in signals]


def case_recommendation_items(municipality_ids: list[int], period, *,
                              publishable_only: bool) -> list[RecommendationItem]:
    """The recommendations of the ombudsfunctie's reports on cases (variant 6) of
    ``municipality_ids`` made in ``period``, oldest first; ``publishable_only`` as in
    ``report_items``. One query."""
    since = timezone.make_aware(datetime.combine(period.start, time.min))
    qs = Recommendation.objects.filter(
        case__municipality_id__in=list(municipality_ids), created_at__gte=since,
        created_at__lt=_day_after(period.end))
    if publishable_only:
        qs = qs.filter(publishable_at__isnull=False)
    return [_recommendation_item(r, publishable_only=publishable_only)
            for r in qs.order_by("created_at", "id")]
