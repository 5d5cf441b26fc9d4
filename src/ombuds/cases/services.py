"""Every change to cases goes through these functions; pages and API call the same ones.

Each runs in one transaction and writes its timeline entry and audit entry with the change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ombuds.accounts.models import User
from ombuds.cases.attachments import validate_upload
from ombuds.cases.hooks import OpenItem, case_open_items, hooks
from ombuds.cases.models import (
    MANUAL_KINDS,
    Attachment,
    Case,
    CaseOrganisation,
    Channel,
    EntryKind,
    Person,
    ReferenceCounter,
    TimelineEntry,
)
from ombuds.cases.permissions import (
    can_assign,
    can_edit,
    can_import,
    can_register,
    can_transition,
    may_handle,
    sees_health_details,
)
from ombuds.cases.selectors import audit_case, visible_cases
from ombuds.core.audit import Action, audit_log
from ombuds.core.models import Domain, Municipality, Theme
from ombuds.domain.workflow import InvalidTransition
from ombuds.socialmap.models import Organisation


@dataclass
class PersonData:
    """What intake records about a resident or representative (no BSN, AVG art. 5)."""

    name: str
    date_of_birth: date | None = None
    email: str = ""
    phone: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    preferred_channel: str = ""
    avoid_channels: list[str] = field(default_factory=list)
    interpreter_language: str = ""
    easy_language: bool = False
    accessibility_needs: str = ""


def reference_next(*, municipality: Municipality, year: int) -> str:
    """Hand out the next reference, e.g. ``STW-2026-0042``, safely across processes.

    The counter row is incremented with a single ``UPDATE … SET n = n + 1``; the row lock it
    takes (PostgreSQL) or the write lock (SQLite) lasts until the surrounding transaction
    commits, so two processes can never read the same number.
    """
    counter_filter = {"municipality": municipality, "year": year}
    if not ReferenceCounter.objects.filter(**counter_filter).exists():
        try:
            with transaction.atomic():
                ReferenceCounter.objects.create(**counter_filter)
        except IntegrityError:
            pass  # another process created it first; the UPDATE below serialises us
    ReferenceCounter.objects.filter(**counter_filter).update(last_number=F("last_number") + 1)
    number = ReferenceCounter.objects.get(**counter_filter).last_number
    return f"{municipality.reference_prefix}-{year}-{number:04d}"


def person_create(*, user: User, office_id: int, data: PersonData) -> Person:
    person = Person.objects.create(office_id=office_id, **data.__dict__)
    audit_log(user=user, action=Action.CREATE, event="person.created", obj=person,
              object_label=f"persoon {person.pk}", person_id=person.pk)
    return person


def _search_text(case: Case) -> str:
    return "\n".join(part for part in (case.title, case.story, case.wish) if part)


@transaction.atomic
def case_register(
    *,
    user: User,
    municipality: Municipality,
    channel: str,
    title: str,
    story: str,
    person: Person | None = None,
    person_data: PersonData | None = None,
    representative_data: PersonData | None = None,
    representative_relation: str = "",
    wish: str = "",
    route_tried: str = "",
    referred_by: str = "",
    sensitive_details: str = "",
    urgency: str = "normaal",
    domains: Iterable[Domain] = (),
    themes: Iterable[Theme] = (),
    organisations: Iterable[Organisation] = (),
    assignee: User | None = None,
    opened_at: datetime | None = None,
    imported: bool = False,
    public_form: bool = False,
) -> Case:
    """Register a new case (intake) in the municipality's current process variant.

    Either ``person`` (an existing resident, chosen from the duplicate check) or
    ``person_data`` (a new one) is required. ``imported`` marks a case taken over from an
    office's old spreadsheet by the beheerder (``ombuds.interop``), who may import but not
    register. ``public_form`` marks a resident's own request from the public web form
    (``public.services``): no staff member registers it, so no intake role is checked, and
    its channel is always "web".
    """
    allowed = can_import if imported else can_register
    if public_form:
        if channel != Channel.WEB:
            raise ValueError("A request from the public form has the channel 'web'.")
    elif not allowed(user, municipality.pk):
        raise PermissionDenied("U mag in deze gemeente geen zaken registreren.")
    if person is None and person_data is None:
        raise ValidationError({"person": "Vul de gegevens van de inwoner in."})
    if person is not None and person.office_id != municipality.office_id:
        raise ValidationError({"person": "Deze inwoner hoort bij een ander bureau."})
    themes, domains, organisations = list(themes), list(domains), list(organisations)
    if any(t.municipality_id != municipality.pk for t in themes):
        raise ValidationError({"themes": "Kies thema's van deze gemeente."})
    if organisations:
        served = set(municipality.organisations.filter(
            pk__in=[o.pk for o in organisations]).values_list("pk", flat=True))
        if any(o.pk not in served for o in organisations):
            raise ValidationError(
                {"organisations": "Kies organisaties van de sociale kaart van deze gemeente."})
    if assignee is not None and not may_handle(assignee, municipality.pk):
        raise ValidationError({"assignee": "Deze medewerker kan geen zaken van deze gemeente behandelen."})
    opened_at = opened_at or timezone.now()
    if person is None:
        person = person_create(user=user, office_id=municipality.office_id, data=person_data)
    representative = None
    if representative_data is not None and representative_data.name:
        representative = person_create(
            user=user, office_id=municipality.office_id, data=representative_data
        )
    workflow = municipality.workflow
    case = Case(
        reference=reference_next(municipality=municipality,
                                 year=timezone.localtime(opened_at).year),
        municipality=municipality, workflow=workflow, status=workflow.workflow.initial,
        channel=channel, referred_by=referred_by, person=person, representative=representative,
        representative_relation=representative_relation if representative else "",
        title=title, story=story, wish=wish, route_tried=route_tried,
        sensitive_details=sensitive_details, urgency=urgency, assignee=assignee,
        created_by=user, opened_at=opened_at,
    )
    case.search_text = _search_text(case)
    case.full_clean(exclude=["search_text"])
    case.save()
    case.domains.set(set(domains) | {t.domain for t in themes})
    case.themes.set(themes)
    CaseOrganisation.objects.bulk_create(
        CaseOrganisation(case=case, organisation=org) for org in organisations
    )
    TimelineEntry.objects.create(
        case=case, kind=EntryKind.STATUS, occurred_at=opened_at, author=user,
        summary=(f"Zaak geïmporteerd ({case.get_channel_display()})" if imported
                 else f"Zaak geregistreerd ({case.get_channel_display()})"),
        status_to=case.status,
    )
    audit_case(user=user, case=case, action=Action.CREATE, event="case.created",
               details={"channel": channel, "variant": workflow.variant, "imported": imported})
    for hook in hooks():
        hook.registered(user=user, case=case, on=timezone.localtime(opened_at).date(),
                        imported=imported)
    return case


def case_reopen(*, user: User, case: Case, reason: str) -> Case:
    """Open a closed case again, in the status it had before it was closed.

    For a resident who comes back about the same question soon after closure: one file
    instead of two. The outcome and the closing figures are cleared (the reports count the
    case when it closes again), and so is the retention term, which counts from closure. The
    timeline keeps the closure and says why the case was reopened.
    """
    if not can_transition(user, case):
        raise PermissionDenied("U mag de status van deze zaak niet wijzigen.")
    if not reason.strip():
        raise ValidationError({"reason": "Schrijf op waarom de zaak weer open gaat."})
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("workflow").get(pk=case.pk)
        workflow = locked.workflow.workflow
        if locked.closed_at is None or not workflow.is_closed(locked.status):
            raise ValidationError("Deze zaak is niet afgesloten.", code="case_open")
        closing = (locked.timeline.filter(kind=EntryKind.STATUS, status_to=locked.status)
                   .exclude(status_from="").order_by("-occurred_at", "-pk").first())
        target = closing.status_from if closing else workflow.initial
        if workflow.is_closed(target):
            target = workflow.initial
        source, outcome = locked.status, locked.outcome
        locked.status, locked.outcome, locked.closed_at = target, "", None
        locked.procedure_avoided, locked.procedure_avoided_what = "", ""
        locked.minutes_spent = None
        locked.save(update_fields=["status", "outcome", "closed_at", "procedure_avoided",
                                   "procedure_avoided_what", "minutes_spent", "updated_at"])
        TimelineEntry.objects.create(
            case=locked, kind=EntryKind.STATUS, occurred_at=timezone.now(), author=user,
            summary=f"Zaak heropend: {workflow.status(source).label} → "
                    f"{workflow.status(target).label}"[:200],
            body=reason.strip(), status_from=source, status_to=target,
        )
        audit_case(user=user, case=locked, action=Action.UPDATE, event="case.reopened",
                   details={"from": source, "to": target, "outcome": outcome})
        for hook in hooks():
            hook.reopened(user=user, case=locked)
    case.status, case.outcome, case.closed_at = locked.status, "", None
    return case


#: The intake details ``case_update`` may correct, with the names the timeline uses.
DETAIL_LABELS = {
    "title": "onderwerp", "story": "verhaal", "wish": "wens", "route_tried": "geprobeerde route",
    "referred_by": "verwezen door", "urgency": "urgentie",
    "sensitive_details": "gezondheidsgegevens", "domains": "domeinen", "themes": "thema's",
}


def case_update(*, user: User, case: Case, domains: Iterable[Domain] | None = None,
                themes: Iterable[Theme] | None = None, **values: str) -> list[str]:
    """Correct the intake details of an open case; return the names of what changed.

    Only the given details change. The timeline says which ones did and by whom; the audit
    entry names the fields, never their contents. The health details are only changed by
    someone who may see them. A closed case is a record: it is corrected through an AVG
    rectification request (``privacy``), not here.
    """
    unknown = set(values) - set(DETAIL_LABELS)
    if unknown:
        raise TypeError(f"case_update() got unexpected details {sorted(unknown)}")
    if not can_edit(user, case) or not visible_cases(user).filter(pk=case.pk).exists():
        raise PermissionDenied("U mag de gegevens van deze zaak niet wijzigen.")
    if "sensitive_details" in values and not sees_health_details(user, case):
        raise PermissionDenied("U mag de gevoelige gegevens van deze zaak niet wijzigen.")
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("municipality").get(pk=case.pk)
        if case.closed_at is not None:
            raise ValidationError("Deze zaak is afgesloten; de gegevens wijzigen kan niet meer. "
                                  "Een correctie voor de inwoner loopt via een AVG-verzoek.",
                                  code="case_closed")
        changed = [name for name, value in values.items() if getattr(case, name) != value]
        for name in changed:
            setattr(case, name, values[name])
        if themes is not None:
            themes = list(themes)
            if any(t.municipality_id != case.municipality_id for t in themes):
                raise ValidationError({"themes": f"Kies alleen thema's van {case.municipality.name}."})
            current = set(case.themes.values_list("pk", flat=True))
            # A theme the beheerder retired stays on the cases that have it, but is not added.
            added = {t.pk for t in themes} - current
            if added and Theme.objects.filter(pk__in=added, active=False).exists():
                raise ValidationError({"themes": "Dit thema wordt niet meer gebruikt."})
            if {t.pk for t in themes} != current:
                changed.append("themes")
        if domains is not None or "themes" in changed:
            wanted = set(domains if domains is not None else case.domains.all())
            wanted |= {t.domain for t in (themes if themes is not None else case.themes.all())}
            if {d.pk for d in wanted} != set(case.domains.values_list("pk", flat=True)):
                changed.append("domains")
        if not changed:
            return []
        case.search_text = _search_text(case)
        case.full_clean(exclude=["search_text"])
        case.save()
        if "themes" in changed:
            case.themes.set(themes)
        if "domains" in changed:
            case.domains.set(wanted)
        names = [DETAIL_LABELS[name] for name in changed]
        TimelineEntry.objects.create(
            case=case, kind=EntryKind.DETAILS, occurred_at=timezone.now(), author=user,
            summary=f"Zaakgegevens gewijzigd: {', '.join(names)}",
        )
        audit_case(user=user, case=case, action=Action.UPDATE, event="case.updated",
                   details={"fields": changed})
    return changed


@dataclass(frozen=True)
class Closure:
    """What closing a case records for the reports besides its outcome."""

    procedure_avoided: str = ""  # ja | nee | onbekend
    procedure_avoided_what: str = ""  # bezwaar | klacht | beroep | ombudsman | anders
    minutes_spent: int | None = None

    def check(self) -> None:
        errors = {}
        if self.procedure_avoided not in ("", "ja", "nee", "onbekend"):
            errors["procedure_avoided"] = "Kies ja, nee of onbekend."
        if self.procedure_avoided == "ja" and not self.procedure_avoided_what:
            errors["procedure_avoided_what"] = "Geef aan welke formele procedure is voorkomen."
        if self.procedure_avoided_what not in ("", "bezwaar", "klacht", "beroep", "ombudsman",
                                               "anders"):
            errors["procedure_avoided_what"] = "Kies een procedure uit de lijst."
        if self.minutes_spent is not None and not 0 <= self.minutes_spent <= 100_000:
            errors["minutes_spent"] = "Vul de bestede tijd in minuten in (0 of meer)."
        if errors:
            raise ValidationError(errors)


def case_transition(*, user: User, case: Case, target: str, outcome: str = "",
                    note: str = "", closure: Closure | None = None,
                    on: date | None = None, reason: str = "") -> Case:
    """Move ``case`` to ``target`` if its own workflow allows it; else raise InvalidTransition.

    Checks the table, then what the wings' hooks say the law requires (the complaint of
    variants 4–6), changes the state, writes the timeline entry and the audit entry, and lets
    the hooks record the move, all in one transaction; a refused move changes nothing. ``on``
    is the date the move records where it records one (a complaint's receipt, the sending of
    an acknowledgement); default today. When the move closes the case, ``closure`` records
    whether a formal procedure was avoided and the time spent.

    The closing check: a move that closes the case while something is still open (the hooks'
    ``open_items``: planned meetings, open agreements, unchecked referrals, running terms,
    letters not sent) needs ``reason``, the handler's "Toch afsluiten, omdat …"; without it
    the move is refused with a ``ValidationError`` on ``reason`` that names every open item
    (and lists them under ``open_items``). With it, the timeline entry of the closure keeps
    the reason and the list of what was open.
    """
    if not can_transition(user, case):
        raise PermissionDenied("U mag de status van deze zaak niet wijzigen.")
    if closure is not None:
        closure.check()
    today = timezone.localdate()
    on = on or today
    if on > today:
        raise ValidationError({"on": "Deze datum ligt in de toekomst."}, code="date_in_future")
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("workflow").get(pk=case.pk)
        workflow = locked.workflow.workflow
        transition = workflow.check(locked.status, target, outcome or None)
        source = locked.status
        for hook in hooks():
            hook.check_transition(case=locked, source=source, target=target,
                                  outcome=outcome, on=on)
        still_open = case_open_items(locked) if workflow.is_closed(target) else []
        if still_open and not reason.strip():
            raise open_items_error(still_open)
        if still_open:
            note = closing_note(note=note, reason=reason, items=still_open)
        now = timezone.now()
        locked.status = target
        fields = ["status", "updated_at"]
        if workflow.is_closed(target):
            locked.outcome, locked.closed_at = outcome, now
            fields += ["outcome", "closed_at"]
            if closure is not None:
                locked.procedure_avoided = closure.procedure_avoided
                locked.procedure_avoided_what = closure.procedure_avoided_what
                locked.minutes_spent = closure.minutes_spent
                fields += ["procedure_avoided", "procedure_avoided_what", "minutes_spent"]
        locked.save(update_fields=fields)
        summary = f"{transition.label}: {workflow.status(source).label} → {workflow.status(target).label}"
        if outcome:
            summary += f" ({workflow.outcome(outcome).label})"
        if still_open:
            summary += (" — toch afgesloten met 1 open punt" if len(still_open) == 1
                        else f" — toch afgesloten met {len(still_open)} open punten")
        TimelineEntry.objects.create(
            case=locked, kind=EntryKind.STATUS, occurred_at=now, author=user,
            summary=summary[:200], body=note, status_from=source, status_to=target,
            outcome=outcome,
        )
        details = {"from": source, "to": target, "outcome": outcome}
        if still_open:  # the kinds only: an item's label may name the resident's matters
            details["closed_with_open_items"] = sorted({item.kind for item in still_open})
        audit_case(user=user, case=case, action=Action.UPDATE, event="case.transitioned",
                   details=details)
        for hook in hooks():
            hook.transitioned(user=user, case=locked, source=source, target=target,
                              outcome=outcome, on=on)
    case.status, case.outcome, case.closed_at = locked.status, locked.outcome, locked.closed_at
    return case


def open_items_error(items: Sequence[OpenItem]) -> ValidationError:
    """The refusal of a closure while ``items`` are open: on ``reason``, naming each item,
    with each item under ``open_items``; the items themselves are on ``.open_items``."""
    listed = "; ".join(str(item) for item in items)
    count = "staat nog 1 punt" if len(items) == 1 else f"staan nog {len(items)} punten"
    error = ValidationError({
        "reason": ValidationError(
            f"Er {count} open: {listed}. Handel dat eerst af, of schrijf op waarom u de zaak "
            f"toch afsluit.", code="open_items"),
        "open_items": [ValidationError(str(item), code=item.kind) for item in items],
    })
    error.open_items = list(items)  # for a caller that shows them (the API)
    return error


def closing_note(*, note: str, reason: str, items: Sequence[OpenItem]) -> str:
    """The body of the timeline entry of a closure despite ``items``: the handler's note, the
    reason and what was still open (an agreement with its wording)."""
    lines = [f"- {item}" + (f": {item.text}" if item.text else "") for item in items]
    reason = reason.strip()
    if reason.lower().startswith("omdat "):  # the form's label already says "omdat …"
        reason = reason[len("omdat "):]
    parts = [note.strip(), f"Toch afgesloten, omdat {reason}",
             "Nog open bij het afsluiten:\n" + "\n".join(lines)]
    return "\n\n".join(part for part in parts if part)


def transition_date_label(*, case: Case, transition) -> str:
    """The label of the date ``transition`` records for ``case`` ("" when none)."""
    for hook in hooks():
        label = hook.date_label(case=case, transition=transition)
        if label:
            return label
    return ""


@transaction.atomic
def case_assign(*, user: User, case: Case, assignee: User | None) -> Case:
    """Make ``assignee`` the handler of ``case`` (``None`` returns it to the intake queue)."""
    if not can_assign(user, case):
        raise PermissionDenied("U mag deze zaak niet toewijzen.")
    if case.is_closed:
        raise ValidationError("Een afgesloten zaak kan niet meer worden toegewezen.",
                              code="case_closed")
    if assignee is not None and not may_handle(assignee, case.municipality_id):
        raise ValidationError(
            "Deze medewerker kan geen zaken van %(gemeente)s behandelen.",
            code="assignee_not_allowed", params={"gemeente": case.municipality.name},
        )
    previous = case.assignee
    Case.objects.filter(pk=case.pk).update(assignee=assignee, updated_at=timezone.now())
    case.assignee = assignee
    TimelineEntry.objects.create(
        case=case, kind=EntryKind.ASSIGNMENT, occurred_at=timezone.now(), author=user,
        summary=(f"Toegewezen aan {assignee.display_name}" if assignee
                 else "Teruggezet naar nieuwe aanmeldingen"),
    )
    audit_case(user=user, case=case, action=Action.UPDATE, event="case.assigned",
               details={"from": previous.pk if previous else None,
                        "to": assignee.pk if assignee else None})
    return case


@transaction.atomic
def timeline_entry_add(*, user: User, case: Case, kind: str, summary: str, body: str = "",
                       occurred_at: datetime | None = None, sensitive: bool = False,
                       sent_to_resident: bool = False, files: Sequence = ()) -> TimelineEntry:
    """Append an entry, with attachments, to the case file."""
    if kind not in MANUAL_KINDS:
        raise ValidationError({"kind": "Kies een soort tijdlijnregel."})
    if not summary.strip():
        raise ValidationError({"summary": "Vul een samenvatting in."})
    checked = [(upload, *validate_upload(upload)) for upload in files]
    entry = TimelineEntry.objects.create(
        case=case, kind=kind, occurred_at=occurred_at or timezone.now(), author=user,
        summary=summary.strip(), body=body, sensitive=sensitive,
        sent_to_resident=sent_to_resident,
    )
    for upload, content_type, sha256 in checked:
        attachment = Attachment(entry=entry, original_name=upload.name[-200:],
                                content_type=content_type, size=upload.size, sha256=sha256)
        attachment.file.save(attachment.uuid.hex, upload, save=False)
        attachment.save()
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    audit_case(user=user, case=case, action=Action.UPDATE, event="timeline.added",
               details={"entry": entry.pk, "kind": kind, "attachments": len(checked)})
    for hook in hooks():
        hook.entry_added(user=user, case=case, entry=entry)
    return entry


__all__ = [
    "Closure",
    "InvalidTransition",
    "PersonData",
    "case_assign",
    "case_register",
    "case_transition",
    "person_create",
    "reference_next",
    "timeline_entry_add",
]
