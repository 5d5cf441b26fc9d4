"""Issue 8, done-when 3: a ``pg_dump`` backup restores into a fresh database and the app
serves the same cases from it.

The procedure is the one docs/deployment.md gives: ``pg_dump --format=custom``, a new empty
database, ``pg_restore --no-owner --exit-on-error``. Then a separate ``ombuds`` process,
pointed at the restored database only through ``DATABASE_URL``, lists the cases and renders a
case page as the ombudsperson.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.db import connection

from ombuds.cases.models import Case, TimelineEntry
from ombuds.cases.services import case_transition
from ombuds.core.models import AuditEntry
from ombuds.procedures.tests.test_worker_digest import SRC_DIR, worker_command
from ombuds.tests.factories import register_case

pytestmark = [pytest.mark.postgres,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

#: Runs in a separate process against the restored database: what does the app serve there?
CHECK_SCRIPT = """
import json
from django.test import Client
from ombuds.accounts.models import User
from ombuds.cases.models import Case, TimelineEntry
from ombuds.core.models import AuditEntry
from ombuds.tests.otp import complete_second_factor
user = User.objects.get(username="ombudsman")
client = Client()
client.force_login(user)
complete_second_factor(client, user)  # staff need their second factor outside demo mode
case = Case.objects.order_by("reference").first()
page = client.get(f"/werk/zaken/{case.reference}/")
print(json.dumps({
    "references": sorted(Case.objects.values_list("reference", flat=True)),
    "statuses": dict(Case.objects.values_list("reference", "status")),
    "timeline": TimelineEntry.objects.count(),
    "audit": AuditEntry.objects.count(),
    "page_status": page.status_code,
    "page_shows": [case.reference in page.content.decode(), case.title in page.content.decode()],
}))
"""


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def test_a_restored_backup_serves_the_same_cases(office, tmp_path):
    from ombuds.cases.tests.test_concurrent_references import test_database_url

    for tool in ("pg_dump", "pg_restore"):
        assert shutil.which(tool), f"{tool} is needed (Debian: postgresql-client)"
    cases = [register_case(office, title=f"Wacht op besluit {n}", name=f"Inwoner {n}")
             for n in range(5)]
    register_case(office, municipality=office.westerveld, title="Klacht over vervoer")
    case_transition(user=office.ombudsman, case=cases[0], target="intake")
    expected = {
        "references": sorted(Case.objects.values_list("reference", flat=True)),
        "statuses": dict(Case.objects.values_list("reference", "status")),
        "timeline": TimelineEntry.objects.count(),
    }

    source_url = test_database_url()
    dump = tmp_path / "ombuds.dump"
    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", f"--dbname={source_url}"],
                   check=True, capture_output=True, timeout=120)
    assert dump.stat().st_size > 0

    restored = f"{connection.settings_dict['NAME']}_restore"
    admin_url = with_database(source_url, "postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{restored}"')
    restored_url = with_database(source_url, restored)
    try:
        done = subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={restored_url}", str(dump)],
            capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        audit_before_check = AuditEntry.objects.count()
        served = serve_from(restored_url, tmp_path)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')

    assert served["references"] == expected["references"]
    assert len(served["references"]) == 6
    assert served["statuses"] == expected["statuses"]
    assert served["timeline"] == expected["timeline"]
    # The restored audit log holds everything up to the dump, plus the check's own reads.
    assert served["audit"] > audit_before_check
    assert served["page_status"] == 200
    assert served["page_shows"] == [True, True]


def serve_from(database_url: str, tmp_path: Path) -> dict:
    """Ask a fresh ``ombuds`` process, on ``database_url``, what it serves."""
    env = os.environ | {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "ombuds.config.settings_test",
        "OMBUDS_DEMO_MODE": "0",
        "OMBUDS_ALLOWED_HOSTS": "testserver",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC_DIR), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run([*worker_command(), "shell", "-c", CHECK_SCRIPT], env=env,
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])
