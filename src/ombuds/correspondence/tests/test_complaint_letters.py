"""The letters of the complaint procedure (Awb 9:6–9:12) and of a variant-6 report, rendered
from cases driven through the workflow: every date and article comes from the deadline engine,
and every letter that ends the handling names the statutory ombudsman with the 9:24 date."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from ombuds.cases.services import case_transition
from ombuds.correspondence.context import letter_context
from ombuds.correspondence.forms import LetterChoiceForm
from ombuds.correspondence.models import COMPLAINT_LETTERS, LetterKind
from ombuds.correspondence.rendering import default_template, render_letter
from ombuds.correspondence.services import letter_kinds, letter_recipient
from ombuds.procedures.complaints import complaint_of, element_create, element_update
from ombuds.procedures.models import Deadline
from ombuds.procedures.services import complaint_update
from ombuds.tests.factories import (
    OrganisationFactory,
    municipality_in_variant,
    register_case,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 20)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


def municipality(office, variant: int):
    return municipality_in_variant(office, variant)


def move(office, case, target, outcome=""):
    # Closing anyway: these tests are about the letters' text, not the closing check.
    case_transition(user=office.ombudsman, case=case, target=target, outcome=outcome,
                    reason="deze test gaat over de tekst van de brieven.")
    case.refresh_from_db()


def letter(case, kind, **addressee) -> str:
    text = render_letter(default_template(kind), letter_context(case, **addressee))
    return f"{text.subject}\n{text.body}"


def update(office, case, **facts):
    complaint_update(user=office.ombudsman, complaint=complaint_of(case), **facts)


def judge(office, case, *rows):
    for description, judgment, norm in rows:
        element = element_create(user=office.ombudsman, complaint=complaint_of(case),
                                 description=description)
        element_update(user=office.ombudsman, element=element, judgment=judgment, norm=norm,
                       reasons=f"Onderzocht: {description.lower()}")


def committee_complaint(office):
    """A variant-4 complaint with a complaints committee (ten weeks), a beklaagde at the
    municipality, acknowledged, copied and heard."""
    case = register_case(office, municipality=municipality(office, 4), name="Jan de Vries")
    town_hall = OrganisationFactory(name="Gemeente Voorbeeld", address="Postbus 1\n1234 AB Dorp",
                                    email="post@voorbeeld.example",
                                    municipalities=[case.municipality])
    update(office, case, committee=True, subject="Bejegening aan de balie",
           conduct="De consulent was onvriendelijk en belde niet terug.",
           respondent_organisation=town_hall, respondent_department="team Wmo",
           respondent_official="consulent P. Jansen")
    return case


def test_no_complaint_letter_says_six_weeks_when_a_committee_makes_it_ten(office):
    case = committee_complaint(office)
    end = Deadline.objects.get(case=case, kind="afhandeling_klacht").end
    assert end == date(2026, 6, 29)
    move(office, case, "bevestigd")
    letters = [letter(case, kind) for kind in (*COMPLAINT_LETTERS, "ontvangstbevestiging")]
    letters.append(letter(case, LetterKind.COMPLAINT_COPY, respondent=True))
    for text in letters:
        assert "zes weken" not in text and "6 weken" not in text
    acknowledgement = letter(case, LetterKind.COMPLAINT_ACKNOWLEDGEMENT)
    assert "uiterlijk maandag 29 juni 2026" in acknowledgement
    assert "artikel 9:11 lid 1, afdeling 9.1.3 van de Algemene wet bestuursrecht" in acknowledgement
    assert "artikel 9:6" in acknowledgement
    assert "U klaagt over: consulent P. Jansen, team Wmo, Gemeente Voorbeeld" in acknowledgement
    assert "uiterlijk maandag 29 juni 2026" in letter(case, "ontvangstbevestiging")


def test_the_copy_goes_to_the_beklaagde_at_the_organisation_address(office):
    case = committee_complaint(office)
    recipient = letter_recipient(case=case, respondent=True)
    assert recipient.name == "Gemeente Voorbeeld\nt.a.v. consulent P. Jansen, team Wmo"
    assert recipient.address == "Postbus 1\n1234 AB Dorp"
    assert (recipient.email, recipient.is_resident) == ("post@voorbeeld.example", False)
    copy = letter(case, LetterKind.COMPLAINT_COPY, respondent=True)
    assert copy.startswith("Afschrift van een klacht")
    assert "Geachte heer, mevrouw," in copy and "artikel 9:9" in copy
    assert "De consulent was onvriendelijk" in copy
    assert ("uiterlijk maandag 29 juni 2026 af (artikel 9:11 lid 1, afdeling 9.1.3 van de "
            "Algemene wet bestuursrecht)") in copy


def test_the_copy_cannot_be_addressed_to_the_complainant(office):
    case = committee_complaint(office)
    form = LetterChoiceForm({"kind": "klacht_afschrift", "recipient": "inwoner", "channel": "post"},
                            case=case)
    assert not form.is_valid()
    assert "Awb 9:9" in form.errors["recipient"][0]
    form = LetterChoiceForm({"kind": "klacht_afschrift", "recipient": "beklaagde",
                             "channel": "post"}, case=case)
    assert form.is_valid() and form.respondent() and form.party() is None


def test_the_hearing_letters_invite_and_report(office):
    case = committee_complaint(office)
    move(office, case, "bevestigd")
    move(office, case, "hoor_wederhoor")
    invitation = letter(case, LetterKind.HEARING_INVITATION)
    assert "artikel 9:10" in invitation and "U mag iemand meenemen" in invitation
    assert "Wij behandelen een klacht over consulent P. Jansen" in letter(
        case, LetterKind.HEARING_INVITATION, respondent=True)
    update(office, case, hearing_on=TODAY, hearing_heard="de klager en de consulent",
           hearing_report="De consulent erkent dat hij niet terugbelde.")
    report = letter(case, LetterKind.HEARING_REPORT)
    assert "Op 20 april 2026 hebben wij de klager en de consulent gehoord" in report
    assert "De consulent erkent dat hij niet terugbelde." in report
    assert "artikel 9:10 lid 3" in report


def test_the_postponement_goes_to_both_with_the_postponed_end(office):
    case = committee_complaint(office)
    update(office, case, postponed_on=TODAY)
    postponed = Deadline.objects.get(case=case, kind="afhandeling_klacht")
    assert postponed.end == date(2026, 7, 27)  # ten weeks, then four more (Awb 9:11 lid 2)
    to_complainant = letter(case, LetterKind.COMPLAINT_POSTPONEMENT)
    to_respondent = letter(case, LetterKind.COMPLAINT_POSTPONEMENT, respondent=True)
    for text in (to_complainant, to_respondent):
        assert "Uiterlijk maandag 27 juli 2026" in text
        assert ("(artikel 9:11 lid 1, afdeling 9.1.3 en artikel 9:11 lid 2 van de Algemene wet "
                "bestuursrecht)") in text
        assert "naar de klager en naar degene over wie wordt geklaagd" in text
    assert "Beste Jan de Vries" in to_complainant
    assert "Geachte heer, mevrouw" in to_respondent and "Jan de Vries" not in to_respondent


def test_the_notice_of_not_handling_names_the_ground_and_its_article(office):
    case = committee_complaint(office)
    update(office, case, conduct_on=date(2024, 12, 1), not_handled_ground="ouder_dan_een_jaar",
           not_handled_reasons="Het gesprek aan de balie was in december 2024.")
    move(office, case, "afgesloten", "niet_behandeld")
    notice = letter(case, LetterKind.COMPLAINT_NOT_HANDLED)
    assert "De reden is: de gedraging vond meer dan een jaar voor de klacht plaats." in notice
    assert "(Awb 9:8 lid 1 onder b)" in notice
    assert "Het gesprek aan de balie was in december 2024." in notice
    assert "de Nationale ombudsman" in notice


def test_the_findings_name_the_beklaagde_each_judgment_and_the_ombudsman_with_the_date(office):
    case = committee_complaint(office)
    move(office, case, "bevestigd")
    move(office, case, "hoor_wederhoor")
    update(office, case, hearing_on=TODAY, hearing_report="Beiden gehoord.")
    move(office, case, "oordeel")
    judge(office, case, ("Er is niet teruggebeld.", "gegrond", ""),
          ("De consulent was onvriendelijk.", "ongegrond", ""))
    update(office, case, findings="De consulent beloofde terug te bellen.",
           conclusions="De gemeente biedt excuses aan.", measures="Het team bespreekt de zaak.")
    move(office, case, "afgesloten", "deels_gegrond")
    findings = letter(case, LetterKind.COMPLAINT_FINDINGS)
    assert "Over: consulent P. Jansen, team Wmo, Gemeente Voorbeeld" in findings
    assert "Onderdeel 1: Er is niet teruggebeld.\nOns oordeel: Gegrond." in findings
    assert "Onderdeel 2: De consulent was onvriendelijk.\nOns oordeel: Ongegrond." in findings
    assert "Ons oordeel over de hele klacht: Deels gegrond." in findings
    assert "De gemeente biedt excuses aan." in findings and "Het team bespreekt" in findings
    assert "naar de Nationale ombudsman gaan" in findings
    assert ("uiterlijk op dinsdag 20 april 2027 (artikel 9:24 lid 1 onder a "
            "van de Algemene wet bestuursrecht)") in findings
    assert "artikel 9:12" in findings
    to_respondent = letter(case, LetterKind.COMPLAINT_FINDINGS, respondent=True)
    assert "Wij hebben een klacht over consulent P. Jansen" in to_respondent


def test_before_the_findings_are_sent_the_letter_states_the_year_they_start_today(office):
    """The findings letter carries today's date and sending it records the findings (9:12), so
    its 9:24 sentence gives the year from today, not "not known yet"."""
    case = committee_complaint(office)
    findings = letter(case, LetterKind.COMPLAINT_FINDINGS)
    assert ("uiterlijk op dinsdag 20 april 2027 (artikel 9:24 lid 1 onder a van de Algemene "
            "wet bestuursrecht)") in findings
    assert "De precieze datum weten wij nog niet" not in findings


def with_address(person):
    """A postal address, so a letter to the resident can go by post."""
    person.street, person.postcode, person.city = "Kerkstraat 1", "8331 AA", "Steenwijk"
    person.save()
    return person


def town_hall(case):
    """The beklaagde's organisation, with a postal address."""
    return OrganisationFactory(name=f"Gemeente {case.municipality.name}",
                               address="Postbus 162\n8330 AD Steenwijk",
                               municipalities=[case.municipality])


@pytest.mark.pdf
def test_sending_a_letter_of_the_procedure_records_what_it_proves(office):
    from ombuds.correspondence.services import letter_create

    case = register_case(office, municipality=municipality(office, 4), name="Jan de Vries")
    with_address(case.person)
    update(office, case, respondent_official="De consulent", respondent_organisation=town_hall(case))
    for kind, fact, respondent in [
            (LetterKind.COMPLAINT_ACKNOWLEDGEMENT, "acknowledged_on", False),
            (LetterKind.COMPLAINT_COPY, "copy_sent_on", True),
            (LetterKind.HEARING_INVITATION, "hearing_invited_on", False),
            (LetterKind.COMPLAINT_FINDINGS, "findings_on", False)]:
        draft = render_letter(default_template(kind), letter_context(case, respondent=respondent))
        letter_create(user=office.ombudsman, case=case, kind=kind, channel="post",
                      subject=draft.subject, body=draft.body, respondent=respondent)
        assert getattr(complaint_of(case), fact) == TODAY, kind
    assert Deadline.objects.get(case=case, kind="afhandeling_klacht").met_on == TODAY
    assert Deadline.objects.get(case=case, kind="jaartermijn_ombudsman").end == date(2027, 4, 20)


# --- variant 6 ------------------------------------------------------------------------------

def request(office, **facts):
    case = register_case(office, municipality=municipality(office, 6), name="Jan de Vries")
    update(office, case, subject="Klacht over de Wmo-consulent", **facts)
    return case


def test_the_variant_6_closing_letter_states_the_year_from_the_municipality_findings(office):
    case = request(office, internal_received_on=date(2026, 1, 5),
                   internal_findings_on=date(2026, 2, 10))
    move(office, case, "toetsing")
    move(office, case, "onderzoek")
    update(office, case, hearing_on=TODAY, hearing_report="Gehoord.", findings="Bevindingen.",
           conclusions="Conclusies.")
    move(office, case, "rapport")
    judge(office, case, ("Geen antwoord op brieven.", "gegrond", "voortvarendheid"))
    move(office, case, "afgesloten", "gegrond")
    closing = letter(case, "afsluiting")
    assert ("uiterlijk op woensdag 10 februari 2027 (artikel 9:24 lid 1 onder a "
            "van de Algemene wet bestuursrecht)") in closing
    assert "ook terwijl wij uw verzoek behandelen, loopt deze termijn door" in closing
    assert "na dit oordeel" not in closing
    report = letter(case, LetterKind.OMBUDS_REPORT)
    assert "Norm: Voortvarendheid (Betrokken en oplossingsgericht)." in report
    assert "Ons oordeel: Gegrond." in report
    assert "De gemeente gaf haar oordeel over de klacht op 10 februari 2026." in report
    assert "uiterlijk op woensdag 10 februari 2027" in report


def test_the_variant_6_closing_letter_states_the_year_from_the_end_of_the_9_11_term(office):
    case = request(office, internal_received_on=date(2026, 1, 5))  # term ends 16 February
    year = Deadline.objects.get(case=case, kind="jaartermijn_ombudsman")
    assert year.end == date(2027, 2, 16)
    move(office, case, "toetsing")
    update(office, case, inadmissible_ground="bezwaar_beroep")
    move(office, case, "afgesloten", "niet_ontvankelijk")
    closing = letter(case, "afsluiting")
    assert ("uiterlijk op dinsdag 16 februari 2027 (artikel 9:24 lid 1 onder b "
            "van de Algemene wet bestuursrecht)") in closing


def test_a_variant_6_request_without_dates_says_how_the_year_is_computed(office):
    case = request(office)
    text = letter(case, "ontvangstbevestiging")
    assert "De precieze datum weten wij nog niet" in text
    assert "de dag waarop de gemeente haar oordeel over uw klacht bekendmaakte" in text


# --- which letters a case offers ------------------------------------------------------------

def test_complaint_letters_are_offered_only_on_a_case_with_a_complaint(office):
    general = {"ontvangstbevestiging", "uitnodiging", "verslag", "verwijzing", "brief_partij",
               "afsluiting"}
    plain = register_case(office)  # Steenwijkerland: variant 3
    assert set(letter_kinds(plain)) == general
    listening = register_case(office, municipality=office.westerveld)  # variant 5, no complaint
    assert set(letter_kinds(listening)) == general
    move(office, listening, "intake")
    move(office, listening, "klacht")
    assert set(letter_kinds(listening)) == general | set(COMPLAINT_LETTERS)
    assert set(letter_kinds(request(office))) == general | {"rapport"}
    form = LetterChoiceForm(case=plain)
    assert "klacht_oordeel" not in dict(form.fields["kind"].choices)
    assert "beklaagde" not in dict(form.fields["recipient"].choices)


@pytest.mark.parametrize("kind", ["ontvangstbevestiging", "uitnodiging", "verslag", "verwijzing",
                                  "afsluiting", "rapport"])
def test_every_letter_of_a_variant_6_request_states_the_9_24_date_and_the_warning(office, kind):
    case = request(office, internal_received_on=date(2026, 1, 5),
                   internal_findings_on=date(2026, 2, 10))
    text = letter(case, kind)
    assert "uiterlijk op woensdag 10 februari 2027" in text, kind
    assert "loopt deze termijn door" in text, kind
