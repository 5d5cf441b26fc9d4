"""``ombuds term_reminders``: e-mail residents who asked for it that a term of theirs ends soon.

Each reminder goes out once, some working days before the term's legal last day, through the
outbox and without case details (``public.reminders``).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from ombuds.public.reminders import term_reminders_send
from ombuds.public.tasks import send_term_reminders


class Command(BaseCommand):
    help = ("Queue the residents' term reminders that are due in the outbox now, or with "
            "--enqueue leave it to the task worker.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the task for `ombuds db_worker` instead of running it now.")

    def handle(self, *args, enqueue: bool = False, **options) -> None:
        if enqueue:
            result = send_term_reminders.enqueue()
            self.stdout.write(f"Term reminders queued (task {result.id}).")
            return
        sent = term_reminders_send(today=timezone.localdate())
        self.stdout.write(f"Term reminders queued in the outbox: {sent}.")
