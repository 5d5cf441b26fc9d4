"""``ombuds report``: a municipality's report for a period as PDF, CSV, JSON or HTML, or its
annual report (jaarverslag) as PDF or Word document.

    ombuds report --municipality GM1708 --period 2026 --format pdf --output raad-2026.pdf
    ombuds report --kind jaarverslag --municipality GM1708 --period 2026 --format docx \\
        --output jaarverslag-2026.docx

The publishable, disclosure-controlled version unless ``--exact`` is given (never for the
annual report, which is always the publishable version with only approved stories).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ombuds.core.models import Municipality
from ombuds.correspondence.rendering import pdf_available
from ombuds.reports.annual import ANNUAL_FORMATS
from ombuds.reports.figures import whole_years
from ombuds.reports.periods import Period, PeriodError
from ombuds.reports.render import FORMATS
from ombuds.reports.services import ANNUAL, KINDS, report_export


class Command(BaseCommand):
    help = ("Make a municipality's report for a period (2026, 2026-Q3 or "
            "2025-01-01..2026-12-31) as pdf, csv, json or html, publishable unless --exact; "
            "or with --kind jaarverslag its annual report for a year as pdf or docx.")

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="CBS code, e.g. GM1708.")
        parser.add_argument("--period", required=True,
                            help="2026, 2026-Q3 or 2025-01-01..2026-12-31 (jaarverslag: a "
                                 "year).")
        parser.add_argument("--format", default="pdf",
                            choices=sorted(set(FORMATS) | set(ANNUAL_FORMATS)),
                            help="pdf (default), csv, json, html; docx only for jaarverslag.")
        parser.add_argument("--output", help="File to write; standard output if left out.")
        parser.add_argument("--kind", default="general", choices=[*KINDS, ANNUAL],
                            help="general (default), complaints (the annual complaint "
                                 "register, Awb 9:12a) or jaarverslag (the annual report).")
        parser.add_argument("--regional", action="store_true",
                            help="The report of every municipality of the office (general).")
        parser.add_argument("--exact", action="store_true",
                            help="Exact numbers, for internal use only (no disclosure control).")

    def handle(self, *args, municipality, period, format, output, exact, kind, regional,
               **options):
        try:
            chosen = Municipality.objects.select_related("office", "workflow").get(
                cbs_code=municipality.upper())
        except Municipality.DoesNotExist:
            raise CommandError(f"Geen gemeente met CBS-code {municipality}.") from None
        try:
            parsed = Period.parse(period, municipality=chosen)
        except PeriodError as error:
            raise CommandError(str(error)) from None
        if kind == ANNUAL:
            self._check_annual(parsed, format, exact, regional)
        elif format not in FORMATS:
            raise CommandError(f"Het formaat {format} is er alleen voor het jaarverslag.")
        if format == "pdf" and not pdf_available():
            raise CommandError("PDF maken kan hier niet: de Pango-bibliotheken ontbreken "
                               "(apt-get install libpango-1.0-0 libpangoft2-1.0-0).")
        content, name = report_export(user=None, municipality=chosen, period=parsed, fmt=format,
                                      exact=exact, kind=kind, regional=regional)
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

    @staticmethod
    def _check_annual(period: Period, fmt: str, exact: bool, regional: bool) -> None:
        years = whole_years(period)
        if years is None or len(years) != 1:
            raise CommandError("Het jaarverslag gaat over één jaar: schrijf bijvoorbeeld "
                               "--period 2026.")
        if fmt not in ANNUAL_FORMATS:
            raise CommandError("Het jaarverslag is er als pdf of docx.")
        if exact or regional:
            raise CommandError("Het jaarverslag is altijd de publicatieversie van één gemeente "
                               "(zonder --exact en --regional).")
