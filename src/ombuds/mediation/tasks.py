"""Background tasks of mediation, run by the task worker (``ombuds db_worker``).

Queue ``send_agreement_reminders`` once a working day (``ombuds agreement_reminders
--enqueue`` from cron or a systemd timer); running it more often is harmless, as each
agreement is reminded once per due date.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django_tasks import task

from ombuds.core.audit import Origin, reset_origin, set_origin
from ombuds.mediation.services import agreement_reminders_send
from ombuds.procedures.selectors import holiday_calendar


@task()
def send_agreement_reminders(today: str | None = None) -> int:
    """Queue the agreement reminders in the outbox; return how many e-mails.

    ``today`` (an ISO date) is for tests and for catching up a missed day.
    """
    day = date.fromisoformat(today) if today else timezone.localdate()
    token = set_origin(Origin(channel="worker"))
    try:
        return agreement_reminders_send(today=day, calendar=holiday_calendar())
    finally:
        reset_origin(token)
