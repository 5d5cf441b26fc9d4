"""``ombuds agreement_reminders``: remind handlers of agreements that are (nearly) due.

Each handler gets one e-mail (through the outbox) listing their open agreements due within
two working days or overdue; each agreement is reminded once per due date.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from ombuds.mediation.services import agreement_reminders_send
from ombuds.mediation.tasks import send_agreement_reminders
from ombuds.procedures.selectors import holiday_calendar


class Command(BaseCommand):
    help = ("Queue the agreement reminders in the outbox now, or with --enqueue leave it to "
            "the task worker.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the task for `ombuds db_worker` instead of running it now.")

    def handle(self, *args, enqueue: bool = False, **options) -> None:
        if enqueue:
            result = send_agreement_reminders.enqueue()
            self.stdout.write(f"Agreement reminders queued (task {result.id}).")
            return
        sent = agreement_reminders_send(today=timezone.localdate(), calendar=holiday_calendar())
        self.stdout.write(f"Agreement reminders queued in the outbox: {sent}.")
