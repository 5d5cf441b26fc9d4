"""A case from intake to closure, clicked through in Chromium by the secretariat and the
ombudsperson (issue 2, done-when 3)."""

import re

import pytest
from playwright.sync_api import expect

from ombuds.cases.models import Case
from ombuds.tests.browser.conftest import login

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


@pytest.mark.django_db(transaction=True)
def test_secretariat_registers_and_ombudsperson_closes_a_case(page, office, tmp_path):
    # The secretariat registers a phone intake.
    login(page, "secretariaat")
    page.get_by_role("link", name="Nieuwe aanmelding", exact=True).click()
    page.get_by_label("Gemeente").select_option(label="Steenwijkerland")
    page.get_by_label("Kanaal").select_option(label="Telefoon")
    page.get_by_label("Naam", exact=True).fill("Henk Bosman")
    page.get_by_label("Onderwerp").fill("Traplift laat op zich wachten")
    page.get_by_label("Verhaal van de inwoner").fill(
        "Ik heb in maart een traplift aangevraagd en hoor niets meer van de gemeente."
    )
    page.get_by_role("button", name="Aanmelding registreren").click()
    case = Case.objects.get(person__name="Henk Bosman")
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.reference)

    # It is in the worklist of new intakes; the secretariat opens it from there.
    page.get_by_role("link", name="Werklijst").click()
    page.get_by_role("link", name="Nieuwe aanmeldingen").click()
    page.get_by_role("link", name=case.reference).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.reference)

    # A timeline entry with an attachment.
    letter = tmp_path / "aanvraag-traplift.pdf"
    letter.write_bytes(PDF)
    page.get_by_label("Samenvatting").fill("Aanvraagformulier ontvangen per post")
    page.get_by_label("Bijlagen").set_input_files(str(letter))
    page.get_by_role("button", name="Tijdlijnregel toevoegen").click()
    expect(page.get_by_text("Aanvraagformulier ontvangen per post")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("aanvraag-traplift.pdf"))).to_be_visible()

    # The secretariat assigns it to the ombudsperson.
    page.get_by_label("Toewijzen aan").select_option(label=office.ombudsman.display_name)
    page.get_by_role("button", name="Toewijzen").click()
    case.refresh_from_db()
    assert case.assignee == office.ombudsman
    page.get_by_role("button", name="Uitloggen").click()

    # The ombudsperson finds it under "Mijn zaken", talks with the resident and closes it.
    login(page, "ombudsman")
    page.get_by_role("link", name="Werklijst").click()
    page.get_by_role("link", name="Mijn zaken").click()
    page.get_by_role("link", name=case.reference).click()
    page.get_by_role("button", name="Gesprek starten").click()
    expect(page.get_by_text("In gesprek").first).to_be_visible()
    # Closing goes through the closing page: nothing is open, so no reason is asked.
    page.get_by_role("link", name="Afsluiten", exact=True).click()
    expect(page.get_by_text("Er staat niets meer open")).to_be_visible()
    page.get_by_label("Uitkomst").select_option(label="Gehoord en geadviseerd")
    page.get_by_role("radio", name="Onbekend", exact=True).check()
    page.get_by_label("Bestede tijd (minuten)").fill("45")
    page.get_by_role("button", name="Zaak afsluiten").click()
    expect(page.get_by_text("Afgesloten").first).to_be_visible()

    case.refresh_from_db()
    assert (case.status, case.outcome, case.minutes_spent) == ("afgesloten", "advies", 45)
    assert case.timeline.filter(attachments__original_name="aanvraag-traplift.pdf").exists()
