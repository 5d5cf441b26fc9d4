"""The "Termijnen" section of the case page and the forms that record decisions and complaints
(issue 3, done-when 3: the page part)."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ombuds.cases.services import case_transition
from ombuds.core.models import AuditEntry
from ombuds.procedures.complaints import element_create
from ombuds.procedures.models import Complaint, Deadline, DisputedDecision
from ombuds.procedures.services import complaint_update, decision_create, decision_update
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today():
    # Monday 20 April 2026; Koningsdag (27 April) and 5 May lie ahead.
    with time_machine.travel(date(2026, 4, 20), tick=False):
        yield


def page_url(case, action: str = "") -> str:
    return f"/werk/zaken/{case.reference}/{action}"


def termijnen(html: str) -> str:
    """Return the "Termijnen" section of a case page."""
    start = html.index('id="termijnen"')
    return html[start:html.index("</section>", start)]


def decision_form(**values) -> dict:
    data = {"subject": "Scootmobiel afgewezen", "organisation": "", "made_known_on": "2026-03-24",
            "objection_filed_on": "", "postponed_on": "", "objection_decided_on": "",
            "appeal_filed_on": ""}
    return {**data, **values}


def test_the_case_page_shows_each_term_with_article_start_and_both_ends(client, office):
    case = register_case(office)
    decision_create(user=office.ombudsman, case=case, subject="Scootmobiel afgewezen",
                    made_known_on=date(2026, 3, 24))
    client.force_login(office.ombudsman)
    section = termijnen(client.get(page_url(case)).content.decode())
    for text in ["Scootmobiel afgewezen", "Bezwaartermijn", "Awb 6:7, 6:8",
                 "Eerste dag", "25 maart 2026",
                 "Uiterste datum om te handelen", "dinsdag 5 mei 2026",
                 "Wettelijke laatste dag", "woensdag 6 mei 2026", "Bevrijdingsdag",
                 "Let op"]:
        assert text in section, text


def test_changing_the_date_through_the_form_recomputes_and_the_page_shows_the_new_dates(
        client, office):
    case = register_case(office)
    decision = decision_create(user=office.ombudsman, case=case, subject="Scootmobiel afgewezen",
                               made_known_on=date(2026, 3, 24))
    client.force_login(office.ombudsman)
    response = client.post(page_url(case, f"besluiten/{decision.pk}/wijzigen/"),
                           decision_form(made_known_on="2026-03-03"), follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == page_url(case)
    assert "de termijnen zijn opnieuw berekend" in html
    section = termijnen(html)
    assert "dinsdag 14 april 2026" in section and "4 maart 2026" in section
    assert "5 mei 2026" not in section
    assert "Verlopen" in section  # 14 April has gone by on 20 April
    assert Deadline.objects.get(decision=decision, kind="bezwaar").end == date(2026, 4, 14)


def test_a_decision_is_recorded_through_the_form_with_an_organisation_of_the_social_map(
        client, office):
    case = register_case(office)
    team = OrganisationFactory(name="Wmo-team Steenwijkerland",
                               municipalities=[office.steenwijkerland])
    OrganisationFactory(name="Alleen in Westerveld", municipalities=[office.westerveld])
    client.force_login(office.ombudsman)
    form = client.get(page_url(case, "besluiten/nieuw/")).content.decode()
    assert "Wmo-team Steenwijkerland" in form and "Alleen in Westerveld" not in form
    response = client.post(page_url(case, "besluiten/nieuw/"),
                           decision_form(organisation=team.pk, committee="on"))
    assert response.status_code == 302
    decision = DisputedDecision.objects.get(case=case)
    assert decision.organisation == team and decision.committee
    assert AuditEntry.objects.filter(event="decision.created", object_id=str(case.pk)).exists()


def test_the_secretariat_may_record_a_decision_on_a_case_it_sees(client, office):
    case = register_case(office, user=office.secretariaat)
    client.force_login(office.secretariaat)
    response = client.post(page_url(case, "besluiten/nieuw/"), decision_form())
    assert response.status_code == 302
    assert DisputedDecision.objects.filter(case=case).count() == 1


@pytest.mark.parametrize("values, field, message", [
    ({"objection_filed_on": "2026-03-01"}, "objection_filed_on",
     "Het bezwaar kan niet vóór de bekendmaking zijn ingediend."),
    ({"made_known_on": ""}, "made_known_on", "Vul in wanneer het besluit is bekendgemaakt."),
    ({"made_known_on": "31-02-2026"}, "made_known_on", "Vul een geldige datum in"),
    ({"made_known_on": "2026-05-01"}, "made_known_on", "Deze datum ligt in de toekomst."),
    ({"subject": ""}, "subject", "Beschrijf kort wat er is besloten."),
])
def test_bad_input_is_refused_per_field_in_dutch_and_the_input_is_kept(
        client, office, values, field, message):
    case = register_case(office)
    client.force_login(office.ombudsman)
    response = client.post(page_url(case, "besluiten/nieuw/"),
                           decision_form(**{"subject": "Mijn eigen omschrijving", **values}))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-summary"' in html and f'href="#id_{field}"' in html
    assert message in html
    for name, value in values.items():
        if value:
            assert f'value="{value}"' in html
    if "subject" not in values:
        assert 'value="Mijn eigen omschrijving"' in html
    assert not DisputedDecision.objects.filter(case=case).exists()


ADVICE = "Bemiddeling schort de bezwaartermijn niet op."


def test_the_pro_forma_advice_shows_while_the_objection_term_runs_and_goes_once_filed(
        client, office):
    case = register_case(office)
    decision = decision_create(user=office.ombudsman, case=case, subject="Besluit",
                               made_known_on=date(2026, 3, 24))
    client.force_login(office.ombudsman)
    section = termijnen(client.get(page_url(case)).content.decode())
    assert ADVICE in section
    assert "vóór dinsdag 5 mei 2026 een pro-forma bezwaar in te dienen (Awb 6:6)" in section
    assert f'href="/werk/zaken/{case.reference}/besluiten/{decision.pk}/pro-forma-bezwaar/"' \
        in section

    client.post(page_url(case, f"besluiten/{decision.pk}/wijzigen/"),
                decision_form(subject="Besluit", objection_filed_on="2026-04-17"))
    section = termijnen(client.get(page_url(case)).content.decode())
    assert ADVICE not in section
    assert "Voldaan" in section and "Beslistermijn bezwaar" in section


def test_no_pro_forma_advice_once_the_objection_term_has_passed(client, office):
    case = register_case(office)
    decision_create(user=office.ombudsman, case=case, subject="Besluit",
                    made_known_on=date(2026, 3, 3))
    client.force_login(office.ombudsman)
    section = termijnen(client.get(page_url(case)).content.decode())
    assert "Verlopen" in section and ADVICE not in section


def test_no_pro_forma_advice_on_a_closed_case(client, office):
    case = register_case(office)
    decision_create(user=office.ombudsman, case=case, subject="Besluit",
                    made_known_on=date(2026, 3, 24))
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="ingetrokken",
                    reason="de inwoner weet van de bezwaartermijn.")
    client.force_login(office.ombudsman)
    section = termijnen(client.get(page_url(case)).content.decode())
    assert "Bezwaartermijn" in section and ADVICE not in section


def converted(office, on=date(2026, 4, 1)):
    """A Westerveld (variant 5) case turned into a formal complaint received on ``on``."""
    case = register_case(office, municipality=office.westerveld)
    case_transition(user=office.ombudsman, case=case, target="intake")
    case_transition(user=office.ombudsman, case=case, target="klacht", on=on)
    return case


def test_a_complaint_opened_by_the_workflow_shows_its_terms(client, office):
    case = register_case(office, municipality=office.westerveld)
    case_transition(user=office.ombudsman, case=case, target="intake")
    client.force_login(office.ombudsman)
    response = client.post(page_url(case, "status/"), {"target": "klacht", "on": "2026-04-01"})
    assert response.status_code == 302
    complaint = Complaint.objects.get(case=case)
    complaint_update(user=office.ombudsman, complaint=complaint, subject="Onheuse bejegening",
                     conduct_on=date(2026, 3, 2))
    section = termijnen(client.get(page_url(case)).content.decode())
    for text in ["Onheuse bejegening", "Afhandeltermijn klacht", "Awb 9:11",
                 "Termijn bericht niet-behandelen klacht", "Awb 9:8 lid 3", "Jaartermijn klacht",
                 "Voldaan", "Naar de klachtbehandeling"]:
        assert text in section, text


def test_an_unwatched_year_limit_is_information_only(client, office):
    case = converted(office)
    complaint_update(user=office.ombudsman, complaint=Complaint.objects.get(case=case),
                     findings_on=date(2026, 4, 10))
    client.force_login(office.ombudsman)
    section = termijnen(client.get(page_url(case)).content.decode())
    assert "Termijn verzoek aan de ombudsman" in section and "Ter informatie" in section


def test_removing_a_decision_asks_first_and_then_removes_its_terms(client, office):
    case = register_case(office)
    decision = decision_create(user=office.ombudsman, case=case, subject="Besluit",
                               made_known_on=date(2026, 3, 24))
    client.force_login(office.ombudsman)
    delete = page_url(case, f"besluiten/{decision.pk}/verwijderen/")
    assert "Ja, verwijder dit" in client.get(delete).content.decode()
    response = client.post(delete, {})
    assert response.status_code == 400 and "Vink aan dat u het echt wilt verwijderen." in \
        response.content.decode()
    assert DisputedDecision.objects.filter(pk=decision.pk).exists()
    response = client.post(delete, {"confirm": "on"})
    assert response.status_code == 302
    assert not DisputedDecision.objects.filter(pk=decision.pk).exists()
    assert not Deadline.objects.filter(case=case).exclude(kind="eerste_contact").exists()
    case.refresh_from_db()
    assert case.next_deadline_name == "Eerste contact (belofte van het bureau)"


def test_users_outside_the_case_get_a_404_and_change_nothing(client, office):
    case = register_case(office)  # Steenwijkerland, registered by the ombudsperson
    case.assignee = office.ombudsman
    case.save()
    decision = decision_create(user=office.ombudsman, case=case, subject="Besluit",
                               made_known_on=date(2026, 3, 24))
    other = register_case(office)
    for user in (office.ombudsman_westerveld, office.secretariaat):
        client.force_login(user)
        for action in ["besluiten/nieuw/", f"besluiten/{decision.pk}/wijzigen/",
                       f"besluiten/{decision.pk}/verwijderen/", "klacht/klacht/"]:
            assert client.get(page_url(case, action)).status_code == 404, (user, action)
        assert client.post(page_url(case, f"besluiten/{decision.pk}/wijzigen/"),
                           decision_form(made_known_on="2026-03-03")).status_code == 404
        assert client.post(page_url(case, f"besluiten/{decision.pk}/verwijderen/"),
                           {"confirm": "on"}).status_code == 404
    # A decision of another case is not reachable through this one.
    client.force_login(office.ombudsman)
    assert client.get(page_url(other, f"besluiten/{decision.pk}/wijzigen/")).status_code == 404
    for role in ("beleid", "beheer"):
        client.force_login(getattr(office, role))
        assert client.get(page_url(case, "besluiten/nieuw/")).status_code == 403
    decision.refresh_from_db()
    assert decision.made_known_on == date(2026, 3, 24)


def test_the_case_page_costs_the_same_queries_for_one_or_many_terms(client, office):
    team = OrganisationFactory(municipalities=[office.westerveld])
    case = converted(office)
    decision_create(user=office.ombudsman, case=case, subject="Eén", organisation=team,
                    made_known_on=date(2026, 3, 24))
    client.force_login(office.ombudsman)
    with CaptureQueriesContext(connection) as one:
        client.get(page_url(case))
    for n in range(5):
        decision = decision_create(
            user=office.ombudsman, case=case, subject=f"Besluit {n}",
            made_known_on=date(2026, 3, 10 + n),
            organisation=OrganisationFactory(municipalities=[office.westerveld]))
        decision_update(user=office.ombudsman, decision=decision,
                        objection_filed_on=date(2026, 4, 1))
    complaint = Complaint.objects.get(case=case)
    complaint_update(user=office.ombudsman, complaint=complaint, findings_on=date(2026, 4, 10),
                     conduct_on=date(2026, 3, 1), respondent_organisation=team)
    for n in range(3):
        element_create(user=office.ombudsman, complaint=complaint, description=f"Deel {n}")
    with CaptureQueriesContext(connection) as many:
        client.get(page_url(case))
    assert len(many) == len(one)


@pytest.mark.parametrize("state", ["ok", "warning", "urgent", "passed", "met", "info"])
def test_a_term_written_in_python_is_the_markup_of_its_template(state):
    from django.template.loader import render_to_string

    from ombuds.procedures.templatetags.procedures import DeadlineView, deadline_item

    plain = Deadline(name="Bezwaartermijn", start=date(2026, 3, 25), raw_end=date(2026, 5, 5),
                     end=date(2026, 5, 6), basis="Awb 6:7", explanation="Zes weken.")
    typed = Deadline(name="<b>Termijn</b> & 'zo'", start=date(2026, 1, 1),
                     raw_end=date(2026, 2, 27), end=date(2026, 2, 27), basis="Awb <6:7>",
                     explanation='"Zes" & weken', caveat="<i>Let</i> & op",
                     met_on=date(2026, 2, 3))
    for deadline in (plain, typed):
        view = DeadlineView(deadline, state)
        assert deadline_item(view) == render_to_string("procedures/includes/deadline.html",
                                                       {"view": view})
    assert "&lt;b&gt;Termijn&lt;/b&gt; &amp; &#x27;zo&#x27;" in deadline_item(
        DeadlineView(typed, state))


def test_the_offices_promise_of_first_contact_is_shown_apart_from_the_legal_terms(client,
                                                                                  office):
    case = register_case(office)  # contact promised by Tuesday 28 April (Koningsdag skipped)
    client.force_login(office.ombudsman)
    section = termijnen(client.get(page_url(case)).content.decode())
    promise = section[section.index("Belofte van het bureau"):section.index(
        "Besluiten in geschil")]
    assert "Geen wettelijke termijn" in promise
    assert "Contact uiterlijk op" in promise and "dinsdag 28 april 2026" in promise
    assert "Wettelijke laatste dag" not in promise and "Werkwijze van het bureau" in promise


def test_the_decision_form_records_posting_lateness_and_consent(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman)
    response = client.post(page_url(case, "besluiten/nieuw/"), decision_form(
        made_known_on="2026-01-05", objection_filed_on="2026-01-20", postponed_on="2026-03-01",
        delay_consent_on="2026-04-01", delay_consented_until="2026-06-30"))
    assert response.status_code == 302, response.content.decode()
    decision = DisputedDecision.objects.get(case=case)
    assert (decision.delay_consent_on, decision.delay_consented_until) == (
        date(2026, 4, 1), date(2026, 6, 30))
    term = Deadline.objects.get(case=case, kind="beslissing_bezwaar")
    assert term.end == date(2026, 6, 30) and "lid 4" in term.basis


def test_a_postponement_after_the_term_is_refused_and_what_was_typed_stays(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman)
    response = client.post(page_url(case, "besluiten/nieuw/"), decision_form(
        made_known_on="2026-01-05", objection_filed_on="2026-01-20", postponed_on="2026-04-01"))
    html = response.content.decode()
    assert response.status_code == 400 and "Awb 7:10 lid 3" in html
    assert 'value="2026-04-01"' in html or "1-4-2026" in html or "01-04-2026" in html
    assert not DisputedDecision.objects.exists()


def test_a_late_objection_is_flagged_with_what_6_11_allows(client, office):
    case = register_case(office)
    decision = decision_create(user=office.ombudsman, case=case, subject="Besluit",
                               made_known_on=date(2026, 3, 3))  # term ended 14 April
    decision_update(user=office.ombudsman, decision=decision, objection_filed_on=date(2026, 4, 17))
    client.force_login(office.ombudsman)
    section = termijnen(client.get(page_url(case)).content.decode())
    assert "Bezwaar te laat (Awb 6:9)" in section and "Awb 6:11" in section
    assert "Leg vast waarom het te laat was." in section

    response = client.post(page_url(case, f"besluiten/{decision.pk}/wijzigen/"), decision_form(
        subject="Besluit", made_known_on="2026-03-03", objection_filed_on="2026-04-17",
        lateness_reason="Opgenomen in het ziekenhuis."))

    assert response.status_code == 302, response.content.decode()
    section = termijnen(client.get(page_url(case)).content.decode())
    assert "Bezwaar te laat (Awb 6:9)" in section and "Opgenomen in het ziekenhuis." in section


def test_a_date_the_resident_gave_is_marked_until_staff_check_it_on_the_form(client, office):
    from ombuds.procedures.services import decision_from_resident

    case = register_case(office)
    decision = decision_from_resident(case=case, made_known_on=date(2026, 3, 24))
    client.force_login(office.ombudsman)
    assert "Nog niet gecontroleerd" in termijnen(client.get(page_url(case)).content.decode())
    change = page_url(case, f"besluiten/{decision.pk}/wijzigen/")
    assert "Gecontroleerd: de datum van het besluit klopt" in client.get(change).content.decode()

    response = client.post(change, decision_form(subject=decision.subject,
                                                 made_known_on="2026-03-24", checked="on"))

    assert response.status_code == 302, response.content.decode()
    decision.refresh_from_db()
    assert decision.checked_on == date(2026, 4, 20)
    section = termijnen(client.get(page_url(case)).content.decode())
    assert "Nog niet gecontroleerd" not in section and "nog niet gecontroleerd" not in section


def test_a_staff_decision_has_no_check_box(client, office):
    case = register_case(office)
    decision = decision_create(user=office.ombudsman, case=case, subject="Besluit",
                               made_known_on=date(2026, 3, 24))
    client.force_login(office.ombudsman)
    html = client.get(page_url(case, f"besluiten/{decision.pk}/wijzigen/")).content.decode()
    assert "Gecontroleerd" not in html and "Bezwaar op de post gedaan op" in html
