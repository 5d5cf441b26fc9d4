"""The private status page: plain words, no details, revocable by staff (issue 6)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from ombuds.cases.models import Case
from ombuds.cases.services import case_transition
from ombuds.core.models import AuditEntry
from ombuds.public.tests.test_request_form import URL, filled, form_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(client, office):
    html = client.post(URL, filled(form_key(client)), follow=True).content.decode()
    link = re.search(r'href="https?://[^/"]+(/status/[^"]+/)"', html).group(1)
    return Case.objects.get(), link


def test_it_shows_the_state_in_plain_words_without_details(office, sent):
    case, link = sent
    visitor = Client()
    response = visitor.get(link)
    assert response.status_code == 302 and "/status/verzoek/" in response["Location"]
    html = visitor.get(response["Location"]).content.decode()
    assert "Ontvangen" in html and "Binnen 5 werkdagen" in html
    for secret in ("Fenna", "huishoudelijke hulp", "fenna@example.nl"):
        assert secret not in html
    assert AuditEntry.objects.filter(event="status_link.viewed", object_label=case.reference)
    case_transition(user=office.ombudsman, case=case, target="intake")
    html = visitor.get(response["Location"]).content.decode()
    assert "In gesprek" in html


def test_it_is_english_under_en(office, sent):
    case, link = sent
    visitor = Client()
    html = visitor.get("/en" + link, follow=True).content.decode()
    assert '<html lang="en"' in html and "How is my request going?" in html


def test_a_wrong_token_is_a_quiet_404(client, office):
    assert client.get("/status/niet-goed/").status_code == 404


def test_staff_revoke_the_link_and_it_stops_working(office, sent):
    case, link = sent
    staff = Client()
    staff.force_login(office.ombudsman)
    page = staff.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "Statuslink intrekken" in page
    response = staff.post(reverse("public-staff:status_link_revoke", args=[case.reference]))
    assert response.status_code == 302
    assert Client().get(link).status_code == 404
    assert case.timeline.filter(summary="Statuslink van de inwoner ingetrokken").exists()
    outsider = Client()
    outsider.force_login(office.ombudsman_westerveld)
    refused = outsider.post(reverse("public-staff:status_link_revoke", args=[case.reference]))
    assert refused.status_code == 404
