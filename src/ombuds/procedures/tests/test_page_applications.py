"""The "Aanvragen en meldingen" section of the case page and its add/change/delete pages
(issue 14): each application with its term, and once the term passed without a decision what
the resident can do, with the dates and amounts of Awb 4:17 and 6:12 lid 2."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from ombuds.core.models import AuditEntry
from ombuds.procedures.applications import application_create
from ombuds.procedures.models import Application, Deadline, DeadlineKind
from ombuds.procedures.planning import deadlines_recompute
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today():
    # Monday 8 June 2026.
    with time_machine.travel(date(2026, 6, 8), tick=False):
        yield


def url(case, action: str = "") -> str:
    return f"/werk/zaken/{case.reference}/{action}"


def section(html: str) -> str:
    """Return the "Aanvragen en meldingen" section of a case page."""
    start = html.index('id="aanvragen"')
    return " ".join(html[start:html.index("</section>", start)].split())


def form(**values) -> dict:
    data = {"kind": "wmo_aanvraag", "subject": "Scootmobiel", "organisation": "",
            "submitted_on": "2026-05-04", "decided_on": "", "notice_of_default_on": "",
            "appeal_filed_on": ""}
    return {**data, **values}


def wmo(office, case, **values):
    return application_create(user=office.ombudsman, case=case, **{
        "kind": "wmo_aanvraag", "subject": "Scootmobiel", "submitted_on": date(2026, 5, 4),
        **values})


def test_an_application_is_recorded_through_the_form_and_its_term_is_watched(client, office):
    case = register_case(office)
    organisation = OrganisationFactory(name="Team Wmo Steenwijkerland",
                                       municipalities=[case.municipality])
    client.force_login(office.ombudsman)
    assert client.get(url(case, "aanvragen/nieuw/")).status_code == 200
    response = client.post(url(case, "aanvragen/nieuw/"),
                           form(organisation=str(organisation.pk), submitted_on="04-05-2026"),
                           follow=True)
    assert response.redirect_chain[-1][0] == url(case) + "#aanvragen"
    application = Application.objects.get(case=case)
    assert application.organisation == organisation
    term = Deadline.objects.get(application=application, kind=DeadlineKind.APPLICATION_DECISION)
    assert term.end == date(2026, 5, 18)
    html = section(response.content.decode())
    for text in ("Scootmobiel", "Aanvraag Wmo (Wmo 2015 art. 2.3.5)", "Team Wmo Steenwijkerland",
                 "4 mei 2026", "maandag 18 mei 2026", "Wmo 2015 art. 2.3.5 lid 1",
                 "Beslistermijn Wmo"):
        assert text in html, text
    assert AuditEntry.objects.filter(event="application.created").exists()


def test_errors_are_shown_per_field_and_the_input_is_kept(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman)
    response = client.post(url(case, "aanvragen/nieuw/"),
                           form(subject="Traplift", submitted_on="32-13-2026"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een geldige datum in" in html and 'value="Traplift"' in html
    # A notice of default before the term ended: refused by the service (Awb 4:17 lid 3).
    response = client.post(url(case, "aanvragen/nieuw/"),
                           form(subject="Traplift", notice_of_default_on="2026-05-11"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "telt pas na het einde van de beslistermijn op 18 mei 2026" in html
    assert 'value="Traplift"' in html and 'value="2026-05-11"' in html
    assert not Application.objects.exists()


def test_an_application_is_changed_and_deleted_with_confirmation(client, office):
    case = register_case(office)
    application = wmo(office, case)
    client.force_login(office.ombudsman)
    page = client.get(url(case, f"aanvragen/{application.pk}/wijzigen/")).content.decode()
    assert 'value="2026-05-04"' in page and 'value="Scootmobiel"' in page
    response = client.post(url(case, f"aanvragen/{application.pk}/wijzigen/"),
                           form(decided_on="2026-06-01"))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.decided_on == date(2026, 6, 1)
    delete = url(case, f"aanvragen/{application.pk}/verwijderen/")
    assert "Aanvraag verwijderen" in client.get(delete).content.decode()
    assert client.post(delete, {}).status_code == 400  # not confirmed
    assert Application.objects.filter(pk=application.pk).exists()
    assert client.post(delete, {"confirm": "on"}).status_code == 302
    assert not Application.objects.filter(pk=application.pk).exists()
    assert not Deadline.objects.filter(case=case, kind=DeadlineKind.APPLICATION_DECISION).exists()


def test_another_cases_application_is_a_404(client, office):
    case, other = register_case(office), register_case(office)
    application = wmo(office, other)
    client.force_login(office.ombudsman)
    for action in ("wijzigen", "verwijderen"):
        assert client.get(url(case, f"aanvragen/{application.pk}/{action}/")).status_code == 404
    assert client.post(url(case, f"aanvragen/{application.pk}/verwijderen/"),
                       {"confirm": "on"}).status_code == 404
    assert Application.objects.filter(pk=application.pk).exists()


def test_a_policy_user_gets_a_403(client, office):
    case = register_case(office)
    client.force_login(office.beleid)
    assert client.get(url(case, "aanvragen/nieuw/")).status_code == 403
    assert client.post(url(case, "aanvragen/nieuw/"), form()).status_code == 403
    assert not Application.objects.exists()


def test_a_passed_term_without_notice_advises_a_notice_of_default_with_its_letter(
        client, office):
    case = register_case(office)
    wmo(office, case)
    client.force_login(office.ombudsman)
    html = section(client.get(url(case)).content.decode())
    assert "De beslistermijn is voorbij: de gemeente moest uiterlijk maandag 18 mei 2026" in html
    assert "schriftelijk in gebreke stellen" in html and "Awb 6:12 lid 2" in html
    assert f"/werk/zaken/{case.reference}/brieven/nieuw/?soort=ingebrekestelling" in html
    assert "soort=dwangsom_info" not in html and "soort=beroep_niet_tijdig" not in html


def test_after_a_valid_notice_the_section_shows_the_penalty_and_the_appeal_date(client, office):
    case = register_case(office)
    wmo(office, case, notice_of_default_on=date(2026, 5, 20))
    client.force_login(office.ombudsman)
    html = section(client.get(url(case)).content.decode())
    for text in ("De ingebrekestelling is ontvangen op 20 mei 2026",
                 "van 4 juni 2026 tot en met 17 juni 2026: € 23 per dag",
                 "van 18 juni 2026 tot en met 1 juli 2026: € 35 per dag",
                 "van 2 juli 2026 tot en met 15 juli 2026: € 45 per dag",
                 "Eerste dag donderdag 4 juni 2026", "laatste dag woensdag 15 juli 2026",
                 "ten hoogste € 1.442",
                 # 4–8 June: five days at EUR 23
                 "Vandaag (8 juni 2026) tot nu toe verschuldigd: <strong>€ 115</strong>",
                 "kan vanaf <strong>donderdag 4 juni 2026</strong> (Awb 6:12 lid 2)",
                 "Awb 7:1 lid 1 onder f", "Dwangsom niet tijdig beslissen",
                 "soort=dwangsom_info", "soort=beroep_niet_tijdig"):
        assert text in html, text


def test_a_notice_received_before_the_term_ended_is_shown_as_not_counting(client, office):
    case = register_case(office)
    application = wmo(office, case)
    # Recorded before the service refused it (Awb 4:17 lid 3): the page still says so.
    Application.objects.filter(pk=application.pk).update(notice_of_default_on=date(2026, 5, 11))
    deadlines_recompute(case=case)
    client.force_login(office.ombudsman)
    html = section(client.get(url(case)).content.decode())
    assert "De ingebrekestelling die op 11 mei 2026 is ontvangen, telt niet" in html
    assert "€ 23 per dag" not in html and "soort=ingebrekestelling" in html
    assert "soort=dwangsom_info" not in html


@pytest.mark.parametrize(("kind", "words"), [
    ("wmo_melding", "Het onderzoek na de melding had klaar moeten zijn"),
    ("schuldhulp", "Het eerste gesprek over schuldhulp had al moeten plaatsvinden"),
])
def test_a_late_report_of_need_or_debt_help_says_what_the_resident_can_do_without_penalty(
        client, office, kind, words):
    case = register_case(office)  # Steenwijkerland: variant 3
    application_create(user=office.ombudsman, case=case, kind=kind, subject="Hulp",
                       submitted_on=date(2026, 3, 2))
    client.force_login(office.ombudsman)
    html = section(client.get(url(case)).content.decode())
    assert words in html
    assert "klagen bij de gemeente (Awb 9:1)" in html
    assert "Een dwangsom of beroep niet tijdig beslissen is hier niet mogelijk" in html
    assert "brieven/nieuw" not in html


def test_a_decided_application_says_nothing_is_late(client, office):
    case = register_case(office)
    wmo(office, case, decided_on=date(2026, 5, 15))
    client.force_login(office.ombudsman)
    html = section(client.get(url(case)).content.decode())
    assert "Besluit op 15 mei 2026" in html and "De beslistermijn is voorbij" not in html
    assert "Voldaan" in html
