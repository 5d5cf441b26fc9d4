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
    NOT_IN_TIME_LETTERS,
    REQUEST_LETTERS,
    RESPONDENT_ONLY_LETTERS,
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
    """Who a letter goes to: the resident, a party of the case, or the beklaagde of its
    complaint (``respondent``)."""

    name: str
    address: str
    email: str
    party: CaseOrganisation | None = None
    respondent: bool = False

    @property
    def is_resident(self) -> bool:
        return self.party is None and not self.respondent


def letter_recipient(*, case: Case, party: CaseOrganisation | None = None,
                     respondent: bool = False) -> Recipient:
    """Return the addressee: the resident, the party's organisation and contact person, or
    the beklaagde (its organisation's address, to the attention of the official)."""
    if respondent:
        beklaagde = respondent_party(case)
        if beklaagde is None:
            raise ValidationError({"recipient": "Vul eerst in over wie wordt geklaagd (de "
                                                "beklaagde)."})
        name = beklaagde["naam"] + (f"\nt.a.v. {beklaagde['contactpersoon']}"
                                    if beklaagde["contactpersoon"] else "")
        return Recipient(name=name, address=beklaagde["adres"], email=beklaagde["email"],
                         respondent=True)
    if party is None:
        person = case.person
        address = "\n".join(filter(None, [person.street, " ".join(filter(None, [
            person.postcode, person.city]))]))
        return Recipient(name=person.name, address=address, email=person.email)
    if party.case_id != case.pk:
        raise ValidationError({"recipient": "Deze organisatie hoort niet bij de zaak."})
    name = party.organisation.name + (f"\nt.a.v. {party.contact_person}" if party.contact_person else "")
    return Recipient(name=name, address=party.organisation.address, email=party.contact_email,
                     party=party)


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


def letter_draft(*, case: Case, kind: str, party: CaseOrganisation | None = None,
                 respondent: bool = False) -> LetterText:
    """Render the municipality's template of ``kind`` for ``case`` (the preview step)."""
    return render_letter(template_for(case.municipality, kind),
                         letter_context(case, party=party, respondent=respondent))


def email_subject(*, case: Case, kind: str) -> str:
    """The e-mail subject: the kind of letter and the reference, never a name."""
    return f"{LetterKind(kind).label} van de sociale ombudsfunctie (zaak {case.reference})"


def letter_create(*, user, case: Case, kind: str, channel: str, subject: str, body: str,
                  party: CaseOrganisation | None = None, respondent: bool = False) -> Letter:
    """Store a letter as sent: the PDF in the case file, the ``Letter`` row, and for e-mail
    the outbox message with the PDF attached; audited, in one transaction."""
    if not may_handle(user, case.municipality_id):
        raise PermissionDenied("Alleen een behandelaar van deze gemeente verstuurt brieven.")
    kind = LetterKind(kind).value
    subject, body = " ".join(subject.split()), body.strip() + "\n"
    errors = {}
    if not subject:
        errors["subject"] = "Vul een onderwerp in."
    if not body.strip():
        errors["body"] = "De brief is leeg."
    recipient = letter_recipient(case=case, party=party, respondent=respondent)
    if kind in RESPONDENT_ONLY_LETTERS and recipient.is_resident:
        errors["recipient"] = ("Het afschrift van de klacht gaat naar degene over wie is "
                               "geklaagd (Awb 9:9). Kies de beklaagde als ontvanger.")
    if channel == Letter.Channel.EMAIL and not recipient.email:
        errors["channel"] = ("Er is geen e-mailadres bekend van deze ontvanger. Kies 'Per post' "
                             "of vul eerst het e-mailadres in.")
    elif channel not in Letter.Channel.values:
        errors["channel"] = "Kies hoe de brief verstuurd wordt."
    if not pdf_available():
        errors["kind"] = ("Op deze server kunnen geen PDF-brieven worden gemaakt: de Pango-"
                          "bibliotheken ontbreken. Vraag de beheerder ze te installeren.")
    if errors:
        raise ValidationError(errors)
    pdf = render_pdf(case=case, recipient_name=recipient.name, recipient_address=recipient.address,
                     subject=subject, body=body, date_text=_today_text())
    filename = f"{kind}-{case.reference}.pdf"
    with transaction.atomic():
        entry = timeline_entry_add(
            user=user, case=case,
            kind=EntryKind.EMAIL_OUT if channel == Letter.Channel.EMAIL else EntryKind.LETTER,
            summary=f"{LetterKind(kind).label}: {subject}"[:200], body=body,
            sent_to_resident=recipient.is_resident,
            files=[SimpleUploadedFile(filename, pdf, content_type="application/pdf")],
        )
        letter = Letter.objects.create(
            case=case, kind=kind, recipient=recipient.name.split("\n")[0][:200], party=party,
            subject=subject, body=body, channel=channel, entry=entry, created_by=user,
        )
        if channel == Letter.Channel.EMAIL:
            outbox_enqueue(to=recipient.email, subject=email_subject(case=case, kind=kind),
                           body=_email_body(body), case=case, attachment_name=filename,
                           attachment=pdf)
        if kind in LETTER_FACTS:
            complaint_letter_sent(user=user, case=case, fact=LETTER_FACTS[kind],
                                  on=timezone.localdate())
        audit_case(user=user, case=case, action=Action.CREATE, event="letter.created",
                   details={"letter": letter.pk, "kind": kind, "channel": channel,
                            "entry": entry.pk, "to_resident": recipient.is_resident,
                            "to_respondent": recipient.respondent})
    return letter


def _today_text() -> str:
    from django.utils import timezone

    return nl_date(timezone.localdate())


def _email_body(body: str) -> str:
    return (plain_text(body).rstrip() + "\n\n--\nDeze brief zit ook als PDF in de bijlage. "
            "U kunt op deze e-mail antwoorden.\n")
