"""Background tasks of the resident pages, run by the task worker (``ombuds db_worker``).

Queue ``send_term_reminders`` once a working day (``ombuds term_reminders --enqueue`` from
cron or a systemd timer, next to ``deadline_digest`` and ``agreement_reminders``); running it
more often is harmless, as each reminder goes out once.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django_tasks import task

from ombuds.core.audit import Origin, reset_origin, set_origin
from ombuds.public.reminders import term_reminders_send


@task()
def send_term_reminders(today: str | None = None) -> int:
    """Queue the residents' term reminders that are due in the outbox; return how many.

    ``today`` (an ISO date) is for tests and for catching up a missed day.
    """
    day = date.fromisoformat(today) if today else timezone.localdate()
    token = set_origin(Origin(channel="worker"))
    try:
        return term_reminders_send(today=day)
    finally:
        reset_origin(token)
