"""The partner API: the token is the only credential; consent decides what the JSON holds."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from ombuds.cases.models import EntryKind, TimelineEntry
from ombuds.core.models import AuditEntry
from ombuds.mediation.models import Consent, PartnerLink
from ombuds.mediation.tests import test_partner as base
from ombuds.mediation.tests.test_partner import (
    EMAIL,
    NAME,
    PERSONAL,
    PHONE,
    QUESTION,
    STORY,
    consent,
    make_link,
)

world = base.world


def url(token):
    return f"/api/v1/partner/{token}/"


@pytest.mark.django_db
def test_it_returns_nothing_personal_without_consent(world):
    _, token = make_link(world)
    response = APIClient().get(url(token))
    assert response.status_code == 200
    data = response.json()
    assert data["question"] == QUESTION and data["reference"] == world[1].reference
    assert data["shared"] == [] and data["story"] == "" and data["resident_name"] == ""
    for secret in PERSONAL:
        assert secret not in response.content.decode()
    entry = AuditEntry.objects.get(event="partner.viewed")
    assert entry.details["via"] == "api" and entry.origin.startswith("api")


@pytest.mark.django_db
def test_it_returns_what_consent_covers_and_stops_when_revoked(world):
    given = consent(world, shares_story=True, shares_contact=True)
    _, token = make_link(world)
    data = APIClient().get(url(token)).json()
    assert (data["story"], data["resident_name"], data["resident_email"],
            data["resident_phone"]) == (STORY, NAME, EMAIL, PHONE)
    Consent.objects.filter(pk=given.pk).update(revoked_on=date.today())
    response = APIClient().get(url(token))
    for secret in PERSONAL:
        assert secret not in response.content.decode()


@pytest.mark.django_db
def test_an_expired_or_revoked_link_is_gone(world):
    consent(world, shares_story=True, shares_contact=True)
    expired, expired_token = make_link(world)
    revoked, revoked_token = make_link(world)
    PartnerLink.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    PartnerLink.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    for token, code in ((expired_token, "verlopen"), (revoked_token, "ingetrokken")):
        response = APIClient().get(url(token))
        assert response.status_code == 410 and response.json()["code"] == code
        body = response.content.decode()
        for secret in [*PERSONAL, QUESTION, world[1].reference]:
            assert secret not in body
        assert APIClient().post(url(token), {"text": "x"}, format="json").status_code == 410


@pytest.mark.django_db
def test_an_unknown_token_is_not_found():
    assert APIClient().get(url("verzonnen")).status_code == 404


@pytest.mark.django_db
def test_it_takes_one_answer_into_the_timeline(world):
    office, case, _ = world
    _, token = make_link(world)
    client = APIClient()
    assert client.post(url(token), {"text": ""}, format="json").status_code == 400
    response = client.post(url(token), {"text": "Wij bellen de inwoner morgen."}, format="json")
    assert response.status_code == 201
    entry = TimelineEntry.objects.get(case=case, kind=EntryKind.PARTNER_ANSWER)
    assert entry.author == office.ombudsman and "Wij bellen de inwoner morgen." in entry.body
    second = client.post(url(token), {"text": "Nog iets"}, format="json")
    assert second.status_code == 410 and second.json()["code"] == "beantwoord"
    assert TimelineEntry.objects.filter(kind=EntryKind.PARTNER_ANSWER).count() == 1


@pytest.mark.django_db
def test_a_staff_token_does_not_replace_the_link_token(world):
    response = APIClient().get(url("x"), HTTP_AUTHORIZATION="Token nonsense")
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_schema_documents_the_partner_api():
    response = APIClient().get("/api/schema/", HTTP_ACCEPT="application/json")
    paths = response.json()["paths"] if response["Content-Type"].startswith(
        "application/json") else response.content.decode()
    assert "/api/v1/partner/{token}/" in paths
