"""Downloading an attachment: only for those who may see the case (and its health data)."""

from __future__ import annotations

import uuid

from django.core.files.uploadedfile import SimpleUploadedFile

from ombuds.cases.services import timeline_entry_add
from ombuds.core.models import AuditEntry
from ombuds.tests.factories import register_case

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def attach(office, case, *, sensitive=False):
    entry = timeline_entry_add(user=office.ombudsman, case=case, kind="document",
                               summary="Brief", sensitive=sensitive,
                               files=[SimpleUploadedFile("brief gemeente.pdf", PDF)])
    return entry.attachments.get()


def url(case, attachment) -> str:
    return f"/werk/zaken/{case.reference}/bijlagen/{attachment.uuid}/"


def test_a_permitted_user_downloads_the_file_with_safe_headers(client, office):
    case = register_case(office)
    attachment = attach(office, case)
    client.force_login(office.ombudsman)
    response = client.get(url(case, attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "brief gemeente.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_download_is_written_to_the_audit_log(client, office):
    case = register_case(office)
    attachment = attach(office, case)
    client.force_login(office.coordinator)
    client.get(url(case, attachment))
    entry = AuditEntry.objects.get(event="attachment.downloaded")
    assert entry.username == "coordinator"
    assert entry.object_label == case.reference
    assert entry.details == {"attachment": str(attachment.uuid)}


def test_a_user_of_another_municipality_gets_404(client, office):
    case = register_case(office)
    attachment = attach(office, case)
    client.force_login(office.ombudsman_westerveld)
    assert client.get(url(case, attachment)).status_code == 404
    assert not AuditEntry.objects.filter(event="attachment.downloaded").exists()


def test_policy_and_anonymous_users_get_nothing(client, office):
    case = register_case(office)
    attachment = attach(office, case)
    assert client.get(url(case, attachment)).status_code == 302
    client.force_login(office.beleid)
    assert client.get(url(case, attachment)).status_code == 403


def test_an_attachment_of_a_sensitive_entry_is_hidden_from_the_secretariat(client, office):
    case = register_case(office, user=office.secretariaat)
    attachment = attach(office, case, sensitive=True)
    client.force_login(office.secretariaat)
    assert client.get(url(case, attachment)).status_code == 404
    assert str(attachment.uuid) not in client.get(f"/werk/zaken/{case.reference}/").content.decode()
    client.force_login(office.ombudsman)
    assert client.get(url(case, attachment)).status_code == 200


def test_an_attachment_cannot_be_fetched_through_another_case(client, office):
    case = register_case(office)
    other = register_case(office)
    attachment = attach(office, case)
    client.force_login(office.ombudsman)
    assert client.get(url(other, attachment)).status_code == 404
    fake = type("A", (), {"uuid": uuid.uuid4()})
    assert client.get(url(case, fake)).status_code == 404
