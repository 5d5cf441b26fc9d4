"""The landing page and the worklists: tabs, filters, search, pagination and query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ombuds.cases.services import case_assign, case_transition
from ombuds.core.models import Municipality
from ombuds.tests.factories import register_case, workflow

URL = "/werk/zaken/"


def references(response) -> list[str]:
    return [case.reference for case in response.context["page"].object_list]


def test_anonymous_user_is_sent_to_the_login_page(client, office):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_home_sends_case_roles_to_the_worklist(client, office):
    client.force_login(office.secretariaat)
    response = client.get("/werk/")
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:worklist")


def test_home_sends_policy_to_the_figures_and_admin_to_the_audit_log(client, office):
    client.force_login(office.beleid)
    assert client.get("/werk/")["Location"] == reverse("core:figures")
    client.force_login(office.beheer)
    assert client.get("/werk/")["Location"] == reverse("core:audit")


def test_home_asks_anonymous_users_to_log_in(client, office):
    response = client.get("/werk/")
    assert response["Location"].startswith(reverse("accounts:login"))


def test_policy_user_may_not_open_the_worklist(client, office):
    register_case(office)
    client.force_login(office.beleid)
    assert client.get(URL).status_code == 403


def test_worklist_shows_the_columns_of_a_case(client, office):
    case = register_case(office, title="Wacht op traplift", urgency="spoed")
    client.force_login(office.ombudsman)
    response = client.get(URL, {"view": "alle"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="/werk/zaken/{case.reference}/"' in html
    for text in ["Wacht op traplift", "Steenwijkerland", "Aangemeld", "Telefoon", "Spoed"]:
        assert text in html
    assert '<th scope="col"' in html


def test_tabs_show_my_cases_new_intakes_and_all_cases(client, office):
    mine = register_case(office, title="Mijn zaak")
    case_assign(user=office.coordinator, case=mine, assignee=office.ombudsman)
    new = register_case(office, title="Nieuw")
    other = register_case(office, title="Van een ander")
    case_assign(user=office.coordinator, case=other, assignee=office.coordinator)
    client.force_login(office.ombudsman)

    assert references(client.get(URL, {"view": "mijn"})) == [mine.reference]
    assert references(client.get(URL, {"view": "nieuw"})) == [new.reference]
    assert set(references(client.get(URL, {"view": "alle"}))) == {
        mine.reference, new.reference, other.reference}
    page = client.get(URL, {"view": "nieuw"}).content.decode()
    assert 'aria-current="page">Nieuwe aanmeldingen' in page


def test_handlers_start_at_their_own_cases_and_the_secretariat_at_new_ones(client, office):
    client.force_login(office.ombudsman)
    assert client.get(URL).context["view"] == "mijn"
    client.force_login(office.secretariaat)
    assert client.get(URL).context["view"] == "nieuw"


def test_filters_narrow_the_list(client, office):
    phone = register_case(office, channel="telefoon", urgency="spoed", themes=[office.theme])
    mail = register_case(office, channel="email", municipality=office.westerveld)
    client.force_login(office.ombudsman)

    assert references(client.get(URL, {"view": "alle", "kanaal": "email"})) == [mail.reference]
    assert references(client.get(URL, {"view": "alle", "urgentie": "spoed"})) == [phone.reference]
    assert references(client.get(URL, {"view": "alle", "gemeente": office.westerveld.pk})) == [
        mail.reference]
    assert references(client.get(URL, {"view": "alle", "thema": office.theme.pk})) == [
        phone.reference]
    assert references(client.get(URL, {"view": "alle", "domein": office.wmo.pk})) == [
        phone.reference]


def test_closed_cases_show_only_when_asked_for(client, office):
    open_case = register_case(office)
    closed = register_case(office)
    case_transition(user=office.ombudsman, case=closed, target="afgesloten",
                    outcome="ingetrokken")
    client.force_login(office.ombudsman)

    assert references(client.get(URL, {"view": "alle"})) == [open_case.reference]
    assert references(client.get(URL, {"view": "alle", "toestand": "gesloten"})) == [
        closed.reference]
    assert len(references(client.get(URL, {"view": "alle", "toestand": "alle"}))) == 2
    assert references(client.get(URL, {"view": "alle", "status": "afgesloten"})) == [
        closed.reference]


def test_search_box_finds_a_case_by_its_story(client, office):
    wanted = register_case(office, story="De wachttijd voor de traplift is te lang.")
    register_case(office, story="Mijn uitkering is gestopt.")
    client.force_login(office.ombudsman)
    response = client.post(URL, {"q": "traplift"}, follow=True)  # the form is posted
    assert '<label class="utrecht-form-label" for="id_q">Zoeken' in response.content.decode()
    assert 'value="traplift"' in response.content.decode()
    assert references(response) == [wanted.reference]
    assert "traplift" not in response.redirect_chain[-1][0]


def test_an_invalid_filter_value_is_ignored_not_an_error(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman)
    response = client.get(URL, {"view": "alle", "gemeente": "abc", "thema": "999999"})
    assert response.status_code == 200
    assert references(response) == [case.reference]


def test_status_filter_offers_the_statuses_of_every_variant_in_use_grouped(client, office):
    client.force_login(office.ombudsman)
    html = client.get(URL).content.decode()
    assert html.count("<optgroup") >= 2  # variant 3 and variant 5
    assert "Omzetten" not in html  # transitions are not statuses


def test_worklist_is_paginated_by_fifty(client, office):
    for _ in range(51):
        register_case(office)
    client.force_login(office.ombudsman)
    first = client.get(URL, {"view": "alle"})
    assert len(references(first)) == 50
    assert "Volgende" in first.content.decode()
    assert len(references(client.get(URL, {"view": "alle", "page": 2}))) == 1


def test_secretariat_does_not_see_cases_assigned_to_others(client, office):
    case = register_case(office)  # registered by the ombudsperson
    case_assign(user=office.coordinator, case=case, assignee=office.coordinator)
    client.force_login(office.secretariaat)
    assert references(client.get(URL, {"view": "alle"})) == []


def _address(client, params) -> tuple:
    """A search is posted and shown at an address with a search id; other filters are GETs."""
    if "q" in params:
        return (client.post(URL, params)["Location"],)
    return URL, params


def _count(client, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(*_address(client, params))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{"view": "alle"}, {"view": "alle", "thema": "THEME",
                                                        "domein": "DOMAIN", "q": "scootmobiel"}])
def test_worklist_queries_do_not_grow_with_the_number_of_cases(client, office, params):
    params = {k: {"THEME": office.theme.pk, "DOMAIN": office.wmo.pk}.get(v, v)
              for k, v in params.items()}
    first = register_case(office, themes=[office.theme])
    case_assign(user=office.coordinator, case=first, assignee=office.ombudsman)
    client.force_login(office.ombudsman)
    client.get(*_address(client, params))  # warm up the session and caches
    with_one = _count(client, params)
    for n in range(29):
        case = register_case(office, themes=[office.theme], urgency="hoog")
        if n % 2:
            case_assign(user=office.coordinator, case=case, assignee=office.coordinator)
    with_thirty = _count(client, params)
    assert len(references(client.get(*_address(client, params)))) == 30
    assert with_thirty == with_one


def _row(html: str, reference: str) -> str:
    start = html.index(f">{reference}</a></th>")
    return html[html.rindex("<tr", 0, start):html.index("</tr>", start)]


def test_a_row_links_to_its_case_and_shows_its_status_handler_and_opening_date(client, office):
    case = register_case(office, title="Wacht op <traplift> & meer", channel="inloop")
    case_assign(user=office.coordinator, case=case, assignee=office.coordinator)
    case.refresh_from_db()
    client.force_login(office.ombudsman)
    row = _row(client.get(URL, {"view": "alle"}).content.decode(), case.reference)
    assert f'<a class="utrecht-link" href="{reverse("cases:detail", args=[case.reference])}">' in row
    assert "Wacht op &lt;traplift&gt; &amp; meer" in row
    assert f'<td class="utrecht-table__cell">{case.status_label}</td>' in row
    assert '<td class="utrecht-table__cell">Inloop of spreekuur</td>' in row
    assert f'<td class="utrecht-table__cell">{office.coordinator.display_name}</td>' in row
    opened = timezone.localtime(case.opened_at)
    assert (f'<time datetime="{opened.isoformat()}">'
            f'{opened.day}-{opened.month}-{opened.year}</time>') in row


def test_a_case_on_an_earlier_process_variant_shows_the_status_of_that_variant(client, office):
    case = register_case(office, municipality=office.westerveld)
    # The municipality moved on to another variant; the running case keeps its own.
    Municipality.objects.filter(pk=office.westerveld.pk).update(workflow=workflow(6))
    client.force_login(office.ombudsman)
    row = _row(client.get(URL, {"view": "alle"}).content.decode(), case.reference)
    assert f'<td class="utrecht-table__cell">{case.status_label}</td>' in row


def test_worklist_page_costs_a_fixed_number_of_queries(client, office):
    """Ten: session, user, second factor and memberships; the audit entry (chain head, entry,
    head); the capped count, the page of cases and the saved filters. The filter's choices
    come from the cache; rows with a deadline add the deadline watch's three (office and
    holiday calendar, see procedures' test_page_worklist_deadlines)."""
    for n in range(60):
        case = register_case(office, urgency="hoog" if n % 2 else "normaal")
        case_assign(user=office.coordinator, case=case, assignee=office.ombudsman)
    client.force_login(office.ombudsman)
    client.get(URL)  # fills the filter choices' cache
    for page in (1, 2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, {"view": "mijn", "page": page})
        assert len(response.context["rows"]) == (50 if page == 1 else 10)
        assert len(queries) <= 10, "\n".join(q["sql"][:60] for q in queries)


def test_the_capped_count_reads_only_the_case_ids(client, office):
    # The count is answered from the worklist index alone; the row columns are for the page.
    register_case(office)
    client.force_login(office.ombudsman)
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, {"view": "alle"})
    [count] = [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(*)")]
    assert "JOIN" not in count and '"cases_case"."title"' not in count
