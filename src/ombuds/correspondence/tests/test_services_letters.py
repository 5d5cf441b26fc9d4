"""letter_create: a real, tagged PDF in the case file; e-mail goes through the outbox."""

from __future__ import annotations

import io

import pypdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ombuds.core.models import AuditEntry, OutboxMessage
from ombuds.correspondence.models import Letter
from ombuds.correspondence.services import letter_create, letter_draft
from ombuds.correspondence.tests.factories import full_case

pytestmark = [pytest.mark.django_db, pytest.mark.pdf]


def pdf_of(letter) -> bytes:
    attachment = letter.entry.attachments.get()
    with attachment.file.open("rb") as handle:
        return handle.read()


def pdf_text(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def test_it_stores_a_tagged_accessible_pdf_that_contains_the_letter(office):
    case, _, _ = full_case(office, 3)
    draft = letter_draft(case=case, kind="afsluiting")
    letter = letter_create(user=office.ombudsman, case=case, kind="afsluiting", channel="post",
                           subject=draft.subject, body=draft.body)
    data = pdf_of(letter)
    assert data.startswith(b"%PDF-")
    reader, text = pdf_text(data)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "nl"
    assert reader.metadata.title == draft.subject
    headings = [line[3:] for line in draft.body.splitlines() if line.startswith("## ")]
    for words in ("Sociale ombudsfunctie voor de gemeente Steenwijkerland", office.office.name,
                  "Jan de Vries", "Kerkstraat 1", "Wij sluiten uw zaak af", *headings,
                  "Bezwaar maken tegen het besluit", case.reference):
        assert words in text, words
    entry = letter.entry
    assert (entry.kind, entry.sent_to_resident) == ("brief", True)
    assert OutboxMessage.objects.count() == 0
    assert AuditEntry.objects.filter(event="letter.created", object_label=case.reference).exists()


def test_an_email_letter_goes_to_the_outbox_with_the_pdf_and_no_name_in_the_subject(office):
    case, party, _ = full_case(office, 3)
    letter = letter_create(user=office.ombudsman, case=case, kind="brief_partij", channel="email",
                           subject="Vraag", body="Beste Petra de Boer,\n\nEen vraag over Jan de Vries.",
                           party=party)
    message = OutboxMessage.objects.get()
    assert message.to == "petra@delinde.example"
    assert message.attachment_name == f"brief_partij-{case.reference}.pdf"
    assert bytes(message.attachment) == pdf_of(letter)
    assert "Jan" not in message.subject and "Petra" not in message.subject
    assert case.reference in message.subject
    assert "Een vraag over Jan de Vries." in message.body
    assert (letter.entry.kind, letter.entry.sent_to_resident) == ("email_uit", False)
    assert letter.recipient == "Zorgaanbieder De Linde"


def test_email_needs_an_address(office):
    case, _, _ = full_case(office, 3)
    case.person.email = ""
    case.person.save()
    with pytest.raises(ValidationError, match="geen e-mailadres"):
        letter_create(user=office.ombudsman, case=case, kind="afsluiting", channel="email",
                      subject="Afsluiting", body="Tekst")
    assert Letter.objects.count() == 0


def test_only_a_handler_of_the_municipality_sends_letters(office):
    case, _, _ = full_case(office, 3)
    with pytest.raises(PermissionDenied):
        letter_create(user=office.beleid, case=case, kind="afsluiting", channel="post",
                      subject="Afsluiting", body="Tekst")


def test_without_pango_a_letter_is_refused_in_dutch_and_nothing_is_stored(office, monkeypatch):
    from ombuds.correspondence import services

    monkeypatch.setattr(services, "pdf_available", lambda: False)
    case = full_case(office, 3)[0]
    with pytest.raises(ValidationError) as error:
        letter_create(user=office.ombudsman, case=case, kind="afsluiting", channel="post",
                      subject="Afsluiting", body="Tekst")
    assert "Pango" in str(error.value)
    assert not Letter.objects.exists()
