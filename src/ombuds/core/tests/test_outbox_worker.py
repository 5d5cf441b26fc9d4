"""Issue 4, done-when 3: the task worker is killed mid-send, and after a restart every message
arrives exactly once.

A real ``ombuds db_worker --batch`` runs in a subprocess against the PostgreSQL test database
and sends to an aiosmtpd sink in this process. The sink holds the third message without
answering; while it hangs there the worker gets SIGKILL. The sink then lets go (dropping the
message it never acknowledged, as a server does when the client vanished before the end of
the transaction), and the worker runs again after the claim timeout: all five messages arrive
exactly once (counted by Message-ID) and all are ``verzonden``. SQLite's in-memory test
database cannot be shared with a subprocess; ``test_outbox.py`` runs the same logic in-process.
"""

from __future__ import annotations

import asyncio
import email
import os
import signal
import subprocess
import threading
import time
from collections import Counter
from email import policy

import pytest
from aiosmtpd.controller import Controller

from ombuds.core.models import OutboxMessage
from ombuds.core.outbox import outbox_enqueue
from ombuds.procedures.tests.test_worker_digest import SRC_DIR, free_port, worker_command

pytestmark = [pytest.mark.postgres,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CLAIM_TIMEOUT = 2


class HangingSink:
    """Accepts messages, but hangs on the third DATA until ``release`` is set."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.data_commands = 0
        self.hanging, self.release = threading.Event(), threading.Event()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        with self.lock:
            self.data_commands += 1
            hang = self.data_commands == 3
        if hang:
            self.hanging.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "421 Client gone, message not accepted"
        with self.lock:
            self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def message_ids(self) -> Counter:
        with self.lock:
            return Counter(m["Message-ID"] for m in self.messages)


def worker_env(port: int) -> dict:
    from ombuds.cases.tests.test_concurrent_references import test_database_url

    return os.environ | {
        "DATABASE_URL": test_database_url(),
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE",
                                                 "ombuds.config.settings_test"),
        "OMBUDS_DEMO_MODE": "0",
        "OMBUDS_EMAIL_HOST": "127.0.0.1",
        "OMBUDS_EMAIL_PORT": str(port),
        "OMBUDS_OUTBOX_CLAIM_TIMEOUT": str(CLAIM_TIMEOUT),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC_DIR), os.environ.get("PYTHONPATH")])),
    }


def test_the_killed_worker_sends_every_message_exactly_once_after_restart(office, tmp_path):
    sink = HangingSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    command = [*worker_command(), "db_worker", "--batch", "--no-startup-delay"]
    env = worker_env(controller.port)
    try:
        # Each enqueue also queues the send task (the transaction commits at once here).
        messages = [outbox_enqueue(to=f"inwoner{i}@example.nl", subject=f"Brief {i}",
                                   body=f"Tekst {i}", attachment_name=f"brief-{i}.pdf",
                                   attachment=b"%PDF-1.7 test") for i in range(5)]
        worker = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        try:
            assert sink.hanging.wait(timeout=90), "the worker never reached the third message"
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=10)
        finally:
            if worker.poll() is None:
                worker.kill()
        assert worker.returncode == -signal.SIGKILL
        assert sink.message_ids() == Counter({m.message_id: 1 for m in messages[:2]})
        statuses = dict(OutboxMessage.objects.values_list("message_id", "status"))
        assert [statuses[m.message_id] for m in messages] == [
            "verzonden", "verzonden", "bezig", "wachtend", "wachtend"]

        sink.release.set()
        time.sleep(CLAIM_TIMEOUT + 0.5)
        done = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
    finally:
        controller.stop()

    assert sink.message_ids() == Counter({m.message_id: 1 for m in messages})
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"verzonden"}
