"""A report as HTML, tidy CSV or tagged PDF, with server-drawn SVG bar charts.

Each chart is an ``<svg role="img">`` with a title and a description and is followed by the
table with the same numbers, so a screen reader (and anyone who prefers numbers) loses
nothing; no JavaScript. The PDF is the same HTML document rendered by WeasyPrint as PDF/UA,
as the letters are (``correspondence.rendering``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone

from ombuds.reports.figures import MEASURE_LABELS, TOTAL, Report, ReportTable

FORMATS = {"html": "text/html; charset=utf-8", "csv": "text/csv; charset=utf-8",
           "pdf": "application/pdf"}
CSV_COLUMNS = ["table", "category", "measure", "value"]

CHART_WIDTH = 640
LABEL_WIDTH = 250
BAR_AREA = 330
BAR_HEIGHT = 18
ROW_HEIGHT = 26
LABEL_CHARS = 38


@dataclass(frozen=True)
class Bar:
    label: str
    display: str
    y: int
    width: int


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    width: int
    height: int
    label_width: int
    bars: list[Bar]


def format_value(value) -> str:
    """A figure as shown: a Dutch decimal comma, a dash for "nothing to show"."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def chart_for(table: ReportTable) -> Chart | None:
    """The bar chart of a table's counts (totals left out), or ``None`` when it has none.
    A hidden count gets no bar, only its "<10" or "x"."""
    counts = [row for row in table.rows if row.measure == "count" and row.category != TOTAL]
    if not table.chart or not counts:
        return None
    highest = max((row.value for row in counts if isinstance(row.value, int)), default=0) or 1
    bars = []
    for i, row in enumerate(counts):
        label = row.category if len(row.category) <= LABEL_CHARS else row.category[:LABEL_CHARS - 1] + "…"
        width = round(BAR_AREA * row.value / highest) if isinstance(row.value, int) else 0
        bars.append(Bar(label=label, display=format_value(row.value), y=i * ROW_HEIGHT + 4,
                        width=width))
    return Chart(
        key=table.key, title=table.title,
        description=f"Staafdiagram: {table.title.lower()}, {len(bars)} staven. "
                    "Dezelfde getallen staan in de tabel onder het diagram.",
        width=CHART_WIDTH, height=len(bars) * ROW_HEIGHT + 8, label_width=LABEL_WIDTH, bars=bars,
    )


def grid(table: ReportTable) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The table pivoted for display: measure headers, then each category with its values."""
    measures = list(dict.fromkeys(row.measure for row in table.rows))
    values: dict[str, dict[str, object]] = {}
    for row in table.rows:
        values.setdefault(row.category, {})[row.measure] = row.value
    return ([MEASURE_LABELS.get(m, m) for m in measures],
            [(category, [format_value(cells.get(m)) for m in measures])
             for category, cells in values.items()])


def context(report: Report) -> dict:
    sections = [{"table": t, "chart": chart_for(t), "grid": grid(t)} for t in report.tables]
    return {"report": report, "sections": sections, "municipality": report.municipality,
            "generated": timezone.localtime(report.generated_at)}


def render_html(report: Report) -> str:
    """The report as one self-contained HTML document (also the source of the PDF)."""
    return render_to_string("reports/document.html", context(report))


def render_csv(report: Report) -> str:
    """The tidy CSV: one row per figure; a suppressed value reads "<10" (or "x")."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for table, category, measure, value in report.rows():
        writer.writerow([table, category, measure, "" if value is None else value])
    return out.getvalue()


def render_pdf(report: Report) -> bytes:
    """The report as a tagged PDF (PDF/UA-1). Needs Pango, like the letters."""
    from weasyprint import HTML

    return HTML(string=render_html(report)).write_pdf(pdf_variant="pdf/ua-1")


def render(report: Report, fmt: str) -> bytes:
    """The report in ``fmt`` (html, csv or pdf) as bytes, ready for a file or a response."""
    if fmt == "pdf":
        return render_pdf(report)
    if fmt == "csv":
        return render_csv(report).encode("utf-8")
    if fmt == "html":
        return render_html(report).encode("utf-8")
    raise ValueError(f"Unknown report format: {fmt}")


def filename(report: Report, fmt: str) -> str:
    kind = "exact" if report.exact else "publicatie"
    period = report.period.text.replace("..", "_tot_")
    prefix = "rapportage" if report.title == "Rapportage" else "klachtenregister"
    return f"{prefix}-{report.municipality.cbs_code}-{period}-{kind}.{fmt}"
