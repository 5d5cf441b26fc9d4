"""Writes of the correspondence wing: a letter from a template, as a tagged PDF in the case
file, and for e-mail a message in the outbox, all in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from ombuds.cases.models import Case, CaseOrganisation, EntryKind
from ombuds.cases.permissions import may_handle
from ombuds.cases.selectors import audit_case
from ombuds.cases.services import timeline_entry_add
from ombuds.core.audit import Action
from ombuds.core.outbox import outbox_enqueue
from ombuds.correspondence.context import letter_context, respondent_party
from ombuds.correspondence.models import (
    COMPLAINT_LETTERS,
    LETTER_FACTS,
    MEETING_LETTERS,
    NOT_IN_TIME_LETTERS,
    REQUEST_LETTERS,
    RESPONDENT_ONLY_LETTERS,
    Addressee,
    Letter,
    LetterKind,
)
from ombuds.correspondence.rendering import (
    LetterText,
    pdf_available,
    plain_text,
    render_letter,
    render_pdf,
    template_for,
)
from ombuds.domain.deadlines import nl_date
from ombuds.procedures.complaints import complaint_letter_sent
from ombuds.procedures.selectors import late_application, notice_counts


@dataclass(frozen=True)
class Recipient:
    """Who a letter goes to: the resident, the representative, a party of the case, or the
    beklaagde of its complaint (``respondent``). ``addressee`` is the ``Addressee`` value."""

    name: str
    address: str
    email: str
    party: CaseOrganisation | None = None
    respondent: bool = False
    addressee: str = Addressee.RESIDENT
    #: Whether a letter by post can reach them: a person's street with postcode or town, an
    #: organisation's address.
    postal: bool = False

    @property
    def is_resident(self) -> bool:
        return self.addressee == Addressee.RESIDENT

    def channels(self) -> list[str]:
        """The ways this letter can reach them: post with an address, e-mail with an e-mail
        address."""
        return [channel for channel, known in ((Letter.Channel.POST, self.postal),
                                               (Letter.Channel.EMAIL, bool(self.email)))
                if known]


#: Why a channel cannot be used, per channel (the ``channel`` error of the form and the API).
NO_POSTAL_ADDRESS = ("Er is geen postadres bekend van deze ontvanger, dus de brief kan niet "
                     "per post. Kies 'Per e-mail' of vul eerst het adres in (straat en "
                     "huisnummer, postcode en woonplaats).")
NO_EMAIL = ("Er is geen e-mailadres bekend van deze ontvanger. Kies 'Per post' of vul eerst "
            "het e-mailadres in.")


def channel_problem(recipient: Recipient, channel: str) -> str:
    """The Dutch reason ``channel`` cannot reach ``recipient``, or "" when it can."""
    if channel == Letter.Channel.POST and not recipient.postal:
        return NO_POSTAL_ADDRESS
    if channel == Letter.Channel.EMAIL and not recipient.email:
        return NO_EMAIL
    if channel not in Letter.Channel.values:
        return "Kies hoe de brief verstuurd wordt."
    return ""


def resolve_addressee(*, addressee: str = Addressee.RESIDENT, party=None,
                      respondent: bool = False) -> str:
    """The ``Addressee`` a letter goes to; old callers name only ``party`` or ``respondent``."""
    if respondent:
        return Addressee.RESPONDENT
    if party is not None:
        return Addressee.PARTY
    if addressee not in Addressee.values:
        raise ValidationError({"recipient": "Kies aan wie de brief gaat."})
    return Addressee(addressee).value


def _person_address(person) -> str:
    return "\n".join(filter(None, [person.street, " ".join(filter(None, [
        person.postcode, person.city]))]))


def _person_postal(person) -> bool:
    return bool(person.street.strip() and (person.postcode.strip() or person.city.strip()))


def letter_recipient(*, case: Case, addressee: str = Addressee.RESIDENT,
                     party: CaseOrganisation | None = None,
                     respondent: bool = False) -> Recipient:
    """Return the addressee: the resident, the representative (their own name, address and
    e-mail; the letter is about the resident), the party's organisation and contact person,
    or the beklaagde (its organisation's address, to the attention of the official)."""
    addressee = resolve_addressee(addressee=addressee, party=party, respondent=respondent)
    if addressee == Addressee.RESPONDENT:
        beklaagde = respondent_party(case)
        if beklaagde is None:
            raise ValidationError({"recipient": "Vul eerst in over wie wordt geklaagd (de "
                                                "beklaagde)."})
        name = beklaagde["naam"] + (f"\nt.a.v. {beklaagde['contactpersoon']}"
                                    if beklaagde["contactpersoon"] else "")
        return Recipient(name=name, address=beklaagde["adres"], email=beklaagde["email"],
                         respondent=True, addressee=addressee,
                         postal=bool(beklaagde["adres"].strip()))
    if addressee == Addressee.REPRESENTATIVE:
        representative = case.representative
        if representative is None:
            raise ValidationError({"recipient": "Deze zaak heeft geen vertegenwoordiger. Kies "
                                                "een andere ontvanger."})
        return Recipient(name=representative.name, address=_person_address(representative),
                         email=representative.email, addressee=addressee,
                         postal=_person_postal(representative))
    if addressee == Addressee.PARTY:
        if party is None or party.case_id != case.pk:
            raise ValidationError({"recipient": "Deze organisatie hoort niet bij de zaak."})
        name = party.organisation.name + (f"\nt.a.v. {party.contact_person}"
                                          if party.contact_person else "")
        return Recipient(name=name, address=party.organisation.address,
                         email=party.contact_email, party=party, addressee=addressee,
                         postal=bool(party.organisation.address.strip()))
    person = case.person
    return Recipient(name=person.name, address=_person_address(person), email=person.email,
                     postal=_person_postal(person))


def check_meeting(*, case: Case, kind: str, meeting) -> None:
    """A letter about a meeting names one of the case's meetings: an invitation a planned
    one, a report a held one. Another letter may name a meeting (it fills ``gesprek``)."""
    if meeting is not None and meeting.case_id != case.pk:
        raise ValidationError({"meeting": "Dit gesprek hoort niet bij de zaak."})
    if kind not in MEETING_LETTERS:
        return
    if meeting is None:
        raise ValidationError({"meeting": "Kies over welk gesprek deze brief gaat."
                               if case.meetings.exists() else
                               "Deze zaak heeft nog geen gesprek. Plan eerst het gesprek."})
    if kind == LetterKind.INVITATION and not meeting.is_planned:
        raise ValidationError({"meeting": "Een uitnodiging gaat over een gepland gesprek. Dit "
                                          "gesprek is al gehouden of geannuleerd."})
    if kind == LetterKind.MEETING_REPORT and not meeting.is_held:
        raise ValidationError({"meeting": "Een verslag gaat over een gehouden gesprek. Leg eerst "
                                          "vast dat dit gesprek is gehouden."})


def letter_kinds(case: Case) -> list[LetterKind]:
    """The letters that fit ``case``: the general ones always; the complaint letters (Awb
    9:6–9:12) once the case has a complaint under title 9.1, the report once it has a request
    to the ombudsfunctie as second instance (variant 6). A decision that does not come: the
    notice of default once an application's decision term passed without a decision, the
    information on the penalty (Awb 4:17) and on the appeal (6:12 lid 2) once the body received
    a notice that counts; all about ``context.late_application``, as the letter's text is."""
    from ombuds.procedures.complaints import complaint_of
    from ombuds.procedures.models import Complaint

    special = set(COMPLAINT_LETTERS) | set(REQUEST_LETTERS) | set(NOT_IN_TIME_LETTERS)
    kinds = [kind for kind in LetterKind if kind not in special]
    complaint = complaint_of(case)
    if complaint is not None:
        kinds += REQUEST_LETTERS if complaint.kind == Complaint.Kind.OMBUDSMAN else COMPLAINT_LETTERS
    application = late_application(case)
    if application is not None:
        kinds.append(LetterKind.NOTICE_OF_DEFAULT)
        if notice_counts(application):
            kinds += [LetterKind.PENALTY_INFO, LetterKind.APPEAL_NOT_IN_TIME]
    return kinds


def letter_draft(*, case: Case, kind: str, addressee: str = Addressee.RESIDENT,
                 party: CaseOrganisation | None = None, respondent: bool = False,
                 meeting=None) -> LetterText:
    """Render the municipality's template of ``kind`` for ``case`` (the preview step), for
    ``addressee`` and about ``meeting`` (the meeting the writer chose, or none)."""
    addressee = resolve_addressee(addressee=addressee, party=party, respondent=respondent)
    return render_letter(template_for(case.municipality, kind),
                         letter_context(case, party=party, meeting=meeting,
                                        respondent=addressee == Addressee.RESPONDENT,
                                        addressee=addressee))


def email_subject(*, case: Case, kind: str) -> str:
    """The e-mail subject: the kind of letter and the reference, never a name."""
    return f"{LetterKind(kind).label} van de sociale ombudsfunctie (zaak {case.reference})"


def letter_create(*, user, case: Case, kind: str, channel: str, subject: str, body: str,
                  addressee: str = Addressee.RESIDENT, party: CaseOrganisation | None = None,
                  respondent: bool = False, meeting=None, extra_files=()) -> Letter:
    """Store a letter as sent: the PDF in the case file, the ``Letter`` row (with its
    addressee and the meeting it is about), and for e-mail the outbox message with the PDF
    attached; audited, in one transaction. ``extra_files`` is a sequence of ``(filename,
    bytes, content_type)`` (e.g. an ``.ics``) stored with the PDF in the case file."""
    if not may_handle(user, case.municipality_id):
        raise PermissionDenied("Alleen een behandelaar van deze gemeente verstuurt brieven.")
    kind = LetterKind(kind).value
    subject, body = " ".join(subject.split()), body.strip() + "\n"
    errors = {}
    if not subject:
        errors["subject"] = "Vul een onderwerp in."
    if not body.strip():
        errors["body"] = "De brief is leeg."
    try:
        recipient = letter_recipient(case=case, addressee=addressee, party=party,
                                     respondent=respondent)
    except ValidationError as error:
        raise ValidationError({**errors, **error.message_dict}) from None
    try:
        check_meeting(case=case, kind=kind, meeting=meeting)
    except ValidationError as error:
        errors.update(error.message_dict)
    if kind in RESPONDENT_ONLY_LETTERS and not recipient.respondent:
        errors["recipient"] = ("Het afschrift van de klacht gaat naar degene over wie is "
                               "geklaagd (Awb 9:9). Kies de beklaagde als ontvanger.")
    problem = channel_problem(recipient, channel)
    if problem:
        errors["channel"] = problem
    if not pdf_available():
        errors["kind"] = ("Op deze server kunnen geen PDF-brieven worden gemaakt: de Pango-"
                          "bibliotheken ontbreken. Vraag de beheerder ze te installeren.")
    if errors:
        raise ValidationError(errors)
    about = case.person.name if recipient.addressee == Addressee.REPRESENTATIVE else ""
    pdf = render_pdf(case=case, recipient_name=recipient.name, recipient_address=recipient.address,
                     subject=subject, body=body, date_text=_today_text(), about=about)
    filename = f"{kind}-{case.reference}.pdf"
    with transaction.atomic():
        entry = timeline_entry_add(
            user=user, case=case,
            kind=EntryKind.EMAIL_OUT if channel == Letter.Channel.EMAIL else EntryKind.LETTER,
            summary=f"{LetterKind(kind).label}: {subject}"[:200], body=body,
            sent_to_resident=recipient.addressee in (Addressee.RESIDENT, Addressee.REPRESENTATIVE),
            files=[SimpleUploadedFile(filename, pdf, content_type="application/pdf"),
                   # extra_files (e.g. an .ics) go into the case file with the PDF; H1 attaches
                   # them to the e-mail below (the outbox's extra attachments).
                   *(SimpleUploadedFile(name, content, content_type=content_type)
                     for name, content, content_type in extra_files)],
        )
        letter = Letter.objects.create(
            case=case, kind=kind, recipient=recipient.name.split("\n")[0][:200],
            addressee=recipient.addressee, meeting=meeting, party=recipient.party,
            subject=subject, body=body, channel=channel, entry=entry, created_by=user,
        )
        if channel == Letter.Channel.EMAIL:
            outbox_enqueue(to=recipient.email, subject=email_subject(case=case, kind=kind),
                           body=_email_body(body), case=case, attachment_name=filename,
                           attachment=pdf, extra_attachments=extra_files)
        if kind in LETTER_FACTS:
            complaint_letter_sent(user=user, case=case, fact=LETTER_FACTS[kind],
                                  on=timezone.localdate())
        audit_case(user=user, case=case, action=Action.CREATE, event="letter.created",
                   details={"letter": letter.pk, "kind": kind, "channel": channel,
                            "entry": entry.pk, "to_resident": recipient.is_resident,
                            "to_respondent": recipient.respondent,
                            "addressee": recipient.addressee,
                            "meeting": meeting.pk if meeting is not None else None})
    return letter


def _today_text() -> str:
    from django.utils import timezone

    return nl_date(timezone.localdate())


def _email_body(body: str) -> str:
    return (plain_text(body).rstrip() + "\n\n--\nDeze brief zit ook als PDF in de bijlage. "
            "U kunt op deze e-mail antwoorden.\n")
