"""The outbox sender, in the test process against a real SMTP sink (aiosmtpd): claims,
Message-IDs, retries with back-off, giving up, and recovery after a worker died mid-send.
The same scenario with a real worker process that is killed: ``test_outbox_worker.py``."""

from __future__ import annotations

import email
import threading
from collections import Counter
from datetime import timedelta
from email import policy

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone

from ombuds.core import outbox
from ombuds.core.models import OutboxMessage
from ombuds.core.outbox import outbox_claim, outbox_enqueue, outbox_send_pending, retry_delay
from ombuds.procedures.tests.test_worker_digest import free_port

pytestmark = pytest.mark.django_db


class Sink:
    """Keeps every accepted message; ``refuse`` makes it answer 451 to the next n messages."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.refuse = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        with self.lock:
            if self.refuse:
                self.refuse -= 1
                return "451 Try again later"
            self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def message_ids(self) -> Counter:
        with self.lock:
            return Counter(m["Message-ID"] for m in self.messages)


@pytest.fixture
def sink(settings):
    handler = Sink()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.OUTBOX_CLAIM_TIMEOUT, settings.OUTBOX_RETRY_SECONDS = 300, 60
    settings.OUTBOX_MAX_ATTEMPTS = 3
    try:
        yield handler
    finally:
        controller.stop()


def enqueue(n: int) -> list[OutboxMessage]:
    return [outbox_enqueue(to=f"inwoner{i}@example.nl", subject=f"Brief {i}", body=f"Tekst {i}",
                           attachment_name=f"brief-{i}.pdf", attachment=b"%PDF-1.7 test")
            for i in range(n)]


def test_it_sends_each_message_once_with_its_own_message_id_and_attachment(sink):
    messages = enqueue(3)
    assert outbox_send_pending() == 3
    assert outbox_send_pending() == 0
    assert sink.message_ids() == Counter({m.message_id: 1 for m in messages})
    received = sink.messages[0]
    assert received["Subject"] == "Brief 0"
    [attachment] = list(received.iter_attachments())
    assert attachment.get_filename() == "brief-0.pdf"
    assert attachment.get_content() == b"%PDF-1.7 test"
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"verzonden"}
    assert all(m.sent_at for m in OutboxMessage.objects.all())


class WorkerKilled(BaseException):
    """Stands in for SIGKILL: nothing after it runs, no handler catches it."""


def test_a_worker_that_dies_mid_send_loses_and_duplicates_nothing(sink, monkeypatch):
    messages = enqueue(5)
    real_email, calls = outbox._email, []

    def dying(message, smtp):
        calls.append(message.pk)
        if len(calls) == 3:
            raise WorkerKilled
        return real_email(message, smtp)

    monkeypatch.setattr(outbox, "_email", dying)
    with pytest.raises(WorkerKilled):
        outbox_send_pending()
    monkeypatch.setattr(outbox, "_email", real_email)
    stuck = OutboxMessage.objects.get(pk=messages[2].pk)
    assert stuck.status == "bezig"

    assert outbox_send_pending() == 2, "a fresh claim is not taken over before the timeout"
    assert OutboxMessage.objects.get(pk=stuck.pk).status == "bezig"
    with time_machine.travel(timezone.now() + timedelta(seconds=301)):
        assert outbox_send_pending() == 1
    assert sink.message_ids() == Counter({m.message_id: 1 for m in messages})
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"verzonden"}


def test_a_refused_message_is_retried_after_its_back_off_and_then_given_up(sink):
    [message] = enqueue(1)
    sink.refuse = 10
    start = timezone.now()
    assert outbox_send_pending() == 0
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("wachtend", 1)
    assert "451" in message.last_error
    assert outbox_send_pending() == 0 and OutboxMessage.objects.get().attempts == 1, "backing off"
    with time_machine.travel(start + retry_delay(1) + timedelta(seconds=1)):
        outbox_send_pending()
    assert OutboxMessage.objects.get().attempts == 2
    with time_machine.travel(start + retry_delay(1) + retry_delay(2) + timedelta(seconds=2)):
        outbox_send_pending()
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("mislukt", 3)
    with time_machine.travel(start + timedelta(days=1)):
        assert outbox_claim() is None
    assert sink.message_ids() == Counter()


def test_a_refusal_then_success_sends_once(sink):
    messages = enqueue(2)
    sink.refuse = 1
    assert outbox_send_pending() == 1
    with time_machine.travel(timezone.now() + retry_delay(1) + timedelta(seconds=1)):
        assert outbox_send_pending() == 1
    assert sink.message_ids() == Counter({m.message_id: 1 for m in messages})


def test_an_unreachable_server_keeps_the_message(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    [message] = enqueue(1)
    assert outbox_send_pending() == 0
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("wachtend", 1)


def test_enqueue_asks_the_worker_after_commit_and_the_command_sends(sink, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        enqueue(2)
    assert DBTaskResult.objects.filter(task_path="ombuds.core.tasks.send_outbox").count() == 2
    call_command("outbox_send", "--enqueue", verbosity=0)
    assert DBTaskResult.objects.filter(task_path="ombuds.core.tasks.send_outbox").count() == 3
    call_command("outbox_send", verbosity=0)
    assert len(sink.message_ids()) == 2
