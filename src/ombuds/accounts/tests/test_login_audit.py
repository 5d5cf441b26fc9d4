"""Log-ins, failed log-ins and log-outs leave audit entries, without the password."""

import pytest

from ombuds.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_login_and_a_logout_are_audited(client, office):
    assert client.login(username="ombudsman", password="correct horse battery")
    client.post("/uitloggen/")
    events = list(AuditEntry.objects.filter(username="ombudsman").values_list("event", flat=True))
    assert sorted(events) == ["auth.login", "auth.logout"]


def test_a_failed_login_is_audited_without_the_password(client, office):
    client.post("/inloggen/", {"username": "ombudsman", "password": "raden-maar"})
    entry = AuditEntry.objects.get(event="auth.login_failed")
    assert entry.details == {"username": "ombudsman"}
    assert "raden-maar" not in str(entry.details)
    assert entry.origin.startswith("web")
