"""The layout of a report (``render``): key figures and main signals first, every signal with
its answer, charts beside their tables, what was left out, the pilot period, and a regional
report's parts. Reports are built by hand here, so the layout is tested apart from the
figures."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from lxml import html as lxml_html

from ombuds.reports import render
from ombuds.reports.figures import KeyFigure, Report, ReportTable, Row
from ombuds.reports.periods import Period
from ombuds.signals.publication import RecommendationItem as Recommendation
from ombuds.signals.publication import SignalItem

pytestmark = pytest.mark.django_db


KEY_FIGURES = [KeyFigure("Nieuwe aanvragen", "58", "2025: 41"),
               KeyFigure("Afgesloten zaken", "44", ""),
               KeyFigure("Formele procedure voorkomen", "17", "van de 44 afgesloten zaken"),
               KeyFigure("Signalen", "5", "3 met een reactie")]

SIGNALS = [
    SignalItem("Wachttijd hulpmiddelen loopt op", "Inwoners wachten maanden op een scootmobiel. "
               "De leverancier heeft te weinig monteurs.", "De gemeente spreekt de leverancier "
               "aan op de termijnen.", "Beantwoord", "Hulpmiddelenleverancier Noord",
               dt.date(2026, 2, 3), (Recommendation(
                   "de gemeente", "Leg een maximale levertijd vast in het contract.",
                   "Wordt meegenomen in de nieuwe aanbesteding.", "Deels overgenomen",
                   dt.date(2026, 4, 1), dt.date(2026, 3, 20)),)),
    SignalItem("Brieven over de eigen bijdrage onduidelijk", "Het CAK stuurt brieven die "
               "inwoners niet begrijpen.", "", "Gedeeld", "CAK", dt.date(2026, 3, 9), ()),
    SignalItem("Jeugdhulp: lange wachtlijst", "Gezinnen wachten lang op een intake.",
               "Extra capaciteit ingekocht.", "Maatregel genomen", "Jeugdteam",
               dt.date(2026, 5, 12), ()),
    SignalItem("Vierde signaal, niet op de eerste bladzijde", "Over de schuldhulp.", "",
               "Gesignaleerd", "Schuldhulp", dt.date(2026, 9, 1), ()),
]
CASE_RECOMMENDATIONS = [Recommendation(
    "het college", "Beslis binnen de wettelijke termijn op een melding.", "", "Nog niet bekend",
    dt.date(2026, 12, 1), None)]


def tables() -> list[ReportTable]:
    return [
        ReportTable("channel", "Nieuwe zaken per kanaal", [
            Row("Telefoon", "count", 31), Row("E-mail", "count", 17),
            Row("Overig", "count", 10), Row("Totaal", "count", 58)],
            note="Per kwartaal: per maand zijn de aantallen te klein."),
        ReportTable("outcome", "Afgesloten zaken per uitkomst", [
            Row("Opgelost", "count", 24), Row("Verwezen", "count", "x"),
            Row("Overig", "count", "<10"), Row("Totaal", "count", 44)]),
        ReportTable("lead_time", "Doorlooptijd van afgesloten zaken", [
            Row("Afgesloten zaken", "count", 44), Row("Doorlooptijd", "median_days", 23.5)],
            chart=False),
    ]


def report(municipality, *, period="2026", **kwargs) -> Report:
    values = {"tables": tables(), "key_figures": KEY_FIGURES, "signals": SIGNALS,
              "recommendations": CASE_RECOMMENDATIONS,
              "omitted": ["‘Nieuwe zaken per thema’: te weinig zaken om te tonen.",
                          "‘Tevredenheid: cijfer’: te weinig antwoorden."]}
    values.update(kwargs)
    return Report(municipality=municipality, period=Period.parse(period), exact=False, **values)


def regional(office) -> Report:
    parts = [report(office.steenwijkerland, signals=[], recommendations=[]),
             report(office.westerveld, signals=[SIGNALS[1]], recommendations=[],
                    key_figures=[KeyFigure("Nieuwe aanvragen", "23", "")])]
    return Report(municipality=None, office=office.office, period=Period.parse("2026"),
                  exact=False, title="Regionale rapportage", tables=tables(),
                  key_figures=[KeyFigure("Nieuwe aanvragen in de regio", "81", "")],
                  signals=SIGNALS[:2], parts=parts)


def tree(report_: Report):
    return lxml_html.fromstring(render.render_html(report_))


def text(element) -> str:
    return " ".join(element.text_content().split())


def headings(doc) -> list[tuple[int, str]]:
    return [(int(h.tag[1]), text(h)) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]


def assert_headings_in_order(doc) -> None:
    """WCAG 1.3.1 / PDF/UA: one h1, and no heading more than one level below the last."""
    levels = [level for level, _ in headings(doc)]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, headings(doc)


def test_it_leads_with_the_key_figures_and_the_first_three_signals(office):
    page = render.render_html(report(office.steenwijkerland))
    assert "{#" not in page and "comment" not in page and "Needs" not in page
    doc = lxml_html.fromstring(page)
    summary = doc.get_element_by_id("in-het-kort")
    section = summary.getparent()
    figures = [(text(div.find("dt")), [text(dd) for dd in div.findall("dd")])
               for div in section.find_class("ombuds-key-figure")]
    assert figures == [("Nieuwe aanvragen", ["58", "2025: 41"]), ("Afgesloten zaken", ["44"]),
                       ("Formele procedure voorkomen", ["17", "van de 44 afgesloten zaken"]),
                       ("Signalen", ["5", "3 met een reactie"])]
    main = [text(li) for li in section.find_class("ombuds-main-signals")[0].findall("li")]
    assert main == [
        "Wachttijd hulpmiddelen loopt op — Inwoners wachten maanden op een scootmobiel. "
        "(stand: beantwoord)",
        "Brieven over de eigen bijdrage onduidelijk — Het CAK stuurt brieven die inwoners "
        "niet begrijpen. (stand: gedeeld)",
        "Jeugdhulp: lange wachtlijst — Gezinnen wachten lang op een intake. "
        "(stand: maatregel genomen)"]
    # The summary comes before the signals, the signals before the figures.
    order = [h for _level, h in headings(doc)]
    assert order.index("In het kort") < order.index("Signalen en aanbevelingen") < order.index(
        "Cijfers")
    assert_headings_in_order(doc)


def test_every_signal_is_told_with_its_answer_and_recommendations(office):
    doc = tree(report(office.steenwijkerland))
    section = doc.get_element_by_id("signalen").getparent()
    articles = section.find_class("ombuds-report-signal")
    assert [text(a.find("h3")) for a in articles] == [s.title for s in SIGNALS]
    first = text(articles[0])
    assert "Hulpmiddelenleverancier Noord · gemeld op 3 februari 2026 · stand: beantwoord" in first
    assert "Reactie en maatregelen: De gemeente spreekt de leverancier aan op de termijnen." \
        in first
    assert ("Aanbeveling aan de gemeente: Leg een maximale levertijd vast in het contract. "
            "Reactie van 20 maart 2026: Wordt meegenomen in de nieuwe aanbesteding. "
            "Uitkomst: deels overgenomen.") in first
    assert "Reactie en maatregelen: nog niet bekend." in text(articles[1])
    cases = text(section)
    assert ("Aanbevelingen uit zaken" in cases
            and "Aanbeveling aan het college: Beslis binnen de wettelijke termijn op een melding. "
                "Nog geen reactie; verwacht uiterlijk 1 december 2026. Uitkomst: nog niet bekend."
            in cases)


def test_a_publishable_report_without_signals_says_so(office):
    doc = tree(report(office.steenwijkerland, signals=[], recommendations=[]))
    section = doc.get_element_by_id("signalen").getparent()
    assert "Er zijn geen signalen van deze periode voor publicatie vrijgegeven." in text(section)
    assert not doc.find_class("ombuds-main-signals")


def test_each_chart_stands_beside_its_table(office):
    doc = tree(report(office.steenwijkerland))
    for key in ("channel", "outcome"):
        section = doc.get_element_by_id(f"tabel-{key}").getparent()
        pair = section.find_class("ombuds-report-pair")
        assert len(pair) == 1
        # The pair holds exactly the chart and the table, in that order.
        chart, table_wrap = list(pair[0])
        assert chart.tag == "figure" and chart.find("svg").get("role") == "img"
        assert table_wrap.get("class") == "ombuds-table-wrap" and table_wrap.find("table") is not None
        svg = chart.find("svg")
        assert svg.get("aria-labelledby") == f"grafiek-{key}-titel grafiek-{key}-uitleg"
        assert "naast het diagram" in text(svg.find("desc"))
    # A hidden count gets no bar: two bars of three counts in the outcome chart.
    outcome = doc.get_element_by_id("tabel-outcome").getparent()
    assert len(outcome.findall(".//rect")) == 1
    assert [text(t) for t in outcome.findall(".//svg//text")] == [
        "Opgelost", "24", "Verwezen", "x", "Overig", "<10"]
    # A table without a chart takes the whole width.
    lead = doc.get_element_by_id("tabel-lead_time").getparent()
    assert not lead.find_class("ombuds-report-pair") and lead.find_class("ombuds-report-single")
    # Its note (how the grain was chosen) stays with it.
    channel = doc.get_element_by_id("tabel-channel").getparent()
    assert "Per kwartaal: per maand zijn de aantallen te klein." in text(channel)


def test_the_pdf_and_a_wide_screen_put_chart_and_table_in_two_columns(office):
    from django.contrib.staticfiles import finders

    html = render.render_html(report(office.steenwijkerland))
    assert (".ombuds-report-pair { display: grid; grid-template-columns: minmax(0, 1fr) "
            "minmax(0, 1fr);") in html
    # Only small tables are kept on one page; nothing forces a page break.
    assert "break-before: page" not in html and "page-break-before" not in html
    assert ".ombuds-report-table--small { break-inside: avoid; }" in html
    with open(finders.find("reports/reports.css"), encoding="utf-8") as file:
        css = file.read()
    wide = css[css.index("@media (min-width: 60rem)"):]
    assert ".ombuds-report-pair { display: grid;" in wide
    assert ".ombuds-report-pair" not in css[:css.index("@media (min-width: 60rem)")]


def test_the_tables_left_out_are_named_under_niet_getoond(office):
    doc = tree(report(office.steenwijkerland))
    section = doc.get_element_by_id("niet-getoond").getparent()
    assert [text(item) for item in section.iter("li")] == [
        "‘Nieuwe zaken per thema’: te weinig zaken om te tonen.",
        "‘Tevredenheid: cijfer’: te weinig antwoorden."]
    assert text(section).startswith("Niet getoond Deze tabellen staan er niet in")
    assert not tree(report(office.steenwijkerland, omitted=[])).find_class(
        "ombuds-report-omitted")


def test_the_header_names_the_pilot_period_of_the_municipality(office, settings):
    stw = office.steenwijkerland
    stw.pilot_start, stw.pilot_end = dt.date(2025, 3, 1), dt.date(2027, 2, 28)
    header = text(tree(report(stw)).find(".//header"))
    assert "Pilotperiode van de gemeente Steenwijkerland: 1-3-2025 t/m 28-2-2027." in header
    # A period outside the pilot: no pilot in the header.
    assert "Pilotperiode" not in text(tree(report(stw, period="2024")).find(".//header"))
    # Without its own pilot, the installation's applies.
    settings.PILOT_PERIOD = "2026-01-01..2027-12-31"
    westerveld = text(tree(report(office.westerveld)).find(".//header"))
    assert "Pilotperiode van de gemeente Westerveld: 1-1-2026 t/m 31-12-2027." in westerveld


def test_a_regional_report_shows_the_region_first_then_each_municipality(office):
    doc = tree(regional(office))
    assert_headings_in_order(doc)
    found = headings(doc)
    assert found[0] == (1, "Regionale rapportage Sociale ombudsfunctie Kop van Overijssel, 2026")
    h2 = [h for level, h in found if level == 2]
    assert h2 == ["In het kort", "Signalen en aanbevelingen", "Cijfers", "Steenwijkerland",
                  "Westerveld"]
    # Each part with the same include, one level down, with ids of its own.
    part = doc.get_element_by_id("gm1701-deel").getparent()
    assert [(int(h.tag[1]), text(h)) for h in part.iter("h3")] == [
        (3, "In het kort"), (3, "Signalen en aanbevelingen"), (3, "Cijfers")]
    assert part.get_element_by_id("gm1701-tabel-channel").tag == "h4"
    assert part.find(".//svg").get("aria-labelledby") == (
        "grafiek-gm1701-channel-titel grafiek-gm1701-channel-uitleg")
    assert "Nieuwe aanvragen 23" in text(part.find_class("ombuds-key-figures")[0])
    # A part without signals of its own does not claim there are none (the region has them).
    stw = doc.get_element_by_id("gm1708-deel").getparent()
    assert "Signalen en aanbevelingen" not in text(stw)
    ids = [e.get("id") for e in doc.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    caption = text(stw.find(".//caption"))
    assert caption == "Nieuwe zaken per kanaal — Steenwijkerland, 2026"


def test_the_csv_of_a_regional_report_names_the_municipality_of_each_row(office):
    rows = list(csv.DictReader(io.StringIO(render.render_csv(regional(office)))))
    assert list(rows[0]) == ["municipality", "table", "category", "measure", "value"]
    assert {r["municipality"] for r in rows} == {"regio", "GM1708", "GM1701"}
    assert rows[0] == {"municipality": "regio", "table": "channel", "category": "Telefoon",
                       "measure": "count", "value": "31"}
    per_part = len([r for r in rows if r["municipality"] == "GM1701"])
    assert per_part == len(list(report(office.westerveld).rows()))
    assert render.filename(regional(office), "csv") == (
        "rapportage-regio-sociale-ombudsfunctie-kop-van-overijssel-2026-publicatie.csv")
    # A municipality's own CSV keeps its four columns.
    single = render.render_csv(report(office.steenwijkerland)).splitlines()
    assert single[0] == "table,category,measure,value"
    assert single[1] == "channel,Telefoon,count,31"


def test_the_footer_text_cannot_break_out_of_its_css_string(office):
    office.office.name = 'Bureau "De Kop" </style><script>'
    html = render.render_html(regional(office))
    style = html[html.index("<style>"):html.index("</style>")]
    assert "<script>" not in style and '"De Kop"' not in style
    assert r"\22 De Kop\22 " in style


@pytest.mark.pdf
def test_the_first_page_of_the_pdf_has_the_key_figures_and_main_signals(office):
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(render.render_pdf(report(office.steenwijkerland))))
    first = " ".join(pdf.pages[0].extract_text().split())
    for figure in KEY_FIGURES:
        assert figure.label in first and figure.value in first
    for signal in SIGNALS[:3]:
        assert signal.title in first
    # Still a tagged PDF: structure tree, language and title.
    root = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "nl"
    assert pdf.metadata.title == "Rapportage Steenwijkerland 2026"
    everything = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "Vierde signaal, niet op de eerste bladzijde" in everything
    assert "Niet getoond" in everything


@pytest.mark.pdf
def test_a_regional_pdf_has_each_municipalitys_part(office):
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(render.render_pdf(regional(office))))
    everything = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "Nieuwe aanvragen in de regio" in " ".join(pdf.pages[0].extract_text().split())
    assert everything.index("Steenwijkerland") < everything.index("Nieuwe aanvragen 23")
    assert pdf.trailer["/Root"]["/Lang"] == "nl"
