"""The real import runs in the task worker: on PostgreSQL in a separate ``ombuds db_worker``
process while the test watches the progress page; on SQLite (whose test database no second
process can open) the same worker command runs in the test process."""

from __future__ import annotations

import os
import subprocess
import time

import pytest
from django.urls import reverse

from ombuds.cases.models import Case
from ombuds.core.models import AuditEntry
from ombuds.interop import services
from ombuds.interop.models import ImportedCase, ImportJob
from ombuds.interop.tests.messy import HEADERS, ROWS
from ombuds.procedures.tests.test_worker_digest import SRC_DIR, worker_command
from ombuds.tests.factories import OrganisationFactory
from ombuds.tests.worker import run_worker_batch

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EXTRA = 400  # valid rows besides the messy ones, so the import takes a while


def big_sheet() -> bytes:
    lines = [";".join(HEADERS)] + [";".join(cells) for _, cells, _ in ROWS]
    for n in range(EXTRA):
        lines.append(f"B-{n:04d};Westerveld;{1 + n % 28:02d}-0{1 + n % 9}-2026;Inwoner {n};"
                     f"Vraag over vervoer {n};;telefoon;;")
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def queue_import(office) -> ImportJob:
    job = services.import_job_create(user=office.beheer, filename="groot.csv",
                                     content=big_sheet(), municipality=None)
    services.import_check(user=office.beheer, job=job)
    services.import_queue(user=office.beheer, job=job)  # enqueued on commit (autocommit here)
    return job


def expected_new() -> int:
    return EXTRA + 4  # the messy sheet's three good rows, and row 12 (no twin in this world)


@pytest.fixture
def world(office):
    OrganisationFactory(name="Zorggroep Noord", municipalities=[office.steenwijkerland])
    return office


@pytest.mark.postgres
def test_the_worker_process_imports_once_and_the_page_shows_progress(world, client, tmp_path):
    from ombuds.cases.tests.test_concurrent_references import test_database_url

    office = world
    client.force_login(office.beheer)
    env = os.environ | {
        "DATABASE_URL": test_database_url(),
        "DJANGO_SETTINGS_MODULE": "ombuds.config.settings_test",
        "OMBUDS_DEMO_MODE": "0",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC_DIR), os.environ.get("PYTHONPATH")])),
    }
    command = [*worker_command(), "db_worker", "--batch", "--no-startup-delay"]

    job = queue_import(office)
    progress_url = reverse("interop:import_progress", args=[job.pk])
    seen_pages = []
    with subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True) as worker:
        deadline = time.monotonic() + 180
        while worker.poll() is None and time.monotonic() < deadline:
            page = client.get(progress_url).content.decode()
            if 'http-equiv="refresh"' in page and "regels verwerkt" in page:
                seen_pages.append(page)
            time.sleep(0.05)
        output = worker.communicate(timeout=60)[0]
    assert worker.returncode == 0, output

    job.refresh_from_db()
    assert (job.state, job.created_count) == ("klaar", expected_new())
    assert any(f"van {job.total_rows} regels verwerkt" in p and
               f"{job.total_rows} van {job.total_rows}" not in p for p in seen_pages), \
        "the progress page showed the import part-way, refreshing itself"
    assert "Klaar: " in client.get(progress_url).content.decode()
    assert set(AuditEntry.objects.filter(event="case.created").values_list("origin", flat=True)) \
        == {"worker"}

    again = queue_import(office)
    done = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    again.refresh_from_db()
    assert (again.state, again.created_count, again.skipped_count) == ("klaar", 0, expected_new())
    assert Case.objects.count() == ImportedCase.objects.count() == expected_new()


def test_the_worker_command_imports_the_file_once(world):
    office = world
    for expected in (expected_new(), 0):
        job = queue_import(office)
        run_worker_batch()
        job.refresh_from_db()
        assert (job.state, job.created_count) == ("klaar", expected)
    assert Case.objects.count() == expected_new()


def test_the_worker_command_runs_the_dry_run_the_page_queued(world):
    office = world
    job = services.import_job_create(user=office.beheer, filename="groot.csv",
                                     content=big_sheet(), municipality=None)
    services.import_check_queue(user=office.beheer, job=job)  # enqueued on commit
    run_worker_batch()
    job.refresh_from_db()
    assert (job.state, job.total_rows) == ("gecontroleerd", len(ROWS) + EXTRA)
    assert services.report_counts(job.report)["new"] == expected_new()
    assert Case.objects.count() == 0
    assert AuditEntry.objects.get(event="import.checked").origin == "worker"
