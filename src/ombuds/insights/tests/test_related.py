"""Related cases: by shared words, by theme or party within twelve months, only the
municipality's cases the user may open, shown on the page of a closing case."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ombuds.cases.models import Case
from ombuds.core.models import AuditEntry
from ombuds.insights.selectors import related_cases
from ombuds.insights.tests.factories import case
from ombuds.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SCOOTMOBIEL = ("Scootmobiel komt niet", "Ik wacht al maanden op mijn scootmobiel. De leverancier "
               "van de scootmobiel zegt dat de gemeente niet heeft besloten.")


def references(found):
    return [r.case.reference for r in found]


def test_it_finds_cases_sharing_informative_words(office):
    mine = case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1])
    alike = case(office, title="Wachten op scootmobiel",
                 story="De leverancier levert de scootmobiel niet.")
    case(office, title="Schuldhulp", story="Mijn aanvraag voor schuldhulp is afgewezen.")
    found = related_cases(office.ombudsman, mine)
    assert references(found) == [alike.reference]
    assert {"scootmobiel", "leverancier"} <= set(found[0].words)


def test_one_shared_word_is_not_enough(office):
    mine = case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1])
    case(office, title="Traplift", story="De leverancier van de traplift komt niet.")
    assert related_cases(office.ombudsman, mine) == []


def test_it_finds_cases_with_the_same_theme_or_party_within_twelve_months(office):
    waiting = office.theme
    provider = OrganisationFactory(municipalities=[office.steenwijkerland])
    now = timezone.now()
    mine = case(office, title="Hulp bij het huishouden", themes=[waiting], opened_at=now)
    same_theme = case(office, title="Anders", themes=[waiting],
                      opened_at=now - timedelta(days=200))
    same_party = case(office, title="Iets", parties=[provider],
                      opened_at=now - timedelta(days=20))
    both = case(office, title="Beide", themes=[waiting], parties=[provider],
                opened_at=now - timedelta(days=10))
    case(office, title="Te lang geleden", themes=[waiting], opened_at=now - timedelta(days=400))
    mine.organisations.create(organisation=provider)
    found = related_cases(office.ombudsman, mine)
    assert references(found) == [both.reference, same_party.reference, same_theme.reference]
    assert found[0].themes == ["Wachttijd"]
    assert found[0].parties == [provider.name]


def test_it_never_suggests_another_municipality_or_the_case_itself(office):
    waiting = office.theme
    mine = case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1], themes=[waiting])
    case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1],
         municipality=office.westerveld)
    assert related_cases(office.ombudsman, mine) == []


def test_it_only_suggests_cases_the_user_may_open(office):
    mine = case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1])
    other = case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1],
                 assignee=office.ombudsman)
    assert references(related_cases(office.ombudsman, mine)) == [other.reference]
    # the secretariat sees the intake queue and its own cases, not an assigned one
    assert related_cases(office.secretariaat, mine) == []
    assert related_cases(office.beleid, mine) == []


@pytest.mark.postgres
def test_postgres_matches_inflected_forms_through_the_dutch_vector(office):
    mine = case(office, title="Lange wachttijden", story="De wachttijden voor de traplift.")
    alike = case(office, title="Wachttijd", story="Een wachttijd voor een traplift.")
    found = related_cases(office.ombudsman, mine)
    assert references(found) == [alike.reference]
    assert found[0].rank > 0


def test_the_case_page_of_a_closing_case_links_to_its_related_cases(office, client):
    mine = case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1], closed=True)
    alike = case(office, title="Wachten op scootmobiel",
                 story="De leverancier levert de scootmobiel niet.")
    client.force_login(office.ombudsman)
    body = client.get(reverse("cases:detail", args=[mine.reference])).content.decode()
    related_url = reverse("insights:case_related", args=[mine.reference])
    assert "Verwante zaken en signalen" in body
    # HTMX loads the list after the page; without JavaScript the link opens it
    assert f'hx-get="{related_url}" hx-trigger="load"' in body
    assert f'<a class="utrecht-link" href="{related_url}">' in body
    # the page does not search for them, so it logs no suggestion
    assert alike.reference not in body
    assert not AuditEntry.objects.filter(event="case.related_suggested").exists()


def test_without_javascript_the_link_shows_the_related_cases_as_a_page(office, client):
    mine = case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1], closed=True)
    alike = case(office, title="Wachten op scootmobiel",
                 story="De leverancier levert de scootmobiel niet.")
    client.force_login(office.coordinator)
    response = client.get(reverse("insights:case_related", args=[mine.reference]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in body and "Verwante zaken en signalen van " + mine.reference in body
    assert alike.reference in body and "Zelfde woorden:" in body
    assert f'href="{reverse("cases:detail", args=[mine.reference])}"' in body  # back
    entry = AuditEntry.objects.get(event="case.related_suggested")
    assert entry.object_label == mine.reference and entry.action == "E"
    assert entry.details == {"related": [alike.pk], "signals": []}
    assert entry.username == office.coordinator.username


def test_htmx_gets_only_the_list_for_the_case_page(office, client):
    mine = case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1], closed=True)
    alike = case(office, title="Wachten op scootmobiel",
                 story="De leverancier levert de scootmobiel niet.")
    client.force_login(office.ombudsman)
    response = client.get(reverse("insights:case_related", args=[mine.reference]),
                          headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="verwante-zaken-lijst">')
    assert alike.reference in body and "<html" not in body
    assert "HX-Request" in response["Vary"]
    assert AuditEntry.objects.filter(event="case.related_suggested",
                                     object_label=mine.reference).count() == 1


def test_the_secretariat_and_other_municipalities_do_not_get_them(office, client):
    mine = case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1], closed=True,
                user=office.secretariaat)
    Case.objects.filter(pk=mine.pk).update(assignee=office.secretariaat)
    url = reverse("insights:case_related", args=[mine.reference])
    client.force_login(office.secretariaat)  # may open the case (assigned to it), not this
    assert client.get(reverse("cases:detail", args=[mine.reference])).status_code == 200
    assert "Verwante zaken" not in client.get(
        reverse("cases:detail", args=[mine.reference])).content.decode()
    assert client.get(url).status_code == 403
    client.force_login(office.ombudsman_westerveld)
    assert client.get(url).status_code == 404
    assert not AuditEntry.objects.filter(event="case.related_suggested").exists()


def test_a_case_just_registered_does_not_show_them(office, client):
    mine = case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1])
    client.force_login(office.ombudsman)
    body = client.get(reverse("cases:detail", args=[mine.reference])).content.decode()
    assert "Verwante zaken" not in body


def test_a_party_alone_is_enough(office):
    provider = OrganisationFactory(municipalities=[office.steenwijkerland])
    mine = case(office, title="Hulp bij het huishouden", parties=[provider])
    same_party = case(office, title="Iets anders", parties=[provider])
    case(office, title="Geen partij")
    found = related_cases(office.ombudsman, mine)
    assert references(found) == [same_party.reference]
    assert found[0].parties == [provider.name] and found[0].themes == []


@pytest.mark.postgres
def test_postgres_walks_the_newest_cases_instead_of_hashing_every_link(office):
    """The theme-or-party candidates: a per-case check in the link tables' indexes, which
    stops at the newest ``CANDIDATES``; never a hash of every case with the theme or party
    (0.1–1 s at 1,000,000 cases)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    provider = OrganisationFactory(municipalities=[office.steenwijkerland])
    mine = case(office, title="Hulp bij het huishouden", themes=[office.theme],
                parties=[provider])
    case(office, title="Anders", themes=[office.theme])
    with CaptureQueriesContext(connection) as queries:
        related_cases(office.ombudsman, mine)
    [sql] = [q["sql"] for q in queries.captured_queries if "UNION ALL" in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "SubPlan" in plan and "hashed SubPlan" not in plan, plan
    assert "Hash" not in plan, plan


def test_the_list_takes_the_same_queries_however_many_cases_are_related(office, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    provider = OrganisationFactory(municipalities=[office.steenwijkerland])
    mine = case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1], themes=[office.theme],
                parties=[provider], closed=True)
    related_url = reverse("insights:case_related", args=[mine.reference])
    client.force_login(office.ombudsman)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(related_url, headers={"HX-Request": "true"}).status_code == 200
        return len(captured)

    case(office, title="Wachten op scootmobiel", story=SCOOTMOBIEL[1], themes=[office.theme])
    few = queries()
    for n in range(10):
        case(office, title=f"Scootmobiel {n}", story=SCOOTMOBIEL[1], themes=[office.theme],
             parties=[provider])
    body = client.get(related_url, headers={"HX-Request": "true"}).content.decode()
    assert body.count('<li class="utrecht-unordered-list__item">') == 6  # the six best
    assert queries() == few
