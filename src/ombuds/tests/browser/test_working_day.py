"""An ombudsperson's working day on one variant-3 case, in Chromium (issue 15, done-when 1):
plan a meeting, send its invitations with a calendar file, hold it with agreements, write the
report letter about that meeting (not the latest one), and close the case through the
closing check; the closing letter lists the agreements."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from ombuds.cases.models import Case
from ombuds.cases.services import PersonData, case_transition
from ombuds.core.models import OutboxMessage
from ombuds.correspondence.models import Letter
from ombuds.mediation.models import Agreement, Meeting
from ombuds.mediation.services import consent_record, party_add
from ombuds.tests.browser.conftest import login
from ombuds.tests.factories import OrganisationFactory, register_case


def pdf_text(download) -> str:
    return "".join(page.extract_text() for page in PdfReader(download.value.path()).pages)


def a_case_in_mediation(office) -> tuple[Case, object]:
    """A resident with an address and e-mail, one party that may be invited (consent for a
    joint meeting), the case in mediation."""
    user = office.ombudsman
    case = register_case(office, person_data=PersonData(
        name="Anna Bakker", email="anna@example.org", street="Kerkstraat 1",
        postcode="8331 AA", city="Steenwijk"), title="Vervoer naar dagbesteding stopt")
    wmo = OrganisationFactory(name="Wmo-team Steenwijkerland",
                              municipalities=[office.steenwijkerland])
    party = party_add(user=user, case=case, organisation=wmo, contact_person="Petra Smit",
                      contact_email="wmo@steenwijkerland.example")
    consent_record(user=user, party=party, purpose="gesprek", scope="Het verhaal en het besluit.",
                   given_on=timezone.localdate(), given_how="mondeling", given_by="Anna Bakker")
    workflow = case.workflow.workflow
    while case.status != "bemiddeling":
        move = next(t for t in workflow.transitions_from(case.status) if not t.outcomes)
        case = case_transition(user=user, case=case, target=move.target)
    return case, party


@pytest.mark.pdf
@pytest.mark.django_db(transaction=True)
def test_plan_invite_hold_report_and_close(page, live_server, office):
    case, party = a_case_in_mediation(office)
    login(page, "ombudsman")
    page.goto(f"/werk/zaken/{case.reference}/")

    # Plan a joint meeting for next week.
    page.get_by_role("link", name="Gesprek plannen").click()
    page.get_by_role("radio", name="Gezamenlijk gesprek").check()
    starts = (timezone.localtime() + timedelta(days=7)).replace(hour=10, minute=0)
    page.get_by_label("Datum en begintijd").fill(starts.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Plaats of kanaal").fill("Gemeentehuis Steenwijk, kamer 2")
    page.get_by_role("checkbox", name="Wmo-team Steenwijkerland").check()
    page.get_by_role("button", name="Gesprek plannen").click()
    meeting = Meeting.objects.get(case=case)
    assert meeting.status == Meeting.Status.PLANNED and meeting.resident_present is None

    # Its invitations: e-mail with the PDF and an .ics for the resident and the party.
    page.get_by_role("link", name="Uitnodigingen versturen").click()
    page.get_by_role("button", name="Uitnodigingen versturen").click()
    meeting.refresh_from_db()
    assert meeting.invitations_sent_at is not None
    sent = OutboxMessage.objects.filter(case=case).order_by("to")
    assert sorted(sent.values_list("to", flat=True)) == [
        "anna@example.org", "wmo@steenwijkerland.example"]
    for message in sent:
        names = [a.filename for a in message.extra_attachments.all()]
        assert any(name.endswith(".ics") for name in names), names
        ics = next(a for a in message.extra_attachments.all() if a.filename.endswith(".ics"))
        text = bytes(ics.content).decode()
        assert "BEGIN:VEVENT" in text and "METHOD:REQUEST" in text

    # A week passes: the meeting took place (the clock of the live server cannot be moved).
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=timezone.now() - timedelta(hours=2))
    page.goto(f"/werk/zaken/{case.reference}/gesprekken/{meeting.pk}/")
    page.get_by_role("link", name="Vastleggen als gehouden").click()
    page.get_by_role("radio", name="Ja", exact=True).check()
    page.get_by_label("Verslag", exact=False).first.fill("Samen besproken hoe het vervoer verder gaat.")
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    agreements = ["Wmo-team regelt vervoer met een taxibus", "Anna stuurt haar rooster door",
                  "De ombudsfunctie belt na twee weken"]
    # Two rows are offered; a third needs "Meer afspraken toevoegen" (no JavaScript needed),
    # which keeps what was typed.
    page.get_by_label("Afspraak 1: wat is afgesproken").fill(agreements[0])
    page.get_by_role("button", name="Meer afspraken toevoegen").click()
    expect(page.get_by_label("Afspraak 1: wat is afgesproken")).to_have_value(agreements[0])
    owners = [("Partij", "Wmo-team Steenwijkerland (Petra Smit)"), ("Inwoner", None),
              ("Ombudsfunctie", None)]
    for n, (text, (owner, party)) in enumerate(zip(agreements, owners, strict=True), start=1):
        page.get_by_label(f"Afspraak {n}: wat is afgesproken").fill(text)
        page.get_by_label(f"Afspraak {n}: wie komt de afspraak na").select_option(label=owner)
        if party:
            page.get_by_label(f"Afspraak {n}: partij").select_option(label=party)
        page.get_by_label(f"Afspraak {n}: uiterlijk").fill(due)
    page.get_by_role("button", name="Vastleggen als gehouden").click()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD and meeting.resident_present is True
    assert Agreement.objects.filter(meeting=meeting).count() == 3

    # A later planned meeting exists too; the report letter is about the held one.
    later = Meeting.objects.create(case=case, kind="apart", starts_at=timezone.now()
                                   + timedelta(days=30), place="Telefonisch",
                                   created_by=office.ombudsman)
    page.goto(f"/werk/zaken/{case.reference}/")
    page.get_by_role("link", name="Brief maken").click()
    page.get_by_label("Soort brief").select_option(label="Verslag van een gesprek met de afspraken")
    page.get_by_label("Over welk gesprek?").select_option(value=str(meeting.pk))
    page.get_by_role("radio", name="Per post (PDF)").check()
    page.get_by_role("button", name="Brief schrijven").click()
    page.get_by_role("button", name="Brief versturen").click()
    letter = Letter.objects.get(case=case, kind="verslag")
    assert letter.meeting_id == meeting.pk != later.pk
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF downloaden").first.click()
    report = pdf_text(download)
    assert all(text in report for text in agreements), report

    # The closing letter from the real state: every agreement with its status.
    Meeting.objects.filter(pk=later.pk).update(status=Meeting.Status.CANCELLED,
                                               cancelled_reason="Niet meer nodig")
    page.goto(f"/werk/zaken/{case.reference}/")
    page.get_by_role("link", name="Brief maken").click()
    page.get_by_label("Soort brief").select_option(label="Afsluitbrief")
    page.get_by_role("radio", name="Per post (PDF)").check()
    page.get_by_role("button", name="Brief schrijven").click()
    page.get_by_role("button", name="Brief versturen").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF downloaden").first.click()
    closing = pdf_text(download)
    assert all(text in closing for text in agreements), closing

    # Close through the closing check: three open agreements are listed; closing anyway
    # asks for a reason, which lands on the timeline.
    page.goto(f"/werk/zaken/{case.reference}/")
    page.get_by_role("link", name="Afsluiten", exact=True).click()
    for text in agreements:
        expect(page.get_by_text(text).first).to_be_visible()
    page.get_by_label("Uitkomst").select_option(label="Opgelost met afspraken")
    page.get_by_role("radio", name="Nee", exact=True).check()
    page.get_by_label("Bestede tijd (minuten)").fill("180")
    page.get_by_role("button", name="Toch afsluiten").click()
    expect(page.get_by_text("Schrijf op waarom u de zaak toch afsluit").first).to_be_visible()
    page.get_by_label("Toch afsluiten, omdat …").fill(
        "de afspraken lopen nog; wij bellen over twee weken na.")
    page.get_by_role("button", name="Toch afsluiten").click()
    case.refresh_from_db()
    assert case.status == "afgesloten" and case.outcome == "opgelost"
    assert case.timeline.filter(body__contains="wij bellen over twee weken na").exists()
