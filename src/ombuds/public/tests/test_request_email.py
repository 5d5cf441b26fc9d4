"""A request survives a mail server that is down; the confirmation goes out once it is back.

The mail server is a real SMTP server (aiosmtpd) in the test process; the outbox sender is
the one the task worker runs (``outbox_send_pending``)."""

from __future__ import annotations

import re

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.utils import timezone

from ombuds.cases.models import Case
from ombuds.core.models import OutboxMessage
from ombuds.core.outbox import outbox_send_pending, retry_delay
from ombuds.core.tests.test_outbox import Sink
from ombuds.procedures.tests.test_worker_digest import free_port
from ombuds.public.tests.test_request_form import URL, filled, form_key

pytestmark = pytest.mark.django_db


def test_the_request_is_stored_while_smtp_is_down_and_mailed_once_it_is_back(client, office,
                                                                            settings):
    port = free_port()  # nothing listens here yet: the mail server is down
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.OUTBOX_RETRY_SECONDS, settings.OUTBOX_MAX_ATTEMPTS = 60, 5
    settings.BASE_URL = "https://ombuds.example"

    response = client.post(URL, filled(form_key(client)), follow=True)
    case = Case.objects.get()
    assert case.reference in response.content.decode()  # the resident sees it went well
    message = OutboxMessage.objects.get(case=case)
    assert message.to == "fenna@example.nl"

    outbox_send_pending()  # the worker tries: connection refused
    message.refresh_from_db()
    assert message.status == "wachtend" and message.attempts == 1 and message.last_error
    assert Case.objects.filter(pk=case.pk).exists()

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with time_machine.travel(timezone.now() + retry_delay(1)):
            assert outbox_send_pending() == 1
            assert outbox_send_pending() == 0
    finally:
        controller.stop()
    message.refresh_from_db()
    assert message.status == "verzonden"
    [mail] = sink.messages
    assert mail["To"] == "fenna@example.nl"
    assert "Fenna" not in mail["Subject"] and case.reference not in mail["Subject"]
    body = mail.get_content()
    assert case.reference in body
    link = re.search(r"https://ombuds\.example/status/(\S+)/", body)
    assert link
    status = client.get(f"/status/{link.group(1)}/", follow=True)
    assert status.status_code == 200 and case.reference in status.content.decode()


def test_the_english_form_sends_an_english_confirmation(client, office, settings):
    settings.BASE_URL = "https://ombuds.example"
    url = "/en" + URL
    client.post(url, filled(form_key(client, url)))
    message = OutboxMessage.objects.get()
    assert message.subject == "We have received your request"
    assert "https://ombuds.example/en/status/" in message.body
    assert "Dear resident," in message.body
