"""``ombuds outbox_send``: send the e-mail outbox now, or queue it for the task worker."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from ombuds.core.outbox import outbox_send_pending
from ombuds.core.tasks import send_outbox


class Command(BaseCommand):
    help = ("Send the e-mail in the outbox that is due (new, to retry, or stuck). With --enqueue "
            "the task worker does it; run that every few minutes as a safety net.")

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the task for 'ombuds db_worker' instead of sending here.")

    def handle(self, *args, enqueue: bool = False, **options):
        if enqueue:
            result = send_outbox.enqueue()
            self.stdout.write(f"Verzendtaak in de wachtrij gezet ({result.id}).")
            return
        sent = outbox_send_pending()
        self.stdout.write(f"{sent} bericht(en) verzonden.")
