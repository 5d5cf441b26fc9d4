"""The annual report as a Word document (DOCX) a municipality finishes in its own word processor.

Written with python-docx, so the file is plain Office Open XML that Word, LibreOffice and
OnlyOffice open and edit. What makes it accessible and easy to finish there: the headings
are Word's own heading styles (navigation pane, table of contents, PDF bookmarks when the
municipality saves it as PDF), the figures are real Word tables with a repeating header
row, a title and a description, and the document's title and language (nl-NL, for the
spelling check and for screen readers) are in its properties. The charts of the PDF are
left out: the tables beside them carry the same numbers.
"""

from __future__ import annotations

import io

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from ombuds.reports import render
from ombuds.reports.figures import ReportTable

LANGUAGE = "nl-NL"
ACCENT = RGBColor(0x15, 0x42, 0x73)


def _set_language(document) -> None:
    """Make Dutch the language of every style (the document defaults)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)


class Writer:
    """A small layer over python-docx: headings, paragraphs, lists and tables, as the
    annual report uses them."""

    def __init__(self, *, title: str, subject: str, author: str):
        self.document = Document()
        _set_language(self.document)
        properties = self.document.core_properties
        properties.title, properties.subject, properties.author = title, subject, author
        properties.language = LANGUAGE
        properties.keywords = "jaarverslag; sociale ombudsfunctie"
        self.document.styles["Normal"].font.size = Pt(10.5)

    def title(self, text: str, subtitle: str = "") -> None:
        self.document.add_heading(text, level=0)
        if subtitle:
            self.document.add_paragraph(subtitle, style="Subtitle")

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(text, level=level)

    def paragraph(self, text: str, *, label: str = "", style: str | None = None) -> None:
        """A paragraph; ``label`` starts it in bold ("Reactie en maatregelen: …")."""
        paragraph = self.document.add_paragraph(style=style)
        if label:
            paragraph.add_run(label).bold = True
            paragraph.add_run(" ")
        paragraph.add_run(text)

    def paragraphs(self, texts) -> None:
        for text in texts:
            self.paragraph(text)

    def bullet(self, text: str, *, label: str = "") -> None:
        self.paragraph(text, label=label, style="List Bullet")

    def table(self, headers: list[str], rows: list[list[str]], *, caption: str,
              description: str = "") -> None:
        """A Word table: the first row a header row that repeats on every page, the first
        column the row headers, ``caption`` as its title (and alternative text)."""
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        properties = table._tbl.tblPr
        for tag, value in (("w:tblCaption", caption), ("w:tblDescription", description)):
            if value:
                element = OxmlElement(tag)
                element.set(qn("w:val"), value[:255])
                properties.append(element)
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(_on("w:tblHeader"))
        for cell, text in zip(header.cells, headers, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
        for values in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                cell.text = text
        self.document.add_paragraph()

    def content(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def _on(tag: str):
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    return element


def figures_table(writer: Writer, table: ReportTable, where: str) -> None:
    """One table of the report, pivoted as on screen (``render.grid``), with its note."""
    headers, cells = render.grid(table)
    writer.table(["Soort", *headers], [[category, *values] for category, values in cells],
                 caption=f"{table.title} — {where}")
    if table.note:
        writer.paragraph(table.note)


def _signals(writer: Writer, report) -> None:
    writer.heading("Signalen en aanbevelingen", 1)
    writer.paragraph("De signalen die in dit jaar liepen en die de ombudsfunctie voor "
                     "publicatie heeft vrijgegeven, met de reactie van de organisatie, de "
                     "maatregelen en wat er met de aanbevelingen is gedaan.")
    if not report.signals:
        writer.paragraph("Er zijn geen signalen van dit jaar voor publicatie vrijgegeven.")
    for signal in report.signals:
        writer.heading(signal.title, 2)
        writer.paragraph(f"{signal.organisation} · gemeld op {_day(signal.raised_on)} · "
                         f"stand: {signal.status_label.lower()}")
        writer.paragraphs(_blocks(signal.text))
        writer.paragraph(signal.response or "nog niet bekend.", label="Reactie en maatregelen:")
        for recommendation in signal.recommendations:
            _recommendation(writer, recommendation)
    if report.recommendations:
        writer.heading("Aanbevelingen uit zaken", 2)
        for recommendation in report.recommendations:
            _recommendation(writer, recommendation)


def _recommendation(writer: Writer, r) -> None:
    if r.response:
        answer = f"Reactie{f' van {_day(r.responded_on)}' if r.responded_on else ''}: {r.response}"
    elif r.responded_on:
        answer = f"Reactie van {_day(r.responded_on)}."
    else:
        answer = f"Nog geen reactie; verwacht uiterlijk {_day(r.due_on)}."
    writer.bullet(f"{r.text} {answer} Uitkomst: {r.adoption_label.lower()}.",
                  label=f"Aanbeveling aan {r.addressee}:")


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def _day(day) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _blocks(text: str) -> list[str]:
    from ombuds.reports.annual import paragraphs

    return list(paragraphs(text or ""))


def annual_docx(content) -> bytes:
    """The annual report (``annual.AnnualContent``) as a DOCX file."""
    report = content.report
    where = f"gemeente {content.municipality.name}, {content.year}"
    writer = Writer(title=f"{content.title} — {content.subtitle}", subject=content.subtitle,
                    author=content.office.name)
    writer.title(content.title, f"{content.subtitle} — {content.office.name}")
    if content.foreword:
        writer.heading("Voorwoord", 1)
        writer.paragraphs(_blocks(content.foreword))
    writer.heading("In het kort", 1)
    if report.key_figures:
        writer.table(["Kerncijfer", "Waarde", "Toelichting"],
                     [[k.label, k.value, k.detail] for k in report.key_figures],
                     caption=f"Kerncijfers — {where}")
    for signal in report.signals[:render.MAIN_SIGNALS]:
        writer.bullet(f"{render.summary_line(signal.text)} (stand: "
                      f"{signal.status_label.lower()})", label=signal.title + " —")
    writer.heading("Casuïstiek", 1)
    if content.stories:
        writer.paragraph("Een paar zaken van dit jaar, verteld zonder namen, adressen of "
                         "andere gegevens waaraan iemand te herkennen is.")
    else:
        writer.paragraph("Er is geen casuïstiek goedgekeurd voor dit jaarverslag.")
    for story in content.stories:
        writer.heading(story.title, 2)
        writer.paragraphs(story.paragraphs)
    _signals(writer, report)
    if content.show_pilot:
        writer.heading("Pilotevaluatie", 1)
        if content.pilot:
            writer.paragraph(f"Pilotperiode van de gemeente {content.municipality.name}: "
                             f"{content.pilot.label}.")
        writer.paragraphs(_blocks(content.pilot_evaluation))
        if content.pilot_table:
            figures_table(writer, content.pilot_table, where)
    writer.heading("Cijfers", 1)
    writer.paragraph("Aantallen personen onder 10 staan er als <10. Soms is ook een groter "
                     "getal of een totaal verborgen, zodat niemand een klein aantal kan "
                     "terugrekenen: dat staat er als x.")
    for table in report.tables:
        writer.heading(table.title, 2)
        figures_table(writer, table, where)
    if report.omitted:
        writer.heading("Niet getoond", 2)
        writer.paragraph(" ".join(report.omitted))
    return writer.content()
