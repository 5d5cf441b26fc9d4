"""Background tasks of the procedures app, run by the task worker (``ombuds db_worker``).

Each task is a thin wrapper around a service; schedule them as docs/deadlines.md describes.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django_tasks import task

from ombuds.core.audit import Origin, reset_origin, set_origin
from ombuds.procedures.digest import digest_send


@task()
def send_deadline_digests(today: str | None = None) -> int:
    """Send today's deadline digests; return how many were sent.

    ``today`` (an ISO date) is for tests and for catching up a missed day; by default the
    day the worker runs it, in Ombuds' time zone.
    """
    day = date.fromisoformat(today) if today else timezone.localdate()
    token = set_origin(Origin(channel="worker"))
    try:
        return digest_send(today=day)
    finally:
        reset_origin(token)
