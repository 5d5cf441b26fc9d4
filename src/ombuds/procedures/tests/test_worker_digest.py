"""Issue 3, done-when 4: the real task worker sends exactly one digest per ombudsperson per
day to a real SMTP server, naming the right cases and no resident.

The SMTP server is aiosmtpd, running in the test process on a free port. On PostgreSQL the
worker is the real ``ombuds db_worker --batch`` in a subprocess against the test database.
SQLite's test database lives in the memory of the test process, which no second process can
open, so there the same scenario runs the same worker command in the test process; the
subprocess test is marked ``postgres`` and runs in CI's PostgreSQL stage.

"Today" is frozen by passing it to the task (``today="2025-10-07"``), not by time travel: the
worker process keeps its own clock.
"""

from __future__ import annotations

import email
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import date
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from ombuds.cases.models import Case
from ombuds.cases.services import case_transition
from ombuds.core.models import AuditEntry
from ombuds.procedures.models import DeadlineAlert, DigestSent
from ombuds.procedures.services import decision_create
from ombuds.procedures.tasks import send_deadline_digests
from ombuds.tests.factories import register_case
from ombuds.tests.worker import run_worker_batch

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SRC_DIR = Path(__file__).resolve().parents[3]
BASE_URL = "https://ombuds.example"
TUESDAY, WEDNESDAY = "2025-10-07", "2025-10-08"
# Objection terms (Awb 6:7, 6:8) as seen on Tuesday 7 October 2025 (no holidays nearby):
WARNING = date(2025, 9, 4)        # raw end Thu 16 Oct, 7 working days left
WARNING_SOONER = date(2025, 9, 3)  # raw end Wed 15 Oct, 6 working days left
URGENT = date(2025, 8, 28)        # raw end Thu 9 Oct, 2 working days left
PASSED = date(2025, 8, 1)         # ended Fri 12 Sep
PASSED_EARLIER = date(2025, 7, 15)  # ended Tue 26 Aug
FINE = date(2025, 9, 23)          # raw end Tue 4 Nov, 20 working days left


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Sink:
    """An SMTP server that keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def take(self) -> list[email.message.EmailMessage]:
        with self.lock:
            taken, self.messages = self.messages, []
        return taken


@pytest.fixture
def smtp():
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, sink
    finally:
        controller.stop()


@dataclass
class Scenario:
    expected: dict[str, set[str]]  # recipient address → references in their digest
    others: set[str]               # references that must appear in no digest
    secrets: list[str]             # resident names and case texts that must appear nowhere


def build_scenario(office) -> Scenario:
    """Cases set up through the services, as staff would, for two ombudspersons."""
    for user in (office.ombudsman, office.ombudsman_westerveld, office.coordinator):
        user.email = f"{user.username}@ombuds.example"
        user.save()
    secrets = []

    def case(made_known_on, *, municipality=None, assignee=None):
        name = f"Inwoner Geheimnaam{len(secrets)}"
        secrets.append(name)
        made = register_case(office, municipality=municipality or office.steenwijkerland,
                             assignee=assignee, name=name,
                             story="Mijn verhaal over de traplift en mijn gezondheid.")
        decision_create(user=office.ombudsman, case=made, subject="Traplift geweigerd",
                        made_known_on=made_known_on)
        return made.reference

    stw, wsv = office.steenwijkerland, office.westerveld
    mine_warning = case(WARNING, assignee=office.ombudsman)
    mine_passed = case(PASSED, assignee=office.ombudsman)
    mine_fine = case(FINE, assignee=office.ombudsman)
    theirs_urgent = case(URGENT, municipality=wsv, assignee=office.ombudsman_westerveld)
    shared_unassigned = case(WARNING_SOONER, municipality=wsv)  # both work in Westerveld
    stw_unassigned = case(PASSED_EARLIER, municipality=stw)     # only the first works here
    closed = case(PASSED, municipality=wsv, assignee=office.ombudsman_westerveld)
    case_transition(user=office.ombudsman_westerveld, case=Case.objects.get(reference=closed),
                    target="afgesloten", outcome="ingetrokken")
    return Scenario(
        expected={
            "ombudsman@ombuds.example": {mine_warning, mine_passed, shared_unassigned,
                                         stw_unassigned},
            "ombudsman-westerveld@ombuds.example": {theirs_urgent, shared_unassigned},
        },
        others={mine_fine, closed},
        secrets=[*secrets, "Geheimnaam", "traplift", "Traplift", "gezondheid"],
    )


def text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def check_digests(messages, scenario: Scenario) -> None:
    by_recipient: dict[str, list] = {}
    for message in messages:
        by_recipient.setdefault(message["To"], []).append(message)
    counts = {to: len(ms) for to, ms in by_recipient.items()}
    assert counts == dict.fromkeys(scenario.expected, 1), "exactly one digest per ombudsperson"
    every_reference = set().union(*scenario.expected.values()) | scenario.others
    for to, [message] in by_recipient.items():
        body = text(message)
        named = {ref for ref in every_reference if ref in body}
        assert named == scenario.expected[to], to
        assert message["Subject"] == f"Ombuds: termijnen om op te letten ({len(named)})"
        for ref in named:
            assert f"{BASE_URL}/werk/zaken/{ref}/" in body
        for secret in scenario.secrets:
            assert secret not in body and secret not in message["Subject"]


def enqueue(day: str) -> str:
    return send_deadline_digests.enqueue(today=day).id


def assert_succeeded(result_id: str) -> None:
    result = send_deadline_digests.get_result(result_id)
    assert result.status == "SUCCESSFUL", [e.traceback for e in result.errors]


def worker_command() -> list[str]:
    script = shutil.which("ombuds", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "ombuds"]


def run_worker_process(port: int, tmp_path: Path) -> None:
    """``ombuds db_worker --batch`` in its own process, against the test database."""
    from ombuds.cases.tests.test_concurrent_references import test_database_url

    env = os.environ | {
        "DATABASE_URL": test_database_url(),
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE",
                                                 "ombuds.config.settings_test"),
        "OMBUDS_DEMO_MODE": "0",
        "OMBUDS_EMAIL_HOST": "127.0.0.1",
        "OMBUDS_EMAIL_PORT": str(port),
        "OMBUDS_BASE_URL": BASE_URL,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC_DIR), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run([*worker_command(), "db_worker", "--batch", "--no-startup-delay"],
                          env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def run_worker_here(port: int, settings) -> None:
    """The same worker command in the test process, sending over SMTP to the sink."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.BASE_URL = BASE_URL
    run_worker_batch()


def run_the_day(run, sink, scenario) -> None:
    first = enqueue(TUESDAY)
    run()
    assert_succeeded(first)
    check_digests(sink.take(), scenario)
    assert DigestSent.objects.count() == 2
    alerts = DeadlineAlert.objects.count()
    assert alerts == 6  # 4 + 2 events, the shared case once for each
    audited = AuditEntry.objects.filter(event="deadline.digest_sent")
    assert set(audited.values_list("origin", flat=True)) == {"worker"}
    assert sorted(e.details["items"] for e in audited) == [2, 4]

    again = enqueue(TUESDAY)
    run()
    assert_succeeded(again)
    assert sink.take() == [], "a second run the same day sends nothing"

    tomorrow = enqueue(WEDNESDAY)
    run()
    assert_succeeded(tomorrow)
    assert sink.take() == [], "the next day without new events sends nothing"
    assert DeadlineAlert.objects.count() == alerts
    assert DigestSent.objects.count() == 2


@pytest.mark.postgres
def test_the_worker_process_sends_one_digest_per_ombudsperson_per_day(office, smtp, tmp_path):
    port, sink = smtp
    scenario = build_scenario(office)
    run_the_day(lambda: run_worker_process(port, tmp_path), sink, scenario)


def test_the_worker_command_sends_one_digest_per_ombudsperson_per_day(office, smtp, settings):
    port, sink = smtp
    scenario = build_scenario(office)
    run_the_day(lambda: run_worker_here(port, settings), sink, scenario)
