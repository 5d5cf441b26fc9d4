"""``ombuds audit verify`` checks the audit hash chain; ``ombuds audit prune`` removes entries
older than the retention term (at least five years) and leaves a checkpoint."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ombuds.core.audit import Action, audit_log
from ombuds.core.chain import chain_prune, chain_verify, prunable, prune_cutoff


class Command(BaseCommand):
    help = ("Check the audit log's hash chain (verify), or prune entries older than "
            "OMBUDS_AUDIT_RETENTION_YEARS (prune). Verify exits with status 1 and names the "
            "first bad entry when an entry was altered or removed.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="Walk the chain and report the first bad entry.")
        prune = sub.add_parser("prune", help="Remove entries older than the retention term.")
        prune.add_argument("--dry-run", action="store_true",
                           help="Only say how many entries would be removed.")

    def handle(self, *args, action: str, dry_run: bool = False, **options):
        if action == "verify":
            result = chain_verify()
            start = (f" vanaf controlepunt {result.checkpoint.last_id}"
                     if result.checkpoint else "")
            if not result.ok:
                raise CommandError(f"Auditlog NIET in orde na {result.checked} regel(s){start}. "
                                   f"Eerste fout: {result.problem}")
            self.stdout.write(f"Auditlog in orde: {result.checked} regel(s){start}; "
                              f"laatste hash {result.head_hash}")
            return
        cutoff = prune_cutoff()
        if dry_run:
            count = prunable(cutoff).count()
            self.stdout.write(f"{count} auditregel(s) van vóór {timezone.localtime(cutoff):%d-%m-%Y} "
                              "zouden worden verwijderd.")
            return
        try:
            checkpoint = chain_prune(cutoff=cutoff)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if checkpoint is None:
            self.stdout.write("Geen auditregels ouder dan de bewaartermijn.")
            return
        audit_log(user=None, action=Action.DELETE, event="audit.pruned",
                  object_type="core.auditcheckpoint", object_id=str(checkpoint.pk),
                  object_label=f"tot en met regel {checkpoint.last_id}",
                  details={"entries": checkpoint.entries_pruned, "last_id": checkpoint.last_id})
        self.stdout.write(f"{checkpoint.entries_pruned} auditregel(s) verwijderd tot en met regel "
                          f"{checkpoint.last_id}; controlepunt {checkpoint.pk}.")
