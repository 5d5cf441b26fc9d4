"""The staff side: a request to a party from the case page, revoking it, the survey button."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from ombuds.cases.models import Case
from ombuds.core.models import AuditEntry, OutboxMessage
from ombuds.mediation.models import PartnerLink, SurveyInvitation
from ombuds.mediation.tests import test_partner as base

world = base.world



@pytest.mark.django_db
def test_the_ombudsperson_sends_a_request_and_sees_the_link_once(world, client):
    office, case, party = world
    client.force_login(office.ombudsman)
    page = client.get(f"/werk/zaken/{case.reference}/partnerverzoek/")
    assert "Verzoek aan een partij" in page.content.decode()
    assert "Zorggroep Noord — geen toestemming: niets persoonlijks" in page.content.decode()
    response = client.post(f"/werk/zaken/{case.reference}/partnerverzoek/", {
        "verzoek-party": party.pk, "verzoek-purpose": "reactie",
        "verzoek-question": "Wat is uw reactie?", "verzoek-valid_days": "7"})
    assert response.status_code == 200
    url = re.search(r'value="(http://testserver/partner/[^"]+/)"', response.content.decode())[1]
    link = PartnerLink.objects.get()
    assert link.purpose == "reactie" and link.created_by == office.ombudsman
    assert 6 <= (link.expires_at - timezone.now()).days <= 7
    assert OutboxMessage.objects.get().body.count(url) == 1
    assert AuditEntry.objects.filter(event="partner_link.created").exists()


@pytest.mark.django_db
def test_a_missing_question_shows_the_error_summary(world, client):
    office, case, party = world
    client.force_login(office.ombudsman)
    response = client.post(f"/werk/zaken/{case.reference}/partnerverzoek/", {
        "verzoek-party": party.pk, "verzoek-purpose": "informatie", "verzoek-question": "",
        "verzoek-valid_days": "200"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Het verzoek is nog niet verstuurd" in body and "Schrijf de vraag aan de partij." in body
    assert not PartnerLink.objects.exists()


@pytest.mark.django_db
def test_the_case_page_lists_links_and_revokes_one(world, client):
    office, case, _ = world
    link, _ = base.make_link(world)
    client.force_login(office.ombudsman)
    response = client.post(f"/werk/zaken/{case.reference}/partnerverzoek/{link.pk}/intrekken/")
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert AuditEntry.objects.filter(event="partner_link.revoked").exists()


@pytest.mark.django_db
def test_the_secretariat_may_not_send_requests(world, client):
    office, case, party = world
    client.force_login(office.secretariaat)
    response = client.post(f"/werk/zaken/{case.reference}/partnerverzoek/", {
        "verzoek-party": party.pk, "verzoek-purpose": "informatie", "verzoek-question": "Vraag",
        "verzoek-valid_days": "7"})
    assert response.status_code in (403, 404)
    assert not PartnerLink.objects.exists()


@pytest.mark.django_db
def test_the_survey_button_after_closure(world, client):
    office, case, _ = world
    client.force_login(office.ombudsman)
    assert client.post(f"/werk/zaken/{case.reference}/enquete/").status_code == 400
    Case.objects.filter(pk=case.pk).update(closed_at=timezone.now())
    response = client.post(f"/werk/zaken/{case.reference}/enquete/")
    assert response.status_code == 200
    assert re.search(r'value="http://testserver/enquete/[^"]+/"', response.content.decode())
    assert SurveyInvitation.objects.filter(case=case).exists()


@pytest.mark.django_db
def test_the_case_page_shows_the_requests_section(world, client):
    office, case, _ = world
    base.make_link(world)
    client.force_login(office.ombudsman)
    body = client.get(f"/werk/zaken/{case.reference}/").content.decode()
    assert "Verzoeken aan partijen" in body and "Verzoek versturen" in body
    assert "Intrekken" in body and ">Open<" in body
