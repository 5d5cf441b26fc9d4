"""``ombuds report``: a municipality's report for a period as PDF, CSV or HTML.

    ombuds report --municipality GM1708 --period 2026 --format pdf --output raad-2026.pdf

The publishable, disclosure-controlled version unless ``--exact`` is given.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ombuds.core.models import Municipality
from ombuds.correspondence.rendering import pdf_available
from ombuds.reports.periods import Period, PeriodError
from ombuds.reports.render import FORMATS
from ombuds.reports.services import report_export


class Command(BaseCommand):
    help = ("Make a municipality's report for a period (2026, 2026-Q3 or "
            "2025-01-01..2026-12-31) as pdf, csv or html; publishable unless --exact.")

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="CBS code, e.g. GM1708.")
        parser.add_argument("--period", required=True,
                            help="2026, 2026-Q3 or 2025-01-01..2026-12-31.")
        parser.add_argument("--format", default="pdf", choices=sorted(FORMATS))
        parser.add_argument("--output", help="File to write; standard output if left out.")
        parser.add_argument("--kind", default="general", choices=["general", "complaints"],
                            help="general (default) or complaints: the annual complaint "
                                 "register (Awb 9:12a).")
        parser.add_argument("--exact", action="store_true",
                            help="Exact numbers, for internal use only (no disclosure control).")

    def handle(self, *args, municipality, period, format, output, exact, kind, **options):
        try:
            chosen = Municipality.objects.select_related("office", "workflow").get(
                cbs_code=municipality.upper())
        except Municipality.DoesNotExist:
            raise CommandError(f"Geen gemeente met CBS-code {municipality}.") from None
        try:
            parsed = Period.parse(period)
        except PeriodError as error:
            raise CommandError(str(error)) from None
        if format == "pdf" and not pdf_available():
            raise CommandError("PDF maken kan hier niet: de Pango-bibliotheken ontbreken "
                               "(apt-get install libpango-1.0-0 libpangoft2-1.0-0).")
        content, name = report_export(user=None, municipality=chosen, period=parsed, fmt=format,
                                      exact=exact, kind=kind)
        if output:
            Path(output).write_bytes(content)
            self.stderr.write(f"{name}: {len(content)} bytes written to {output}.")
        else:
            # Bytes to a real standard output (a PDF piped to a file); text to a test's buffer.
            stream = getattr(self.stdout._out, "buffer", None)
            if stream is not None:
                stream.write(content)
                stream.flush()
            else:
                self.stdout.write(content.decode("utf-8", errors="replace"), ending="")
