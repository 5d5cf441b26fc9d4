"""The lockout count is shared by app processes: two separate gunicorn servers on one
PostgreSQL database, five wrong passwords at one and four at the other, and the tenth (at
either) locks the user name for both."""

from __future__ import annotations

import re

import pytest
import requests
from rest_framework.authtoken.models import Token

from ombuds.cases.tests.test_concurrent_references import (
    free_port,
    start_app_servers,
    wait_until_up,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LOCKED = "Er is te vaak een verkeerd wachtwoord gebruikt"


def log_in(base: str, username: str, password: str) -> requests.Response:
    session = requests.Session()
    page = session.get(f"{base}/inloggen/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return session.post(f"{base}/inloggen/", timeout=30, allow_redirects=False, data={
        "csrfmiddlewaretoken": token, "username": username, "password": password,
    })


def test_two_app_servers_share_the_count(office, tmp_path, monkeypatch):
    # Plain http on the loopback: the cookies must not be Secure-only here.
    monkeypatch.setenv("OMBUDS_SECURE_COOKIES", "0")
    token = Token.objects.create(user=office.coordinator).key
    servers, bases = [], []
    try:
        for name in ("a", "b"):
            port = free_port()
            log_path = tmp_path / f"gunicorn-{name}.log"
            server = start_app_servers(port, log_path.open("wb"))
            servers.append(server)
            bases.append(f"http://127.0.0.1:{port}")
            wait_until_up(bases[-1], token, server, log_path)
        first, second = bases
        for base in [first] * 5 + [second] * 4:
            response = log_in(base, "ombudsman", "fout")
            assert response.status_code == 200 and LOCKED not in response.text
        tenth = log_in(first, "ombudsman", "fout")
        assert tenth.status_code == 429 and LOCKED in tenth.text
        right = log_in(second, "ombudsman", "correct horse battery")
        assert right.status_code == 429 and LOCKED in right.text
        # Another user name is untouched, at either server.
        assert log_in(second, "coordinator", "correct horse battery").status_code == 302
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=20)
