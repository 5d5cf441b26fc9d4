"""``ombuds signal_reminders``: remind ombudspersons of signals that wait too long.

Each ombudsperson who raised a signal gets one e-mail (through the outbox) listing its
recommendations past their due date without a response, and its signals shared more than
six weeks ago without an answer; each item is reminded once per due or sharing date.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from ombuds.signals.services import signal_reminders_send
from ombuds.signals.tasks import send_signal_reminders


class Command(BaseCommand):
    help = ("Queue the signal follow-up reminders in the outbox now, or with --enqueue leave "
            "it to the task worker.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the task for `ombuds db_worker` instead of running it now.")

    def handle(self, *args, enqueue: bool = False, **options) -> None:
        if enqueue:
            result = send_signal_reminders.enqueue()
            self.stdout.write(f"Signal reminders queued (task {result.id}).")
            return
        sent = signal_reminders_send(today=timezone.localdate())
        self.stdout.write(f"Signal reminders queued in the outbox: {sent}.")
