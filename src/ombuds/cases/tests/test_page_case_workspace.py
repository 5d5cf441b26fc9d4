"""The case page as a workspace (issue 15): the summary with the next term, what is still
open and the next step at the top; "Op deze pagina" to every section the page shows; and
no section that does not apply to the case's variant."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from ombuds.cases.services import case_transition
from ombuds.cases.templatetags.cases_workspace import page_sections, workspace_nav
from ombuds.procedures.services import decision_create
from ombuds.tests.factories import municipality_in_variant, register_case

pytestmark = pytest.mark.django_db


def page(client, office, case) -> str:
    client.force_login(office.ombudsman)
    response = client.get(f"/werk/zaken/{case.reference}/")
    assert response.status_code == 200
    return response.content.decode()


def headings(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip()
            for h in re.findall(r'<h2 class="utrecht-heading-2[^"]*"[^>]*>(.*?)</h2>', html, re.S)]


def nav_links(html: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="ombuds-onthispage".*?</nav>', html, re.S).group(0)
    return re.findall(r'href="#([^"]+)">([^<]+)</a>', nav)


def test_the_summary_comes_first_with_the_next_term_what_is_open_and_the_next_step(
        client, office):
    case = register_case(office, title="Traplift")
    decision_create(user=office.ombudsman, case=case, subject="Traplift afgewezen",
                    made_known_on=timezone.localdate() - timedelta(weeks=5))
    html = page(client, office, case)
    assert headings(html)[:2] == ["Op deze pagina", "Overzicht"]
    summary = re.search(r'<section aria-labelledby="overzicht".*?</section>', html, re.S).group(0)
    assert "Eerstvolgende termijn" in summary and "Bezwaartermijn" in summary
    assert 'href="#termijnen"' in summary
    assert "Nog te doen" in summary
    assert "Bezwaartermijn (besluit over Traplift afgewezen)" in summary  # a running term
    assert "Volgende stap: Gesprek starten" in summary and 'href="#status"' in summary
    assert "Jan de Vries" in summary and 'href="#inwoner"' in summary


def test_a_case_with_nothing_open_says_so(client, office):
    case = register_case(office)
    summary = page(client, office, case).split('id="overzicht"', 1)[1].split("</section>", 1)[0]
    assert "Niets dat het afsluiten tegenhoudt" in summary


def test_on_this_page_links_to_every_section_in_page_order(client, office):
    case = register_case(office)
    html = page(client, office, case)
    links = nav_links(html)
    shown = headings(html)[1:]  # the navigation's own heading is not a link
    assert [text for _, text in links] == shown
    for anchor, _ in links:
        assert html.count(f'id="{anchor}"') == 1, anchor
    assert 'aria-labelledby="op-deze-pagina"' in html
    assert [a for a, _ in links][:2] == ["overzicht", "vraag"]
    assert {"tijdlijn", "status", "inwoner", "gegevens"} <= {a for a, _ in links}


def test_a_listening_and_mediation_case_has_no_complaint_handling(client, office):
    html = page(client, office, register_case(office))  # Steenwijkerland: variant 3
    shown = headings(html)
    assert "Klachtbehandeling" not in shown
    assert "Aanbevelingen aan de gemeente" not in shown
    assert {"Gesprekken en afspraken", "Verwijzing", "Termijnen"} <= set(shown)


def test_a_complaint_case_has_no_mediation_conversations_or_referral(client, office):
    municipality = municipality_in_variant(office, 4)
    case = register_case(office, municipality=municipality)
    shown = headings(page(client, office, case))
    assert "Klachtbehandeling" in shown
    assert "Gesprekken en afspraken" not in shown
    assert "Verwijzing" not in shown
    assert "Gesprekken en afspraken" not in [text for _, text in
                                              nav_links(page(client, office, case))]


def test_a_second_line_request_may_refer_but_has_no_mediation_conversations(client, office):
    municipality = municipality_in_variant(office, 6)
    shown = headings(page(client, office, register_case(office, municipality=municipality)))
    assert "Verwijzing" in shown
    assert "Gesprekken en afspraken" not in shown


def test_an_open_variant_5_case_says_how_it_becomes_a_complaint_a_closed_one_not(
        client, office):
    case = register_case(office, municipality=office.westerveld)
    assert "Klachtbehandeling" in headings(page(client, office, case))
    case_transition(user=office.ombudsman, case=case, target="afgesloten",
                    outcome="ingetrokken")
    assert "Klachtbehandeling" not in headings(page(client, office, case))


def test_the_navigation_takes_h2_sections_only_and_escapes_their_names():
    html = """
      <section aria-labelledby="a"><h2 class="utrecht-heading-2" id="a">Brieven <span
        class="ombuds-visually-hidden">(3)</span></h2>
        <section aria-labelledby="a1"><h3 id="a1">Niet in de lijst</h3></section></section>
      <h2 id="los">Geen sectie</h2>
      <section aria-labelledby="b">
        <h2 class="utrecht-heading-2" id="b">Partijen &amp; &lt;toestemming&gt;</h2></section>
    """
    sections = page_sections(html)
    assert sections == [("a", "Brieven (3)"), ("b", "Partijen & <toestemming>")]
    nav = workspace_nav(sections)
    assert 'href="#b">Partijen &amp; &lt;toestemming&gt;</a>' in nav
    assert '<h2 class="utrecht-heading-2 ombuds-onthispage__title" id="op-deze-pagina">' in nav
