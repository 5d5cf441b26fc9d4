"""The e-mail outbox: every app enqueues here, in the transaction of the change it reports.

``outbox_enqueue`` only writes a row, so the message is stored exactly when the change is;
the task worker sends it (see ``outbox_send_pending``), so a crash loses nothing.
"""

from __future__ import annotations

import uuid

from django.conf import settings

from ombuds.core.models import OutboxMessage


def outbox_enqueue(*, to: str, subject: str, body: str, case=None, attachment_name: str = "",
                   attachment: bytes | None = None) -> OutboxMessage:
    """Store an e-mail for sending. Subjects never carry personal data (callers' duty).

    The Message-ID is fixed here, once, so a resend after a crash is recognisable as the same
    message by every mail client.
    """
    domain = getattr(settings, "OUTBOX_MESSAGE_ID_DOMAIN", "ombuds.invalid")
    return OutboxMessage.objects.create(
        to=to, subject=subject, body=body, case=case, attachment_name=attachment_name,
        attachment=attachment, message_id=f"<{uuid.uuid4().hex}@{domain}>",
    )
