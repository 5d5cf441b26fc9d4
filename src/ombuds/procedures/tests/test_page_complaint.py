"""The staff pages of the complaint procedure (issue 13): the date a status move records, the
"Klachtbehandeling" section of the case page, one page per step of the handling, and the
elements of the complaint with their judgment."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine

from ombuds.cases.models import Case
from ombuds.cases.services import case_transition
from ombuds.procedures.complaints import complaint_of, element_create, element_update
from ombuds.procedures.models import Complaint, ComplaintElement
from ombuds.procedures.services import complaint_update
from ombuds.tests.factories import (
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


def case_url(case, action: str = "") -> str:
    return f"/werk/zaken/{case.reference}/{action}"


def converted(office, on=date(2026, 4, 14)) -> Case:
    """A Westerveld (variant 5) case turned into a formal complaint received on ``on``."""
    case = register_case(office, municipality=office.westerveld)
    case_transition(user=office.ombudsman, case=case, target="intake")
    case_transition(user=office.ombudsman, case=case, target="klacht", on=on)
    return case


def section(html: str) -> str:
    """Return the "Klachtbehandeling" section of a case page."""
    start = html.index('id="klacht"')
    return html[start:html.index("</section>", start)]


# --- the date a status move records ---------------------------------------------------------

def test_converting_into_a_formal_complaint_asks_the_date_of_receipt_and_uses_it(client, office):
    case = register_case(office, municipality=office.westerveld)
    case_transition(user=office.ombudsman, case=case, target="intake")
    client.force_login(office.ombudsman)
    html = client.get(case_url(case)).content.decode()
    assert "Omzetten in formele klacht" in html and "Datum van ontvangst" in html
    assert 'value="2026-04-20"' in html  # default today
    response = client.post(case_url(case, "status/"), {"target": "klacht", "on": "2026-04-14",
                                                       "note": ""})
    assert response.status_code == 302
    assert complaint_of(case).received_on == date(2026, 4, 14)
    html = client.get(case_url(case)).content.decode()
    assert "14 april 2026" in section(html)


def test_a_date_in_the_future_is_refused_and_what_was_typed_stays(client, office):
    case = register_case(office, municipality=office.westerveld)
    case_transition(user=office.ombudsman, case=case, target="intake")
    client.force_login(office.ombudsman)
    response = client.post(case_url(case, "status/"), {"target": "klacht", "on": "2026-05-01",
                                                       "note": "Schriftelijke klacht"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Deze datum ligt in de toekomst." in html
    assert 'value="2026-05-01"' in html and "Schriftelijke klacht" in html
    assert complaint_of(case) is None
    case.refresh_from_db()
    assert case.status == "intake"


def test_acknowledging_receipt_in_variant_4_records_the_date_sent(client, office):
    case = register_case(office, municipality=municipality(office, 4))
    client.force_login(office.ombudsman)
    html = client.get(case_url(case)).content.decode()
    assert "Ontvangst bevestigd op (Awb 9:6)" in html
    response = client.post(case_url(case, "status/"), {"target": "bevestigd",
                                                       "on": "2026-04-20"})
    assert response.status_code == 302
    assert complaint_of(case).acknowledged_on == TODAY


def test_a_ruling_without_findings_is_refused_with_the_article_and_changes_nothing(client,
                                                                                   office):
    case = register_case(office, municipality=municipality(office, 4))
    complaint = complaint_of(case)
    for target in ("bevestigd", "hoor_wederhoor"):
        case_transition(user=office.ombudsman, case=case, target=target)
    complaint_update(user=office.ombudsman, complaint=complaint, hearing_on=TODAY,
                     hearing_heard="Klager en consulent", hearing_report="Beiden gehoord.")
    case_transition(user=office.ombudsman, case=case, target="oordeel")
    client.force_login(office.ombudsman)
    html = client.get(case_url(case, "afsluiten/")).content.decode()  # the closing page
    assert "Bevindingen en oordeel verstuurd op (Awb 9:12)" in html
    response = client.post(case_url(case, "status/"), {
        "target": "afgesloten", "outcome": "gegrond", "on": "2026-04-20",
        "minutes_spent": "95", "note": "Klaar",
        "reason": "het afschrift ging buiten het systeem."})  # the 9:9 copy is not recorded
    html = response.content.decode()
    assert response.status_code == 400
    assert "bevindingen en de conclusies schriftelijk zijn vastgelegd (Awb 9:12 lid 1)" in html
    assert 'value="95"' in html  # what was typed stays
    case.refresh_from_db()
    complaint.refresh_from_db()
    assert (case.status, case.outcome, complaint.outcome, complaint.findings_on) == (
        "oordeel", "", "", None)


# --- the section on the case page -----------------------------------------------------------

def test_a_steenwijkerland_case_has_no_complaint_section(client, office):
    case = register_case(office)  # variant 3
    client.force_login(office.ombudsman)
    html = client.get(case_url(case)).content.decode()
    assert 'id="klacht"' not in html and "Klachtbehandeling" not in html
    assert "Klacht toevoegen" not in html and "Klacht of verzoek toevoegen" not in html
    assert "/klacht/" not in html


def test_a_variant_5_case_before_conversion_says_how_a_complaint_starts(client, office):
    case = register_case(office, municipality=office.westerveld)
    client.force_login(office.ombudsman)
    html = section(client.get(case_url(case)).content.decode())
    assert "Omzetten in formele klacht" in html and "/klacht/" not in html


def test_the_section_shows_the_handling_and_what_the_law_still_needs(client, office):
    case = converted(office)
    complaint = complaint_of(case)
    complaint_update(user=office.ombudsman, complaint=complaint,
                     respondent_official="Consulent Wmo", respondent_department="Sociaal team",
                     described=False, acknowledged_on=date(2026, 4, 15),
                     hearing_on=date(2026, 4, 17), hearing_heard="Klager",
                     hearing_report="De klager vertelde.")
    element_create(user=office.ombudsman, complaint=complaint, description="Niet teruggebeld")
    client.force_login(office.ombudsman)
    html = section(client.get(case_url(case)).content.decode())
    for text in ["Klacht (Awb titel 9.1)", "14 april 2026", "Consulent Wmo, Sociaal team",
                 "omschrijving van de gedraging", "Ontvangst bevestigd (Awb 9:6)",
                 "15 april 2026", "De klager vertelde.", "Niet teruggebeld", "Nog geen oordeel",
                 "Stuur de beklaagde een afschrift van de klacht (Awb 9:9).",
                 "Nog nodig voor het oordeel: bevindingen en conclusies (Awb 9:12 lid 1)",
                 "Klachtbehandeling vastleggen", "Klachtonderdeel toevoegen"]:
        assert text in html, text
    assert "Behoorlijkheidsnorm" not in html  # only variant 6
    assert "Klachtbehandeling door de gemeente" not in html


def test_a_closed_complaint_shows_without_edit_links_and_refuses_changes(client, office):
    case = converted(office)
    complaint = complaint_of(case)
    complaint_update(user=office.ombudsman, complaint=complaint, not_handled_ground="bezwaar")
    case_transition(user=office.ombudsman, case=case, target="afgesloten",
                    outcome="niet_behandeld", reason="de ontvangst is telefonisch bevestigd.")
    client.force_login(office.ombudsman)
    html = section(client.get(case_url(case)).content.decode())
    assert "Deze klacht is afgehandeld" in html
    assert "de klager kon tegen de gedraging bezwaar maken (Awb 9:8 lid 1 onder c)" in html
    assert "/klacht/" not in html
    response = client.post(case_url(case, "klacht/bevindingen/"),
                           {"findings": "Alsnog", "conclusions": "", "measures": ""})
    assert response.status_code == 400
    assert "Deze klacht is afgehandeld. Heropen de zaak" in response.content.decode()
    assert "Alsnog" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.findings == ""


# --- one page per step ----------------------------------------------------------------------

STEPS = {
    "klacht": ({"subject": "Onheuse bejegening", "received_on": "2026-04-14",
                "conduct": "De consulent schreeuwde.", "conduct_on": "2026-04-01",
                "respondent_organisation": "", "respondent_department": "Sociaal team",
                "respondent_official": "Consulent Wmo", "committee": "on"},
               {"conduct_on": date(2026, 4, 1), "committee": True,
                "respondent_official": "Consulent Wmo"}),
    "vereisten": ({"signed": "on", "has_name_address": "on", "dated": "on",
                   "repair_requested_on": "2026-04-15", "repair_until": "2026-04-29",
                   "repaired_on": ""},
                  {"described": False, "repair_until": date(2026, 4, 29)}),
    "behandeling": ({"acknowledged_on": "2026-04-15", "copy_sent_on": "2026-04-16",
                     "forwarded_to": "", "forwarded_on": "", "postponed_on": "",
                     "postponement_weeks": "2", "delay_consent_on": "",
                     "delay_consented_until": ""},
                    {"copy_sent_on": date(2026, 4, 16), "postponement_weeks": 2}),
    "niet-behandelen": ({"not_handled_ground": "ouder_dan_een_jaar",
                         "not_handled_reasons": "De gedraging was in 2024."},
                        {"not_handled_ground": "ouder_dan_een_jaar"}),
    "horen": ({"hearing_invited_on": "2026-04-15", "hearing_on": "2026-04-17",
               "hearing_heard": "Klager en consulent", "hearing_report": "Beiden gehoord.",
               "hearing_skipped_ground": ""},
              {"hearing_on": date(2026, 4, 17), "hearing_report": "Beiden gehoord."}),
    "opgelost": ({"settled_on": "2026-04-17", "settlement": "Excuses aangeboden."},
                 {"settlement": "Excuses aangeboden."}),
    "bevindingen": ({"findings": "Niet teruggebeld.", "conclusions": "Excuses.",
                     "measures": "Terugbelnorm."},
                    {"findings": "Niet teruggebeld.", "measures": "Terugbelnorm."}),
}


@pytest.mark.parametrize("step", STEPS)
def test_each_step_shows_its_form_and_saves_through_the_service(client, office, step):
    case = converted(office)
    client.force_login(office.ombudsman)
    response = client.get(case_url(case, f"klacht/{step}/"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "novalidate" in html and re.search(r"Awb \d", html)  # each step cites its article
    data, expected = STEPS[step]
    response = client.post(case_url(case, f"klacht/{step}/"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"].endswith("#klacht")
    complaint = complaint_of(case)
    for field, value in expected.items():
        assert getattr(complaint, field) == value, field


def test_the_hearing_report_is_a_textarea_and_the_grounds_are_cited_radios(client, office):
    case = converted(office)
    client.force_login(office.ombudsman)
    html = client.get(case_url(case, "klacht/horen/")).content.decode()
    assert re.search(r'<textarea[^>]*name="hearing_report"', html)
    assert "De klacht is kennelijk ongegrond (Awb 9:10 lid 2 onder a)" in html
    html = client.get(case_url(case, "klacht/niet-behandelen/")).content.decode()
    assert 'type="radio"' in html and "(Awb 9:8 lid 1 onder b)" in html and "(Awb 9:7)" in html


def test_a_step_with_an_error_shows_it_on_the_field_and_keeps_the_input(client, office):
    case = converted(office)
    client.force_login(office.ombudsman)
    data = {**STEPS["behandeling"][0], "postponed_on": "2026-04-18",
            "delay_consented_until": "2026-06-30", "forwarded_to": "Provincie Drenthe"}
    response = client.post(case_url(case, "klacht/behandeling/"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "schriftelijke instemming van de klager" in html and "Awb 9:11 lid 3" in html
    assert 'href="#id_delay_consent_on"' in html  # the summary links to the field
    assert 'value="2026-06-30"' in html and 'value="Provincie Drenthe"' in html
    assert complaint_of(case).postponed_on is None


def test_a_required_field_left_empty_keeps_the_rest(client, office):
    case = converted(office)
    client.force_login(office.ombudsman)
    data = {**STEPS["klacht"][0], "received_on": ""}
    response = client.post(case_url(case, "klacht/klacht/"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vul in wanneer de klacht is ontvangen." in html
    assert "De consulent schreeuwde." in html and 'value="Sociaal team"' in html


def test_the_municipality_step_is_only_for_variant_6(client, office):
    case = converted(office)
    client.force_login(office.ombudsman)
    assert client.get(case_url(case, "klacht/gemeente/")).status_code == 404
    assert client.get(case_url(case, "klacht/onbekend/")).status_code == 404
    v6 = register_case(office, municipality=municipality(office, 6))
    response = client.get(case_url(v6, "klacht/gemeente/"))
    assert response.status_code == 200 and "Awb 9:20 lid 1" in response.content.decode()
    response = client.post(case_url(v6, "klacht/gemeente/"), {
        "internal_received_on": "2026-01-05", "internal_findings_on": "2026-02-10",
        "inadmissible_ground": ""})
    assert response.status_code == 302
    assert complaint_of(v6).internal_findings_on == date(2026, 2, 10)
    html = section(client.get(case_url(v6)).content.decode())
    assert "Klachtbehandeling door de gemeente" in html and "10 februari 2026" in html


def test_steps_of_a_case_without_complaint_are_a_404(client, office):
    client.force_login(office.ombudsman)
    for case in (register_case(office), register_case(office, municipality=office.westerveld)):
        assert client.get(case_url(case, "klacht/klacht/")).status_code == 404
        assert client.get(case_url(case, "klacht/onderdelen/nieuw/")).status_code == 404


# --- the elements and their judgment --------------------------------------------------------

def test_an_element_is_added_judged_and_removed_after_confirmation(client, office):
    case = converted(office)
    client.force_login(office.ombudsman)
    add = case_url(case, "klacht/onderdelen/nieuw/")
    html = client.get(add).content.decode()
    assert "Awb 9:12 lid 1" in html and "Behoorlijkheidsnorm" not in html
    response = client.post(add, {"description": "Niet teruggebeld", "judgment": "",
                                 "reasons": ""})
    assert response.status_code == 302
    element = ComplaintElement.objects.get(complaint__case=case)
    change = case_url(case, f"klacht/onderdelen/{element.pk}/wijzigen/")
    assert "Niet teruggebeld" in client.get(change).content.decode()
    response = client.post(change, {"description": "Niet teruggebeld", "judgment": "gegrond",
                                    "reasons": "Uit het dossier blijkt het."})
    assert response.status_code == 302
    element.refresh_from_db()
    assert element.judgment == "gegrond"
    assert "Samen geven de oordelen: <strong>Gegrond</strong>" in section(
        client.get(case_url(case)).content.decode())
    delete = case_url(case, f"klacht/onderdelen/{element.pk}/verwijderen/")
    assert "Ja, verwijder dit klachtonderdeel" in client.get(delete).content.decode()
    assert client.post(delete, {}).status_code == 400
    assert ComplaintElement.objects.filter(pk=element.pk).exists()
    assert client.post(delete, {"confirm": "on"}).status_code == 302
    assert not ComplaintElement.objects.filter(pk=element.pk).exists()


def test_a_judgment_without_reasons_is_refused_and_the_description_stays(client, office):
    case = converted(office)
    client.force_login(office.ombudsman)
    response = client.post(case_url(case, "klacht/onderdelen/nieuw/"), {
        "description": "Onvriendelijk aan de telefoon", "judgment": "ongegrond", "reasons": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Motiveer het oordeel (Awb 9:12 lid 1: gemotiveerd)." in html
    assert "Onvriendelijk aan de telefoon" in html
    assert re.search(r'value="ongegrond"[^>]*checked', html)
    assert not ComplaintElement.objects.filter(complaint__case=case).exists()


def test_a_variant_6_element_is_judged_by_a_norm(client, office):
    case = register_case(office, municipality=municipality(office, 6))
    client.force_login(office.ombudsman)
    add = case_url(case, "klacht/onderdelen/nieuw/")
    assert "Behoorlijkheidsnorm" in client.get(add).content.decode()
    response = client.post(add, {"description": "Te laat beslist", "judgment": "gegrond",
                                 "reasons": "Vier maanden.", "norm": "voortvarendheid"})
    assert response.status_code == 302
    assert ComplaintElement.objects.get(complaint__case=case).norm == "voortvarendheid"
    html = section(client.get(case_url(case)).content.decode())
    assert "Behoorlijkheidsnorm" in html and "Voortvarendheid" in html


def test_an_element_of_another_case_is_a_404(client, office):
    case, other = converted(office), converted(office)
    element = element_create(user=office.ombudsman, complaint=complaint_of(other),
                             description="Elders")
    element_update(user=office.ombudsman, element=element, judgment="ongegrond", reasons="Zo.")
    client.force_login(office.ombudsman)
    for action in ("wijzigen", "verwijderen"):
        url = case_url(case, f"klacht/onderdelen/{element.pk}/{action}/")
        assert client.get(url).status_code == 404
    assert Complaint.objects.filter(case=other).get().elements.count() == 1
