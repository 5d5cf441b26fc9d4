"""Background tasks of signals, run by the task worker (``ombuds db_worker``).

Queue ``send_signal_reminders`` once a working day (``ombuds signal_reminders --enqueue``
from cron or a systemd timer); running it more often is harmless, as each recommendation is
reminded once per due date and each signal once per sharing date.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django_tasks import task

from ombuds.core.audit import Origin, reset_origin, set_origin
from ombuds.signals.services import signal_reminders_send


@task()
def send_signal_reminders(today: str | None = None) -> int:
    """Queue the signal follow-up reminders in the outbox; return how many e-mails.

    ``today`` (an ISO date) is for tests and for catching up a missed day.
    """
    day = date.fromisoformat(today) if today else timezone.localdate()
    token = set_origin(Origin(channel="worker"))
    try:
        return signal_reminders_send(today=day)
    finally:
        reset_origin(token)
