"""Background tasks of the core app, run by the task worker (``ombuds db_worker``)."""

from __future__ import annotations

from django_tasks import task

from ombuds.core.audit import Origin, reset_origin, set_origin
from ombuds.core.outbox import outbox_send_pending


@task()
def send_outbox() -> int:
    """Send every e-mail in the outbox that is due; return how many were sent.

    Enqueued after every ``outbox_enqueue`` (once its transaction commits) and periodically
    by ``ombuds outbox_send --enqueue``, which also retries failed and stuck messages.
    """
    token = set_origin(Origin(channel="worker"))
    try:
        return outbox_send_pending()
    finally:
        reset_origin(token)
