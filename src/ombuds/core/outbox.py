"""The e-mail outbox: every app enqueues here, in the transaction of the change it reports.

``outbox_enqueue`` only writes a row, so the message is stored exactly when the change is;
the task worker sends it (``outbox_send_pending``), so a crash loses nothing.

Sending, and what a crash can do:

1. *Claim* one message in its own short transaction: status ``bezig``, ``claimed_at`` now,
   one more attempt. On PostgreSQL the row is read with ``SELECT … FOR UPDATE SKIP LOCKED``,
   so several workers never claim the same message. A waiting message is due at once on its
   first attempt, and after a failure only when its back-off (``OMBUDS_OUTBOX_RETRY_SECONDS``
   doubled per attempt) has passed since its last claim.
2. *Send* it over SMTP with its stored Message-ID, outside any transaction.
3. *Mark* it ``verzonden`` as soon as the server accepted it; a refusal or a network error puts
   it back to ``wachtend`` (or ``mislukt`` after ``OMBUDS_OUTBOX_MAX_ATTEMPTS`` attempts).

A worker killed during step 2 leaves the message ``bezig``; once its claim is older than
``OMBUDS_OUTBOX_CLAIM_TIMEOUT`` any worker claims it again and sends it. The one window left
is a crash *after* the server accepted the message and *before* step 3 committed: then the
message goes out a second time, with the same Message-ID, so mail clients and servers that
de-duplicate show it once. Nothing is ever lost.
"""

from __future__ import annotations

import logging
import smtplib
import uuid
from collections.abc import Sequence
from datetime import timedelta
from email import encoders
from email.mime.base import MIMEBase
from email.mime.text import MIMEText
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from ombuds.core.models import OutboxAttachment, OutboxMessage

logger = logging.getLogger(__name__)
Status = OutboxMessage.Status


def outbox_enqueue(*, to: str, subject: str, body: str, case=None, attachment_name: str = "",
                   attachment: bytes | None = None,
                   extra_attachments: Sequence[tuple[str, bytes, str]] = ()) -> OutboxMessage:
    """Store an e-mail for sending. Subjects never carry personal data (callers' duty).

    ``attachment`` is the main file (a letter's PDF); ``extra_attachments`` are further
    ``(filename, content, content_type)`` files, e.g. a meeting's ``.ics``; the content type
    may carry parameters (``text/calendar; method=REQUEST``).

    The Message-ID is fixed here, once, so a resend after a crash is recognisable as the same
    message by every mail client. After the surrounding transaction commits, the task worker
    is asked to send it (the periodic ``ombuds outbox_send --enqueue`` is the safety net).
    """
    domain = getattr(settings, "OUTBOX_MESSAGE_ID_DOMAIN", "ombuds.invalid")
    message = OutboxMessage.objects.create(
        to=to, subject=subject, body=body, case=case, attachment_name=attachment_name,
        attachment=attachment, message_id=f"<{uuid.uuid4().hex}@{domain}>",
    )
    OutboxAttachment.objects.bulk_create(
        OutboxAttachment(message=message, filename=name, content=content,
                         content_type=content_type)
        for name, content, content_type in extra_attachments
    )
    transaction.on_commit(_enqueue_send_task)
    return message


def _enqueue_send_task() -> None:
    from ombuds.core.tasks import send_outbox

    try:
        send_outbox.enqueue()
    except Exception:  # the message is stored; the periodic run sends it
        logger.exception("Could not enqueue the outbox task; the periodic run will send it.")


def retry_delay(attempts: int) -> timedelta:
    """Return how long a message waits after its ``attempts``-th failed attempt."""
    return timedelta(seconds=settings.OUTBOX_RETRY_SECONDS * 2 ** max(attempts - 1, 0))


def _due(now) -> Q:
    waiting = [Q(attempts=0)] + [
        Q(attempts=n, claimed_at__lte=now - retry_delay(n))
        for n in range(1, settings.OUTBOX_MAX_ATTEMPTS)
    ]
    stuck = Q(status=Status.SENDING,
              claimed_at__lte=now - timedelta(seconds=settings.OUTBOX_CLAIM_TIMEOUT))
    return (Q(status=Status.PENDING) & reduce(or_, waiting)) | stuck


def outbox_claim() -> OutboxMessage | None:
    """Claim the oldest message that is due (see the module docstring), or return None."""
    now = timezone.now()
    with transaction.atomic():
        candidates = OutboxMessage.objects.filter(_due(now)).order_by("created_at", "id")
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        message = candidates.first()
        if message is None:
            return None
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    message.refresh_from_db()
    return message


def _email(message: OutboxMessage, smtp) -> EmailMessage:
    email = EmailMessage(subject=message.subject, body=message.body, to=[message.to],
                         headers={"Message-ID": message.message_id}, connection=smtp)
    if message.attachment:
        email.attach(message.attachment_name or "bijlage.pdf", bytes(message.attachment),
                     "application/pdf")
    for extra in message.extra_attachments.all():
        email.attach(_mime_part(extra.filename, bytes(extra.content), extra.content_type))
    return email


def _mime_part(filename: str, content: bytes, content_type: str) -> MIMEBase:
    """One attachment as a MIME part, keeping the content type's parameters (a calendar
    invitation needs ``method=REQUEST`` on its part, RFC 6047 §2.4); text goes as UTF-8."""
    kind, *params = [part.strip() for part in content_type.split(";")]
    maintype, subtype = kind.split("/", 1)
    if maintype == "text":
        part = MIMEText(content.decode("utf-8"), subtype, "utf-8")
    else:
        part = MIMEBase(maintype, subtype)
        part.set_payload(content)
        encoders.encode_base64(part)
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() != "charset":
            part.set_param(name.strip(), value.strip().strip('"'))
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def _mark_failed(message: OutboxMessage, error: Exception) -> None:
    final = message.attempts >= settings.OUTBOX_MAX_ATTEMPTS
    OutboxMessage.objects.filter(pk=message.pk, status=Status.SENDING).update(
        status=Status.FAILED if final else Status.PENDING,
        last_error=f"{type(error).__name__}: {error}"[:300],
    )
    logger.warning("Outbox message %s failed (attempt %s%s).", message.pk, message.attempts,
                   ", given up" if final else "")


def outbox_send_pending(*, limit: int | None = None) -> int:
    """Send every message that is due, one claim at a time; return how many were sent."""
    sent = 0
    smtp = None
    try:
        while limit is None or sent < limit:
            message = outbox_claim()
            if message is None:
                break
            try:
                if smtp is None:
                    smtp = get_connection(fail_silently=False)
                    smtp.open()
                _email(message, smtp).send(fail_silently=False)
            except (smtplib.SMTPException, OSError) as error:
                _mark_failed(message, error)
                if smtp is not None:
                    smtp.close()
                    smtp = None
                continue
            OutboxMessage.objects.filter(pk=message.pk).update(
                status=Status.SENT, sent_at=timezone.now(), last_error="")
            sent += 1
    finally:
        if smtp is not None:
            smtp.close()
    return sent
