"""A variant-3 case from intake to survey, played in Chromium by the ombudsperson, a partner
organisation and the resident (issue 4, done-when 1)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from ombuds.cases.models import Case
from ombuds.mediation.models import Agreement, Consent, Meeting, PartnerLink, Referral, SurveyResponse
from ombuds.socialmap.models import OrganisationType, Route
from ombuds.tests.browser.conftest import login
from ombuds.tests.factories import OrganisationFactory


def social_map(office):
    stw = [office.steenwijkerland]
    return {
        "wmo": OrganisationFactory(name="Wmo-team Steenwijkerland", municipalities=stw,
                                   type=OrganisationType.MUNICIPAL_TEAM),
        "zorg": OrganisationFactory(name="Thuiszorg De Linde", municipalities=stw),
        "bezwaar": OrganisationFactory(name="Bezwaarschriftencommissie Steenwijkerland",
                                       municipalities=stw, routes=[Route.OBJECTION],
                                       type=OrganisationType.OBJECTION_COMMITTEE),
    }


def open_case(page, case):
    page.goto(f"/werk/zaken/{case.reference}/")


def add_party(page, case, organisation, contact, email):
    open_case(page, case)
    page.get_by_role("link", name="Partij toevoegen").click()
    page.get_by_label("Organisatie", exact=True).select_option(label=organisation)
    page.get_by_label("Rol in de zaak (niet verplicht)", exact=True).fill("Uitvoerder")
    page.get_by_label("Contactpersoon (niet verplicht)", exact=True).fill(contact)
    page.get_by_label("E-mailadres contactpersoon (niet verplicht)", exact=True).fill(email)
    page.get_by_role("button", name="Partij toevoegen").click()


def record_consent(page, case, index):
    open_case(page, case)
    page.get_by_role("link", name="Toestemming vastleggen").nth(index).click()
    page.get_by_role("radio", name="Gegevens delen voor bemiddeling").check()
    page.get_by_role("radio", name="Mondeling").check()
    page.get_by_label("Wat mag worden gedeeld", exact=False).first.fill(
        "Het verhaal en de aanvraag; geen medische gegevens.")
    page.get_by_label("Het verhaal van de inwoner mag worden gedeeld").check()
    page.get_by_role("button", name="Toestemming vastleggen").click()


def set_agreement(page, case, index, status, note):
    open_case(page, case)
    page.get_by_role("link", name="Status wijzigen").nth(index).click()
    page.get_by_role("radio", name=status, exact=True).check()
    page.get_by_label("Toelichting", exact=False).first.fill(note)
    page.get_by_role("button", name="Status opslaan").click()


@pytest.mark.pdf
@pytest.mark.django_db(transaction=True)
def test_a_variant_3_case_from_intake_to_survey(page, chromium, live_server, office):
    orgs = social_map(office)
    today = timezone.localdate()

    # Intake by the ombudsperson.
    login(page, "ombudsman")
    page.get_by_role("link", name="Nieuwe aanmelding", exact=True).click()
    page.get_by_label("Gemeente").select_option(label="Steenwijkerland")
    page.get_by_label("Kanaal").select_option(label="Telefoon")
    page.get_by_label("Naam", exact=True).fill("Sandra Vos")
    page.get_by_label("Onderwerp").fill("Huishoudelijke hulp stopt zonder uitleg")
    page.get_by_label("Verhaal van de inwoner").fill(
        "Sinds januari komt de thuiszorg niet meer. Ik kreeg een brief van het Wmo-team "
        "dat mijn indicatie is beëindigd, maar niemand legt uit waarom.")
    page.get_by_role("button", name="Aanmelding registreren").click()
    case = Case.objects.get(person__name="Sandra Vos")
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.reference)

    # The conversation.
    page.get_by_role("button", name="Gesprek starten").click()
    expect(page.get_by_text("In gesprek").first).to_be_visible()

    # Two parties, each with consent to share the story for mediation.
    add_party(page, case, orgs["wmo"].name, "Petra Smit", "wmo@steenwijkerland.example")
    add_party(page, case, orgs["zorg"].name, "Karin Dijk", "planning@delinde.example")
    record_consent(page, case, 0)
    record_consent(page, case, 1)
    assert Consent.objects.filter(case=case, revoked_on__isnull=True).count() == 2

    # Mediation: a joint meeting with two agreements.
    open_case(page, case)
    page.get_by_role("button", name="Bemiddeling starten").click()
    page.get_by_role("link", name="Gesprek plannen").click()
    page.get_by_role("radio", name="Gezamenlijk gesprek").check()
    began = timezone.localtime() - timedelta(hours=1)  # it took place: record how it went
    page.get_by_label("Datum en begintijd").fill(began.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Plaats of kanaal").fill("Gemeentehuis Steenwijk")
    page.get_by_role("checkbox", name=orgs["wmo"].name).check()
    page.get_by_role("checkbox", name=orgs["zorg"].name).check()
    page.get_by_role("button", name="Gesprek plannen").click()
    page.get_by_role("radio", name="Ja", exact=True).check()
    page.get_by_label("Verslag", exact=False).first.fill("Samen besproken wat er misging.")
    due = (today + timedelta(days=14)).isoformat()
    for n, (text, party) in enumerate([
        ("Wmo-team licht het besluit schriftelijk toe", f"{orgs['wmo'].name} (Petra Smit)"),
        ("Thuiszorg plant de hulp opnieuw in", f"{orgs['zorg'].name} (Karin Dijk)"),
    ], start=1):
        page.get_by_label(f"Afspraak {n}: wat is afgesproken").fill(text)
        page.get_by_label(f"Afspraak {n}: partij").select_option(label=party)
        page.get_by_label(f"Afspraak {n}: uiterlijk").fill(due)
    page.get_by_role("button", name="Vastleggen als gehouden").click()
    assert Meeting.objects.filter(case=case, kind="gezamenlijk", status="gehouden").count() == 1
    assert Agreement.objects.filter(case=case).count() == 2

    # A partner answers through its private link.
    open_case(page, case)
    page.get_by_label("Aan welke partij?").select_option(index=1)
    page.get_by_role("radio", name="Verzoek om een reactie").check()
    page.get_by_label("Vraag aan de partij").fill("Kunt u uitleggen waarom de hulp is gestopt?")
    page.get_by_role("button", name="Verzoek versturen").click()
    link = page.get_by_label(re.compile("^Link voor")).input_value()
    partner = chromium.new_context(locale="nl-NL").new_page()
    partner.goto(link)
    expect(partner.get_by_role("heading", level=1)).to_have_text(
        "Verzoek van de sociale ombudsfunctie")
    expect(partner.get_by_text("Sinds januari komt de thuiszorg niet meer", exact=False)) \
        .to_be_visible()
    partner.get_by_label("Uw antwoord").fill("De indicatie liep af; een herindicatie volgt.")
    partner.get_by_role("button", name="Antwoord versturen").click()
    expect(partner.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw antwoord")
    partner.context.close()
    assert PartnerLink.objects.get(case=case).answered_at is not None
    assert case.timeline.filter(kind="antwoord_partij").exists()

    # One agreement kept, one not.
    set_agreement(page, case, 0, "Nagekomen", "Brief ontvangen.")
    set_agreement(page, case, 1, "Niet nagekomen", "Er kwam geen nieuwe planning.")
    assert sorted(Agreement.objects.filter(case=case).values_list("status", flat=True)) == [
        "nagekomen", "niet_nagekomen"]

    # Referral to the objection procedure.
    open_case(page, case)
    page.get_by_role("link", name="Verwijzing vastleggen").click()
    page.get_by_label("Route").select_option(label="Bezwaarprocedure (Awb 6:4)")
    page.get_by_label("Organisatie (niet verplicht)").select_option(label=orgs["bezwaar"].name)
    page.get_by_role("button", name="Verwijzing vastleggen").click()
    assert Referral.objects.get(case=case).route == "bezwaar"

    # The closing letter as PDF, by post: that needs the resident's postal address.
    type(case.person).objects.filter(pk=case.person_id).update(
        street="Kerkstraat 1", postcode="8331 AA", city="Steenwijk")
    open_case(page, case)
    page.get_by_role("link", name="Brief maken").click()
    page.get_by_label("Soort brief").select_option(label="Afsluitbrief")
    page.get_by_label("Aan wie?").select_option(index=0)
    page.get_by_role("radio", name="Per post (PDF)").check()
    page.get_by_role("button", name="Brief schrijven").click()
    page.get_by_role("button", name="Brief versturen").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF downloaden").first.click()
    text = "".join(p.extract_text() for p in PdfReader(download.value.path()).pages)
    assert "Wij sluiten uw zaak af" in text and "Sandra Vos" in text
    assert "Welke afspraken zijn er gemaakt?" in text and "Naar wie hebben wij u verwezen?" in text

    # Closure: referred, no formal procedure avoided. The closing page lists the referral
    # whose arrival is not checked yet; closing anyway needs a reason.
    open_case(page, case)
    page.get_by_role("link", name="Afsluiten", exact=True).click()
    expect(page.get_by_text("Verwijzingen: nog niet nagegaan")).to_be_visible()
    page.get_by_label("Uitkomst").select_option(label="Verwezen")
    page.get_by_role("radio", name="Nee", exact=True).check()
    page.get_by_label("Bestede tijd (minuten)").fill("240")
    page.get_by_role("button", name="Toch afsluiten").click()
    expect(page.get_by_text("Schrijf op waarom u de zaak toch afsluit").first).to_be_visible()
    page.get_by_label("Toch afsluiten, omdat …").fill("wij de aankomst bij MEE later nagaan.")
    page.get_by_role("button", name="Toch afsluiten").click()
    case.refresh_from_db()
    assert (case.status, case.outcome) == ("afgesloten", "verwezen")

    # The resident answers the survey.
    open_case(page, case)
    page.get_by_role("button", name="Enquête versturen").click()
    survey_link = page.get_by_label("Link naar de enquête").input_value()
    resident = chromium.new_context(locale="nl-NL").new_page()
    resident.goto(survey_link)
    resident.get_by_role("group", name="Voelde u zich gehoord?").get_by_role(
        "radio", name="Ja").check()
    resident.get_by_role("group", name="Is uw probleem opgelost?").get_by_role(
        "radio", name="Een beetje").check()
    resident.get_by_role("group", name="Welk cijfer geeft u?").get_by_role(
        "radio", name="8", exact=True).check()
    resident.get_by_role("button", name="Antwoorden versturen").click()
    expect(resident.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw antwoorden")
    resident.context.close()
    response = SurveyResponse.objects.get()
    assert (response.grade, response.felt_heard, response.municipality) == (
        8, "ja", office.steenwijkerland)
