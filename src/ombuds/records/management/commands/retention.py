"""``ombuds retention``: destroy the closed cases whose retention term has ended.

``--dry-run`` lists what would be destroyed and changes nothing; ``--enqueue`` hands the run
to the task worker. Lists references, result types and dates only, never a name.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from ombuds.records.services import retention_run
from ombuds.records.tasks import run_retention


class Command(BaseCommand):
    help = ("Destroy closed cases whose retention term has ended (not under a legal hold) and "
            "prune audit entries past their term. Run daily; --dry-run only lists.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="List what would be destroyed; change nothing.")
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the run for 'ombuds db_worker' instead of running here.")

    def handle(self, *args, dry_run: bool = False, enqueue: bool = False, **options):
        if enqueue and not dry_run:
            result = run_retention.enqueue()
            self.stdout.write(f"Bewaartermijntaak in de wachtrij gezet ({result.id}).")
            return
        result = retention_run(dry_run=dry_run)
        verb = "Zou vernietigen" if dry_run else "Te vernietigen"
        self.stdout.write(f"{verb}: {len(result.due)} zaak/zaken "
                          f"(peildatum {timezone.localdate():%d-%m-%Y}).")
        for term in result.due:
            self.stdout.write(f"  {term.case.reference}  {term.result_label}  gesloten "
                              f"{timezone.localdate(term.case.closed_at):%d-%m-%Y}  "
                              f"vernietigen op {term.destroy_on:%d-%m-%Y}")
        for term in result.held:
            self.stdout.write(f"  {term.case.reference}  bewaarplicht: niet vernietigd")
        if dry_run:
            self.stdout.write(f"Auditregels ouder dan de bewaartermijn: {result.audit_prunable}.")
            return
        self.stdout.write(f"Vernietigd: {len(result.destroyed)}; met bewaarplicht: "
                          f"{len(result.held)}; mislukt: {len(result.failed)}; auditregels "
                          f"verwijderd: {result.audit_pruned}.")
        for reference, error in result.failed:
            self.stderr.write(f"  {reference}: niet vernietigd ({error})")
