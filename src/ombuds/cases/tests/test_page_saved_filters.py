"""Saving, using and deleting worklist filters."""

from __future__ import annotations

from ombuds.cases.models import SavedFilter
from ombuds.tests.factories import register_case

URL = "/werk/zaken/"


def test_saving_the_current_filter_under_a_name(client, office):
    client.force_login(office.ombudsman)
    response = client.post(f"{URL}filters/", {
        "name": "Spoed in Steenwijkerland",
        "query": f"view=alle&gemeente={office.steenwijkerland.pk}&urgentie=spoed&page=3",
    }, follow=True)
    saved = SavedFilter.objects.get(user=office.ombudsman)
    assert saved.name == "Spoed in Steenwijkerland"
    assert saved.query == f"view=alle&gemeente={office.steenwijkerland.pk}&urgentie=spoed"
    assert "Filter ‘Spoed in Steenwijkerland’ is bewaard." in response.content.decode()
    assert f'href="/werk/zaken/?{saved.query.replace("&", "&amp;")}"' in response.content.decode()


def test_a_saved_filter_link_applies_the_filter(client, office):
    urgent = register_case(office, urgency="spoed")
    register_case(office)
    SavedFilter.objects.create(user=office.ombudsman, name="Spoed", query="view=alle&urgentie=spoed")
    client.force_login(office.ombudsman)
    response = client.get(f"{URL}?view=alle&urgentie=spoed")
    assert [c.reference for c in response.context["page"].object_list] == [urgent.reference]
    assert 'aria-current="true">Spoed</a>' in response.content.decode()


def test_unknown_parameters_are_not_stored(client, office):
    client.force_login(office.ombudsman)
    client.post(f"{URL}filters/", {"name": "Raar", "query": "evil=1&kanaal=nope&view=nieuw"})
    assert SavedFilter.objects.get().query == "view=nieuw"


def test_saving_under_an_existing_name_replaces_the_filter(client, office):
    client.force_login(office.ombudsman)
    client.post(f"{URL}filters/", {"name": "Mijn", "query": "view=mijn"})
    client.post(f"{URL}filters/", {"name": "Mijn", "query": "view=alle"})
    assert list(SavedFilter.objects.values_list("name", "query")) == [("Mijn", "view=alle")]


def test_a_filter_needs_a_name(client, office):
    client.force_login(office.ombudsman)
    response = client.post(f"{URL}filters/", {"name": "  ", "query": "view=alle"}, follow=True)
    assert not SavedFilter.objects.exists()
    assert "Geef het filter een naam" in response.content.decode()


def test_filters_are_per_user_and_deletable_only_by_their_owner(client, office):
    mine = SavedFilter.objects.create(user=office.ombudsman, name="Mijn", query="view=mijn")
    SavedFilter.objects.create(user=office.coordinator, name="Van coördinator", query="view=alle")
    client.force_login(office.ombudsman)
    html = client.get(URL).content.decode()
    assert "Mijn</a>" in html and "Van coördinator" not in html

    client.force_login(office.coordinator)
    client.post(f"{URL}filters/{mine.pk}/verwijderen/")
    assert SavedFilter.objects.filter(pk=mine.pk).exists()

    client.force_login(office.ombudsman)
    response = client.post(f"{URL}filters/{mine.pk}/verwijderen/", follow=True)
    assert not SavedFilter.objects.filter(pk=mine.pk).exists()
    assert "Het filter is verwijderd." in response.content.decode()


def test_deleting_needs_a_post(client, office):
    mine = SavedFilter.objects.create(user=office.ombudsman, name="Mijn", query="view=mijn")
    client.force_login(office.ombudsman)
    assert client.get(f"{URL}filters/{mine.pk}/verwijderen/").status_code == 405
    assert SavedFilter.objects.exists()
