"""An outbox message with more than one attachment: a letter's PDF and a meeting's .ics go
out in one e-mail, each with its own content type (issue 15)."""

from __future__ import annotations

import pytest

from ombuds.core.models import OutboxAttachment, OutboxMessage
from ombuds.core.outbox import outbox_enqueue, outbox_send_pending
from ombuds.core.tests.test_outbox import Sink, sink  # noqa: F401 (the SMTP sink fixture)

pytestmark = pytest.mark.django_db

ICS = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
       "SUMMARY:Gesprek in café ‘De Ûle’\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode()


def test_it_stores_the_extra_files_with_the_message():
    message = outbox_enqueue(to="a@example.nl", subject="Uitnodiging", body="Tekst",
                             attachment_name="uitnodiging.pdf", attachment=b"%PDF-1.7",
                             extra_attachments=[("gesprek.ics", ICS,
                                                 "text/calendar; method=REQUEST")])
    [extra] = OutboxAttachment.objects.filter(message=message)
    assert (extra.filename, bytes(extra.content), extra.content_type) == (
        "gesprek.ics", ICS, "text/calendar; method=REQUEST")


def test_a_message_without_extra_files_has_none():
    message = outbox_enqueue(to="a@example.nl", subject="Brief", body="Tekst")
    assert not message.extra_attachments.exists()


def test_the_e_mail_carries_the_pdf_and_the_calendar_file_with_its_method(sink: Sink):  # noqa: F811
    outbox_enqueue(to="a@example.nl", subject="Uitnodiging", body="Tekst",
                   attachment_name="uitnodiging.pdf", attachment=b"%PDF-1.7 test",
                   extra_attachments=[("gesprek.ics", ICS, "text/calendar; method=REQUEST"),
                                      ("plattegrond.png", b"\x89PNG\r\n", "image/png")])
    assert outbox_send_pending() == 1
    [received] = sink.messages
    pdf, ics, png = received.iter_attachments()
    assert (pdf.get_filename(), pdf.get_content_type()) == ("uitnodiging.pdf", "application/pdf")
    assert pdf.get_content() == b"%PDF-1.7 test"
    assert (ics.get_filename(), ics.get_content_type()) == ("gesprek.ics", "text/calendar")
    assert ics.get_param("method") == "REQUEST"
    assert ics.get_content_charset() == "utf-8"
    # SMTP carries lines with CRLF; the parser may hand them back with LF.
    assert ics.get_content().replace("\r\n", "\n") == ICS.decode().replace("\r\n", "\n")
    assert (png.get_filename(), png.get_content()) == ("plattegrond.png", b"\x89PNG\r\n")
    assert OutboxMessage.objects.get().status == "verzonden"
