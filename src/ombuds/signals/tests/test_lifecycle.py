"""A signal through its whole lifecycle on the staff pages, with two recommendations and the
organisation's answer through its private link (issue 5, done-when 1)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ombuds.cases.models import Person
from ombuds.core.models import AuditEntry, OutboxMessage
from ombuds.signals.links import token_hash
from ombuds.signals.models import Recommendation, Signal, SignalLink
from ombuds.signals.selectors import recommendation_counts, signal_counts
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = [pytest.mark.django_db, pytest.mark.urls("ombuds.signals.tests.urls")]

NAME = "Geertje Zwiers-Hoogland"
STORY = "Mijn keukentafelgesprek is al drie keer verzet."


@pytest.fixture
def world(office):
    organisation = OrganisationFactory(name="Wmo-team Steenwijkerland", email="wmo@example.org",
                                       municipalities=[office.steenwijkerland])
    person = Person.objects.create(office=office.office, name=NAME, email="g@example.org")
    cases = [register_case(office, person=person, story=STORY), register_case(office)]
    office.ombudsman.email = "ombudsman@example.org"
    office.ombudsman.save()
    return office, organisation, cases


def staff(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def post_ok(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_a_signal_goes_through_its_whole_lifecycle(world):
    office, organisation, cases = world
    ombudsman = staff(office.ombudsman)
    municipalities = [office.steenwijkerland.pk]

    # Raised from the case page, with both cases.
    page = ombudsman.get(f"/werk/zaken/{cases[0].reference}/")
    assert "Signaal maken" in page.content.decode()
    form = ombudsman.get(f"/werk/signalen/nieuw/?zaak={cases[0].reference}")
    assert cases[0].reference in form.content.decode()
    response = post_ok(ombudsman, "/werk/signalen/nieuw/", {
        "municipality": office.steenwijkerland.pk, "title": "Keukentafelgesprekken verzet",
        "description": "Gesprekken worden steeds op het laatste moment verzet.",
        "organisation": organisation.pk, "theme": office.theme.pk,
        "cases": f"{cases[0].reference}, {cases[1].reference}"})
    signal = Signal.objects.get()
    assert response["Location"] == f"/werk/signalen/{signal.pk}/"
    assert signal.status == "gesignaleerd" and signal.cases.count() == 2
    assert signal_counts(municipalities)["gesignaleerd"] == 1

    # Two recommendations.
    due = timezone.localdate() + timedelta(days=42)
    for addressee in ("College van B&W", "Wmo-team"):
        post_ok(ombudsman, f"/werk/signalen/{signal.pk}/aanbevelingen/nieuw/", {
            "addressee": addressee, "text": f"Plan gesprekken binnen 4 weken ({addressee}).",
            "due_on": due.isoformat()})
    assert signal.recommendations.count() == 2
    assert recommendation_counts(municipalities)["onbekend"] == 2

    # Shared through a link: the token is shown once, only its hash is stored.
    created = ombudsman.post(f"/werk/signalen/{signal.pk}/link/", {"valid_days": 28,
                                                                   "question": "Wat gaat u doen?"})
    assert created.status_code == 200
    token = re.search(r"/signaal/([A-Za-z0-9_-]{30,})/", created.content.decode())[1]
    link = SignalLink.objects.get()
    assert link.token_hash == token_hash(token) and token not in link.token_hash
    signal.refresh_from_db()
    assert signal.status == "gedeeld" and signal.shared_on == timezone.localdate()
    mail = OutboxMessage.objects.get(to="wmo@example.org")
    assert f"/signaal/{token}/" in mail.body
    assert mail.subject == f"Signaal van de sociale ombudsfunctie ({office.office.name})"
    assert signal_counts(municipalities)["gedeeld"] == 1

    # The organisation opens the link: the token leaves the address bar, nothing personal.
    organisation_client = Client()
    first = organisation_client.get(f"/signaal/{token}/")
    assert first.status_code == 302 and token not in first["Location"]
    answer_page = organisation_client.get(first["Location"])
    body = answer_page.content.decode()
    assert answer_page.status_code == 200
    assert "Keukentafelgesprekken verzet" in body and "Wachttijd" in body
    assert "Plan gesprekken binnen 4 weken (College van B&amp;W)" in body
    assert re.search(r"Aantal zaken</dt>\s*<dd[^>]*>2<", body)
    for secret in (NAME, STORY, "g@example.org", cases[0].reference, cases[1].reference):
        assert secret not in body

    # ... and answers: the answer arrives on the signal and the state moves.
    thanks = organisation_client.post(first["Location"], {"text": "We plannen vaker vooruit."})
    assert thanks.status_code == 302
    assert organisation_client.get(thanks["Location"]).status_code == 200
    signal.refresh_from_db()
    assert signal.status == "beantwoord" and signal.answered_on == timezone.localdate()
    assert signal.answer == "We plannen vaker vooruit."
    assert OutboxMessage.objects.filter(to="ombudsman@example.org",
                                        subject=f"Antwoord op signaal {signal.pk} ontvangen")
    # A second visit gets a polite 410.
    gone = Client().get(f"/signaal/{token}/")
    assert gone.status_code == 410 and "al geantwoord" in gone.content.decode()
    assert "Keukentafelgesprekken" not in gone.content.decode()

    # The responses to the recommendations.
    first_rec, second_rec = signal.recommendations.order_by("addressee")
    url = f"/werk/signalen/{signal.pk}/aanbevelingen/reactie/"
    assert ombudsman.get(f"{url}?aanbeveling={first_rec.pk}").status_code == 200
    post_ok(ombudsman, url, {"aanbeveling": first_rec.pk, "adoption": "overgenomen",
                             "response": "Akkoord."})
    post_ok(ombudsman, url, {"aanbeveling": second_rec.pk, "adoption": "deels",
                             "response": "Deels."})
    assert recommendation_counts(municipalities) == {"overgenomen": 1, "deels": 1, "niet": 0,
                                                     "onbekend": 0}

    # Measure, check, close.
    url = f"/werk/signalen/{signal.pk}/status/"
    post_ok(ombudsman, url, {"target": "maatregel_genomen",
                             "m-maatregel_genomen-target": "maatregel_genomen",
                             "m-maatregel_genomen-text": "Vaste planner aangesteld."})
    post_ok(ombudsman, url, {"target": "gecontroleerd",
                             "m-gecontroleerd-target": "gecontroleerd",
                             "m-gecontroleerd-text": "Geen verzette gesprekken meer."})
    post_ok(ombudsman, url, {"target": "afgesloten", "m-afgesloten-target": "afgesloten"})
    signal.refresh_from_db()
    assert signal.status == "afgesloten"
    assert all(day == timezone.localdate() for _, day in signal.step_dates())
    assert signal.measure == "Vaste planner aangesteld."
    assert signal_counts(municipalities) == {"gesignaleerd": 0, "gedeeld": 0, "beantwoord": 0,
                                             "maatregel_genomen": 0, "gecontroleerd": 0,
                                             "afgesloten": 1}
    detail = ombudsman.get(f"/werk/signalen/{signal.pk}/").content.decode()
    assert "Dit signaal is afgesloten." in detail and cases[0].reference in detail

    # Every access is audited: staff reads and changes, the organisation's view and answer.
    events = list(AuditEntry.objects.filter(object_type="signals.signal",
                                            object_id=str(signal.pk))
                  .values_list("event", flat=True))
    for event in ("signal.created", "recommendation.added", "signal_link.created",
                  "signal.transitioned", "signal_link.viewed", "signal_link.answered",
                  "recommendation.response_recorded", "signal.viewed"):
        assert event in events, event
    organisation_entries = AuditEntry.objects.filter(event__startswith="signal_link.",
                                                     user__isnull=True)
    assert {e.role for e in organisation_entries} == {"organisatie"}
    assert not AuditEntry.objects.filter(details__icontains=token).exists()
    assert events.count("signal.transitioned") == 4  # shared, measure, checked, closed


def test_a_refused_move_on_the_page_changes_nothing_and_says_why(world):
    office, organisation, cases = world
    client = staff(office.ombudsman)
    post_ok(client, "/werk/signalen/nieuw/", {
        "municipality": office.steenwijkerland.pk, "title": "Patroon",
        "description": "Omschrijving", "organisation": organisation.pk})
    signal = Signal.objects.get()
    before = AuditEntry.objects.filter(event="signal.transitioned").count()
    response = client.post(f"/werk/signalen/{signal.pk}/status/",
                           {"target": "gecontroleerd", "m-gecontroleerd-target": "gecontroleerd",
                            "m-gecontroleerd-text": "Klaar"}, follow=True)
    assert "kan niet naar" in response.content.decode()
    signal.refresh_from_db()
    assert (signal.status, signal.checked_on, signal.check_result) == ("gesignaleerd", None, "")
    assert AuditEntry.objects.filter(event="signal.transitioned").count() == before


def test_a_wrong_revoked_or_expired_link_shows_nothing_of_the_signal(world):
    from ombuds.signals import links, services

    office, organisation, cases = world
    signal = services.signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                                    title="Geheim patroon", description="x",
                                    organisation=organisation)
    assert Client().get("/signaal/onzin/").status_code == 404
    link, token = links.signal_link_create(user=office.ombudsman, signal=signal)
    links.signal_link_revoke(user=office.ombudsman, signal=signal, link=link)
    revoked = Client().get(f"/signaal/{token}/")
    assert revoked.status_code == 410 and "ingetrokken" in revoked.content.decode()
    _, token = links.signal_link_create(user=office.ombudsman, signal=signal, valid_days=1)
    SignalLink.objects.filter(token_hash=token_hash(token)).update(
        expires_at=timezone.now() - timedelta(minutes=1))
    expired = Client().get(f"/signaal/{token}/")
    assert expired.status_code == 410 and "Geheim patroon" not in expired.content.decode()
    # The answer page is only reachable in the session that opened the token.
    assert Client().get(f"/signaal/antwoord/{link.pk}/").status_code == 404
    assert Recommendation.objects.count() == 0
