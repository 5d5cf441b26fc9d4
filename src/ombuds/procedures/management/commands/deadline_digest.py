"""``ombuds deadline_digest``: send the daily deadline digests, or queue them for the worker.

In production a daily timer runs ``ombuds deadline_digest --enqueue`` (e.g. at 07:00) and
``ombuds db_worker`` runs as a service and sends them; see docs/deadlines.md.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from ombuds.procedures.digest import digest_send
from ombuds.procedures.tasks import send_deadline_digests


class Command(BaseCommand):
    help = "Send today's deadline digests now, or with --enqueue queue them for the task worker."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the task for `ombuds db_worker` instead of running it now.")

    def handle(self, *args, enqueue: bool = False, **options) -> None:
        if enqueue:
            result = send_deadline_digests.enqueue()
            self.stdout.write(f"Deadline digests queued (task {result.id}).")
            return
        sent = digest_send(today=timezone.localdate())  # audited with the origin 'cli'
        self.stdout.write(f"Deadline digests sent: {sent}.")
