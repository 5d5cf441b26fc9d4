"""/werk/rapportages/: dashboards (exact for case handlers, protected for beleid), files at
once, and files made by the task worker with their progress."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ombuds.core.models import AuditEntry
from ombuds.reports.models import ReportRun
from ombuds.tests.factories import register_case
from ombuds.tests.worker import run_worker_batch as run_worker

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def cases(office):
    for channel in ["telefoon"] * 3 + ["email"] * 9:
        register_case(office, channel=channel)
    return office




def test_it_shows_the_ombudsperson_exact_figures(cases):
    response = client_for(cases.ombudsman).get(reverse("reports:index"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "exacte cijfers" in body and '<svg class="ombuds-chart" role="img"' in body
    rows = response.context["report"].table("channel").rows
    assert ("Telefoon", "count", 3) in rows


def test_it_shows_beleid_only_the_publishable_figures(cases):
    client = client_for(cases.beleid)
    response = client.get(reverse("reports:index"))
    assert response.status_code == 200
    report = response.context["report"]
    assert not report.exact
    # 3 by phone: hidden, or the table is left out and the page says so.
    channel = [t for t in report.tables if t.key == "channel"]
    if channel:
        assert ("Telefoon", "count", "<10") in channel[0].rows
    else:
        sentence = next(s for s in report.omitted if "Nieuwe zaken per kanaal" in s)
        assert sentence in response.content.decode().replace("&#x27;", "'")
    assert not [row for row in report.rows() if row[2] == "count"
                and isinstance(row[3], int) and 1 <= row[3] <= 9]
    assert 'name="versie"' not in response.content.decode()
    # Asking for the exact version anyway is refused.
    refused = client.get(reverse("reports:export"), {"gemeente": "GM1708", "periode": "2026",
                                                     "versie": "exact", "formaat": "csv"})
    assert refused.status_code == 400


def test_the_csv_for_beleid_has_no_count_from_1_to_9(cases):
    response = client_for(cases.beleid).get(reverse("reports:export"), {
        "gemeente": "GM1708", "periode": str(timezone.localdate().year), "formaat": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows
    assert not [r for r in rows if r["measure"] == "count" and r["value"].isdigit()
                and 1 <= int(r["value"]) <= 9]
    assert AuditEntry.objects.filter(event="report.exported", user=cases.beleid).exists()


def test_the_complaint_register_can_be_downloaded_from_the_page(cases):
    response = client_for(cases.ombudsman).get(reverse("reports:export"), {
        "gemeente": "GM1701", "periode": str(timezone.localdate().year), "formaat": "csv",
        "soort": "complaints"})
    assert response.status_code == 200
    assert "Klachtenregister" in response["Content-Disposition"] or "klachten" in \
        response["Content-Disposition"].lower()
    entry = AuditEntry.objects.filter(event="report.exported").latest("id")
    assert entry.details["kind"] == "complaints"


# Real commits: the worker (which closes its database connection) runs in this process.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_background_report_shows_its_progress_and_only_its_owner_gets_it(cases):
    client = client_for(cases.coordinator)
    # The request commits; the task is queued after that commit.
    response = client.post(reverse("reports:run_create"), {
        "gemeente": "GM1708", "periode": "2026", "versie": "exact", "formaat": "csv"})
    run = ReportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "reports:run", kwargs={"uuid": run.uuid})
    waiting = client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh"' in waiting and "<progress" in waiting

    run_worker()

    run.refresh_from_db()
    assert (run.status, run.progress, run.exact) == (ReportRun.Status.DONE, 100, True)
    done = client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' not in done
    download = client.get(reverse("reports:run_download", kwargs={"uuid": run.uuid}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"table,category,measure,value")
    for other in (cases.ombudsman, cases.beleid):
        assert client_for(other).get(response["Location"]).status_code == 404
        assert client_for(other).get(
            reverse("reports:run_download", kwargs={"uuid": run.uuid})).status_code == 404


def test_beleid_cannot_queue_an_exact_report(cases):
    response = client_for(cases.beleid).post(reverse("reports:run_create"), {
        "gemeente": "GM1708", "periode": "2026", "versie": "exact", "formaat": "pdf"})
    assert response.status_code == 400
    assert not ReportRun.objects.exists()
