"""The case file: append-only entries, attachments checked by type, size and content."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ombuds.cases.models import Attachment, TimelineEntry
from ombuds.cases.services import case_assign, timeline_entry_add
from ombuds.core.models import AuditEntry
from ombuds.tests.factories import register_case

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def pdf(name="besluit.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_it_adds_an_entry_with_an_attachment_stored_under_a_random_name(office):
    case = register_case(office)
    entry = timeline_entry_add(user=office.secretariaat, case=case, kind="telefoon",
                               summary="Inwoner belde terug", body="Besluit volgt.",
                               files=[pdf("Besluit Jan de Vries.pdf")])
    attachment = entry.attachments.get()
    assert attachment.original_name == "Besluit Jan de Vries.pdf"
    assert "Vries" not in attachment.file.name  # no personal data in the storage path
    assert attachment.file.read() == PDF
    assert attachment.size == len(PDF) and len(attachment.sha256) == 64
    assert AuditEntry.objects.filter(event="timeline.added", object_id=str(case.pk)).exists()


@pytest.mark.parametrize(("name", "content", "code"), [
    ("virus.exe", b"MZ\x90\x00", "attachment_type"),
    ("nep.pdf", b"MZ\x90\x00 not a pdf", "attachment_content"),
    ("foto.png", b"\xff\xd8\xff\xe0 a jpeg", "attachment_content"),
    ("leeg.txt", b"", "attachment_empty"),
    ("binair.txt", b"\x00\x01\x02binary", "attachment_content"),
])
def test_it_refuses_attachments_by_type_and_content_and_stores_nothing(office, name, content, code):
    case = register_case(office)
    entries_before = TimelineEntry.objects.count()
    with pytest.raises(ValidationError) as error:
        timeline_entry_add(user=office.ombudsman, case=case, kind="document", summary="Stuk",
                           files=[SimpleUploadedFile(name, content)])
    assert error.value.code == code
    assert TimelineEntry.objects.count() == entries_before
    assert not Attachment.objects.exists()


def test_it_refuses_an_attachment_over_the_size_limit(office, settings):
    settings.ATTACHMENT_MAX_BYTES = 100
    case = register_case(office)
    with pytest.raises(ValidationError) as error:
        timeline_entry_add(user=office.ombudsman, case=case, kind="document", summary="Groot",
                           files=[pdf(content=PDF + b"x" * 200)])
    assert error.value.code == "attachment_size"


def test_status_entries_cannot_be_added_by_hand(office):
    case = register_case(office)
    with pytest.raises(ValidationError):
        timeline_entry_add(user=office.ombudsman, case=case, kind="status", summary="Afgesloten")


def test_timeline_entries_are_append_only(office):
    case = register_case(office)
    entry = timeline_entry_add(user=office.ombudsman, case=case, kind="notitie", summary="Notitie")
    entry.summary = "Gewijzigd"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        TimelineEntry.objects.filter(pk=entry.pk).update(summary="Gewijzigd")
    with pytest.raises(PermissionError):
        TimelineEntry.objects.filter(pk=entry.pk).delete()
    entry.refresh_from_db()
    assert entry.summary == "Notitie"


def test_assigning_writes_the_timeline_and_the_audit_log(office):
    case = register_case(office, user=office.secretariaat)
    case_assign(user=office.secretariaat, case=case, assignee=office.ombudsman)
    case.refresh_from_db()
    assert case.assignee == office.ombudsman
    assert TimelineEntry.objects.filter(case=case, kind="toewijzing").exists()
    assert AuditEntry.objects.get(event="case.assigned").details["to"] == office.ombudsman.pk


def test_a_case_cannot_be_assigned_to_someone_outside_the_municipality(office):
    case = register_case(office)
    with pytest.raises(ValidationError):
        case_assign(user=office.ombudsman, case=case, assignee=office.ombudsman_westerveld)
    with pytest.raises(ValidationError):
        case_assign(user=office.ombudsman, case=case, assignee=office.secretariaat)
    case.refresh_from_db()
    assert case.assignee is None
