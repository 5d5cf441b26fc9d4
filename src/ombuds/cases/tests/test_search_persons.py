"""Searching the worklist by a resident's or representative's name, phone, e-mail or postcode,
and by (part of) a case number (issue 15): the selector, its audit entry, the page and the API."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Q

from ombuds.cases import selectors
from ombuds.cases.models import Case, Person
from ombuds.cases.selectors import CaseFilter, case_list, case_search, search_digest
from ombuds.cases.services import PersonData
from ombuds.core.models import AuditEntry
from ombuds.domain.search import parse_search, phone_key, postcode_key
from ombuds.tests.factories import api_as, register_case

pytestmark = pytest.mark.django_db

URL = "/werk/zaken/"


def resident(office, **data) -> Person:
    return Person.objects.create(office=office.office, **{"name": "Piet Jansen"} | data)


def found(user, q: str, **filters) -> set[Case]:
    return set(case_list(user, CaseFilter(view="alle", q=q, **filters)))


# --- the search keys ------------------------------------------------------------------------

@pytest.mark.parametrize("stored", ["06-12345678", "06 1234 5678", "+31 6 12345678",
                                    "+31 (0)6 1234 5678", "0031 6 1234 5678", "0612345678",
                                    "0521-123456", "+49 151 12345678", "(0521) 123 456", ""])
def test_the_database_keeps_the_same_phone_key_as_the_domain_rule(office, stored):
    person = resident(office, phone=stored)
    assert Person.objects.get(pk=person.pk).phone_key == phone_key(stored)


def test_the_database_keeps_the_postcode_and_email_keys(office):
    person = resident(office, postcode="8331 ab", email="Piet.Jansen@Example.org")
    person = Person.objects.get(pk=person.pk)
    assert person.postcode_key == postcode_key("8331 ab") == "8331AB"
    assert person.email_key == "piet.jansen@example.org"


def test_a_correction_of_the_phone_number_updates_its_key(office):
    person = resident(office, phone="06-12345678")
    Person.objects.filter(pk=person.pk).update(phone="+31 6 87654321")
    assert Person.objects.get(pk=person.pk).phone_key == "0687654321"


def test_the_case_keeps_the_number_of_its_reference(office):
    case = register_case(office)
    assert Case.objects.get(pk=case.pk).reference_number == case.reference.rsplit("-")[-1].lstrip("0")


@pytest.mark.parametrize(("table", "columns"), [
    ("cases_person", ("office_id", "phone_key")), ("cases_person", ("office_id", "email_key")),
    ("cases_person", ("office_id", "postcode_key")), ("cases_case", ("reference_number",)),
    ("cases_case", ("person_id",)), ("cases_case", ("representative_id",)),
])
def test_every_search_key_is_indexed(table, columns):
    """Each search is an indexed equality (the plans at 1,000,000 cases: performance.md)."""
    # The index definitions as the database keeps them (Django's introspection does not read
    # indexes on generated columns on SQLite).
    sql = ("SELECT indexdef FROM pg_indexes WHERE tablename = %s"
           if connection.vendor == "postgresql" else
           "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s")
    with connection.cursor() as cursor:
        cursor.execute(sql, [table])
        definitions = [row[0].replace('"', "").replace(" ", "") for row in cursor.fetchall()
                       if row[0]]
    wanted = f"({','.join(columns)})"
    assert any(d.endswith(wanted) or f"btree{wanted}" in d for d in definitions), definitions


# --- finding cases ----------------------------------------------------------------------------

@pytest.mark.parametrize("q", ["06-12345678", "06 1234 5678", "+31 6 12345678", "0612345678"])
def test_a_phone_number_in_any_spelling_finds_the_residents_case(office, q):
    wanted = register_case(office, person=resident(office, phone="06-12345678"))
    register_case(office, person=resident(office, name="Anna de Boer", phone="0687654321"))
    assert found(office.ombudsman, q) == {wanted}


def test_the_representatives_details_find_the_case_too(office):
    wanted = register_case(office, representative_data=PersonData(
        name="Els Bosman", phone="+31 6 11112222", email="els@example.org", postcode="7941 AA"),
        representative_relation="familie")
    register_case(office)
    for q in ("06-11112222", "ELS@example.org", "7941aa", "Bosman", "els bosman"):
        assert found(office.ombudsman, q) == {wanted}, q


@pytest.mark.parametrize("q", ["8331 AB", "8331ab", "8331AB", "8331 ab"])
def test_a_postcode_with_or_without_space_in_any_case_finds_the_case(office, q):
    wanted = register_case(office, person=resident(office, postcode="8331 AB"))
    register_case(office, person=resident(office, name="Anna de Boer", postcode="8332 AB"))
    assert found(office.ombudsman, q) == {wanted}


def test_an_email_address_in_any_case_finds_the_case(office):
    wanted = register_case(office, person=resident(office, email="piet.jansen@example.org"))
    assert found(office.ombudsman, "Piet.Jansen@EXAMPLE.org") == {wanted}
    assert found(office.ombudsman, "jansen@example.org") == set()  # the whole address


def test_a_name_finds_the_case_by_the_start_of_each_word(office):
    piet = register_case(office, person=resident(office, name="Piet Jansen"))
    geertje = register_case(office, person=resident(office, name="Geertje Zwiers-Hoogland"))
    marjan = register_case(office, person=resident(office, name="Marjan de Wit"))
    assert found(office.ombudsman, "Jansen") == {piet}
    assert found(office.ombudsman, "piet jans") == {piet}
    assert found(office.ombudsman, "Hoogland") == {geertje}
    assert found(office.ombudsman, "Zwiers-Hoogland") == {geertje}
    assert found(office.ombudsman, "jan") == {piet}  # "Jansen", not "Marjan"
    assert found(office.ombudsman, "Marjan") == {marjan}
    assert found(office.ombudsman, "Piet de Wit") == set()  # every word, in one name


def test_a_name_or_the_words_of_the_story_both_find_and_the_name_comes_first(office):
    story = register_case(office, story="Mevrouw Jansen van het Wmo-loket belde niet terug.")
    named = register_case(office, person=resident(office, name="Piet Jansen"))
    register_case(office)
    cases = list(case_list(office.ombudsman, CaseFilter(view="alle", q="Jansen")))
    assert cases == [named, story]


@pytest.mark.parametrize(("q", "wanted"), [
    ("STW-2026-0002", {"STW-2026-0002"}), ("2026-0002", {"STW-2026-0002", "WSV-2026-0002"}),
    ("0002", {"STW-2026-0002", "WSV-2026-0002"}), ("2", {"STW-2026-0002", "WSV-2026-0002"}),
    ("stw-0002", {"STW-2026-0002"}), ("2025-0002", set()), ("0012", set()),
])
def test_part_of_a_case_number_finds_the_cases_with_that_number(office, q, wanted):
    for municipality in (office.steenwijkerland, office.westerveld):
        for _ in range(2):
            register_case(office, municipality=municipality)
    assert {c.reference for c in found(office.ombudsman, q)} == wanted


def test_a_search_looks_only_in_the_users_own_cases(office):
    case = register_case(office, person=resident(office, phone="0612345678"))
    assert found(office.ombudsman_westerveld, "0612345678") == set()
    assert found(office.ombudsman, "0612345678") == {case}


def test_the_open_only_filter_applies_to_a_search_too(office):
    case = register_case(office, person=resident(office, phone="0612345678"))
    Case.objects.filter(pk=case.pk).update(closed_at=case.opened_at)
    assert found(office.ombudsman, "0612345678") == set()
    assert found(office.ombudsman, "0612345678", open_only=False) == {case}


def test_a_role_that_may_not_see_persons_searches_number_and_subject_only(office, monkeypatch):
    monkeypatch.setattr(selectors, "can_search_persons", lambda user: False)
    titled = register_case(office, title="Jansen-regeling stopgezet")
    register_case(office, person=resident(office, name="Piet Jansen", phone="0612345678"),
                  story="Meneer Jansen belde.")
    cases, outcome = case_search(office.ombudsman, CaseFilter(view="alle", q="0612345678"))
    assert list(cases) == [] and outcome.refused
    assert "er is niet op telefoonnummer gezocht" in outcome.notes()[0]
    cases, outcome = case_search(office.ombudsman, CaseFilter(view="alle", q="Jansen"))
    assert list(cases) == [titled] and outcome.refused
    assert AuditEntry.objects.filter(event="case.searched",
                                     details__search_refused=True).count() == 2
    assert found(office.ombudsman, titled.reference) == {titled}  # a number is not personal


def test_a_name_that_matches_too_many_persons_says_so(office, monkeypatch):
    monkeypatch.setattr(selectors, "PERSON_MATCHES_MAX", 2)
    for first in ("Piet", "Jan", "Kees"):
        register_case(office, person=resident(office, name=f"{first} Jansen"))
    cases, outcome = case_search(office.ombudsman, CaseFilter(view="alle", q="Jansen"))
    assert outcome.capped and len(cases) == 2
    assert "Meer dan 2 personen" in outcome.notes()[0]


# --- the audit entry ------------------------------------------------------------------------

def test_a_person_search_is_audited_by_kind_and_digest_never_the_number(office):
    register_case(office, person=resident(office, phone="06-12345678"))
    found(office.ombudsman, "06-12345678")
    found(office.ombudsman, "+31 6 1234 5678")
    first, second = AuditEntry.objects.filter(event="case.searched").order_by("id")
    assert first.details["search"] == "telefoon" and first.details["persons"] == 1
    assert "12345678" not in str(first.details) and "1234" not in str(second.details)
    # The same number in another spelling gives the same digest: "who looked this number
    # up?" is answered by computing it, without the log holding the number.
    assert first.details["search_digest"] == second.details["search_digest"] \
        == search_digest(parse_search("0612345678"))


def test_a_case_number_search_is_audited_as_such(office):
    found(office.ombudsman, "2026-0001")
    entry = AuditEntry.objects.get(event="case.searched")
    assert entry.details["search"] == "zaaknummer" and "search_digest" not in entry.details


# --- the worklist page ----------------------------------------------------------------------

def _search(client, q: str, **filters):
    return client.post(URL, {"q": q, "view": "alle", **filters}, follow=True)


def test_the_worklist_finds_a_resident_by_phone_and_says_how_it_searched(client, office):
    wanted = register_case(office, person=resident(office, phone="06-12345678"))
    register_case(office)
    client.force_login(office.ombudsman)
    response = _search(client, "+31 6 1234 5678")
    html = response.content.decode()
    assert [c.reference for c in response.context["page"].object_list] == [wanted.reference]
    assert "Zoekterm ‘+31 6 1234 5678’ (telefoonnummer)" in html
    assert "1234" not in response.redirect_chain[-1][0]  # never in the address


def test_the_worklist_names_every_active_filter_with_a_link_that_lifts_it(client, office):
    client.force_login(office.ombudsman)
    response = client.get(URL, {"view": "alle", "gemeente": office.westerveld.pk,
                                "kanaal": "email"})
    filters = {f.label: f for f in response.context["active_filters"]}
    assert set(filters) == {"Gemeente: Westerveld", "Kanaal: E-mail", "Alleen open zaken"}
    assert filters["Alleen open zaken"].action == "toon ook gesloten zaken"
    assert "toestand=alle" in filters["Alleen open zaken"].href
    assert "gemeente" not in filters["Gemeente: Westerveld"].href
    assert "kanaal=email" in filters["Gemeente: Westerveld"].href
    html = response.content.decode()
    assert "Actieve filters:" in html
    assert "Alleen open zaken — <a class=\"utrecht-link\"" in html
    assert ">toon ook gesloten zaken</a>" in html
    # Following the link shows closed cases as well, and says nothing about open ones.
    lifted = client.get(filters["Alleen open zaken"].href)
    assert [f.label for f in lifted.context["active_filters"]] == [
        "Gemeente: Westerveld", "Kanaal: E-mail"]


def test_the_default_open_filter_is_named_even_without_other_filters(client, office):
    register_case(office)
    client.force_login(office.ombudsman)
    response = client.get(URL)
    assert [f.label for f in response.context["active_filters"]] == ["Alleen open zaken"]


def test_a_status_replaces_the_open_filter_and_closed_only_can_be_lifted(client, office):
    client.force_login(office.ombudsman)
    by_status = client.get(URL, {"view": "alle", "status": "afgesloten"})
    assert [f.label for f in by_status.context["active_filters"]] == ["Status: Afgesloten"]
    closed = client.get(URL, {"view": "alle", "toestand": "gesloten"})
    [only] = closed.context["active_filters"]
    assert only.label == "Alleen afgesloten zaken" and "toestand=alle" in only.href


def test_the_search_filter_is_lifted_by_its_own_link(client, office):
    register_case(office, person=resident(office, name="Piet Jansen"))
    client.force_login(office.ombudsman)
    response = _search(client, "Jansen", kanaal="telefoon")
    search = response.context["active_filters"][0]
    assert search.label == "Zoekterm ‘Jansen’ (naam of tekst)"
    lifted = client.get(search.href)
    assert [f.label for f in lifted.context["active_filters"]] == [
        "Kanaal: Telefoon", "Alleen open zaken"]


def test_the_page_says_when_a_role_may_not_search_persons(client, office, monkeypatch):
    monkeypatch.setattr(selectors, "can_search_persons", lambda user: False)
    client.force_login(office.ombudsman)
    html = _search(client, "8331 AB").content.decode()
    assert "Uw rol geeft geen toegang tot gegevens van personen" in html


# --- the API --------------------------------------------------------------------------------


def test_the_api_list_searches_the_same_way_and_says_how(office):
    wanted = register_case(office, person=resident(office, phone="06-12345678"))
    register_case(office)
    data = api_as(office.ombudsman).get("/api/v1/cases/", {"q": "06 1234 5678"}).json()
    assert [c["reference"] for c in data["results"]] == [wanted.reference]
    assert data["search"] == {"kind": "telefoon", "refused": False, "capped": False,
                              "messages": []}
    number = api_as(office.ombudsman).get("/api/v1/cases/", {"q": wanted.reference[4:]}).json()
    assert [c["reference"] for c in number["results"]] == [wanted.reference]
    assert api_as(office.ombudsman).get("/api/v1/cases/").json()["search"] is None


def test_the_api_documents_the_search(office):
    schema = api_as(office.ombudsman).get("/api/schema/", HTTP_ACCEPT="application/json").json()
    list_schema = schema["paths"]["/api/v1/cases/"]["get"]
    q = next(p for p in list_schema["parameters"] if p["name"] == "q")
    assert "phone number" in q["description"]
    response = list_schema["responses"]["200"]["content"]["application/json"]["schema"]
    assert "search" in schema["components"]["schemas"][response["$ref"].rsplit("/")[-1]][
        "properties"]


def test_person_matches_use_the_persons_of_the_users_offices_only(office):
    # A condition on persons, not a scan of cases: the ids are looked up first.
    ids, capped = selectors._matching_persons(office.ombudsman, parse_search("Jansen"))
    assert ids == [] and not capped
    person = resident(office)
    ids, _ = selectors._matching_persons(office.ombudsman, parse_search("Jansen"))
    assert ids == [person.pk]
    assert not Person.objects.filter(Q(pk__in=ids), ~Q(office=office.office)).exists()
