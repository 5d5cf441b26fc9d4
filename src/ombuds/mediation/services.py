"""Writes for mediation: parties and consent, meetings and agreements, referral, reminders.

Each function checks the user's role, runs in one transaction, and writes its timeline entry
and audit entry with the change. Sharing with a party needs a valid consent per purpose
(AVG art. 6, 9); sharing without one is only possible through a recorded vital-interest
override, whose audit entry says so in its authorisation field.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ombuds.accounts.roles import ALL_CASES_ROLES, CASE_ROLES
from ombuds.cases.hooks import hooks
from ombuds.cases.models import Case, CaseOrganisation, EntryKind, TimelineEntry
from ombuds.cases.permissions import main_role
from ombuds.cases.selectors import audit_case
from ombuds.core.audit import Action, audit_log
from ombuds.core.db import lock_own_rows
from ombuds.core.outbox import outbox_enqueue
from ombuds.domain.deadlines import nl_date
from ombuds.mediation import selectors
from ombuds.mediation.models import (
    Agreement,
    Consent,
    ConsentForm,
    ConsentOverride,
    ConsentPurpose,
    Meeting,
    Referral,
)
from ombuds.socialmap.models import Organisation, Route

OVERRIDE_AUTHORISATION = "doorbreking: vitaal belang"
#: A justification shorter than this is not a justification.
OVERRIDE_MIN_LENGTH = 20


# --- helpers ------------------------------------------------------------------------------

def _require_case_role(user, case: Case) -> None:
    if not user.roles_in(case.municipality_id) & CASE_ROLES:
        raise PermissionDenied("U mag de bemiddeling van deze zaak niet wijzigen.")


def _note(*, user, case: Case, summary: str, body: str = "",
          kind: str = EntryKind.NOTE, occurred_at: datetime | None = None) -> TimelineEntry:
    """Append a timeline entry written by a mediation service (not a manual one)."""
    entry = TimelineEntry.objects.create(
        case=case, kind=kind, occurred_at=occurred_at or timezone.now(), author=user,
        summary=summary[:200], body=body,
    )
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    for hook in hooks():
        hook.entry_added(user=user, case=case, entry=entry)
    return entry


def _not_in_future(errors: dict, name: str, value: date | None) -> None:
    if value and value > timezone.localdate():
        errors[name] = "Deze datum ligt in de toekomst."


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def _on_social_map(case: Case, organisation: Organisation | None) -> bool:
    return organisation is not None and organisation.active and \
        organisation.municipalities.filter(pk=case.municipality_id).exists()


# --- parties and consent ------------------------------------------------------------------

@transaction.atomic
def party_add(*, user, case: Case, organisation: Organisation, role: str = "",
              contact_person: str = "", contact_email: str = "",
              contact_phone: str = "") -> CaseOrganisation:
    """Add an organisation of the municipality's social map as a party of ``case``."""
    _require_case_role(user, case)
    errors: dict[str, str] = {}
    if not _on_social_map(case, organisation):
        errors["organisation"] = (f"Kies een organisatie van de sociale kaart van "
                                  f"{case.municipality.name}.")
    elif CaseOrganisation.objects.filter(case=case, organisation=organisation).exists():
        errors["organisation"] = f"{organisation.name} is al een partij in deze zaak."
    _raise(errors)
    party = CaseOrganisation.objects.create(
        case=case, organisation=organisation, role=role.strip(),
        contact_person=contact_person.strip(), contact_email=contact_email.strip(),
        contact_phone=contact_phone.strip(),
    )
    _note(user=user, case=case, summary=f"Partij toegevoegd: {organisation.name}")
    audit_case(user=user, case=case, action=Action.UPDATE, event="party.added",
               details={"party": party.pk, "organisation": organisation.pk})
    return party


@transaction.atomic
def consent_record(*, user, party: CaseOrganisation, purpose: str, scope: str, given_on: date,
                   given_how: str, given_by: str, shares_story: bool = False,
                   shares_contact: bool = False) -> Consent:
    """Record the resident's consent to share with ``party`` for ``purpose``."""
    case = party.case
    _require_case_role(user, case)
    errors: dict[str, str] = {}
    if purpose not in ConsentPurpose.values:
        errors["purpose"] = "Kies waarvoor de toestemming is."
    if given_how not in ConsentForm.values:
        errors["given_how"] = "Kies hoe de toestemming is gegeven."
    if not scope.strip():
        errors["scope"] = "Beschrijf wat gedeeld mag worden."
    if not given_by.strip():
        errors["given_by"] = "Vul in wie de toestemming gaf."
    if given_on is None:
        errors["given_on"] = "Vul in wanneer de toestemming is gegeven."
    _not_in_future(errors, "given_on", given_on)
    _raise(errors)
    consent = Consent.objects.create(
        case=case, party=party, purpose=purpose, scope=scope.strip(), given_on=given_on,
        given_how=given_how, given_by=given_by.strip(), shares_story=shares_story,
        shares_contact=shares_contact, recorded_by=user,
    )
    _note(user=user, case=case,
          summary=f"Toestemming vastgelegd voor {party.organisation.name}: "
                  f"{consent.get_purpose_display()}",
          body=f"Gegeven op {given_on:%d-%m-%Y} ({consent.get_given_how_display().lower()}) "
               f"door {consent.given_by}.")
    audit_case(user=user, case=case, action=Action.UPDATE, event="consent.recorded",
               details={"consent": consent.pk, "party": party.pk, "purpose": purpose,
                        "story": shares_story, "contact": shares_contact})
    return consent


@transaction.atomic
def consent_revoke(*, user, consent: Consent, revoked_on: date) -> Consent:
    """Record that the resident withdrew ``consent`` on ``revoked_on``; from then on nothing
    is shared on its basis."""
    case = consent.case
    _require_case_role(user, case)
    errors: dict[str, str] = {}
    if consent.revoked_on is not None:
        errors["revoked_on"] = (f"Deze toestemming is al ingetrokken op "
                                f"{consent.revoked_on:%d-%m-%Y}.")
    elif revoked_on is None:
        errors["revoked_on"] = "Vul in wanneer de toestemming is ingetrokken."
    elif revoked_on < consent.given_on:
        errors["revoked_on"] = "De intrekking kan niet vóór de toestemming liggen."
    else:
        _not_in_future(errors, "revoked_on", revoked_on)
    _raise(errors)
    consent.revoked_on = revoked_on
    consent.save(update_fields=["revoked_on"])
    _note(user=user, case=case,
          summary=f"Toestemming ingetrokken voor {consent.party.organisation.name}: "
                  f"{consent.get_purpose_display()}",
          body=f"Ingetrokken op {revoked_on:%d-%m-%Y}.")
    audit_case(user=user, case=case, action=Action.UPDATE, event="consent.revoked",
               details={"consent": consent.pk, "party": consent.party_id})
    return consent


@transaction.atomic
def consent_override_record(*, user, party: CaseOrganisation,
                            justification: str) -> ConsentOverride:
    """Record sharing with ``party`` without consent because of a vital interest (AVG art.
    6(1)(d), 9(2)(c)). Only an ombudsperson or coordinator decides this; the audit entry is
    marked with the authorisation ``doorbreking: vitaal belang``."""
    case = party.case
    if not user.roles_in(case.municipality_id) & ALL_CASES_ROLES:
        raise PermissionDenied("Alleen de ombudsfunctionaris of coördinator mag de "
                               "toestemming doorbreken.")
    justification = justification.strip()
    if len(justification) < OVERRIDE_MIN_LENGTH:
        raise ValidationError({"justification": "Leg uit waarom het vitaal belang van de "
                                                "inwoner dit nodig maakt (minstens "
                                                f"{OVERRIDE_MIN_LENGTH} tekens)."})
    override = ConsentOverride.objects.create(case=case, party=party,
                                              justification=justification, decided_by=user)
    _note(user=user, case=case,
          summary=f"Doorbreking zonder toestemming (vitaal belang): {party.organisation.name}",
          body=justification)
    role = main_role(user, case.municipality_id)
    audit_log(user=user, action=Action.UPDATE, event="consent.overridden", obj=case,
              object_label=case.reference, person_id=case.person_id,
              municipality_code=case.municipality.cbs_code, role=role.value if role else "",
              authorisation=OVERRIDE_AUTHORISATION,
              details={"override": override.pk, "party": party.pk})
    return override


# --- meetings and agreements --------------------------------------------------------------

@dataclass(frozen=True)
class AgreementData:
    """One agreement made in a meeting, as the meeting form hands it over."""

    description: str
    due_on: date
    owner: str = Agreement.Owner.PARTY
    party: CaseOrganisation | None = None


def _check_agreement(case: Case, data: AgreementData, prefix: str = "") -> dict[str, str]:
    errors = {}
    if not data.description.strip():
        errors[f"{prefix}description"] = "Beschrijf de afspraak."
    if data.due_on is None:
        errors[f"{prefix}due_on"] = "Vul in wanneer de afspraak uiterlijk nagekomen moet zijn."
    if data.owner not in Agreement.Owner.values:
        errors[f"{prefix}owner"] = "Kies wie de afspraak nakomt."
    elif data.owner == Agreement.Owner.PARTY and data.party is None:
        errors[f"{prefix}party"] = "Kies de partij die de afspraak nakomt."
    if data.party is not None and data.party.case_id != case.pk:
        errors[f"{prefix}party"] = "Kies een partij van deze zaak."
    return errors


#: How long a meeting may last, in minutes.
MEETING_MINUTES = (5, 8 * 60)

#: A refused change of a meeting's state: the code says why (the API answers 409 with it).
NOT_PLANNED = {
    Meeting.Status.HELD: ("Dit gesprek is al vastgelegd als gehouden. Het kan niet meer "
                          "worden gewijzigd, verplaatst of geannuleerd.", "gesprek_gehouden"),
    Meeting.Status.CANCELLED: ("Dit gesprek is geannuleerd. Plan een nieuw gesprek als het "
                               "toch doorgaat.", "gesprek_geannuleerd"),
}
NOT_STARTED_CODE = "gesprek_nog_niet_begonnen"


def when_text(moment: datetime) -> str:
    """'dinsdag 21 april 2026 om 10.00 uur' in the local time."""
    local = timezone.localtime(moment)
    return f"{nl_date(local.date(), weekday=True)} om {local:%H.%M} uur"


def _require_planned(meeting: Meeting) -> None:
    if meeting.status != Meeting.Status.PLANNED:
        message, code = NOT_PLANNED[meeting.status]
        raise ValidationError(message, code=code)


def _plan_errors(case: Case, *, kind: str, starts_at: datetime | None, duration_minutes: int,
                 place: str, video_url: str, parties: list[CaseOrganisation],
                 representative_invited: bool) -> dict[str, str]:
    errors: dict[str, str] = {}
    if kind not in Meeting.Kind.values:
        errors["kind"] = "Kies of het een gezamenlijk of apart gesprek is."
    if starts_at is None:
        errors["starts_at"] = "Vul de datum en tijd van het gesprek in."
    low, high = MEETING_MINUTES
    if duration_minutes is None or not low <= duration_minutes <= high:
        errors["duration_minutes"] = (f"Een gesprek duurt minstens {low} minuten en hoogstens "
                                      f"{high // 60} uur.")
    if not place.strip() and not video_url.strip():
        errors["place"] = ("Vul de plaats in, bijvoorbeeld ‘gemeentehuis’ of ‘telefoon’, of "
                           "een videolink.")
    if video_url.strip() and not video_url.strip().lower().startswith("https://"):
        errors["video_url"] = "Een videolink begint met https://."
    if any(p.case_id != case.pk for p in parties):
        errors["parties"] = "Kies alleen partijen van deze zaak."
    elif kind == Meeting.Kind.JOINT and not parties:
        errors["parties"] = "Kies de partijen die aan het gezamenlijke gesprek deelnemen."
    if representative_invited and not case.representative_id:
        errors["representative_invited"] = "Deze zaak heeft geen vertegenwoordiger."
    return errors


def _hold_errors(case: Case, *, resident_present: bool | None,
                 agreements: Sequence[AgreementData]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if resident_present is None:
        errors["resident_present"] = "Kies of de inwoner bij het gesprek was."
    for index, data in enumerate(agreements):
        errors.update(_check_agreement(case, data, prefix=f"agreement-{index}-"))
    return errors


def _where(meeting: Meeting) -> str:
    return " — ".join(filter(None, [meeting.place, meeting.video_url and "video"])) or "-"


def _invited_lines(meeting: Meeting, parties: list[CaseOrganisation]) -> list[str]:
    invited = (["de inwoner"] if meeting.resident_invited else []) + (
        ["de vertegenwoordiger"] if meeting.representative_invited else []) + [
        p.organisation.name for p in parties]
    lines = [f"Wanneer: {when_text(meeting.starts_at)}, {meeting.duration_minutes} minuten",
             f"Plaats: {meeting.place or 'geen (video)'}"]
    if meeting.video_url:
        lines.append(f"Videolink: {meeting.video_url}")
    lines.append(f"Uitgenodigd: {', '.join(invited) or 'niemand'}")
    if meeting.other_participants:
        lines.append(f"Andere deelnemers: {meeting.other_participants}")
    return lines


@transaction.atomic
def meeting_plan(*, user, case: Case, kind: str, starts_at: datetime,
                 duration_minutes: int = 60, place: str = "", video_url: str = "",
                 parties: Iterable[CaseOrganisation] = (), resident_invited: bool = True,
                 representative_invited: bool = False,
                 other_participants: str = "") -> Meeting:
    """Plan a meeting: when, how long, where (a place, a video link or both) and who is
    invited. It stays editable until it is held or cancelled."""
    _require_case_role(user, case)
    parties = list(parties)
    _raise(_plan_errors(case, kind=kind, starts_at=starts_at, duration_minutes=duration_minutes,
                        place=place, video_url=video_url, parties=parties,
                        representative_invited=representative_invited))
    meeting = Meeting.objects.create(
        case=case, kind=kind, starts_at=starts_at, duration_minutes=duration_minutes,
        place=place.strip(), video_url=video_url.strip(), resident_invited=resident_invited,
        representative_invited=representative_invited,
        other_participants=other_participants.strip(), created_by=user,
    )
    meeting.parties.set(parties)
    _note(user=user, case=case,
          summary=f"{meeting.get_kind_display()} gepland op {when_text(starts_at)}",
          body="\n".join(_invited_lines(meeting, parties)))
    audit_case(user=user, case=case, action=Action.CREATE, event="meeting.planned",
               details={"meeting": meeting.pk, "parties": [p.pk for p in parties]})
    return meeting


#: What changing these asks for new invitations: a calendar must learn of it.
_CALENDAR_FIELDS = ("starts_at", "duration_minutes", "place", "video_url")


@transaction.atomic
def meeting_update(*, user, meeting: Meeting, kind: str, starts_at: datetime,
                   duration_minutes: int, place: str = "", video_url: str = "",
                   parties: Iterable[CaseOrganisation] = (), resident_invited: bool = True,
                   representative_invited: bool = False,
                   other_participants: str = "") -> Meeting:
    """Change or move a planned meeting. Moving it (another date or time) is recorded on the
    timeline from the old time to the new one; when the invitations had gone out, they are to
    be sent again, and the calendar files get a higher SEQUENCE so calendars update the
    meeting. A held or cancelled meeting is not changed."""
    case = meeting.case
    _require_case_role(user, case)
    _require_planned(meeting)
    parties = list(parties)
    _raise(_plan_errors(case, kind=kind, starts_at=starts_at, duration_minutes=duration_minutes,
                        place=place, video_url=video_url, parties=parties,
                        representative_invited=representative_invited))
    values = {"kind": kind, "starts_at": starts_at, "duration_minutes": duration_minutes,
              "place": place.strip(), "video_url": video_url.strip(),
              "resident_invited": resident_invited,
              "representative_invited": representative_invited,
              "other_participants": other_participants.strip()}
    changed = [name for name, value in values.items() if getattr(meeting, name) != value]
    parties_changed = {p.pk for p in parties} != set(meeting.parties.values_list("pk", flat=True))
    if not changed and not parties_changed:
        return meeting
    before = meeting.starts_at
    for name, value in values.items():
        setattr(meeting, name, value)
    moved = "starts_at" in changed
    reinvite = bool(meeting.invitations_sent_at) and (
        bool(set(changed) & set(_CALENDAR_FIELDS)) or parties_changed)
    if set(changed) & set(_CALENDAR_FIELDS):
        meeting.sequence += 1
    if reinvite:
        meeting.invitations_sent_at = None
    meeting.save()
    meeting.parties.set(parties)
    lines = _invited_lines(meeting, parties)
    if reinvite:
        lines += ["", "De uitnodigingen waren al verstuurd. Verstuur ze opnieuw, zodat "
                      "iedereen de nieuwe gegevens heeft."]
    summary = (f"{meeting.get_kind_display()} verplaatst van {when_text(before)} naar "
               f"{when_text(meeting.starts_at)}" if moved
               else f"{meeting.get_kind_display()} van {when_text(meeting.starts_at)} gewijzigd")
    _note(user=user, case=case, summary=summary, body="\n".join(lines))
    audit_case(user=user, case=case, action=Action.UPDATE,
               event="meeting.moved" if moved else "meeting.updated",
               details={"meeting": meeting.pk, "fields": changed + (
                   ["parties"] if parties_changed else []), "reinvite": reinvite})
    return meeting


def meeting_move(*, user, meeting: Meeting, starts_at: datetime,
                 duration_minutes: int | None = None) -> Meeting:
    """Move a planned meeting to ``starts_at`` (and another duration), keeping the rest:
    ``meeting_update`` with only the time changed."""
    return meeting_update(
        user=user, meeting=meeting, kind=meeting.kind, starts_at=starts_at,
        duration_minutes=duration_minutes or meeting.duration_minutes, place=meeting.place,
        video_url=meeting.video_url, parties=list(meeting.parties.all()),
        resident_invited=meeting.resident_invited,
        representative_invited=meeting.representative_invited,
        other_participants=meeting.other_participants)


@transaction.atomic
def meeting_cancel(*, user, meeting: Meeting, reason: str) -> Meeting:
    """Cancel a planned meeting, with the reason, on the timeline."""
    case = meeting.case
    _require_case_role(user, case)
    _require_planned(meeting)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError({"reason": "Vul in waarom het gesprek niet doorgaat."})
    if len(reason) > Meeting._meta.get_field("cancelled_reason").max_length:
        raise ValidationError({"reason": "Houd de reden korter dan 300 tekens."})
    meeting.status, meeting.cancelled_reason = Meeting.Status.CANCELLED, reason
    meeting.save(update_fields=["status", "cancelled_reason"])
    body = f"Reden: {reason}"
    if meeting.invitations_sent_at:
        body += "\nDe uitnodigingen waren verstuurd: laat de genodigden weten dat het gesprek " \
                "niet doorgaat."
    _note(user=user, case=case,
          summary=f"{meeting.get_kind_display()} van {when_text(meeting.starts_at)} geannuleerd",
          body=body)
    audit_case(user=user, case=case, action=Action.UPDATE, event="meeting.cancelled",
               details={"meeting": meeting.pk})
    return meeting


def _hold(*, user, meeting: Meeting, resident_present: bool, minutes: str,
          agreements: Sequence[AgreementData]) -> list[Agreement]:
    """Record ``meeting`` as held with its agreements and its timeline entry (a
    conversation at the time it took place)."""
    case = meeting.case
    meeting.status, meeting.resident_present = Meeting.Status.HELD, resident_present
    meeting.minutes, meeting.held_at = minutes.strip(), timezone.now()
    meeting.save(update_fields=["status", "resident_present", "minutes", "held_at"])
    created = Agreement.objects.bulk_create(
        Agreement(case=case, meeting=meeting, owner=a.owner, party=a.party,
                  description=a.description.strip(), due_on=a.due_on)
        for a in agreements
    )
    parties = list(meeting.parties.select_related("organisation"))
    names = ", ".join(p.organisation.name for p in parties) or "zonder partijen"
    lines = [f"Plaats of kanaal: {_where(meeting)}", f"Partijen: {names}",
             f"Inwoner aanwezig: {'ja' if resident_present else 'nee'}"]
    if meeting.other_participants:
        lines.append(f"Andere deelnemers: {meeting.other_participants}")
    if meeting.minutes:
        lines += ["", meeting.minutes]
    if created:
        lines += ["", "Afspraken:"] + [f"- {a.description} (uiterlijk {a.due_on:%d-%m-%Y})"
                                       for a in created]
    _note(user=user, case=case, kind=EntryKind.CONVERSATION, occurred_at=meeting.starts_at,
          summary=f"{meeting.get_kind_display()}: {names}", body="\n".join(lines))
    return created


@transaction.atomic
def meeting_hold(*, user, meeting: Meeting, resident_present: bool | None, minutes: str = "",
                 agreements: Sequence[AgreementData] = ()) -> Meeting:
    """Record that a planned meeting was held: whether the resident was there, the minutes
    and the agreements made. A meeting that has not started yet cannot have been held."""
    case = meeting.case
    _require_case_role(user, case)
    _require_planned(meeting)
    if meeting.starts_at > timezone.now():
        raise ValidationError(
            f"Dit gesprek is nog niet geweest: het begint op {when_text(meeting.starts_at)}. "
            "Leg het vast als gehouden zodra het gesprek is begonnen, of verplaats het.",
            code=NOT_STARTED_CODE)
    _raise(_hold_errors(case, resident_present=resident_present, agreements=agreements))
    created = _hold(user=user, meeting=meeting, resident_present=resident_present,
                    minutes=minutes, agreements=agreements)
    audit_case(user=user, case=case, action=Action.UPDATE, event="meeting.held",
               details={"meeting": meeting.pk, "agreements": [a.pk for a in created]})
    return meeting


@transaction.atomic
def meeting_record(*, user, case: Case, kind: str, starts_at: datetime, place: str,
                   parties: Iterable[CaseOrganisation] = (), resident_present: bool = True,
                   other_participants: str = "", minutes: str = "",
                   agreements: Sequence[AgreementData] = (), duration_minutes: int = 60,
                   video_url: str = "") -> Meeting:
    """Record, afterwards, a meeting that was not planned here (joint or separate) as held,
    with its minutes and the agreements made. A meeting still to come is planned instead."""
    _require_case_role(user, case)
    parties = list(parties)
    errors = _plan_errors(case, kind=kind, starts_at=starts_at,
                          duration_minutes=duration_minutes, place=place, video_url=video_url,
                          parties=parties, representative_invited=False)
    if starts_at is not None and starts_at > timezone.now():
        errors["starts_at"] = ("Dit gesprek is nog niet geweest. Plan het: vastleggen als "
                               "gehouden kan zodra het gesprek is begonnen.")
    errors.update(_hold_errors(case, resident_present=resident_present, agreements=agreements))
    _raise(errors)
    meeting = Meeting.objects.create(
        case=case, kind=kind, starts_at=starts_at, duration_minutes=duration_minutes,
        place=place.strip(), video_url=video_url.strip(),
        resident_invited=True, other_participants=other_participants.strip(), created_by=user,
    )
    meeting.parties.set(parties)
    created = _hold(user=user, meeting=meeting, resident_present=resident_present,
                    minutes=minutes, agreements=agreements)
    audit_case(user=user, case=case, action=Action.UPDATE, event="meeting.recorded",
               details={"meeting": meeting.pk, "agreements": [a.pk for a in created]})
    return meeting


@transaction.atomic
def agreement_status_change(*, user, agreement: Agreement, status: str, note: str = "",
                            due_on: date | None = None) -> Agreement:
    """Record whether ``agreement`` was kept, not kept or changed (or reopen it). A new due
    date lets the reminder go out again for that date."""
    case = agreement.case
    _require_case_role(user, case)
    errors: dict[str, str] = {}
    if status not in Agreement.Status.values:
        errors["status"] = "Kies een status."
    if status in (Agreement.Status.NOT_KEPT, Agreement.Status.CHANGED) and not note.strip():
        errors["status_note"] = ("Licht toe wat er is gebeurd." if status == "niet_nagekomen"
                                 else "Beschrijf wat er aan de afspraak is gewijzigd.")
    _raise(errors)
    previous = agreement.status
    agreement.status = status
    agreement.status_note = note.strip()
    agreement.checked_on = None if status == Agreement.Status.OPEN else timezone.localdate()
    if due_on is not None and due_on != agreement.due_on:
        agreement.due_on = due_on
        agreement.reminded_on = None
    agreement.save(update_fields=["status", "status_note", "checked_on", "due_on",
                                  "reminded_on"])
    summary = f"Afspraak {agreement.get_status_display().lower()}: {agreement.description}"
    _note(user=user, case=case, summary=summary, body=agreement.status_note)
    audit_case(user=user, case=case, action=Action.UPDATE, event="agreement.status_changed",
               details={"agreement": agreement.pk, "from": previous, "to": status})
    return agreement


# --- referral -----------------------------------------------------------------------------

@transaction.atomic
def referral_create(*, user, case: Case, route: str, referred_on: date, check_on: date,
                    organisation: Organisation | None = None, warm_handover: bool = False,
                    handover_summary: str = "") -> Referral:
    """Refer the resident to a formal route or other help, optionally with a warm handover.

    A warm handover passes details on, so it needs the resident's valid consent for the
    purpose ``warme_overdracht`` for a party of the case that is that organisation.
    """
    _require_case_role(user, case)
    errors: dict[str, str] = {}
    if route not in Route.values:
        errors["route"] = "Kies de route waarnaar u verwijst."
    if organisation is not None and not _on_social_map(case, organisation):
        errors["organisation"] = (f"Kies een organisatie van de sociale kaart van "
                                  f"{case.municipality.name}.")
    if referred_on is None:
        errors["referred_on"] = "Vul in wanneer is verwezen."
    else:
        _not_in_future(errors, "referred_on", referred_on)
    if check_on is None:
        errors["check_on"] = "Vul in wanneer u nagaat of de inwoner is aangekomen."
    elif referred_on and check_on < referred_on:
        errors["check_on"] = "Deze datum kan niet vóór de verwijzing liggen."
    consent = None
    if warm_handover:
        if organisation is None:
            errors["organisation"] = "Kies de organisatie voor de warme overdracht."
        elif "organisation" not in errors:
            consent = selectors.handover_consent(case, organisation.pk)
            if consent is None:
                errors["warm_handover"] = (
                    f"Voor een warme overdracht is toestemming van de inwoner nodig. Voeg "
                    f"{organisation.name} toe als partij en leg toestemming vast voor "
                    f"‘Warme overdracht bij verwijzing’.")
        if not handover_summary.strip():
            errors["handover_summary"] = "Beschrijf wat u overdraagt."
    _raise(errors)
    referral = Referral.objects.create(
        case=case, route=route, organisation=organisation, warm_handover=warm_handover,
        handover_consent=consent, handover_summary=handover_summary.strip(),
        referred_on=referred_on, check_on=check_on, created_by=user,
    )
    where = referral.get_route_display()
    if organisation is not None:
        where += f" ({organisation.name})"
    #: Not stored on the referral: the timeline note and the audit entry keep it, the page
    #: shows it once (issue 14: a referral to a route whose term has passed warns).
    referral.warning = (selectors.passed_objection_term(case, referred_on)
                        if route == Route.OBJECTION else "")
    _note(user=user, case=case, summary=f"Verwezen naar {where}",
          body=(f"Warme overdracht: {referral.handover_summary}\n" if warm_handover else "")
          + f"Nagaan op {check_on:%d-%m-%Y} of de inwoner is aangekomen."
          + (f"\n{referral.warning}" if referral.warning else ""))
    audit_case(user=user, case=case, action=Action.UPDATE, event="referral.created",
               details={"referral": referral.pk, "route": route, "warm": warm_handover,
                        "consent": consent.pk if consent else None,
                        "term_passed": bool(referral.warning)})
    return referral


@transaction.atomic
def referral_arrival_record(*, user, referral: Referral, arrived: str,
                            checked_on: date | None = None) -> Referral:
    """Record whether the resident arrived where they were referred (ja / nee / onbekend)."""
    case = referral.case
    _require_case_role(user, case)
    checked_on = checked_on or timezone.localdate()
    errors: dict[str, str] = {}
    if arrived not in Referral.Arrived.values:
        errors["arrived"] = "Kies ja, nee of onbekend."
    if checked_on < referral.referred_on:
        errors["checked_on"] = "Deze datum kan niet vóór de verwijzing liggen."
    _not_in_future(errors, "checked_on", checked_on)
    _raise(errors)
    referral.arrived, referral.checked_on = arrived, checked_on
    referral.save(update_fields=["arrived", "checked_on"])
    _note(user=user, case=case,
          summary=f"Verwijzing nagegaan: aangekomen bij {referral.get_route_display()}: "
                  f"{referral.get_arrived_display().lower()}")
    audit_case(user=user, case=case, action=Action.UPDATE, event="referral.checked",
               details={"referral": referral.pk, "arrived": arrived})
    return referral


# --- reminders ----------------------------------------------------------------------------

def _short(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"


def _reminder_body(handler, agreements: list[Agreement], referrals: list[Referral],
                   today: date) -> str:
    lines = [f"Beste {handler.first_name or handler.get_username()},", ""]
    if agreements:
        lines += ["Deze afspraken in uw zaken moeten binnenkort nagekomen zijn of zijn over tijd.",
                  "Ga na of ze zijn nagekomen en leg dat vast in Ombuds.", ""]
    for a in agreements:
        state = "over tijd" if a.due_on < today else "binnenkort"
        who = a.party.organisation.name if a.party_id else a.get_owner_display()
        lines += [f"- {a.case.reference}: {_short(a.description)}",
                  f"  Wie: {who}. Uiterlijk: {a.due_on:%d-%m-%Y} ({state}).",
                  f"  {settings.BASE_URL}/werk/zaken/{a.case.reference}/#afspraak-{a.pk}", ""]
    if referrals:
        lines += ["Bij deze verwijzingen in uw zaken is het tijd om na te gaan of de inwoner is "
                  "aangekomen. Leg de uitkomst vast in Ombuds.", ""]
    for r in referrals:
        where = f"{r.get_route_display()}" + (f": {r.organisation.name}" if r.organisation else "")
        state = "over tijd" if r.check_on < today else "binnenkort"
        lines += [f"- {r.case.reference}: verwezen naar {where} op {r.referred_on:%d-%m-%Y}.",
                  f"  Nagaan op: {r.check_on:%d-%m-%Y} ({state}).",
                  f"  {settings.BASE_URL}/werk/zaken/{r.case.reference}/#verwijzing-{r.pk}", ""]
    lines += [f"Al uw open afspraken en verwijzingen: {settings.BASE_URL}/werk/afspraken/", "",
              "Dit bericht is automatisch verstuurd door Ombuds."]
    return "\n".join(lines)


def _reminder_subject(agreements: int, referrals: int) -> str:
    parts = []
    if agreements:
        parts.append("1 afspraak" if agreements == 1 else f"{agreements} afspraken")
    if referrals:
        parts.append("1 verwijzing" if referrals == 1 else f"{referrals} verwijzingen")
    return f"Ombuds: {' en '.join(parts)} om na te gaan"


@transaction.atomic
def agreement_reminders_send(*, today: date, calendar=None) -> int:
    """Queue one e-mail per handler listing their open agreements that are due within two
    working days or overdue, and the referrals whose arrival is to be checked by then, that
    were not reminded yet; mark them reminded. Returns the number of e-mails. The rows are
    locked, so two runs at once never remind twice."""
    per_handler: dict[int, tuple[list[Agreement], list[Referral]]] = {}
    for agreement in lock_own_rows(selectors.agreements_to_remind(today, calendar)):
        if agreement.case.assignee.email:
            per_handler.setdefault(agreement.case.assignee_id, ([], []))[0].append(agreement)
    for referral in lock_own_rows(selectors.referral_checks_to_remind(today, calendar)):
        if referral.case.assignee.email:
            per_handler.setdefault(referral.case.assignee_id, ([], []))[1].append(referral)
    for agreements, referrals in per_handler.values():
        handler = (agreements or referrals)[0].case.assignee
        outbox_enqueue(to=handler.email,
                       subject=_reminder_subject(len(agreements), len(referrals)),
                       body=_reminder_body(handler, agreements, referrals, today))
        Agreement.objects.filter(pk__in=[a.pk for a in agreements]).update(reminded_on=today)
        Referral.objects.filter(pk__in=[r.pk for r in referrals]).update(reminded_on=today)
        audit_log(user=None, action=Action.EXECUTE, event="agreement.reminder_queued",
                  object_type="mediation.agreement",
                  details={"recipient": handler.pk, "agreements": [a.pk for a in agreements],
                           "referrals": [r.pk for r in referrals]})
    return len(per_handler)

