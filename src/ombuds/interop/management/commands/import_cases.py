"""``ombuds import_cases``: import cases from an office's spreadsheet (CSV or XLSX).

    ombuds import_cases zaken.xlsx --user beheer --municipality GM1708 --dry-run
    ombuds import_cases zaken.xlsx --user beheer --mapping mapping.json

The same services as the pages at /werk/import/: the dry run prints every row's problem;
the import creates each case once (a second run skips what is there) and runs here, in this
process, not in the task worker. ``--mapping`` is a JSON file ``{"field": "column header"}``
(fields: ``--fields``); without it the mapping is guessed from the headers, or the one used
last for a file with the same columns.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from ombuds.accounts.models import User
from ombuds.core.audit import Origin, reset_origin, set_origin
from ombuds.core.models import Municipality
from ombuds.interop import columns, services
from ombuds.interop.reader import UnreadableFile


class Command(BaseCommand):
    help = "Import cases from a CSV or XLSX spreadsheet; --dry-run reports every row's problem."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="The .csv or .xlsx file.")
        parser.add_argument("--user", help="The beheerder who imports (audit log).")
        parser.add_argument("--municipality", help="CBS code for rows without a municipality.")
        parser.add_argument("--mapping", help='JSON file {"field": "column header", …}.')
        parser.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")
        parser.add_argument("--fields", action="store_true", help="List the fields and stop.")

    def handle(self, *args, file, user, municipality, mapping, dry_run, fields, **options):
        if fields:
            for column in columns.COLUMNS:
                self.stdout.write(f"{column.name:15} {column.label}"
                                  f"{' (verplicht)' if column.required else ''}")
            return
        if not file or not user:
            raise CommandError("Give the file and --user.")
        token = set_origin(Origin(channel="cli"))
        try:
            self._import(Path(file), user, municipality, mapping, dry_run)
        finally:
            reset_origin(token)

    def _import(self, path: Path, username: str, cbs_code: str | None, mapping_file: str | None,
                dry_run: bool) -> None:
        try:
            importer = User.objects.get(username=username)
            chosen = (Municipality.objects.get(cbs_code=cbs_code.upper()) if cbs_code else None)
        except (User.DoesNotExist, Municipality.DoesNotExist) as error:
            raise CommandError(str(error)) from None
        try:
            job = services.import_job_create(user=importer, filename=path.name,
                                             content=path.read_bytes(), municipality=chosen)
            if mapping_file:
                services.import_mapping_set(user=importer, job=job,
                                            mapping=json.loads(Path(mapping_file).read_text()))
            else:
                services.import_mapping_set(user=importer, job=job, mapping=job.mapping)
            report = services.import_check(user=importer, job=job)
        except (PermissionDenied, UnreadableFile, OSError, json.JSONDecodeError) as error:
            raise CommandError(str(error)) from None
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        for row in report:
            if row["problems"]:
                self.stdout.write(f"regel {row['row']}: " + "; ".join(row["problems"]))
            elif row["existing"]:
                self.stdout.write(f"regel {row['row']}: al geïmporteerd als {row['existing']}")
        counts = services.report_counts(report)
        self.stdout.write(f"{len(report)} regels: {counts['new']} nieuw, {counts['already']} al "
                          f"geïmporteerd, {counts['refused']} met een probleem.")
        if dry_run:
            self.stdout.write("Proefimport: er is niets opgeslagen.")
            return
        done = services.import_run(job_id=job.pk)
        self.stdout.write(f"Geïmporteerd: {done.created_count} zaken aangemaakt, "
                          f"{done.skipped_count} overgeslagen, {done.error_count} niet "
                          f"geïmporteerd.")
