"""A report as HTML, tidy CSV, JSON or tagged PDF, with server-drawn SVG bar charts.

The layout leads with what a council member reads first: the key figures and the main
signals, then every signal and recommendation with the answer to it, then the tables. Each
chart is an ``<svg role="img">`` with a title and a description and stands beside the table
with the same numbers (two columns in the PDF and on a wide screen, one above the other on a
phone), so a screen reader (and anyone who prefers numbers) loses nothing; no JavaScript.
The PDF is the same HTML document rendered by WeasyPrint as PDF/UA, as the letters are
(``correspondence.rendering``).

A regional report (``Report.municipality`` is ``None``, ``Report.office`` set) shows the
regional figures first and then each municipality's part (``Report.parts``) with the same
includes, its headings one level down.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from ombuds.reports.figures import MEASURE_LABELS, TOTAL, Report, ReportTable
from ombuds.reports.periods import Period

FORMATS = {"html": "text/html; charset=utf-8", "csv": "text/csv; charset=utf-8",
           "pdf": "application/pdf", "json": "application/json"}
CSV_COLUMNS = ["table", "category", "measure", "value"]
#: The extra first column of a regional report's rows: a CBS code, or ``REGION``.
MUNICIPALITY_COLUMN = "municipality"
REGION = "regio"

#: The chart sits beside its table, so it is narrow: each label on its own line above its bar.
CHART_WIDTH = 320
BAR_AREA = 270
BAR_HEIGHT = 11
ROW_HEIGHT = 30
LABEL_CHARS = 48
#: How many signals the first page shows ("Belangrijkste signalen").
MAIN_SIGNALS = 3
#: A signal's one line on the first page is at most this long.
SUMMARY_CHARS = 160
#: A table of at most this many rows is kept on one page; a longer one may break.
SMALL_TABLE_ROWS = 14


@dataclass(frozen=True)
class Bar:
    label: str
    display: str
    y: int
    width: int

    @property
    def label_y(self) -> int:
        return self.y + 11

    @property
    def bar_y(self) -> int:
        return self.y + 14

    @property
    def value_y(self) -> int:
        return self.y + 23


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    width: int
    height: int
    bars: list[Bar]
    bar_height: int = BAR_HEIGHT


def format_value(value) -> str:
    """A figure as shown: a Dutch decimal comma, a dash for "nothing to show"."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def chart_for(table: ReportTable, key: str | None = None) -> Chart | None:
    """The bar chart of a table's counts (totals left out), or ``None`` when it has none.
    A hidden count gets no bar, only its "<10" or "x". ``key`` makes the chart's ids unique
    when several reports share one page (a regional report)."""
    counts = [row for row in table.rows if row.measure == "count" and row.category != TOTAL]
    if not table.chart or not counts:
        return None
    highest = max((row.value for row in counts if isinstance(row.value, int)), default=0) or 1
    bars = []
    for i, row in enumerate(counts):
        label = (row.category if len(row.category) <= LABEL_CHARS
                 else row.category[:LABEL_CHARS - 1] + "…")
        width = round(BAR_AREA * row.value / highest) if isinstance(row.value, int) else 0
        bars.append(Bar(label=label, display=format_value(row.value), y=i * ROW_HEIGHT,
                        width=width))
    return Chart(
        key=key or table.key, title=table.title,
        description=f"Staafdiagram: {table.title.lower()}, {len(bars)} staven. "
                    "Dezelfde getallen staan in de tabel naast het diagram.",
        width=CHART_WIDTH, height=len(bars) * ROW_HEIGHT + 4, bars=bars,
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


def report_kind(report: Report) -> str:
    """``general``, or ``complaints`` for the annual complaint register (Awb 9:12a)."""
    return "complaints" if report.title == "Klachtenregister" else "general"


def is_regional(report: Report) -> bool:
    """Whether ``report`` is an office's regional report (its parts are the municipalities)."""
    return report.municipality is None and report.office is not None


def subject(report: Report) -> str:
    """What the report is about, for titles: the municipality, or the office's region."""
    if is_regional(report):
        return report.office.name
    return report.municipality.name


def summary_line(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The first sentence of ``text`` (one line for the first page), cut at ``limit``."""
    flat = " ".join((text or "").split())
    match = re.match(r"(.+?[.!?])(\s|$)", flat)
    line = match[1] if match else flat
    if len(line) <= limit:
        return line
    return line[:limit - 1].rsplit(" ", 1)[0] + "…"


def pilot_in(report: Report) -> Period | None:
    """The municipality's pilot period when the report's period overlaps it, for the header."""
    if report.municipality is None:
        return None
    pilot = Period.pilot(report.municipality)
    return pilot if pilot.overlaps(report.period) else None


def body(report: Report, *, prefix: str = "", part: bool = False) -> dict:
    """What ``includes/report_body.html`` and its parts need of one report (or part):
    ``report``, ``sections`` (each table with its chart and grid), ``main_signals`` (with
    their one line), ``pilot`` and ``prefix`` (keeps the ids of a part unique)."""
    sections = []
    for table in report.tables:
        headers, cells = grid(table)
        sections.append({
            "table": table, "id": f"{prefix}tabel-{table.key}",
            "chart": chart_for(table, key=f"{prefix}{table.key}"), "grid": (headers, cells),
            "small": len(cells) <= SMALL_TABLE_ROWS,
        })
    main = [{"item": s, "line": summary_line(s.text)} for s in report.signals[:MAIN_SIGNALS]]
    general = report_kind(report) == "general"
    return {"report": report, "sections": sections, "main_signals": main,
            "pilot": pilot_in(report), "prefix": prefix, "subject": subject(report),
            "show_summary": bool(report.key_figures or main),
            # A municipality's part of a regional report shows its own signals, if it has
            # any; the regional report itself (or a single report) always says what there is.
            "show_signals": general and bool(report.signals or report.recommendations
                                             or not part)}


def context(report: Report) -> dict:
    """The template context of a whole report: its own body and, for a regional report,
    each municipality's part (``parts``)."""
    parts = [body(part, prefix=f"{part.municipality.cbs_code.lower()}-", part=True)
             for part in report.parts]
    office = report.office if is_regional(report) else report.municipality.office
    footer = f"{report.title} {subject(report)} {report.period.label}"
    return {**body(report), "municipality": report.municipality, "office": office,
            "regional": is_regional(report), "parts": parts, "footer": css_string(footer),
            "generated": timezone.localtime(report.generated_at)}


def css_string(text: str) -> str:
    """``text`` as the inside of a CSS string in a ``<style>`` element (where HTML escaping
    does not apply): quotes, backslashes and ``<`` as CSS escapes."""
    escaped = "".join(f"\\{ord(c):x} " if c in '"\\<>' else c for c in " ".join(text.split()))
    return mark_safe(escaped)  # noqa: S308 - every character that could end the string is escaped


def render_html(report: Report) -> str:
    """The report as one self-contained HTML document (also the source of the PDF)."""
    with translation.override("nl"):
        return render_to_string("reports/document.html", context(report))


def tidy_rows(report: Report) -> list[dict]:
    """Every figure as one row ``{table, category, measure, value}``: the tidy CSV and the
    API's rows. A regional report's rows start with ``municipality``: ``regio`` for the
    regional figures, the CBS code for each municipality's part."""
    if not is_regional(report):
        return [dict(zip(CSV_COLUMNS, row, strict=True)) for row in report.rows()]
    rows = []
    for code, part in [(REGION, report),
                       *((p.municipality.cbs_code, p) for p in report.parts)]:
        rows += [{MUNICIPALITY_COLUMN: code, **dict(zip(CSV_COLUMNS, row, strict=True))}
                 for row in part.rows()]
    return rows


def render_csv(report: Report) -> str:
    """The tidy CSV: one row per figure; a suppressed value reads "<10" (or "x")."""
    out = io.StringIO()
    columns = ([MUNICIPALITY_COLUMN] if is_regional(report) else []) + CSV_COLUMNS
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in tidy_rows(report):
        writer.writerow({**row, "value": "" if row["value"] is None else row["value"]})
    return out.getvalue()


def as_data(report: Report) -> dict:
    """The report as plain data (the JSON file and the API): the tidy rows, the sentences
    about what was left out and the key figures."""
    regional = is_regional(report)
    omitted = list(report.omitted)
    key_figures = [{"label": k.label, "value": k.value, "detail": k.detail}
                   for k in report.key_figures]
    if regional:
        key_figures = [{MUNICIPALITY_COLUMN: REGION, **k} for k in key_figures]
        for part in report.parts:
            omitted += [f"{part.municipality.name}: {sentence}" for sentence in part.omitted]
            key_figures += [{MUNICIPALITY_COLUMN: part.municipality.cbs_code, "label": k.label,
                             "value": k.value, "detail": k.detail} for k in part.key_figures]
    return {
        "municipality": None if regional else report.municipality.cbs_code,
        "regional": regional,
        "municipalities": ([p.municipality.cbs_code for p in report.parts] if regional
                           else [report.municipality.cbs_code]),
        "kind": report_kind(report),
        "period": report.period.text, "start": report.period.start.isoformat(),
        "end": report.period.end.isoformat(), "label": report.period.label,
        "exact": report.exact, "rows": tidy_rows(report), "omitted": omitted,
        "key_figures": key_figures,
    }


def render_json(report: Report) -> str:
    return json.dumps(as_data(report), ensure_ascii=False, indent=1)


def render_pdf(report: Report) -> bytes:
    """The report as a tagged PDF (PDF/UA-1). Needs Pango, like the letters."""
    from weasyprint import HTML

    return HTML(string=render_html(report)).write_pdf(pdf_variant="pdf/ua-1")


def render(report: Report, fmt: str) -> bytes:
    """The report in ``fmt`` (html, csv, json or pdf) as bytes, ready for a file or a
    response."""
    if fmt == "pdf":
        return render_pdf(report)
    if fmt == "csv":
        return render_csv(report).encode("utf-8")
    if fmt == "json":
        return render_json(report).encode("utf-8")
    if fmt == "html":
        return render_html(report).encode("utf-8")
    raise ValueError(f"Unknown report format: {fmt}")


def filename(report: Report, fmt: str) -> str:
    kind = "exact" if report.exact else "publicatie"
    period = report.period.text.replace("..", "_tot_")
    prefix = "klachtenregister" if report_kind(report) == "complaints" else "rapportage"
    where = (f"regio-{slugify(report.office.name)}" if is_regional(report)
             else report.municipality.cbs_code)
    return f"{prefix}-{where}-{period}-{kind}.{fmt}"
