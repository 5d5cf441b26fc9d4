"""The demo's annual report (Steenwijkerland, this year) as PDF and Word document.

Issue 16, done when: the jaarverslag for the demo (PDF and editable document) contains the
approved casuïstiek, the signals with responses and the figures; a story not approved, and a
name from a case, never appear in it. The PDF is made by ``ombuds report --kind jaarverslag``,
the Word document through the task worker's path (``report_run_execute``).
"""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from ombuds.accounts.models import User
from ombuds.cases.models import CaseOrganisation, Person
from ombuds.correspondence.rendering import pdf_available
from ombuds.demo.annual import STORIES
from ombuds.reports.annual import annual_build
from ombuds.reports.models import AnnualReport, ReportRun
from ombuds.reports.periods import Period
from ombuds.reports.services import report_run_execute, report_run_request
from ombuds.signals.models import Signal

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())
    year = timezone.localdate().year
    return AnnualReport.objects.get(municipality__cbs_code="GM1708", year=year)


def flat(text: str) -> str:
    return " ".join(text.split())


def expectations(report: AnnualReport) -> tuple[list[str], list[str]]:
    """(what must be in the files, what must never be)."""
    approved = list(report.stories.filter(approved_at__isnull=False))
    waiting = list(report.stories.filter(approved_at__isnull=True))
    assert len(approved) == 2 and len(waiting) == 1
    signal = (Signal.objects.filter(municipality=report.municipality,
                                    publishable_at__isnull=False)
              .exclude(public_response="").order_by("raised_on").first())
    assert signal is not None, "the demo has a publishable signal with a response"
    # The figures as published for the year: each key figure and each table shown (the
    # demo municipality is small, so most tables are left out with a sentence).
    figures = annual_build(municipality=report.municipality, year=report.year).report
    assert figures.key_figures and figures.tables
    present = [approved[0].title, approved[1].title,
               flat(approved[0].text.split("\n\n")[0]),
               "Voorwoord", "Voor u ligt het jaarverslag van de sociale ombudsfunctie",
               signal.public_title, flat(signal.public_response)[:60],
               "Pilotevaluatie", "De ombudsfunctie werkt in Steenwijkerland als pilot",
               "Cijfers", *(k.label for k in figures.key_figures),
               *(t.title for t in figures.tables), *figures.omitted[:1]]
    names = [p.name for p in Person.objects.filter(cases__municipality=report.municipality)]
    names += [c.split(",")[0] for c in CaseOrganisation.objects.filter(
        case__municipality=report.municipality).exclude(contact_person="")
        .values_list("contact_person", flat=True)]
    never = [waiting[0].title, flat(waiting[0].draft.split("\n\n")[0])[:60], *set(names)]
    return present, never


def test_the_demo_jaarverslag_as_pdf_and_word_holds_what_was_approved_and_no_name(
        demo, tmp_path, django_capture_on_commit_callbacks):
    assert demo.foreword and demo.pilot_evaluation
    assert demo.stories.count() == len(STORIES)
    present, never = expectations(demo)
    if pdf_available():  # WeasyPrint needs Pango
        assert_pdf(demo, tmp_path, present, never)
    assert_word_document(demo, present, never, django_capture_on_commit_callbacks)


def assert_pdf(demo, tmp_path, present, never):
    """The PDF, from ``ombuds report --kind jaarverslag``: tagged, Dutch, complete, clean."""
    output = tmp_path / "jaarverslag.pdf"
    call_command("report", "--kind", "jaarverslag", "--municipality", "GM1708",
                 "--period", str(demo.year), "--format", "pdf", "--output", str(output),
                 stderr=io.StringIO())
    reader = PdfReader(io.BytesIO(output.read_bytes()))
    text = flat("\n".join(page.extract_text() for page in reader.pages))
    for expected in present:
        assert flat(expected) in text, expected
    for forbidden in never:
        assert flat(forbidden) not in text, forbidden
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.metadata.title.startswith(f"Jaarverslag {demo.year}")


def assert_word_document(demo, present, never, capture):
    """The Word document, made through the task worker's path (``report_run_execute``)."""
    user = User.objects.get(username="ombudsman")
    with capture(execute=False):
        run = report_run_request(user=user, municipality=demo.municipality,
                                 period=Period.parse(str(demo.year)), fmt="docx", exact=False,
                                 kind="jaarverslag")
    run = report_run_execute(run_id=run.pk)
    assert run.status == ReportRun.Status.DONE and run.progress == 100
    assert run.file.name.endswith(f"jaarverslag-GM1708-{demo.year}.docx")
    with run.file.open("rb") as handle:
        document = Document(handle)
    text = flat("\n".join([p.text for p in document.paragraphs]
                          + [c.text for t in document.tables for r in t.rows for c in r.cells]))
    for expected in present:
        assert flat(expected) in text, expected
    for forbidden in never:
        assert flat(forbidden) not in text, forbidden


def test_the_command_refuses_what_the_annual_report_is_not(office, tmp_path):
    output = str(tmp_path / "x")
    for args, message in [(["--period", "2026-Q1", "--format", "pdf"], "één jaar"),
                          (["--period", "2026", "--format", "csv"], "pdf of docx"),
                          (["--period", "2026", "--format", "docx", "--exact"],
                           "publicatieversie")]:
        with pytest.raises(CommandError, match=message):
            call_command("report", "--kind", "jaarverslag", "--municipality", "GM1708",
                         *args, "--output", output, stderr=io.StringIO())
    with pytest.raises(CommandError, match="alleen voor het jaarverslag"):
        call_command("report", "--municipality", "GM1708", "--period", "2026",
                     "--format", "docx", "--output", output, stderr=io.StringIO())
