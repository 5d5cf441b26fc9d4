"""Invitations to a planned meeting, and its calendar file.

``meeting_invitations_send`` writes, for each invited participant, an invitation letter about
that meeting through ``correspondence.services.letter_create``: by e-mail with the meeting's
calendar file (``.ics``, RFC 5545) attached when an e-mail address is known (and the resident
does not want to be left alone by e-mail), otherwise by post when a postal address is known.
Whoever cannot be reached is reported, never skipped in silence. A party is invited only with
the resident's consent for a joint meeting (or a recorded override): the invitation tells the
party the resident came to the ombudsfunctie.

This is the one mediation module that writes through the correspondence wing; the letters'
text comes from the municipality's ``uitnodiging`` template with the meeting chosen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ombuds.cases.models import CaseOrganisation, ContactChannel, EntryKind
from ombuds.cases.selectors import audit_case
from ombuds.core.audit import Action
from ombuds.correspondence.models import Addressee, Letter, LetterKind
from ombuds.correspondence.services import letter_create, letter_draft, letter_recipient
from ombuds.domain import ical
from ombuds.mediation.models import ConsentPurpose, Meeting
from ombuds.mediation.selectors import may_share
from ombuds.mediation.services import _note, _require_case_role, _require_planned, when_text

NO_ADDRESS = "geen e-mailadres en geen postadres bekend"
NO_CONSENT = ("geen toestemming van de inwoner om deze partij uit te nodigen voor een "
              "gezamenlijk gesprek")
OTHERS = "staan niet met een adres in Ombuds: nodig hen zelf uit"
STARTED_CODE = "gesprek_begonnen"


@dataclass(frozen=True)
class Invitee:
    """One invited participant and how the invitation can reach them."""

    key: str  #: "inwoner", "vertegenwoordiger" or "partij-<id>" (the calendar file's URL)
    label: str  #: how staff pages name them, without personal data: "de inwoner", a party
    addressee: str  #: ``correspondence.models.Addressee``
    name: str = ""  #: the calendar's attendee name
    email: str = ""
    party: CaseOrganisation | None = None
    channel: str = ""  #: ``Letter.Channel``; empty when they cannot be reached
    problem: str = ""  #: why they cannot be invited


@dataclass
class InvitationReport:
    """What ``meeting_invitations_send`` did: the letters sent, and who was not invited."""

    sent: list[tuple[Invitee, Letter]] = field(default_factory=list)
    not_invited: list[Invitee] = field(default_factory=list)


def _person_invitee(meeting: Meeting, addressee: str) -> Invitee:
    case = meeting.case
    person = case.person if addressee == Addressee.RESIDENT else case.representative
    label = "de inwoner" if addressee == Addressee.RESIDENT else "de vertegenwoordiger"
    recipient = letter_recipient(case=case, addressee=addressee)
    channels = recipient.channels()
    if ContactChannel.EMAIL in (person.avoid_channels or []):
        channels = [c for c in channels if c != Letter.Channel.EMAIL]
    if ContactChannel.LETTER in (person.avoid_channels or []):
        channels = [c for c in channels if c != Letter.Channel.POST]
    channel = Letter.Channel.EMAIL if Letter.Channel.EMAIL in channels else (
        Letter.Channel.POST if Letter.Channel.POST in channels else "")
    return Invitee(key=addressee, label=label, addressee=addressee, name=person.name,
                   email=recipient.email if channel == Letter.Channel.EMAIL else "",
                   channel=channel, problem="" if channel else NO_ADDRESS)


def _party_invitee(meeting: Meeting, party: CaseOrganisation) -> Invitee:
    recipient = letter_recipient(case=meeting.case, addressee=Addressee.PARTY, party=party)
    channels = recipient.channels()
    channel = Letter.Channel.EMAIL if Letter.Channel.EMAIL in channels else (
        Letter.Channel.POST if Letter.Channel.POST in channels else "")
    problem = "" if channel else NO_ADDRESS
    if not may_share(party, ConsentPurpose.MEETING):
        channel, problem = "", NO_CONSENT
    return Invitee(key=f"partij-{party.pk}", label=party.organisation.name,
                   addressee=Addressee.PARTY, party=party,
                   name=party.contact_person or party.organisation.name,
                   email=recipient.email if channel == Letter.Channel.EMAIL else "",
                   channel=channel, problem=problem)


def invitees(meeting: Meeting) -> list[Invitee]:
    """Everyone invited to ``meeting`` with the channel that reaches them (or why none does):
    the resident, the representative, then the parties by name."""
    people = []
    if meeting.resident_invited:
        people.append(_person_invitee(meeting, Addressee.RESIDENT))
    if meeting.representative_invited and meeting.case.representative_id:
        people.append(_person_invitee(meeting, Addressee.REPRESENTATIVE))
    parties = meeting.parties.select_related("organisation").order_by("organisation__name")
    return people + [_party_invitee(meeting, party) for party in parties]


def invitee(meeting: Meeting, key: str) -> Invitee | None:
    """The invitee of ``meeting`` named ``key`` (see ``Invitee.key``), or None."""
    return next((i for i in invitees(meeting) if i.key == key), None)


def _address_only(sender: str) -> str:
    """'Ombuds <ombuds@example.nl>' → 'ombuds@example.nl'."""
    return parseaddr(sender)[1]


def _uid_domain() -> str:
    return urlsplit(settings.BASE_URL).hostname or "ombuds.invalid"


def calendar_file(meeting: Meeting, person: Invitee | None = None, *,
                  stamp=None) -> tuple[str, bytes, str]:
    """The meeting as an iCalendar file for ``person``: ``(filename, content, content type)``.

    The summary and description name the case number and the office, no person; the
    attendee (a REQUEST, RFC 5546) is there only when the file goes to their e-mail address.
    One UID per meeting, with the meeting's SEQUENCE, so a moved meeting replaces the earlier
    one in the calendar."""
    case = meeting.case
    office = case.municipality.office
    contact = f" Kunt u niet? Bel {office.phone}." if office.phone else ""
    event = ical.Event(
        uid=f"gesprek-{meeting.pk}@{_uid_domain()}",
        start=meeting.starts_at, end=meeting.ends_at,
        summary=f"Gesprek met de sociale ombudsfunctie (zaak {case.reference})",
        location=meeting.place or ("Video" if meeting.video_url else ""),
        url=meeting.video_url,
        description=f"{meeting.get_kind_display()} over zaak {case.reference}.{contact}",
        # The organiser is who sends the invitation: the office, else the sender address.
        organizer=ical.Person(office.name, office.email or _address_only(
            settings.DEFAULT_FROM_EMAIL)),
        attendee=ical.Person(person.name, person.email) if person and person.email else None,
        sequence=meeting.sequence, cancelled=meeting.status == Meeting.Status.CANCELLED,
    )
    text = ical.calendar(event, stamp=stamp or timezone.now())
    content_type = f"{ical.CONTENT_TYPE}; method={ical.method_of(text)}; charset=UTF-8"
    return f"gesprek-{case.reference}.ics", text.encode("utf-8"), content_type


@transaction.atomic
def meeting_invitations_send(*, user, meeting: Meeting) -> InvitationReport:
    """Send the invitation letter about ``meeting`` to everyone invited who can be reached
    (see the module docstring); record who got one how, and who not, on the timeline."""
    case = meeting.case
    _require_case_role(user, case)
    _require_planned(meeting)
    if meeting.starts_at <= timezone.now():
        raise ValidationError("Dit gesprek is al begonnen. Uitnodigen kan alleen voor een "
                              "gesprek dat nog moet komen.", code=STARTED_CODE)
    report = InvitationReport()
    people = invitees(meeting)
    reachable = [p for p in people if p.channel]
    if not reachable:
        raise ValidationError("Niemand kan een uitnodiging krijgen: " + "; ".join(
            f"{p.label}: {p.problem}" for p in people) if people else
            "Er is niemand uitgenodigd. Kies eerst wie u uitnodigt.", code="niemand_bereikbaar")
    for person in people:
        if not person.channel:
            report.not_invited.append(person)
            continue
        draft = letter_draft(case=case, kind=LetterKind.INVITATION, addressee=person.addressee,
                             party=person.party, meeting=meeting)
        extra = [calendar_file(meeting, person)] if person.channel == Letter.Channel.EMAIL \
            else []
        letter = letter_create(user=user, case=case, kind=LetterKind.INVITATION,
                               channel=person.channel, subject=draft.subject, body=draft.body,
                               addressee=person.addressee, party=person.party, meeting=meeting,
                               extra_files=extra)
        report.sent.append((person, letter))
    meeting.invitations_sent_at = timezone.now()
    meeting.save(update_fields=["invitations_sent_at"])
    lines = [f"- {p.label}: {Letter.Channel(letter.channel).label.lower()}"
             for p, letter in report.sent]
    if report.not_invited:
        lines += ["", "Niet uitgenodigd:"] + [f"- {p.label}: {p.problem}"
                                              for p in report.not_invited]
    if meeting.other_participants:
        lines += ["", f"Andere deelnemers ({meeting.other_participants}) {OTHERS}."]
    _note(user=user, case=case, kind=EntryKind.NOTE,
          summary=f"Uitnodigingen verstuurd voor het gesprek op {when_text(meeting.starts_at)}",
          body="\n".join(lines))
    audit_case(user=user, case=case, action=Action.EXECUTE, event="meeting.invitations_sent",
               details={"meeting": meeting.pk, "letters": [letter.pk for _, letter in report.sent],
                        "not_invited": len(report.not_invited)})
    return report
