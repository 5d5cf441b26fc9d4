"""The case page and its actions: timeline entries, assignment and status changes."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ombuds.cases.models import Attachment, Case, TimelineEntry
from ombuds.cases.services import PersonData, case_assign, case_transition, timeline_entry_add
from ombuds.tests.factories import register_case

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def url(case, action: str = "") -> str:
    return f"/werk/zaken/{case.reference}/{action}"


def test_case_page_shows_the_case_the_resident_and_the_timeline(client, office):
    case = register_case(
        office, title="Traplift", story="Ik wacht al lang.", wish="Een besluit",
        route_tried="Gebeld met het Wmo-loket", themes=[office.theme],
        representative_data=PersonData(name="Els Bosman", phone="0612345678"),
        representative_relation="familie", sensitive_details="Heeft een hartaandoening.",
    )
    timeline_entry_add(user=office.ombudsman, case=case, kind="telefoon",
                       summary="Inwoner gebeld", body="Afspraak gemaakt voor dinsdag.")
    client.force_login(office.ombudsman)
    response = client.get(url(case))
    html = response.content.decode()
    assert response.status_code == 200
    for text in [case.reference, "Steenwijkerland", "Luisterend oor", "Aangemeld", "Telefoon",
                 "Jan de Vries", "Els Bosman", "Ik wacht al lang.", "Een besluit",
                 "Gebeld met het Wmo-loket", "Wachttijd", "Heeft een hartaandoening.",
                 "Inwoner gebeld", "Afspraak gemaakt voor dinsdag."]:
        assert text in html, text
    assert html.index("Inwoner gebeld") < html.index("Zaak geregistreerd")  # newest first


def test_secretariat_does_not_see_health_details(client, office):
    case = register_case(office, user=office.secretariaat, sensitive_details="Hartaandoening")
    timeline_entry_add(user=office.ombudsman, case=case, kind="notitie", summary="Medisch",
                       body="Diagnose volgt", sensitive=True)
    client.force_login(office.secretariaat)
    html = client.get(url(case)).content.decode()
    assert "Hartaandoening" not in html and "Diagnose volgt" not in html
    assert "Gezondheidsgegevens zijn voor u verborgen." in html
    assert "Medisch" in html


def test_adding_a_timeline_entry_with_attachments(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman)
    response = client.post(url(case, "tijdlijn/"), {
        "kind": "brief", "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "summary": "Brief van de gemeente", "body": "Besluit volgt", "sent_to_resident": "on",
        "files": [SimpleUploadedFile("brief.pdf", PDF), SimpleUploadedFile("notitie.txt", b"tekst")],
    }, follow=True)
    entry = TimelineEntry.objects.get(summary="Brief van de gemeente")
    assert response.redirect_chain[-1][0] == url(case)
    assert "De tijdlijnregel is toegevoegd." in response.content.decode()
    assert entry.sent_to_resident and entry.kind == "brief"
    assert sorted(a.original_name for a in entry.attachments.all()) == ["brief.pdf", "notitie.txt"]
    assert "brief.pdf" in response.content.decode()


def test_a_bad_attachment_is_refused_per_file_and_the_text_is_kept(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman)
    response = client.post(url(case, "tijdlijn/"), {
        "kind": "notitie", "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "summary": "Met bijlage", "body": "Mijn lange tekst",
        "files": [SimpleUploadedFile("virus.exe", b"MZ...")],
    })
    html = response.content.decode()
    assert response.status_code == 400
    assert "virus.exe: Dit soort bestand kan niet worden toegevoegd" in html
    assert 'href="#id_files"' in html
    assert "Mijn lange tekst" in html and 'value="Met bijlage"' in html
    assert not TimelineEntry.objects.filter(summary="Met bijlage").exists()


def test_a_timeline_entry_needs_a_summary(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman)
    response = client.post(url(case, "tijdlijn/"), {
        "kind": "notitie", "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "summary": "", "body": "Bewaard",
    })
    assert response.status_code == 400
    assert "Vul een samenvatting in." in response.content.decode()
    assert "Bewaard" in response.content.decode()


def test_assigning_a_case(client, office):
    case = register_case(office)
    client.force_login(office.secretariaat)
    response = client.post(url(case, "toewijzen/"), {"assignee": office.ombudsman.pk},
                           follow=True)
    case.refresh_from_db()
    assert case.assignee == office.ombudsman
    assert "is toegewezen aan" in response.content.decode()


def test_assigning_to_nobody_returns_the_case_to_new_intakes(client, office):
    case = register_case(office, assignee=office.ombudsman)
    client.force_login(office.coordinator)
    client.post(url(case, "toewijzen/"), {"assignee": ""})
    case.refresh_from_db()
    assert case.assignee is None


def test_only_handlers_of_the_municipality_can_be_chosen(client, office):
    case = register_case(office)
    client.force_login(office.coordinator)
    html = client.get(url(case)).content.decode()
    assert "Toewijzen aan" in html
    assert office.ombudsman_westerveld.display_name not in html
    response = client.post(url(case, "toewijzen/"), {"assignee": office.ombudsman_westerveld.pk})
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.assignee is None


def test_status_buttons_follow_the_cases_own_variant(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman)
    html = client.get(url(case)).content.decode()
    assert ">Gesprek starten</button>" in html
    # Closing goes through the closing page, which lists what is still open first.
    assert (f'href="/werk/zaken/{case.reference}/afsluiten/">Afsluiten zonder gesprek</a>'
            in html)
    closing = client.get(url(case, "afsluiten/")).content.decode()
    assert "Uitkomst" in closing
    assert "Gehoord en geadviseerd" not in closing  # not an outcome of closing without a talk


def test_moving_and_closing_a_case(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman)
    response = client.post(url(case, "status/"), {"target": "intake"}, follow=True)
    case.refresh_from_db()
    assert case.status == "intake"
    assert "De status van" in response.content.decode()

    client.post(url(case, "status/"), {"target": "afgesloten", "outcome": "advies",
                                       "note": "Advies gegeven", "procedure_avoided": "onbekend",
                                       "minutes_spent": "30"})
    case.refresh_from_db()
    assert (case.status, case.outcome) == ("afgesloten", "advies")
    assert case.timeline.filter(body="Advies gegeven").exists()


def test_closing_without_an_outcome_gives_a_dutch_message_and_changes_nothing(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman)
    response = client.post(url(case, "status/"), {"target": "afgesloten", "outcome": "",
                                                  "note": "Mijn toelichting"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Kies een uitkomst om de zaak af te sluiten." in html
    assert "Mijn toelichting" in html
    case.refresh_from_db()
    assert case.status == "aangemeld"


def test_a_move_the_variant_does_not_allow_is_refused(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman)
    response = client.post(url(case, "status/"), {"target": "nazorg"})
    assert response.status_code == 400
    assert "niet toegestaan" in response.content.decode()
    case.refresh_from_db()
    assert case.status == "aangemeld"


def test_secretariat_may_not_change_the_status(client, office):
    case = register_case(office, user=office.secretariaat)
    client.force_login(office.secretariaat)
    assert ">Gesprek starten</button>" not in client.get(url(case)).content.decode()
    response = client.post(url(case, "status/"), {"target": "intake"})
    assert response.status_code == 403
    assert "U mag de status van deze zaak niet wijzigen." in response.content.decode()
    case.refresh_from_db()
    assert case.status == "aangemeld"


def test_policy_user_cannot_open_a_case(client, office):
    case = register_case(office)
    client.force_login(office.beleid)
    assert client.get(url(case)).status_code == 403


def test_ombudsman_of_westerveld_gets_404_for_a_steenwijkerland_case(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman_westerveld)
    assert client.get(url(case)).status_code == 404
    assert client.post(url(case, "status/"), {"target": "intake"}).status_code == 404
    assert client.post(url(case, "tijdlijn/"), {"kind": "notitie", "summary": "x"}).status_code == 404
    case.refresh_from_db()
    assert case.status == "aangemeld"


def test_a_closed_case_offers_no_assignment_or_moves(client, office):
    case = register_case(office)
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="ingetrokken")
    client.force_login(office.ombudsman)
    html = client.get(url(case)).content.decode()
    assert "Toewijzen aan" not in html
    assert "Deze zaak is afgesloten." in html


def _page_queries(client, case) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(case))
    assert response.status_code == 200
    return len(queries)


def test_case_page_queries_do_not_grow_with_the_timeline(client, office):
    case = register_case(office, themes=[office.theme])
    case_assign(user=office.coordinator, case=case, assignee=office.ombudsman)
    timeline_entry_add(user=office.ombudsman, case=case, kind="document", summary="Eerste",
                       files=[SimpleUploadedFile("a.pdf", PDF)])
    client.force_login(office.ombudsman)
    client.get(url(case))
    short = _page_queries(client, case)
    for n in range(100):
        author = office.ombudsman if n % 2 else office.coordinator
        timeline_entry_add(user=author, case=case, kind="notitie", summary=f"Regel {n}",
                           files=[SimpleUploadedFile(f"{n}.pdf", PDF)] if n % 10 == 0 else [])
    long = _page_queries(client, case)
    assert Attachment.objects.filter(entry__case=case).count() == 11
    assert long == short
    assert Case.objects.get(pk=case.pk).timeline.count() > 100


#: Session, user, second factor and memberships (4); the case read and its audit entry (4,
#: the entry's seal into the chain follows the commit); the timeline, its authors and
#: attachments, domains, themes and organisations (6); every wing's section and the forms
#: (8: a case without mediation records, letters or a web request reads which mediation
#: records exist and its parties, not each kind); the applications with their terms (1); the
#: office's warning window and the Atw calendar for the state of an open term (2: a new case
#: has one, the office's promise of first contact); what is still open for the summary at the
#: top, the closing check's reads (6: running terms, planned meetings, open agreements,
#: unchecked referrals, and the meetings and complaint the letters owed are about). None
#: depends on the number of entries or of related cases.
CASE_PAGE_QUERIES = 31


def test_a_closing_case_with_200_entries_takes_a_fixed_number_of_queries(client, office):
    from ombuds.insights.tests.factories import case as insights_case

    case = register_case(office, themes=[office.theme])
    case_transition(user=office.ombudsman, case=case, target="intake")  # closing: related
    insights_case(office, title="Verwant", themes=[office.theme])
    client.force_login(office.ombudsman)
    client.get(url(case))
    short = _page_queries(client, case)
    for n in range(198):
        timeline_entry_add(user=office.ombudsman if n % 2 else office.coordinator, case=case,
                           kind="notitie", summary=f"Regel {n}", body=f"Tekst {n}",
                           files=[SimpleUploadedFile(f"{n}.pdf", PDF)] if n % 50 == 0 else [])
    for n in range(10):
        insights_case(office, title=f"Verwant {n}", themes=[office.theme])
    assert Case.objects.get(pk=case.pk).timeline.count() == 200
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url(case)).content.decode()
    assert len(queries) == short <= CASE_PAGE_QUERIES
    assert all(f"Regel {n}</p>" in html for n in range(198))  # every entry, in full
    assert html.count('class="ombuds-timeline__item ') == 200
    assert html.count('class="ombuds-attachments"') == 4
    assert "Verwante zaken en signalen" in html  # the panel, loaded after the page


def test_the_timeline_escapes_what_staff_typed(client, office):
    case = register_case(office)
    timeline_entry_add(user=office.ombudsman, case=case, kind="notitie",
                       summary="<b>Vet</b> & 'zo'", body="Regel <i>1</i>\nRegel 2",
                       files=[SimpleUploadedFile("<img>.pdf", PDF)])
    client.force_login(office.ombudsman)
    html = client.get(url(case)).content.decode()
    assert "&lt;b&gt;Vet&lt;/b&gt; &amp; &#x27;zo&#x27;" in html and "<b>Vet" not in html
    assert "<p>Regel &lt;i&gt;1&lt;/i&gt;<br>Regel 2</p>" in html
    assert "&lt;img&gt;.pdf</a>" in html and "<img>" not in html
    assert '<span class="ombuds-badge">Notitie</span>' in html
