"""The case file's timeline through /api/v1/cases/{reference}/timeline/ and attachments."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from ombuds.cases.models import Attachment, TimelineEntry
from ombuds.core.models import AuditEntry
from ombuds.tests.factories import api_as, register_case

pytestmark = pytest.mark.django_db

#: A small but complete PDF document (one empty A4 page).
PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)


def pdf(name: str = "beschikking.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def add_entry(client, case, **fields):
    body = {"kind": "telefoon", "summary": "Gebeld met de Wmo-consulent"} | fields
    return client.post(f"/api/v1/cases/{case.reference}/timeline/", body, format="multipart")


def test_it_adds_a_json_entry_without_attachments(office):
    case = register_case(office)

    response = api_as(office.ombudsman).post(
        f"/api/v1/cases/{case.reference}/timeline/",
        {"kind": "notitie", "summary": "Dossier doorgenomen", "body": "Niets bijzonders.",
         "sent_to_resident": True},
        format="json",
    )

    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["kind"] == "notitie" and data["kind_label"] == "Notitie"
    assert data["body"] == "Niets bijzonders." and data["sent_to_resident"] is True
    assert data["author"] == "ombudsman" and data["attachments"] == []


def test_it_adds_an_entry_with_a_real_pdf_and_serves_it_back(office):
    case = register_case(office)
    client = api_as(office.ombudsman)

    response = add_entry(client, case, kind="document", files=[pdf()])

    assert response.status_code == 201, response.json()
    [attachment] = response.json()["attachments"]
    assert attachment["name"] == "beschikking.pdf"
    assert attachment["size"] == len(PDF) and attachment["content_type"] == "application/pdf"
    assert attachment["download_url"] == (
        f"/api/v1/cases/{case.reference}/attachments/{attachment['id']}/"
    )
    download = client.get(attachment["download_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    assert AuditEntry.objects.filter(
        event="attachment.downloaded", object_label=case.reference,
        details__attachment=attachment["id"],
    ).exists()


def test_the_download_ignores_the_accept_header(office):
    case = register_case(office)
    client = api_as(office.ombudsman)
    url = add_entry(client, case, files=[pdf()]).json()["attachments"][0]["download_url"]

    assert client.get(url, HTTP_ACCEPT="application/pdf").status_code == 200


def test_it_lists_the_timeline_newest_first_with_attachments(office):
    case = register_case(office)
    client = api_as(office.ombudsman)
    add_entry(client, case, files=[pdf(), pdf("bijlage.pdf")])

    response = client.get(f"/api/v1/cases/{case.reference}/timeline/")

    assert response.status_code == 200
    entries = response.json()
    assert [e["kind"] for e in entries] == ["telefoon", "status"]
    assert sorted(a["name"] for a in entries[0]["attachments"]) == ["beschikking.pdf",
                                                                     "bijlage.pdf"]


def test_it_refuses_an_exe_with_a_precise_400_and_stores_nothing(office):
    case = register_case(office)
    exe = SimpleUploadedFile("setup.exe", b"MZ\x90\x00" + b"\x00" * 100)

    response = add_entry(api_as(office.ombudsman), case, files=[exe])

    assert response.status_code == 400
    assert list(response.json()) == ["files"]
    assert response.json()["files"][0].startswith("Dit soort bestand kan niet worden toegevoegd")
    assert not TimelineEntry.objects.filter(case=case, kind="telefoon").exists()
    assert not Attachment.objects.exists()


def test_it_refuses_a_file_whose_content_does_not_match_its_extension(office):
    case = register_case(office)
    fake = pdf("rapport.pdf", b"MZ this is really a program")

    response = add_entry(api_as(office.ombudsman), case, files=[fake])

    assert response.status_code == 400
    assert response.json() == {
        "files": ["De inhoud van het bestand past niet bij de extensie .pdf."]
    }
    assert not Attachment.objects.exists()


def test_it_refuses_status_entries_and_an_empty_summary_by_field(office):
    case = register_case(office)

    response = add_entry(api_as(office.ombudsman), case, kind="status", summary="")

    assert response.status_code == 400
    assert set(response.json()) == {"kind", "summary"}


def test_a_sensitive_entry_is_hidden_from_the_secretariat_without_a_grant(office):
    case = register_case(office)
    url = add_entry(api_as(office.ombudsman), case, sensitive=True, body="Diagnose: COPD.",
                    files=[pdf()]).json()["attachments"][0]["download_url"]
    secretariat = api_as(office.secretariaat)

    [entry, _] = secretariat.get(f"/api/v1/cases/{case.reference}/timeline/").json()

    assert entry["restricted"] is True and entry["body"] is None and entry["attachments"] == []
    assert entry["summary"] == "Gebeld met de Wmo-consulent"
    assert secretariat.get(url).status_code == 404
    assert not AuditEntry.objects.filter(event="attachment.downloaded").exists()


def test_the_secretariat_with_a_health_grant_sees_and_downloads_it(office):
    case = register_case(office)
    url = add_entry(api_as(office.ombudsman), case, sensitive=True, body="Diagnose: COPD.",
                    files=[pdf()]).json()["attachments"][0]["download_url"]
    office.secretariaat.memberships.filter(municipality=office.steenwijkerland).update(
        sees_health_details=True
    )
    secretariat = api_as(office.secretariaat)

    [entry, _] = secretariat.get(f"/api/v1/cases/{case.reference}/timeline/").json()

    assert entry["restricted"] is False and entry["body"] == "Diagnose: COPD."
    assert secretariat.get(url).status_code == 200


def test_attachments_are_not_served_outside_the_case_scope(office):
    case = register_case(office)
    other = register_case(office)
    url = add_entry(api_as(office.ombudsman), case, files=[pdf()]).json()["attachments"][0][
        "download_url"
    ]
    uuid = url.rstrip("/").rsplit("/", 1)[1]

    assert api_as(office.ombudsman_westerveld).get(url).status_code == 404
    assert api_as(office.beleid).get(url).status_code == 403
    assert APIClient().get(url).status_code == 401
    # The uuid of one case's attachment does not open under another case's reference.
    wrong_case = f"/api/v1/cases/{other.reference}/attachments/{uuid}/"
    assert api_as(office.ombudsman).get(wrong_case).status_code == 404


def test_the_timeline_costs_the_same_number_of_queries_for_1_and_30_entries(office):
    case = register_case(office)
    client = api_as(office.ombudsman)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/v1/cases/{case.reference}/timeline/")
        assert response.status_code == 200
        return len(queries), len(response.json())

    one = count()
    for n in range(29):
        add_entry(client, case, summary=f"Regel {n}", files=[pdf()] if n % 3 == 0 else [])
    thirty = count()

    assert (one[1], thirty[1]) == (1, 30)
    assert one[0] == thirty[0]
