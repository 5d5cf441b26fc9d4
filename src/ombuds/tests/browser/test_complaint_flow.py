"""A Westerveld (variant 5) complaint from receipt to the findings letter, clicked through in
Chromium by the ombudsperson (issue 13, done-when 3).

The case starts as a conversation and is converted into a formal complaint; the 9:11 term
appears, the beklaagde is recorded, the acknowledgement goes out, a move to the judgment
without a hearing is refused (Awb 9:10), the hearing, two judged elements and the findings
are recorded, the case closes "Klacht deels gegrond", and the findings letter's PDF names the
beklaagde, the judgment per element and the statutory ombudsman with its 9:24 date.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from ombuds.cases.models import Case
from ombuds.domain.deadlines import complaint_term, nl_date, one_year_limit
from ombuds.procedures.models import Complaint
from ombuds.procedures.selectors import holiday_calendar
from ombuds.socialmap.models import OrganisationType
from ombuds.tests.browser.conftest import login
from ombuds.tests.browser.test_public_accessibility import screenshot_dir
from ombuds.tests.factories import OrganisationFactory

OMBUDSMAN = "Regionale ombudsman Drenthe"


def shot(page, shots, name: str) -> None:
    """A full-page screenshot, in OMBUDS_SCREENSHOT_DIR when set (else the test's tmp dir)."""
    page.screenshot(path=str(shots / f"complaint-{name}.png"), full_page=True)


def westerveld(office):
    """Westerveld with its statutory ombudsman configured and a team to complain about."""
    municipality = office.westerveld
    municipality.ombudsman_name = OMBUDSMAN
    municipality.ombudsman_address = "Postbus 100\n9400 AC Assen"
    municipality.ombudsman_phone = "0592 36 50 00"
    municipality.ombudsman_website = "www.ombudsmandrenthe.example"
    municipality.save()
    return OrganisationFactory(name="Wmo-team Westerveld", municipalities=[municipality],
                               type=OrganisationType.MUNICIPAL_TEAM)


def open_case(page, case):
    page.goto(f"/werk/zaken/{case.reference}/")


def complaint_step(page, case, title):
    open_case(page, case)
    page.locator("nav.ombuds-complaint__steps").get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def add_element(page, case, description, judgment, reasons):
    open_case(page, case)
    page.get_by_role("link", name="Klachtonderdeel toevoegen").click()
    page.get_by_label("Klachtonderdeel", exact=True).fill(description)
    page.get_by_role("radio", name=judgment, exact=True).check()
    page.get_by_label("Motivering").fill(reasons)
    page.get_by_role("button", name="Klachtonderdeel vastleggen").click()
    expect(page.get_by_text("Het klachtonderdeel is vastgelegd.")).to_be_visible()


def make_letter(page, case, kind, *, shots=None, shot_name=""):
    """Draft the letter ``kind`` to the resident by post (at their postal address), send it;
    return its PDF's text."""
    type(case.person).objects.filter(pk=case.person_id).update(
        street="Brink 3", postcode="7991 CA", city="Dwingeloo")
    open_case(page, case)
    page.get_by_role("link", name="Brief maken").click()
    page.get_by_label("Soort brief").select_option(label=kind)
    page.get_by_label("Aan wie?").select_option(value="inwoner")
    page.get_by_role("radio", name="Per post (PDF)").check()
    page.get_by_role("button", name="Brief schrijven").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Brief schrijven")
    if shots:
        shot(page, shots, shot_name)
    page.get_by_role("button", name="Brief versturen").click()
    expect(page.get_by_text("De brief is gemaakt.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(rf"PDF downloaden\s*: {re.escape(kind)}")) \
            .first.click()
    text = "".join(p.extract_text() for p in PdfReader(download.value.path()).pages)
    return " ".join(text.split())


@pytest.mark.pdf
@pytest.mark.django_db(transaction=True)
def test_a_westerveld_complaint_from_receipt_to_the_findings_letter(page, office, tmp_path):
    shots = screenshot_dir(tmp_path)
    team = westerveld(office)
    today = timezone.localdate()
    received = today - timedelta(days=3)

    # Intake by the ombudsperson, and the conversation.
    login(page, "ombudsman")
    page.get_by_role("link", name="Nieuwe aanmelding", exact=True).click()
    page.get_by_label("Gemeente").select_option(label="Westerveld")
    page.get_by_label("Kanaal").select_option(label="Brief")
    page.get_by_label("Naam", exact=True).fill("Anneke Mulder")
    page.get_by_label("Onderwerp").fill("Consulent belt niet terug")
    page.get_by_label("Verhaal van de inwoner").fill(
        "De consulent van het Wmo-team zou mij terugbellen over mijn aanvraag. Dat gebeurde "
        "niet, en aan de telefoon werd ik onvriendelijk te woord gestaan.")
    page.get_by_role("button", name="Aanmelding registreren").click()
    case = Case.objects.get(person__name="Anneke Mulder")
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.reference)
    page.get_by_role("button", name="Gesprek starten").click()
    expect(page.get_by_text("In gesprek").first).to_be_visible()

    # The resident wants a formal complaint: converted, received three days ago.
    page.get_by_label("Datum van ontvangst").fill(received.isoformat())
    page.get_by_role("button", name="Omzetten in formele klacht").click()
    case.refresh_from_db()
    assert case.status == "klacht"
    complaint = Complaint.objects.get(case=case)
    assert complaint.received_on == received

    # The 9:11 term: six weeks from the day after receipt, on the case page.
    end = complaint_term(received, calendar=holiday_calendar()).end
    term = page.locator(".ombuds-deadline", has_text="Afhandeltermijn klacht")
    expect(term.locator(f"time[datetime='{end.isoformat()}']").first).to_be_visible()
    expect(term).to_contain_text("Awb 9:11 lid 1")

    # The complaint and the beklaagde.
    complaint_step(page, case, "Klacht en beklaagde")
    page.get_by_label("De gedraging waarover wordt geklaagd").fill(
        "De consulent beloofde op 2 maart terug te bellen en deed dat niet. Bij navraag werd "
        "mevrouw Mulder kortaf te woord gestaan.")
    page.get_by_label("Datum van de gedraging").fill((received - timedelta(days=20)).isoformat())
    page.get_by_label("Organisatie waarover wordt geklaagd").select_option(label=team.name)
    page.get_by_label("Afdeling").fill("Sociaal Domein")
    page.get_by_label("Medewerker of functie").fill("consulent Wmo")
    shot(page, shots, "step-form")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("‘Klacht en beklaagde’ is opgeslagen")).to_be_visible()
    beklaagde = f"consulent Wmo, Sociaal Domein, {team.name}"
    complaint.refresh_from_db()
    assert complaint.respondent == beklaagde
    expect(page.locator("section.ombuds-complaint")).to_contain_text(beklaagde)

    # The written acknowledgement (Awb 9:6) states the term's end.
    text = make_letter(page, case, "Ontvangstbevestiging klacht (Awb 9:6)")
    assert "Wij hebben uw klacht ontvangen" in text and nl_date(end, weekday=True) in text

    # The hearing stage; the judgment cannot start before the hearing (Awb 9:10).
    open_case(page, case)
    page.get_by_role("button", name="Hoor en wederhoor starten").click()
    expect(page.locator(".ombuds-badge--status")).to_have_text("Hoor en wederhoor")
    page.get_by_role("button", name="Oordeel opstellen").click()
    summary = page.locator(".ombuds-error-summary")
    expect(summary).to_contain_text("Awb 9:10")
    expect(summary).to_contain_text("Hoor eerst de klager")
    shot(page, shots, "refusal")
    case.refresh_from_db()
    assert case.status == "hoor_wederhoor"

    # The hearing with its report (Awb 9:10 lid 3).
    complaint_step(page, case, "Horen (Awb 9:10)")
    page.get_by_label("Uitgenodigd voor het horen op").fill(received.isoformat())
    page.get_by_label("Gehoord op").fill(today.isoformat())
    page.get_by_label("Wie zijn gehoord").fill("Mevrouw Mulder en de consulent Wmo")
    page.get_by_label("Verslag van het horen").fill(
        "Mevrouw Mulder vertelde dat zij drie weken op een telefoontje wachtte. De consulent "
        "erkende dat de terugbelafspraak niet in het systeem stond.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("‘Horen (Awb 9:10)’ is opgeslagen")).to_be_visible()
    page.get_by_role("button", name="Oordeel opstellen").click()
    expect(page.locator(".ombuds-badge--status")).to_have_text("Oordeel opstellen")

    # Two elements, one well-founded, one not; findings and conclusions (Awb 9:12 lid 1).
    add_element(page, case, "De consulent heeft niet teruggebeld.", "Gegrond",
                "De afspraak staat in het dossier en is niet nagekomen.")
    add_element(page, case, "Mevrouw Mulder is onvriendelijk te woord gestaan.", "Ongegrond",
                "Uit het horen blijkt een kort, maar correct gesprek.")
    complaint_step(page, case, "Bevindingen, conclusies en maatregelen (Awb 9:12)")
    page.get_by_label("Bevindingen").fill("De terugbelafspraak is niet vastgelegd en niet "
                                          "nagekomen. Het gesprek daarna was kort maar correct.")
    page.get_by_label("Conclusies").fill("De klacht is deels gegrond.")
    page.get_by_label("Maatregelen").fill("Het Wmo-team legt terugbelafspraken voortaan vast.")
    page.get_by_role("button", name="Opslaan").click()
    section = page.locator("section.ombuds-complaint")
    expect(section).to_contain_text("Samen geven de oordelen: Deels gegrond")
    shot(page, shots, "case-complaint-section")

    # The ruling closes the case: "Klacht deels gegrond", findings sent today. The closing
    # page names the copy to the beklaagde (Awb 9:9) as not sent; it went by hand. A formal
    # complaint is not asked whether a formal procedure was avoided.
    page.get_by_role("link", name="Oordeel vaststellen").click()
    expect(page.get_by_text("Afschrift klacht aan beklaagde (Awb 9:9)")).to_be_visible()
    expect(page.get_by_text("Formele procedure voorkomen?")).to_have_count(0)
    page.get_by_label("Uitkomst").select_option(label="Klacht deels gegrond")
    page.get_by_label("Bevindingen en oordeel verstuurd op (Awb 9:12)").fill(today.isoformat())
    page.get_by_label("Toch afsluiten, omdat …").fill("het afschrift is aan de balie "
                                                      "overhandigd.")
    page.get_by_label("Bestede tijd (minuten)").fill("300")
    page.get_by_role("button", name="Toch afsluiten").click()
    case.refresh_from_db()
    complaint.refresh_from_db()
    assert (case.status, case.outcome) == ("afgesloten", "deels_gegrond")
    assert (complaint.outcome, complaint.findings_on) == ("deels_gegrond", today)

    # The findings letter by post: beklaagde, judgment per element, the ombudsman and the
    # last day of its year (Awb 9:12 lid 2, 9:24 lid 1 onder a).
    text = make_letter(page, case, "Bevindingen en oordeel op de klacht (Awb 9:12)",
                       shots=shots, shot_name="letter-preview")
    last_day = one_year_limit(today, kind="ombudsman").end
    assert beklaagde in text
    assert "Onderdeel 1: De consulent heeft niet teruggebeld. Ons oordeel: Gegrond." in text
    assert ("Onderdeel 2: Mevrouw Mulder is onvriendelijk te woord gestaan. "
            "Ons oordeel: Ongegrond.") in text
    assert "Ons oordeel over de hele klacht: Deels gegrond." in text
    assert OMBUDSMAN in text and nl_date(last_day) in text
    assert "artikel 9:24 lid 1 onder a" in text


