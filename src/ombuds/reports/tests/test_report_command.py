"""``ombuds report`` on the demo data: PDF, CSV and HTML for both demo municipalities."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from ombuds.core.models import Municipality
from ombuds.reports.figures import report_build
from ombuds.reports.periods import Period
from ombuds.reports.render import CSV_COLUMNS

pytestmark = pytest.mark.django_db
DEMO = ["GM1708", "GM1701"]
BAR_COLOUR = (0x15, 0x42, 0x73)


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())
    today = timezone.localdate()
    # The demo spreads its cases over the last fourteen months.
    return f"{today - timedelta(days=450):%Y-%m-%d}..{today:%Y-%m-%d}"


def report(tmp_path, code, period, fmt, *extra) -> bytes:
    output = tmp_path / f"{code}.{fmt}"
    call_command("report", "--municipality", code, "--period", period, "--format", fmt,
                 "--output", str(output), *extra, stderr=io.StringIO())
    return output.read_bytes()


def rows(content: bytes) -> list[dict]:
    reader = csv.DictReader(io.StringIO(content.decode("utf-8")))
    assert reader.fieldnames == CSV_COLUMNS
    return list(reader)


#: Tables about persons (the signal tables count organisations' signals, exactly).
PERSON_TABLES_EXCLUDED = {"signals", "recommendations"}


@pytest.mark.parametrize("code", DEMO)
def test_it_writes_a_tidy_csv_without_any_count_from_1_to_9(tmp_path, demo, code):
    published = rows(report(tmp_path, code, demo, "csv"))
    exact = rows(report(tmp_path, code, demo, "csv", "--exact"))
    assert small_counts_in(published) == []
    # The exact version, for the ombudsperson, does have them: the check above can fail.
    assert small_counts_in(exact)
    # Issue 16, done-when 2: no table made only of hidden cells. Each table of the exact
    # version is either shown with at least one published count, or left out with a sentence.
    built = report_build(municipality=Municipality.objects.get(cbs_code=code),
                         period=Period.parse(demo))
    shown = {row["table"] for row in published}
    for table in shown - PERSON_TABLES_EXCLUDED:
        cells = [row["value"] for row in published if row["table"] == table
                 and row["measure"] == "count" and row["category"] != "Totaal"]
        assert any(value.isdigit() for value in cells), f"{table} is only hidden cells"
    titles = {t.key: t.title for t in report_build(
        municipality=Municipality.objects.get(cbs_code=code), period=Period.parse(demo),
        exact=True).tables}
    for table in {row["table"] for row in exact} - shown:
        assert any(titles[table] in sentence for sentence in built.omitted), table
    # The demo's volume is enough for the main tables to be shown.
    assert "channel" in shown and len(shown - PERSON_TABLES_EXCLUDED) >= 8


def small_counts_in(table_rows: list[dict]) -> list[dict]:
    return [row for row in table_rows if row["measure"] == "count"
            and row["value"].isdigit() and 1 <= int(row["value"]) <= 9]


@pytest.mark.parametrize("code", DEMO)
def test_it_writes_html_with_each_chart_before_its_table(tmp_path, demo, code):
    html = report(tmp_path, code, demo, "html").decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert html.count('<svg class="ombuds-chart" role="img"') >= 4
    channel = html.index('id="tabel-channel"')
    assert channel < html.index('<svg', channel) < html.index("<table", channel)
    assert "<title id=\"grafiek-channel-titel\">Nieuwe zaken per kanaal</title>" in html
    assert "<script" not in html


@pytest.mark.pdf
def test_the_first_page_of_the_demo_report_shows_the_key_figures(tmp_path, demo):
    """Issue 16, done-when 2: the publishable report of the demo municipality-year opens with
    its key figures and main signals."""
    year = str(timezone.localdate().year)
    municipality = Municipality.objects.get(cbs_code="GM1708")
    built = report_build(municipality=municipality, period=Period.parse(year))
    assert len(built.key_figures) >= 4
    first = PdfReader(io.BytesIO(report(tmp_path, "GM1708", year, "pdf"))).pages[0].extract_text()
    for figure in built.key_figures:
        assert figure.label in first and figure.value in first, figure
    assert built.signals and built.signals[0].title in first


def test_it_refuses_an_unknown_municipality_or_period(db):
    with pytest.raises(CommandError, match="CBS-code"):
        call_command("report", "--municipality", "GM0000", "--period", "2026")
    call_command("load_demo", stdout=io.StringIO())
    with pytest.raises(CommandError, match="periode"):
        call_command("report", "--municipality", "GM1708", "--period", "volgend jaar")


def page_with(reader: PdfReader, caption: str) -> tuple[int, str]:
    """The number (from 0) and text of the page that holds the table ``caption``."""
    texts = [page.extract_text() for page in reader.pages]
    number = next(i for i, text in enumerate(texts) if f"{caption} —" in text)
    return number, texts[number]


def bar_rows(tmp_path, pdf_path, number: int) -> list[int]:
    """Render page ``number`` with pdftoppm; return the pixel rows that show a chart bar."""
    assert shutil.which("pdftoppm"), "needs poppler-utils"
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", str(number + 1), "-l", str(number + 1),
                    "-singlefile", str(pdf_path), str(tmp_path / "page")], check=True)
    image = Image.open(tmp_path / "page.png").convert("RGB")
    width, height = image.size
    return sorted({y for y in range(height) for x in range(0, width, 3)
                   if _close(image.getpixel((x, y)), BAR_COLOUR)})


@pytest.mark.pdf
@pytest.mark.parametrize("code", DEMO)
def test_it_writes_a_tagged_pdf_where_a_chart_and_its_table_share_a_page(tmp_path, demo, code):
    # Publishable: the variant table (all the period's cases, at least 10) has a bar.
    pdf_path = tmp_path / f"{code}.pdf"  # where report() writes, each time anew
    reader = PdfReader(io.BytesIO(report(tmp_path, code, demo, "pdf")))
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged (PDF/UA)
    number, page = page_with(reader, "Nieuwe zaken per procesvariant")
    assert page.count("Variant ") >= 2  # the chart's label (SVG text) and the table's row
    assert "Soort" in page and "Aantal" in page and "Totaal" in page
    assert bar_rows(tmp_path, pdf_path, number), "no chart bar beside the variant table"

    # Exact: the channel chart has a bar per channel that had cases.
    reader = PdfReader(io.BytesIO(report(tmp_path, code, demo, "pdf", "--exact")))
    number, page = page_with(reader, "Nieuwe zaken per kanaal")
    assert page.count("Telefoon") >= 2
    rows = bar_rows(tmp_path, pdf_path, number)
    bars = sum(1 for a, b in zip([-2, *rows], rows, strict=False) if b - a > 1)
    assert bars >= 3, f"expected a bar per channel, found {bars}"


def _close(pixel, colour, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))
