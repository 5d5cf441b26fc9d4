"""The annual report's services: drafts without personal data, approval, and what is built."""

from __future__ import annotations

import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from docx import Document

from ombuds.cases.models import CaseOrganisation
from ombuds.cases.services import PersonData
from ombuds.core.models import AuditEntry
from ombuds.reports import annual
from ombuds.reports.models import CaseStory
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db

STORY = ("Ik ben Anna de Vries en ik woon aan de Kerkstraat 12 in Giethoorn. Op 3 maart 2026 "
         "kreeg ik een brief. Ik ben 42 jaar. Bel mij op 06-12345678. Mijn consulent Ellen "
         "Kramer belde niet terug.")


@pytest.fixture
def case(office):
    case = register_case(
        office, title="Brief over de bijstand niet begrepen", story=STORY,
        wish="Dat iemand mij uitlegt wat er in de brief staat.",
        person_data=PersonData(name="Anna de Vries", street="Kerkstraat 12", postcode="8355 AB",
                               city="Giethoorn"))
    CaseOrganisation.objects.create(case=case, organisation=OrganisationFactory(name="Wmo-team"),
                                    contact_person="Ellen Kramer, Wmo-consulent")
    return case


@pytest.fixture
def report(office):
    return annual.annual_report_get_or_create(user=office.ombudsman,
                                              municipality=office.steenwijkerland, year=2026)


def test_it_offers_a_draft_without_the_persons_of_the_case(office, report, case):
    story = annual.story_add(user=office.ombudsman, annual_report=report, reference=case.reference)
    for personal in ("Anna", "Vries", "Kerkstraat", "Giethoorn", "3 maart", "42 jaar",
                     "06-12345678", "Ellen", "Kramer"):
        assert personal not in story.draft, personal
    assert "de inwoner" in story.draft.lower()
    assert "een medewerker van Wmo-team" in story.draft
    assert "in de veertig" in story.draft and "een kern in de gemeente" in story.draft
    assert "Wat de inwoner wilde: Dat iemand mij uitlegt" in story.draft
    assert story.text == story.draft and story.title == "Brief over de bijstand niet begrepen"
    assert not story.is_approved
    # Opening the case for the draft is recorded, as any read of a case.
    assert AuditEntry.objects.filter(event="case.viewed", object_id=str(case.pk)).exists()
    assert AuditEntry.objects.filter(event="case_story.added").exists()


def test_a_case_is_taken_once_and_only_of_the_reports_municipality(office, report, case):
    annual.story_add(user=office.ombudsman, annual_report=report, reference=case.reference)
    with pytest.raises(ValidationError, match="staat al in het jaarverslag"):
        annual.story_add(user=office.ombudsman, annual_report=report, reference=case.reference)
    other = register_case(office, municipality=office.westerveld)
    with pytest.raises(ValidationError, match="hoort niet bij de gemeente Steenwijkerland"):
        annual.story_add(user=office.ombudsman, annual_report=report,
                         reference=other.reference)
    with pytest.raises(ValidationError, match="geen zaak met dit zaaknummer"):
        annual.story_add(user=office.ombudsman, annual_report=report, reference="STW-1999-0001")


def test_approval_is_refused_while_a_name_from_the_case_is_in_the_text(office, report, case):
    story = annual.story_add(user=office.ombudsman, annual_report=report, reference=case.reference)
    story = annual.story_update(user=office.ombudsman, story=story, title=story.title,
                                text="Mevrouw De Vries kreeg een brief die zij niet begreep.")
    with pytest.raises(ValidationError) as refused:
        annual.story_approve(user=office.ombudsman, story=story)
    message = refused.value.message_dict["text"][0]
    assert "een naam (De Vries)" in message
    story.refresh_from_db()
    assert not story.is_approved
    annual.story_update(user=office.ombudsman, story=story, title=story.title,
                        text="Een inwoner kreeg een brief die zij niet begreep.")
    approved = annual.story_approve(user=office.ombudsman, story=story)
    assert approved.is_approved and approved.approved_by == office.ombudsman


def test_approval_is_refused_for_a_phone_number_or_a_place_of_the_case(office, report, case):
    story = annual.story_add(user=office.ombudsman, annual_report=report, reference=case.reference)
    for text, found in [("Bel 0612345678 voor meer.", "een telefoonnummer"),
                        ("Zij woont in Giethoorn.", "een plaatsnaam (Giethoorn)")]:
        story = annual.story_update(user=office.ombudsman, story=story, title="Een brief",
                                    text=text)
        with pytest.raises(ValidationError, match=re.escape(found)):
            annual.story_approve(user=office.ombudsman, story=story)


def test_editing_an_approved_story_withdraws_the_approval(office, report, case):
    story = annual.story_add(user=office.ombudsman, annual_report=report, reference=case.reference)
    story = annual.story_update(user=office.ombudsman, story=story, title="Een brief",
                                text="Een inwoner kreeg een brief.")
    annual.story_approve(user=office.ombudsman, story=story)
    unchanged = annual.story_update(user=office.ombudsman, story=story, title="Een brief",
                                    text="Een inwoner kreeg een brief.")
    assert unchanged.is_approved
    changed = annual.story_update(user=office.ombudsman, story=story, title="Een brief",
                                  text="Een inwoner kreeg twee brieven.")
    assert not changed.is_approved
    entry = AuditEntry.objects.filter(event="case_story.updated").latest("id")
    assert entry.details["approval_withdrawn"] is True


def test_beleid_may_make_the_files_but_not_write(office, report, case):
    annual.annual_check(user=office.beleid, municipality=office.steenwijkerland)
    with pytest.raises(PermissionDenied):
        annual.story_add(user=office.beleid, annual_report=report, reference=case.reference)
    with pytest.raises(PermissionDenied):
        annual.annual_report_update(user=office.beleid, annual_report=report, foreword="x",
                                    pilot_evaluation="")
    with pytest.raises(PermissionDenied):
        annual.annual_check(user=office.ombudsman_westerveld,
                            municipality=office.steenwijkerland)


def test_stories_move_and_are_removed(office, report, case):
    first = annual.story_add(user=office.ombudsman, annual_report=report,
                             reference=case.reference)
    second = annual.story_add(user=office.ombudsman, annual_report=report,
                              reference=register_case(office).reference)
    annual.story_move(user=office.ombudsman, story=second, offset=-1)
    assert list(report.stories.order_by("position").values_list("pk", flat=True)) == [
        second.pk, first.pk]
    annual.story_remove(user=office.ombudsman, story=second)
    assert list(report.stories.values_list("pk", flat=True)) == [first.pk]


def _approved_and_not(office, report, case):
    approved = annual.story_add(user=office.ombudsman, annual_report=report,
                                reference=case.reference)
    approved = annual.story_update(user=office.ombudsman, story=approved,
                                   title="Een brief die niemand begreep",
                                   text="Een inwoner kreeg een brief.\n\nWij legden hem uit.")
    annual.story_approve(user=office.ombudsman, story=approved)
    waiting = annual.story_add(user=office.ombudsman, annual_report=report,
                               reference=register_case(office, title="Wachten op de taxi",
                                                       name="Kees Brouwers").reference)
    annual.annual_report_update(user=office.ombudsman, annual_report=report,
                                foreword="Dit was een bijzonder jaar.",
                                pilot_evaluation="De pilot liep goed.")
    return approved, waiting


def test_the_build_holds_only_approved_stories(office, report, case):
    approved, waiting = _approved_and_not(office, report, case)
    content = annual.annual_build(municipality=office.steenwijkerland, year=2026)
    assert [s.title for s in content.stories] == ["Een brief die niemand begreep"]
    assert content.stories[0].paragraphs == ("Een inwoner kreeg een brief.",
                                             "Wij legden hem uit.")
    assert content.foreword == "Dit was een bijzonder jaar."
    # 2026 lies in the installation's pilot (2025–2026): the evaluation applies.
    assert content.pilot is not None and content.show_pilot
    assert all(t.key != annual.PILOT_TABLE for t in content.report.tables)


def test_the_word_document_has_real_headings_tables_and_dutch_properties(office, report, case):
    _approved_and_not(office, report, case)
    data, name = annual.annual_export(user=office.ombudsman, municipality=office.steenwijkerland,
                                      year=2026, fmt="docx")
    assert name == "jaarverslag-GM1708-2026.docx"
    document = Document(io.BytesIO(data))
    assert document.core_properties.language == "nl-NL"
    assert document.core_properties.title.startswith("Jaarverslag 2026")
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Voorwoord") in headings and ("Heading 1", "Casuïstiek") in headings
    assert ("Heading 2", "Een brief die niemand begreep") in headings
    assert ("Heading 1", "Cijfers") in headings and ("Heading 1", "Pilotevaluatie") in headings
    assert document.tables, "the figures are Word tables"
    header = document.tables[-1].rows[0]._tr
    assert header.trPr is not None and "tblHeader" in header.trPr.xml
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Wij legden hem uit." in text and "Dit was een bijzonder jaar." in text
    for never in ("Wachten op de taxi", "Kees Brouwers", "Anna de Vries", "Vries"):
        assert never not in text
    entry = AuditEntry.objects.filter(event="report.exported").latest("id")
    assert entry.details["kind"] == "jaarverslag" and entry.details["format"] == "docx"


def test_a_story_survives_the_destruction_of_its_case(office, report, case):
    story = annual.story_add(user=office.ombudsman, annual_report=report, reference=case.reference)
    CaseStory.objects.filter(pk=story.pk).update(case=None)
    story.refresh_from_db()
    story = annual.story_update(user=office.ombudsman, story=story, title="Een brief",
                                text="Een inwoner belde op 06-12345678.")
    with pytest.raises(ValidationError, match="telefoonnummer"):
        annual.story_approve(user=office.ombudsman, story=story)
