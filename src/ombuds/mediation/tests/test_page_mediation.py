"""The mediation sections of the case page and their form pages (issue 4)."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
import time_machine
from django.utils import timezone

from ombuds.cases.services import case_assign
from ombuds.core.models import AuditEntry
from ombuds.mediation import services
from ombuds.mediation.models import Consent, ConsentOverride, Referral
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 20)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime(2026, 4, 20, 10, 0), tick=False):
        yield


@pytest.fixture
def case(office):
    return register_case(office, name="Geertje Zwiers")


@pytest.fixture
def team(office):
    return OrganisationFactory(name="Wmo-team Steenwijkerland",
                               municipalities=[office.steenwijkerland], routes=["gebiedsteam"])


@pytest.fixture
def party(office, case, team):
    return services.party_add(user=office.ombudsman, case=case, organisation=team)


def url(case, rest=""):
    return f"/werk/zaken/{case.reference}/{rest}"


def section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start:html.index("</section>", start)]


# --- parties and consent ----------------------------------------------------------------

def test_a_party_is_added_through_the_form_and_shown_on_the_case_page(client, office, case, team):
    OrganisationFactory(name="Alleen in Westerveld", municipalities=[office.westerveld])
    client.force_login(office.ombudsman)
    form = client.get(url(case, "partijen/nieuw/")).content.decode()
    assert "Wmo-team Steenwijkerland" in form and "Alleen in Westerveld" not in form
    response = client.post(url(case, "partijen/nieuw/"), {
        "organisation": team.pk, "role": "Wmo-consulent", "contact_person": "P. Jansen",
        "contact_email": "p.jansen@example.org", "contact_phone": "0521 123456"}, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == url(case) + "#partijen"
    assert "De partij is toegevoegd." in html
    parties = section(html, "partijen")
    assert "Wmo-team Steenwijkerland" in parties and "P. Jansen" in parties
    assert "Nog geen toestemming vastgelegd" in parties


def test_bad_party_input_is_refused_in_dutch_and_kept(client, office, case, team):
    client.force_login(office.ombudsman)
    response = client.post(url(case, "partijen/nieuw/"), {
        "organisation": "", "contact_person": "Mijn contact", "contact_email": "geen-adres"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-summary"' in html
    assert "Kies een organisatie." in html and "Vul een geldig e-mailadres in" in html
    assert 'value="Mijn contact"' in html and 'value="geen-adres"' in html


def test_consent_is_recorded_and_revoked_through_the_forms(client, office, case, party):
    client.force_login(office.ombudsman)
    form = client.get(url(case, f"partijen/{party.pk}/toestemming/nieuw/")).content.decode()
    assert 'value="Geertje Zwiers"' in form  # given by: the resident, by default
    response = client.post(url(case, f"partijen/{party.pk}/toestemming/nieuw/"), {
        "purpose": "informatie_delen", "given_on": "2026-04-20", "given_how": "mondeling",
        "given_by": "Geertje Zwiers", "scope": "De aanvraag", "shares_story": "on"})
    assert response.status_code == 302
    consent = Consent.objects.get(party=party)
    assert consent.shares_story and not consent.shares_contact
    html = client.get(url(case)).content.decode()
    assert "Gegevens delen voor bemiddeling" in section(html, "partijen")
    assert "Geldig" in section(html, "partijen")

    revoke = url(case, f"partijen/{party.pk}/toestemming/{consent.pk}/intrekken/")
    assert client.post(revoke, {"revoked_on": "2026-04-20"}).status_code == 302
    consent.refresh_from_db()
    assert consent.revoked_on == TODAY
    assert "Ingetrokken op 20 april 2026" in client.get(url(case)).content.decode()


def test_bad_consent_input_keeps_the_input(client, office, case, party):
    client.force_login(office.ombudsman)
    response = client.post(url(case, f"partijen/{party.pk}/toestemming/nieuw/"), {
        "purpose": "gesprek", "given_on": "2026-05-01", "given_how": "", "given_by": "Zus",
        "scope": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Kies hoe de toestemming is gegeven." in html
    assert "Beschrijf wat gedeeld mag worden." in html
    assert 'value="Zus"' in html
    assert re.search(r'value="gesprek"[^>]* checked', html)
    assert not Consent.objects.exists()


def test_the_override_form_is_for_the_ombudsperson_and_logged(client, office, case, party):
    client.force_login(office.ombudsman)
    page = url(case, f"partijen/{party.pk}/doorbreking/")
    response = client.post(page, {"justification": "kort"})
    assert response.status_code == 400
    assert "minstens 20 tekens" in response.content.decode()
    response = client.post(page, {"justification": "Acuut gevaar: de zorg stopt morgen en de "
                                                   "inwoner is onbereikbaar."})
    assert response.status_code == 302
    assert ConsentOverride.objects.filter(party=party).exists()
    assert AuditEntry.objects.get(event="consent.overridden").authorisation == \
        "doorbreking: vitaal belang"
    html = client.get(url(case)).content.decode()
    assert "Gedeeld zonder toestemming (vitaal belang)" in section(html, "partijen")


def test_a_secretariat_sees_no_override_link_and_is_refused(client, office, team):
    case = register_case(office, user=office.secretariaat)
    party = services.party_add(user=office.secretariaat, case=case, organisation=team)
    client.force_login(office.secretariaat)
    assert "vitaal belang)" not in section(client.get(url(case)).content.decode(), "partijen")
    response = client.post(url(case, f"partijen/{party.pk}/doorbreking/"),
                           {"justification": "Acuut gevaar voor de inwoner, echt waar."})
    assert response.status_code == 403
    assert not ConsentOverride.objects.exists()


# --- meetings and agreements ------------------------------------------------------------

# The meeting pages (plan, move, cancel, invite, hold): test_page_meetings.py.


def test_an_agreement_status_is_changed_through_its_page(client, office, case, party):
    meeting = services.meeting_record(
        user=office.ombudsman, case=case, kind="apart",
        starts_at=timezone.make_aware(datetime(2026, 4, 20, 9)),
        place="Telefoon",
        agreements=[services.AgreementData("Bellen", date(2026, 4, 10), "ombudsfunctie")])
    agreement = meeting.agreements.get()
    client.force_login(office.ombudsman)
    assert "Over tijd (10 dagen)" in section(client.get(url(case)).content.decode(), "gesprekken")
    page = url(case, f"afspraken/{agreement.pk}/status/")
    response = client.post(page, {"status": "niet_nagekomen", "status_note": ""})
    assert response.status_code == 400 and "Licht toe wat er is gebeurd." in \
        response.content.decode()
    response = client.post(page, {"status": "niet_nagekomen", "status_note": "Niet gebeld"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "niet_nagekomen"
    assert "Niet nagekomen" in section(client.get(url(case)).content.decode(), "gesprekken")


def test_my_open_agreements_lists_the_assigned_cases_earliest_first(client, office, case):
    case_assign(user=office.ombudsman, case=case, assignee=office.ombudsman)
    other = register_case(office)  # not assigned to the ombudsperson
    for target, text, due in [(case, "Later", date(2026, 5, 1)),
                              (case, "Te laat", date(2026, 4, 15)),
                              (other, "Van een ander", date(2026, 4, 1))]:
        services.meeting_record(user=office.ombudsman, case=target, kind="apart",
                                starts_at=timezone.make_aware(datetime(2026, 4, 20, 9)), place="Telefoon",
                                agreements=[services.AgreementData(text, due, "ombudsfunctie")])
    client.force_login(office.ombudsman)
    html = client.get("/werk/afspraken/").content.decode()
    assert html.index("Te laat") < html.index("Later")
    assert "Over tijd (5 dagen)" in html and "Van een ander" not in html
    assert AuditEntry.objects.filter(event="agreement.listed").exists()
    assert 'href="/werk/afspraken/"' in client.get("/werk/zaken/").content.decode()


def test_my_open_agreements_is_not_for_policy(client, office):
    client.force_login(office.beleid)
    assert client.get("/werk/afspraken/").status_code == 403


# --- referral ---------------------------------------------------------------------------

def referral_data(**values):
    data = {"route": "bezwaar", "organisation": "", "handover_summary": "",
            "referred_on": "2026-04-20", "check_on": "2026-05-04"}
    return {**data, **values}


def test_a_referral_to_the_objection_procedure_and_its_check(client, office, case):
    client.force_login(office.ombudsman)
    response = client.post(url(case, "verwijzingen/nieuw/"), referral_data(), follow=True)
    html = section(response.content.decode(), "verwijzing")
    assert "Bezwaarprocedure (Awb 6:4)" in html and "Nagaan op 4 mei 2026" in html
    referral = Referral.objects.get(case=case)
    response = client.post(url(case, f"verwijzingen/{referral.pk}/aankomst/"),
                           {"arrived": "ja", "checked_on": "2026-04-20"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.arrived == "ja"


def test_a_referral_to_bezwaar_after_its_term_shows_a_warning_on_the_case_page(client, office,
                                                                               case):
    from ombuds.procedures.services import decision_create

    decision_create(user=office.ombudsman, case=case, subject="Besluit",
                    made_known_on=date(2026, 3, 3))  # objection term ended 14 April
    client.force_login(office.ombudsman)

    response = client.post(url(case, "verwijzingen/nieuw/"), referral_data(), follow=True)

    html = response.content.decode()
    assert "De verwijzing is vastgelegd." in html
    assert "de bezwaartermijn tegen ‘Besluit’ eindigde op dinsdag 14 april 2026" in html
    assert "Awb 6:11" in html


def test_the_organisations_offering_the_route_come_first(client, office, case, team):
    OrganisationFactory(name="Aaa Overig", municipalities=[office.steenwijkerland])
    client.force_login(office.ombudsman)
    html = client.get(url(case, "verwijzingen/nieuw/?route=gebiedsteam")).content.decode()
    assert 'label="Biedt: Consulent gebiedsteam"' in html
    assert html.index("Wmo-team Steenwijkerland") < html.index("Aaa Overig")


def test_a_warm_handover_without_consent_gives_a_clear_dutch_error(client, office, case, party,
                                                                   team):
    client.force_login(office.ombudsman)
    response = client.post(url(case, "verwijzingen/nieuw/"), referral_data(
        route="gebiedsteam", organisation=team.pk, warm_handover="on",
        handover_summary="Mijn overdracht"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Voor een warme overdracht is toestemming van de inwoner nodig." in html
    assert "Mijn overdracht</textarea>" in html
    assert not Referral.objects.exists()


def test_a_warm_handover_with_consent_is_recorded(client, office, case, party, team):
    services.consent_record(user=office.ombudsman, party=party, purpose="warme_overdracht",
                            scope="Het verhaal", given_on=TODAY, given_how="schriftelijk",
                            given_by="Geertje Zwiers")
    client.force_login(office.ombudsman)
    response = client.post(url(case, "verwijzingen/nieuw/"), referral_data(
        route="gebiedsteam", organisation=team.pk, warm_handover="on",
        handover_summary="Het verhaal"))
    assert response.status_code == 302
    assert Referral.objects.get().handover_consent is not None


# --- scope ------------------------------------------------------------------------------

@pytest.mark.parametrize("rest", ["partijen/nieuw/", "gesprekken/nieuw/", "verwijzingen/nieuw/"])
def test_a_case_outside_the_users_scope_is_a_404(client, office, case, rest):
    client.force_login(office.ombudsman_westerveld)
    assert client.get(url(case, rest)).status_code == 404
    assert client.post(url(case, rest), {}).status_code == 404


def test_another_cases_party_is_a_404(client, office, party):
    other = register_case(office)
    client.force_login(office.ombudsman)
    assert client.get(url(other, f"partijen/{party.pk}/toestemming/nieuw/")).status_code == 404


def test_policy_never_reaches_a_mediation_page(client, office, case):
    client.force_login(office.beleid)
    assert client.get(url(case, "partijen/nieuw/")).status_code == 403
