"""The "Publicatie" section of the signal page, the list's publication state, the page of a
case recommendation's texts, and ``/api/v1/signals/{id}/publishable/`` (issue 16)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from ombuds.signals import links, publication, services
from ombuds.signals.models import Recommendation, Signal
from ombuds.tests.factories import (
    OrganisationFactory,
    api_as,
    municipality_in_variant,
    register_case,
)

pytestmark = pytest.mark.django_db

TEXT = "Inwoners wachten maanden op een besluit over een hulpmiddel."


@pytest.fixture
def signal(office):
    organisation = OrganisationFactory(name="Wmo-team", municipalities=[office.steenwijkerland])
    case = register_case(office, name="Geertje Zwiers-Hoogland")
    return services.signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                                  title="Wachttijd hulpmiddelen", description="Intern.",
                                  organisation=organisation, cases=[case])


@pytest.fixture
def recommendation(office, signal):
    return services.recommendation_add(user=office.ombudsman, signal=signal,
                                       addressee="College", text="Bel terug.",
                                       due_on=date.today() + timedelta(weeks=6))


def post_publication(client, signal, recommendation, *, text=TEXT, rec_text="", action):
    return client.post(reverse("signals:publication", args=[signal.pk]), {
        "public_title": "Wachttijd hulpmiddelen", "public_text": text, "public_response": "",
        publication.recommendation_field(recommendation.pk, "public_text"): rec_text,
        publication.recommendation_field(recommendation.pk, "public_response"): "",
        "actie": action})


def test_the_signal_page_has_a_publication_form_and_says_it_is_not_publishable_yet(
        client, office, signal, recommendation):
    client.force_login(office.ombudsman)
    page = client.get(reverse("signals:detail", args=[signal.pk])).content.decode()
    assert 'id="publicatie"' in page and "Nog niet publiceerbaar" in page
    assert 'name="public_title"' in page
    assert f'name="aanbeveling-{recommendation.pk}-public_text"' in page
    assert "Aanbeveling aan College" in page


def test_a_name_from_a_linked_case_is_refused_on_the_field_and_the_texts_are_kept(
        client, office, signal, recommendation):
    client.force_login(office.ombudsman)
    text = "Mevrouw Zwiers wachtte maanden."
    response = post_publication(client, signal, recommendation, text=text,
                                rec_text="Bel 0521-123456.", action="publiceerbaar")
    assert response.status_code == 400
    page = response.content.decode()
    assert "De teksten zijn bewaard, maar nog niet publiceerbaar." in page
    assert 'href="#id_public_text"' in page and "Er staat nog een naam (Zwiers)" in page
    assert 'id="id_public_text_error"' in page
    field = f"aanbeveling-{recommendation.pk}-public_text"
    assert f'href="#id_{field}"' in page and "telefoonnummer" in page
    assert text in page  # nothing typed is lost
    signal.refresh_from_db()
    assert signal.public_text == text and signal.publishable_at is None


def test_saving_and_publishing_marks_the_signal_and_the_recommendation_with_a_text(
        client, office, signal, recommendation):
    client.force_login(office.ombudsman)
    response = post_publication(client, signal, recommendation,
                                rec_text="Bel elke aanvrager binnen twee weken terug.",
                                action="publiceerbaar")
    assert response.status_code == 302 and response["Location"].endswith("#publicatie")
    signal.refresh_from_db()
    recommendation.refresh_from_db()
    assert signal.publishable_at is not None and recommendation.publishable_at is not None
    page = client.get(reverse("signals:detail", args=[signal.pk])).content.decode()
    assert "Publiceerbaar sinds" in page
    listing = client.get(reverse("signals:list")).content.decode()
    assert "Publiceerbaar sinds" in listing
    client.post(reverse("signals:publication_withdraw", args=[signal.pk]),
                {"aanbeveling": recommendation.pk})
    recommendation.refresh_from_db()
    assert recommendation.publishable_at is None
    client.post(reverse("signals:publication_withdraw", args=[signal.pk]))
    signal.refresh_from_db()
    assert signal.publishable_at is None
    assert "Nog niet publiceerbaar" in client.get(reverse("signals:list")).content.decode()


def test_only_saving_keeps_it_unpublished(client, office, signal, recommendation):
    client.force_login(office.ombudsman)
    response = post_publication(client, signal, recommendation, action="opslaan")
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.public_text == TEXT and signal.publishable_at is None


def test_policy_staff_read_the_published_texts_but_get_no_form(client, office, signal):
    links.signal_link_create(user=office.ombudsman, signal=signal)  # shared: beleid reads it
    publication.signal_publication_update(user=office.ombudsman, signal=signal,
                                          public_title="Publieke titel", public_text=TEXT,
                                          public_response="")
    client.force_login(office.beleid)
    page = client.get(reverse("signals:detail", args=[signal.pk])).content.decode()
    assert "Nog niet publiceerbaar" in page and TEXT not in page
    assert 'name="public_title"' not in page
    publication.signal_mark_publishable(user=office.ombudsman, signal=signal)
    page = client.get(reverse("signals:detail", args=[signal.pk])).content.decode()
    assert "Publieke titel" in page and TEXT in page
    response = post_publication(client, signal, Recommendation(pk=0), action="opslaan")
    assert response.status_code == 403


def test_a_case_recommendation_gets_its_texts_on_its_own_page(client, office):
    municipality = municipality_in_variant(office, 6)
    case = register_case(office, municipality=municipality, name="Bartholomeus Wijnstok")
    recommendation = services.case_recommendation_add(
        user=office.ombudsman, case=case, addressee="Het college", text="Excuses aanbieden.",
        due_on=date.today() + timedelta(weeks=6))
    client.force_login(office.ombudsman)
    url = reverse("signals:case_recommendation_publication", args=[case.reference])
    page = client.get(f"{url}?aanbeveling={recommendation.pk}").content.decode()
    assert "Aanbeveling voor publicatie" in page and "Nog niet publiceerbaar" in page
    refused = client.post(url, {"aanbeveling": recommendation.pk, "actie": "publiceerbaar",
                                "public_text": "Bied meneer Wijnstok excuses aan.",
                                "public_response": ""})
    assert refused.status_code == 400 and "naam (Wijnstok)" in refused.content.decode()
    done = client.post(url, {"aanbeveling": recommendation.pk, "actie": "publiceerbaar",
                             "public_text": "Bied de inwoner excuses aan.",
                             "public_response": ""})
    assert done.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.publishable_at is not None
    case_page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "Publiceerbaar sinds" in case_page


# --- the API ------------------------------------------------------------------------------

def test_the_api_shows_the_public_fields_and_refuses_with_the_findings(
        office, signal, recommendation):
    publication.signal_publication_update(
        user=office.ombudsman, signal=signal, public_title="Wachttijd",
        public_text=TEXT + " Bel 06-12345678.", public_response="",
        recommendations={recommendation.pk: ("Bel elke aanvrager terug.", "")})
    api = api_as(office.ombudsman)
    data = api.get(f"/api/v1/signals/{signal.pk}/").json()
    assert data["public_title"] == "Wachttijd" and data["publishable_at"] is None
    assert data["public_text"].startswith(TEXT)
    assert data["recommendations"][0]["public_text"] == "Bel elke aanvrager terug."
    url = f"/api/v1/signals/{signal.pk}/publishable/"
    refused = api.post(url, {}, format="json")
    assert refused.status_code == 400
    body = refused.json()
    assert "telefoonnummer" in body["public_text"][0]
    assert body["findings"] == [{"field": "public_text", "kind": "telefoon",
                                 "text": "06-12345678"}]
    done = api.post(url, {"recommendation": recommendation.pk}, format="json")
    assert done.status_code == 200
    assert done.json()["recommendations"][0]["publishable_at"] is not None
    publication.signal_publication_update(user=office.ombudsman, signal=signal,
                                          public_title="Wachttijd", public_text=TEXT,
                                          public_response="")
    marked = api.post(url, {}, format="json")
    assert marked.status_code == 200 and marked.json()["publishable_at"] is not None
    listing = api.get("/api/v1/signals/").json()["results"]
    assert listing[0]["publishable_at"] is not None
    withdrawn = api.delete(url, {}, format="json")
    assert withdrawn.status_code == 200 and withdrawn.json()["publishable_at"] is None
    assert Signal.objects.get(pk=signal.pk).publishable_at is None


def test_the_api_refuses_policy_staff_and_a_recommendation_of_another_signal(
        office, signal, recommendation):
    links.signal_link_create(user=office.ombudsman, signal=signal)
    url = f"/api/v1/signals/{signal.pk}/publishable/"
    assert api_as(office.beleid).post(url, {}, format="json").status_code == 403
    other = services.signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                                   title="Ander", description="Ander",
                                   organisation=signal.organisation)
    response = api_as(office.ombudsman).post(f"/api/v1/signals/{other.pk}/publishable/",
                                             {"recommendation": recommendation.pk},
                                             format="json")
    assert response.status_code == 400 and "recommendation" in response.json()
