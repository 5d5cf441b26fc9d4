"""Related cases: by shared words, by theme or party within twelve months, only the
municipality's cases the user may open, shown on the page of a closing case."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

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


def test_the_case_page_of_a_closing_case_shows_related_cases(office, client):
    mine = case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1], closed=True)
    alike = case(office, title="Wachten op scootmobiel",
                 story="De leverancier levert de scootmobiel niet.")
    client.force_login(office.ombudsman)
    body = client.get(reverse("cases:detail", args=[mine.reference])).content.decode()
    assert "Verwante zaken" in body
    assert alike.reference in body
    assert AuditEntry.objects.filter(event="case.related_suggested",
                                     object_label=mine.reference).exists()


def test_a_case_just_registered_does_not_show_them(office, client):
    mine = case(office, title=SCOOTMOBIEL[0], story=SCOOTMOBIEL[1])
    client.force_login(office.ombudsman)
    body = client.get(reverse("cases:detail", args=[mine.reference])).content.decode()
    assert "Verwante zaken" not in body
