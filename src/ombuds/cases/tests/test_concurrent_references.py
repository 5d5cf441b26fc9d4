"""Fifty intakes at once through two app processes get fifty distinct references.

This is the proof behind ``services.reference_next``: the counter row is incremented with one
``UPDATE … SET n = n + 1`` whose row lock lasts until the registration commits. Real
processes (gunicorn workers, each with its own database connection) post to a real server,
so no test-only shortcut can hide a race.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.utils import timezone
from rest_framework.authtoken.models import Token

from ombuds.cases.models import Case

pytestmark = [
    pytest.mark.postgres,
    # The app processes only see committed data; ``serialized_rollback`` restores the seeded
    # process variants and domains that the flush after a transactional test removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SRC_DIR = Path(__file__).resolve().parents[3]
REQUESTS = 50


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_database_url() -> str:
    """Return a URL for the test database (not the one in DATABASE_URL)."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{db['NAME']}"


test_database_url.__test__ = False  # a helper, not a test


def start_app_servers(port: int, log) -> subprocess.Popen:
    env = os.environ | {
        "DATABASE_URL": test_database_url(),
        # The test's own settings (pytest-django exports them), so both sides agree.
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE",
                                                 "ombuds.config.settings_test"),
        "OMBUDS_ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC_DIR),
                                                    os.environ.get("PYTHONPATH")])),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "ombuds.config.wsgi:application",
         "--workers", "2", "--threads", "4", "--bind", f"127.0.0.1:{port}",
         "--timeout", "60", "--graceful-timeout", "5"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )


def call(url: str, token: str, body: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json",
                 "Accept": "application/json"},
        method="POST" if body is not None else "GET",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (local)
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, {"error": error.read().decode(errors="replace")[:500]}


def wait_until_up(base: str, token: str, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn exited early:\n{log_path.read_text()}")
        try:
            if call(f"{base}/api/v1/municipalities/", token)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer within 30 s:\n{log_path.read_text()}")


def test_fifty_concurrent_intakes_through_two_app_processes_get_fifty_references(
    office, tmp_path
):
    token = Token.objects.create(user=office.secretariaat).key
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "gunicorn.log"
    start = threading.Barrier(REQUESTS)

    def register(n: int) -> tuple[int, dict]:
        start.wait()  # all fifty leave at the same moment
        return call(f"{base}/api/v1/cases/", token, {
            "municipality": "GM1708", "channel": "web", "title": f"Aanmelding {n}",
            "story": "Ik kom er met de gemeente niet uit.", "person": {"name": f"Inwoner {n}"},
        })

    with log_path.open("wb") as log:
        server = start_app_servers(port, log)
        try:
            wait_until_up(base, token, server, log_path)
            with ThreadPoolExecutor(max_workers=REQUESTS) as pool:
                results = list(pool.map(register, range(REQUESTS)))
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

    assert [status for status, _ in results] == [201] * REQUESTS, results
    year = timezone.localtime().year
    references = sorted(body["reference"] for _, body in results)
    assert references == [f"STW-{year}-{n:04d}" for n in range(1, REQUESTS + 1)]
    assert Case.objects.filter(municipality=office.steenwijkerland).count() == REQUESTS
    assert set(Case.objects.values_list("reference", flat=True)) == set(references)
