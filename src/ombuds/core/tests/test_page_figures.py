"""The figures page: exact numbers for case handlers, protected numbers for policy staff."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from ombuds.cases.services import case_transition
from ombuds.tests.factories import register_case

URL = reverse("core:figures")


@pytest.fixture
def cases(office):
    """12 phone cases and 3 letters in Steenwijkerland (Wmo), 2 of them closed as advice."""
    made = []
    for i in range(15):
        made.append(register_case(office, channel="brief" if i < 3 else "telefoon",
                                  domains=[office.wmo], name="Els Jansen"))
    for case in made[:2]:
        case_transition(user=office.ombudsman, case=case, target="afgesloten",
                        outcome="ingetrokken")
    register_case(office, municipality=office.westerveld, user=office.ombudsman_westerveld)
    return made


def table(html, caption):
    """Return the rows of the table with ``caption`` as (label, value) pairs."""
    start = html.index(f"{caption}</caption>")
    body = html[start:html.index("</table>", start)]
    return re.findall(
        r'<th scope="row" class="utrecht-table__header-cell">([^<]+)</th>\s*'
        r'<td class="utrecht-table__cell utrecht-table__cell--numeric-data">([^<]+)</td>', body)


def first_section(html, name):
    start = html.index(f">{name}</h2>")
    end = html.find("<section", start)
    return html[start:end if end > 0 else None]


def test_an_ombudsperson_sees_exact_numbers_per_municipality(client, office, cases):
    client.force_login(office.ombudsman)
    html = client.get(URL).content.decode()
    stw = first_section(html, "Steenwijkerland")
    year = timezone.localdate().year
    assert (str(year), "15") in table(stw, "Nieuwe zaken per jaar")
    assert (str(year - 1), "0") in table(stw, "Nieuwe zaken per jaar")
    channels = dict(table(stw, f"Zaken per kanaal ({year})"))
    assert channels["Telefoon"] == "12" and channels["Brief"] == "3"
    assert dict(table(stw, "Open zaken per status")) == {"Aangemeld": "13", "Totaal": "13"}
    assert dict(table(stw, f"Afgesloten zaken per uitkomst ({year})"))[
        "Ingetrokken door de inwoner"] == "2"
    assert "Westerveld" in html


def test_policy_staff_see_small_numbers_as_under_10_with_their_partner_hidden(
    client, office, cases
):
    client.force_login(office.beleid)
    html = client.get(URL).content.decode()
    stw = first_section(html, "Steenwijkerland")
    year = timezone.localdate().year
    channels = dict(table(stw, f"Zaken per kanaal ({year})"))
    assert channels["Brief"] == "&lt;10"
    assert channels["E-mail"] == "&lt;10"
    # 12 phone cases would give the 3 letters away from the total of 15: hidden as "x"
    assert channels["Telefoon"] == "x"
    assert channels["Totaal"] == "15"
    assert dict(table(stw, f"Afgesloten zaken per uitkomst ({year})"))[
        "Ingetrokken door de inwoner"] == "&lt;10"
    assert "Aantallen onder 10" in html


def test_policy_staff_never_see_a_reference_name_or_story(client, office, cases):
    client.force_login(office.beleid)
    html = client.get(URL).content.decode()
    for case in cases:
        assert case.reference not in html
    assert "Els Jansen" not in html
    assert "scootmobiel" not in html


def test_a_municipality_outside_the_users_memberships_is_not_shown(client, office, cases):
    client.force_login(office.ombudsman_westerveld)
    html = client.get(URL).content.decode()
    assert "Westerveld" in html
    assert "Steenwijkerland" not in html


def test_the_page_costs_the_same_number_of_queries_for_more_cases(
    client, office, cases, django_assert_max_num_queries
):
    client.force_login(office.coordinator)
    client.get(URL)  # warm up the session
    with django_assert_max_num_queries(12):
        client.get(URL)
    for _ in range(10):
        register_case(office, channel="email")
    with django_assert_max_num_queries(12):
        client.get(URL)


def test_an_unknown_year_falls_back_to_this_year(client, office, cases):
    client.force_login(office.coordinator)
    response = client.get(URL, {"jaar": "abc"})
    assert response.context["year"] == timezone.localdate().year


@pytest.mark.parametrize("username", ["secretariaat", "beheer"])
def test_roles_without_figures_are_refused(client, office, username):
    client.force_login(office.users()[username])
    assert client.get(URL).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login(client, db):
    assert client.get(URL).status_code == 302


def test_the_cases_opened_this_year_cannot_give_away_a_hidden_channel(client, office):
    """Channels (10, 10, 10, 10, 10, 9) and "opened this year = 59" would reveal the 9."""
    from django.utils import timezone

    from ombuds.core.selectors import figures

    channels = ["telefoon", "inloop", "email", "brief", "web"]
    for channel in channels:
        for _ in range(10):
            register_case(office, channel=channel)
    for _ in range(9):
        register_case(office, channel="verwijzing", referred_by="Huisarts")
    year = timezone.localdate().year
    stw = next(f for f in figures(office.beleid, year=year)
               if f.municipality == office.steenwijkerland)
    opened = dict(zip([c.label for c in stw.opened.cells], stw.opened.displays, strict=True))
    channel_table = next(t.table for t in stw.tables if "kanaal" in t.title)
    assert "<10" in channel_table.displays
    assert opened[str(year)] != "59"
