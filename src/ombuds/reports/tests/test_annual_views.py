"""The annual report pages: pick a case, edit and approve its story, make the files."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ombuds.cases.services import PersonData
from ombuds.reports import annual
from ombuds.reports.models import AnnualReport, CaseStory, ReportRun
from ombuds.reports.services import report_run_execute
from ombuds.tests.factories import register_case

pytestmark = pytest.mark.django_db
YEAR = 2026


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(name: str) -> str:
    return reverse(f"reports:{name}", kwargs={"cbs_code": "GM1708", "year": YEAR})


@pytest.fixture
def case(office):
    return register_case(office, title="Wacht op een besluit over de bijstand",
                         story="Ik ben Truus Hoogeveen en wacht al tien weken.",
                         person_data=PersonData(name="Truus Hoogeveen", city="Giethoorn"))


def test_it_adds_a_case_by_reference_with_a_deidentified_draft(office, case):
    client = client_for(office.ombudsman)
    response = client.post(url("annual_story_add"), {"zaak": case.reference.lower()})
    story = CaseStory.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#casus-{story.pk}")
    page = client.get(url("annual")).content.decode()
    assert "Voorstel van Ombuds" in page and "Nog niet goedgekeurd" in page
    assert "Ik ben de inwoner en wacht al tien weken." in page
    assert "Hoogeveen" not in page


def test_a_wrong_reference_is_an_error_on_the_field_and_keeps_the_input(office):
    response = client_for(office.ombudsman).post(url("annual_story_add"),
                                                 {"zaak": "STW-2026-9999"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Er is geen zaak met dit zaaknummer die u mag zien." in page
    assert 'value="STW-2026-9999"' in page and 'href="#id_zaak"' in page


def test_the_search_finds_cases_of_the_municipality(office, case):
    page = client_for(office.ombudsman).get(url("annual"), {"zoek": case.reference}).content
    assert case.reference in page.decode() and b"Opnemen" in page


def test_approving_a_text_with_the_residents_name_is_refused_on_the_field(office, case):
    report = annual.annual_report_get_or_create(user=office.ombudsman,
                                                municipality=office.steenwijkerland, year=YEAR)
    story = annual.story_add(user=office.ombudsman, annual_report=report,
                             reference=case.reference)
    client = client_for(office.ombudsman)
    typed = "Mevrouw Hoogeveen wachtte tien weken op een besluit."
    prefix = f"casus-{story.pk}"
    response = client.post(url("annual_story"), {
        "casus": story.pk, "actie": "goedkeuren", f"{prefix}-title": "Tien weken wachten",
        f"{prefix}-text": typed})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Er staat nog een naam (Hoogeveen) in de tekst." in page
    assert typed in page  # nothing typed is lost
    story.refresh_from_db()
    assert not story.is_approved and story.text == typed
    response = client.post(url("annual_story"), {
        "casus": story.pk, "actie": "goedkeuren", f"{prefix}-title": "Tien weken wachten",
        f"{prefix}-text": "Een inwoner wachtte tien weken op een besluit."})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.is_approved


def test_beleid_sees_only_approved_stories_and_cannot_edit(office, case):
    report = annual.annual_report_get_or_create(user=office.ombudsman,
                                                municipality=office.steenwijkerland, year=YEAR)
    waiting = annual.story_add(user=office.ombudsman, annual_report=report,
                               reference=case.reference)
    client = client_for(office.beleid)
    page = client.get(url("annual")).content.decode()
    assert waiting.title not in page and "Er is nog geen casuïstiek goedgekeurd." in page
    assert "Voorstel van Ombuds" not in page and "PDF maken" in page
    assert client.post(url("annual_texts"), {"foreword": "x"}).status_code == 403
    assert client.post(url("annual_story"), {"casus": waiting.pk,
                                              "actie": "verwijderen"}).status_code == 403


def test_the_foreword_is_saved(office):
    response = client_for(office.coordinator).post(url("annual_texts"), {
        "foreword": "Een goed jaar.", "pilot_evaluation": "De pilot werkt."})
    assert response.status_code == 302
    report = AnnualReport.objects.get(municipality=office.steenwijkerland, year=YEAR)
    assert (report.foreword, report.pilot_evaluation) == ("Een goed jaar.", "De pilot werkt.")


@pytest.mark.parametrize(("fmt", "user"), [("pdf", "ombudsman"), ("docx", "beleid")])
def test_making_a_file_queues_a_run_and_shows_its_progress(office, fmt, user,
                                                           django_capture_on_commit_callbacks):
    client = client_for(getattr(office, user))
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(url("annual_run"), {"formaat": fmt})
    run = ReportRun.objects.get()
    assert (run.kind, run.format, run.period, run.exact) == ("jaarverslag", fmt, str(YEAR), False)
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:run", kwargs={"uuid": run.uuid})
    page = client.get(response["Location"]).content.decode()
    assert "Jaarverslag Steenwijkerland" in page and "<progress" in page


def test_another_municipality_is_not_found(office):
    response = client_for(office.ombudsman_westerveld).get(url("annual"))
    assert response.status_code == 404


def test_the_word_document_is_downloaded_from_the_run_page(office,
                                                            django_capture_on_commit_callbacks):
    client = client_for(office.ombudsman)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(url("annual_run"), {"formaat": "docx"})
    run = report_run_execute(run_id=ReportRun.objects.get().pk)  # what the worker does
    assert run.status == ReportRun.Status.DONE
    download = client.get(reverse("reports:run_download", kwargs={"uuid": run.uuid}))
    assert download["Content-Type"] == annual.ANNUAL_FORMATS["docx"]
    assert f"jaarverslag-GM1708-{YEAR}.docx" in download["Content-Disposition"]
    assert b"".join(download.streaming_content)[:2] == b"PK"  # a zip: Office Open XML
    assert response.status_code == 302


def test_the_beheer_overview_counts_stories_without_showing_them(office, case):
    report = annual.annual_report_get_or_create(user=office.ombudsman,
                                                municipality=office.steenwijkerland, year=YEAR)
    story = annual.story_add(user=office.ombudsman, annual_report=report,
                             reference=case.reference)
    client = client_for(office.beheer)
    page = client.get(reverse("admin:reports_annualreport_changelist")).content.decode()
    assert "Steenwijkerland" in page and str(YEAR) in page
    detail = client.get(reverse("admin:reports_annualreport_change", args=[report.pk]))
    assert detail.status_code == 200 and story.text not in detail.content.decode()
