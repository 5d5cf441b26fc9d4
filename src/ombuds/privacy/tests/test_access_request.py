"""Done when (issue 7, point 5): an access request returns everything about the person —
their cases, timeline entries, consents and the audit entries about them — and nothing
about anyone else."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from ombuds.core.models import AuditEntry
from ombuds.privacy.tests.conftest import make_request


def download(world, avg_request, fmt: str) -> bytes:
    client = Client()
    client.force_login(world.office.ombudsman)
    response = client.get(reverse(f"privacy:access_{fmt}", args=[avg_request.pk]))
    assert response.status_code == 200, response.status_code
    return response.content


def others_of(world, person) -> list[str]:
    """Names, stories and references of everyone but ``person`` (and cases not theirs)."""
    secrets = []
    for other, case in ((world.anna, world.anna_case), (world.bert, world.bert_case),
                        (world.ruud, world.ruud_case)):
        if other != person:
            secrets += [other.name, case.reference if case.person_id != person.pk
                        and case.representative_id != person.pk else "",
                        f"persoon {other.pk}", case.story]
    return [s for s in secrets if s]


@pytest.mark.django_db
def test_it_gives_a_resident_all_their_cases_timeline_consents_and_audit_entries(avg_world):
    w = avg_world
    avg_request = make_request(w, w.anna)
    data = json.loads(download(w, avg_request, "json"))

    assert data["format"] == "ombuds-inzage" and data["version"] == 1
    assert data["person"]["id"] == w.anna.pk and data["person"]["name"] == "Anna Aaltink"
    assert [c["reference"] for c in data["cases"]] == [w.anna_case.reference]
    case = data["cases"][0]
    assert case["role"] == "resident" and case["story"] == w.anna_case.story
    summaries = [e["summary"] for e in case["timeline"]]
    expected = list(w.anna_case.timeline.order_by("occurred_at", "id").values_list("summary", flat=True))
    assert summaries == expected and "Gebeld met Anna over de hulp" in summaries
    assert [c["scope"] for c in case["consents"]] == ["Het verhaal van Anna"]
    assert case["meetings"][0]["minutes"] == "Verslag met Anna."
    assert case["agreements"][0]["description"] == "De Linde belt Anna"
    assert len(case["referrals"]) == 1
    # every audit entry about Anna up to the export, including the coordinator's read
    about_anna = AuditEntry.objects.filter(person_id=w.anna.pk)
    exported = about_anna.filter(event__in=["avg_access.exported", "case.exported_avg"])
    # (the export's own entry for the request is written first, so it is in the export too)
    assert len(data["audit"]) == about_anna.exclude(event="case.exported_avg").count() > 5
    assert {a["event"] for a in data["audit"]} >= {"person.created", "case.created",
                                                   "case.viewed", "avg_access.exported"}
    assert any(a["event"] == "case.viewed" and a["role"] == "coordinator"
               and a["object"] == w.anna_case.reference for a in data["audit"])
    # the export itself is audited, for the request and for the case
    assert exported.filter(event="avg_access.exported", action="E").count() == 1
    assert exported.get(event="case.exported_avg").object_label == w.anna_case.reference

    text = json.dumps(data, ensure_ascii=False)
    for secret in others_of(w, w.anna) + ["ruud@example.org", "Bert"]:
        assert secret not in text, secret
    assert case["represented"] and case["representative_relation"] == "Familielid of naaste"
    # no staff user names or workstation addresses
    assert "ombudsman" not in text.replace("ombudsfunctie", "") and "127.0.0.1" not in text


@pytest.mark.django_db
def test_a_representative_gets_their_own_case_and_only_the_number_of_the_case_they_represent(
        avg_world):
    w = avg_world
    data = json.loads(download(w, make_request(w, w.ruud), "json"))

    by_reference = {c["reference"]: c for c in data["cases"]}
    assert set(by_reference) == {w.anna_case.reference, w.ruud_case.reference}
    assert by_reference[w.ruud_case.reference]["story"] == "Ruud heeft schulden en zoekt hulp."
    represented = by_reference[w.anna_case.reference]
    assert represented["role"] == "representative"
    assert set(represented) == {"reference", "role", "municipality", "opened_at", "closed_at",
                                "representative_relation"}
    text = json.dumps(data, ensure_ascii=False)
    for secret in ["Anna", "Bert", w.bert_case.reference, w.anna_case.story, w.bert_case.story,
                   f"persoon {w.anna.pk}", f"persoon {w.bert.pk}"]:
        assert secret not in text, secret


@pytest.mark.django_db
def test_a_resident_sharing_an_organisation_sees_nothing_of_the_other_resident(avg_world):
    w = avg_world
    data = json.loads(download(w, make_request(w, w.bert), "json"))
    assert [c["reference"] for c in data["cases"]] == [w.bert_case.reference]
    assert data["cases"][0]["organisations"] == [{"name": "Thuiszorg De Linde", "role": ""}]
    text = json.dumps(data, ensure_ascii=False)
    for secret in others_of(w, w.bert) + ["Anna", "Ruud", w.anna_case.reference]:
        assert secret not in text, secret


@pytest.mark.django_db
def test_an_ombudsperson_of_one_municipality_cannot_export_for_a_person_of_another(avg_world):
    w = avg_world
    avg_request = make_request(w, w.anna)
    client = Client()
    client.force_login(w.office.ombudsman_westerveld)
    assert client.get(reverse("privacy:access_json", args=[avg_request.pk])).status_code == 404
    assert client.get(reverse("privacy:detail", args=[avg_request.pk])).status_code == 404
    assert not AuditEntry.objects.filter(event="avg_access.exported").exists()


@pytest.mark.pdf
@pytest.mark.django_db
def test_the_pdf_holds_the_same_and_nothing_about_anyone_else(avg_world):
    w = avg_world
    content = download(w, make_request(w, w.anna), "pdf")
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())

    assert reader.trailer["/Root"].get("/Lang") == "nl"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    for expected in ["Inzage in uw gegevens", "Anna Aaltink", w.anna_case.reference,
                     "Gebeld met Anna over de hulp", "Het verhaal van Anna", "Verslag met Anna.",
                     "Wie heeft uw gegevens bekeken"]:
        assert expected in flat, expected
    for secret in others_of(w, w.anna) + ["Bert", "ruud@example.org"]:
        assert secret not in flat, secret


@pytest.mark.django_db
def test_the_export_is_refused_when_the_person_has_cases_the_handler_may_not_see(avg_world):
    w = avg_world
    # Ruud has a Westerveld case, and is the representative on Anna's Steenwijkerland case
    avg_request = make_request(w, w.ruud, municipality=w.office.westerveld)
    client = Client()
    client.force_login(w.office.ombudsman_westerveld)
    body = client.get(reverse("privacy:detail", args=[avg_request.pk])).content.decode()
    assert w.ruud_case.reference in body and w.anna_case.reference not in body
    assert "ook 1 zaak/zaken bij een gemeente" in body
    response = client.get(reverse("privacy:access_json", args=[avg_request.pk]), follow=True)
    assert "laat het maken door een ombudsfunctionaris" in response.content.decode()
    assert not AuditEntry.objects.filter(event="avg_access.exported").exists()
    # the ombudsperson of both municipalities makes it
    assert json.loads(download(w, avg_request, "json"))["person"]["name"] == "Ruud Rietman"


@pytest.mark.django_db
def test_the_attachments_come_as_a_zip_with_only_the_persons_own_files(avg_world):
    w = avg_world
    avg_request = make_request(w, w.anna)
    data = json.loads(download(w, avg_request, "json"))
    listed = [a["name"] for e in data["cases"][0]["timeline"] for a in e["attachments"]]
    assert listed == ["brief-Anna.txt"]
    archive = zipfile.ZipFile(io.BytesIO(download(w, avg_request, "attachments")))
    assert archive.namelist() == [f"{w.anna_case.reference}/001-brief-Anna.txt"]
    assert archive.read(archive.namelist()[0]) == b"Beste Anna,"
    assert AuditEntry.objects.filter(event="avg_access.exported").count() == 2
    # Ruud only represents Anna: her files are not his
    ruud_zip = zipfile.ZipFile(io.BytesIO(download(w, make_request(w, w.ruud), "attachments")))
    assert ruud_zip.namelist() == []
