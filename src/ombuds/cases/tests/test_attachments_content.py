"""Attachments are recognised by their content; the file name must agree with it (issue 7).

Real files of each kind are built here (a program, a Word document, an OpenDocument text, a
macro document, a ZIP archive) and offered under honest and under false names, to the case
file and to a partner organisation's answer page."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ombuds.cases.attachments import validate_upload
from ombuds.cases.models import CaseOrganisation
from ombuds.cases.services import timeline_entry_add
from ombuds.mediation.partner import partner_answer_submit, partner_link_create
from ombuds.tests.factories import OrganisationFactory, register_case

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20
#: A real program: the Python interpreter running these tests (ELF on Linux).
PROGRAM = Path(sys.executable).resolve().read_bytes()[:4096]
#: The start of a Windows program: "MZ", then the DOS stub with its NUL bytes.
WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + (
    b"This program cannot be run in DOS mode.")


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "_rels/.rels": b"<Relationships/>",
               "word/document.xml": b"<w:document/>"})
DOCM = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>",
               "word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
ODS = zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})
ARCHIVE = zipped({"setup.exe": WINDOWS_PROGRAM})


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize(("name", "content", "content_type"), [
    ("besluit.pdf", PDF, "application/pdf"),
    ("brief.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("brief.odt", ODT, "application/vnd.oasis.opendocument.text"),
    ("foto.PNG", PNG, "image/png"),
    ("notitie.txt", "Gesprek met mevrouw, één uur.".encode(), "text/plain"),
])
def test_files_whose_content_matches_their_name_are_accepted(name, content, content_type):
    assert validate_upload(upload(name, content))[0] == content_type


@pytest.mark.parametrize(("name", "content"), [
    ("besluit.pdf", PROGRAM),  # a renamed program
    ("notitie.txt", PROGRAM),
    ("brief.docx", PROGRAM),
    ("besluit.pdf", WINDOWS_PROGRAM),
    ("notitie.txt", WINDOWS_PROGRAM),
    ("brief.docx", PDF),  # a PDF named .docx
    ("brief.odt", PDF),
    ("notitie.txt", PDF),
    ("foto.jpg", PNG),  # a PNG named .jpg
    ("brief.docx", ARCHIVE),  # a ZIP archive holding a program
    ("brief.odt", ARCHIVE),
    ("brief.docx", DOCM),  # a Word document with macros
    ("brief.docx", ODT),  # right family, wrong type
    ("brief.odt", DOCX),
    ("brief.odt", ODS),
    ("brief.docx", b"PK\x03\x04 not really a zip"),
    ("script.txt", b"#!/bin/sh\nrm -rf ~\n"),  # a script
])
def test_the_content_decides_not_the_name(name, content):
    with pytest.raises(ValidationError) as error:
        validate_upload(upload(name, content))
    assert error.value.code == "attachment_content"


def test_a_program_named_like_a_pdf_never_reaches_the_case_file(office):
    case = register_case(office)
    with pytest.raises(ValidationError):
        timeline_entry_add(user=office.ombudsman, case=case, kind="document", summary="Stuk",
                           files=[upload("besluit.pdf", PROGRAM)])
    assert not case.timeline.filter(summary="Stuk").exists()


def test_a_partner_organisation_cannot_send_a_renamed_program(office):
    case = register_case(office)
    party = CaseOrganisation.objects.create(case=case, organisation=OrganisationFactory())
    link, _ = partner_link_create(user=office.ombudsman, case=case, party=party,
                                  purpose="reactie", question="Wat is uw reactie?")
    with pytest.raises(ValidationError) as error:
        partner_answer_submit(link=link, text="Zie bijlage.", files=[upload("reactie.docx", PDF)])
    assert error.value.code == "attachment_content"
    link.refresh_from_db()
    assert link.answered_at is None
    entry = partner_answer_submit(link=link, text="Zie bijlage.", files=[upload("reactie.docx", DOCX)])
    assert entry.attachments.get().content_type.endswith("wordprocessingml.document")
