"""The letters for a decision that does not come (issue 14): the notice of default the resident
signs and sends, the information on the penalty (Awb 4:17) and on the appeal against not
deciding in time (6:12 lid 2); their dates come from the deadline engine, and they are offered
only when they apply."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from ombuds.correspondence.context import letter_context
from ombuds.correspondence.models import LetterKind, LetterTemplate
from ombuds.correspondence.services import letter_create, letter_draft, letter_kinds
from ombuds.correspondence.tests.test_services_letters import pdf_of, pdf_text
from ombuds.correspondence.tests.test_templates import documented
from ombuds.procedures.applications import application_create, application_update
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db

NOT_IN_TIME = {"ingebrekestelling", "dwangsom_info", "beroep_niet_tijdig"}


@pytest.fixture(autouse=True)
def today():
    # Monday 8 June 2026. A Wmo application of 4 May had to be decided by Monday 18 May.
    with time_machine.travel(date(2026, 6, 8), tick=False):
        yield


def late_wmo(office, **values):
    case = register_case(office, name="Jan de Vries")
    person = case.person
    person.street, person.postcode, person.city = "Kerkstraat 1", "8331 AA", "Steenwijk"
    person.save()
    team = OrganisationFactory(name="Team Wmo Steenwijkerland", address="Postbus 20\n8330 CA",
                               municipalities=[case.municipality])
    application = application_create(user=office.ombudsman, case=case, kind="wmo_aanvraag",
                                     subject="scootmobiel", organisation=team,
                                     submitted_on=date(2026, 5, 4), **values)
    return case, application


def offered(case) -> set[str]:
    return {k.value for k in letter_kinds(case)} & NOT_IN_TIME


def text(case, kind) -> str:
    draft = letter_draft(case=case, kind=kind)
    return draft.subject + "\n" + " ".join(draft.body.split())


def test_the_notice_of_default_is_ready_to_sign_and_names_the_term(office):
    case, _ = late_wmo(office)
    draft = letter_draft(case=case, kind=LetterKind.NOTICE_OF_DEFAULT)
    explanation, _, notice = draft.body.partition("\n---\n")
    assert "Stuur deze brief zo snel mogelijk" in explanation
    assert "Team Wmo Steenwijkerland moest uiterlijk maandag 18 mei 2026 beslissen" in explanation
    notice = " ".join(notice.split())
    for words in ("## Ingebrekestelling", "Aan: Team Wmo Steenwijkerland Postbus 20 8330 CA",
                  "Van: Jan de Vries Kerkstraat 1 8331 AA Steenwijk",
                  "Op 4 mei 2026 heb ik bij u een aanvraag ingediend voor scootmobiel",
                  "uiterlijk maandag 18 mei 2026 beslissen (Wmo 2015 art. 2.3.5 lid 1",
                  "Met deze brief stel ik u in gebreke", "artikel 4:17", "Handtekening:"):
        assert words in notice, words


def test_the_penalty_letter_gives_the_days_and_amounts_as_the_law_caps_them(office):
    case, _ = late_wmo(office, notice_of_default_on=date(2026, 5, 20))
    letter = text(case, LetterKind.PENALTY_INFO)
    for words in ("Op 20 mei 2026 kreeg Team Wmo Steenwijkerland uw ingebrekestelling",
                  "vanaf donderdag 4 juni 2026", "tot en met woensdag 15 juli 2026",
                  "- van 4 juni 2026 tot en met 17 juni 2026: 23 euro per dag",
                  "- van 18 juni 2026 tot en met 1 juli 2026: 35 euro per dag",
                  "- van 2 juli 2026 tot en met 15 juli 2026: 45 euro per dag",
                  "nooit meer dan 1.442 euro", "tot nu toe 115 euro",
                  "artikel 4:17 lid 6", "veel te laat", "artikel 4:18"):
        assert words in letter, words


def test_the_appeal_letter_gives_the_first_day_and_says_no_objection_first(office):
    case, _ = late_wmo(office, notice_of_default_on=date(2026, 5, 20))
    letter = text(case, LetterKind.APPEAL_NOT_IN_TIME)
    for words in ("Vanaf donderdag 4 juni 2026 kunt u in beroep gaan bij de rechtbank "
                  "(artikel 6:12 lid 2", "U hoeft niet eerst bezwaar te maken (artikel 7:1 lid 1 "
                  "onder f", "binnen twee weken na de uitspraak", "nieuwe dwangsom",
                  "artikel 8:55d"):
        assert words in letter, words


def test_the_letters_are_offered_only_when_they_apply(office):
    plain = register_case(office)
    assert offered(plain) == set()
    running = register_case(office)
    application_create(user=office.ombudsman, case=running, kind="wmo_aanvraag",
                       subject="traplift", submitted_on=date(2026, 6, 1))
    assert offered(running) == set()  # the term runs until 15 June
    case, application = late_wmo(office)
    assert offered(case) == {"ingebrekestelling"}
    application_update(user=office.ombudsman, application=application,
                       notice_of_default_on=date(2026, 5, 20))
    assert offered(case) == NOT_IN_TIME
    application_update(user=office.ombudsman, application=application,
                       decided_on=date(2026, 6, 5))
    assert offered(case) == set()
    report = register_case(office)  # a late report of need: no decision is due
    application_create(user=office.ombudsman, case=report, kind="wmo_melding", subject="hulp",
                       submitted_on=date(2026, 3, 2))
    assert offered(report) == set()


def test_the_context_holds_the_documented_application_placeholders(office):
    case, _ = late_wmo(office, notice_of_default_on=date(2026, 5, 20))
    context = letter_context(case)
    documented(context)
    assert context["aanvraag"]["beroep_vanaf"] == "donderdag 4 juni 2026"
    assert context["aanvraag"]["dwangsom"]["maximum"] == "1.442"
    assert letter_context(register_case(office))["aanvraag"] is None


def test_a_municipality_may_word_the_letter_itself(office):
    case, _ = late_wmo(office, notice_of_default_on=date(2026, 5, 20))
    LetterTemplate.objects.create(
        municipality=case.municipality, kind=LetterKind.APPEAL_NOT_IN_TIME,
        subject="Beroep (zaak {{ zaak.nummer }})",
        body="{% if aanvraag %}Beroep kan vanaf {{ aanvraag.beroep_vanaf }}.{% endif %}")
    assert "Beroep kan vanaf donderdag 4 juni 2026." in text(case, "beroep_niet_tijdig")


def test_the_letter_page_preselects_the_kind_from_the_case_page(client, office):
    case, _ = late_wmo(office)
    client.force_login(office.ombudsman)
    url = reverse("correspondence:letter_add", args=[case.reference])
    page = client.get(f"{url}?soort=ingebrekestelling").content.decode()
    assert '<option value="ingebrekestelling" selected>' in page
    assert 'value="dwangsom_info"' not in page


@pytest.mark.pdf
def test_the_notice_pdf_has_the_explanation_then_the_notice_on_its_own_page(office):
    case, _ = late_wmo(office)
    draft = letter_draft(case=case, kind=LetterKind.NOTICE_OF_DEFAULT)
    letter = letter_create(user=office.ombudsman, case=case, kind=LetterKind.NOTICE_OF_DEFAULT,
                           channel="post", subject=draft.subject, body=draft.body)
    reader, _ = pdf_text(pdf_of(letter))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert len(pages) >= 2
    assert "Stuur deze brief zo snel mogelijk" in pages[0]
    notice = " ".join(pages[1:])
    assert "Ingebrekestelling" in notice and "Met deze brief stel ik u in gebreke" in notice
    assert "maandag 18 mei 2026" in notice and "Handtekening" in notice
    assert "Met deze brief stel ik u in gebreke" not in pages[0]
