"""Done when (issue 7, point 5) on the demo data itself: an access request for a demo
resident gives all their cases, timeline entries, consents and audit entries about them, and
none of the other demo residents."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from ombuds.accounts.models import User
from ombuds.cases.models import Case, Person, TimelineEntry
from ombuds.core.models import AuditEntry
from ombuds.mediation.models import Consent
from ombuds.privacy.services import avg_request_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEMO_MODE = True  # the demo accounts only work in demo mode
    call_command("load_demo", stdout=io.StringIO())
    ombudsman = User.objects.get(username="ombudsman")
    person = Person.objects.get(name="Gerrit Kuipers")  # a returning resident: two cases
    cases = Case.objects.filter(Q(person=person) | Q(representative=person))
    avg_request = avg_request_create(
        user=ombudsman, municipality=cases.first().municipality, person=person, kind="inzage",
        received_on=timezone.localdate())
    client = Client()
    client.force_login(ombudsman)
    return person, cases, avg_request, client


def others(person, cases) -> list[str]:
    """Every other demo person's name and every case reference that is not theirs."""
    names = list(Person.objects.exclude(pk=person.pk).values_list("name", flat=True))
    references = list(Case.objects.exclude(pk__in=cases).values_list("reference", flat=True))
    return names + references


def test_the_json_of_a_demo_resident_is_complete_and_about_them_only(demo):
    person, cases, avg_request, client = demo
    response = client.get(reverse("privacy:access_json", args=[avg_request.pk]))
    assert response.status_code == 200
    data = json.loads(response.content)

    assert len(cases) == 2
    assert sorted(c["reference"] for c in data["cases"]) == sorted(c.reference for c in cases)
    exported_timeline = sum(len(c.get("timeline", [])) for c in data["cases"])
    assert exported_timeline == TimelineEntry.objects.filter(case__in=cases).count() > 0
    exported_consents = sum(len(c.get("consents", [])) for c in data["cases"])
    assert exported_consents == Consent.objects.filter(case__in=cases).count()
    about = AuditEntry.objects.filter(person_id=person.pk).exclude(event="case.exported_avg")
    assert len(data["audit"]) == about.count() > 0

    text = json.dumps(data, ensure_ascii=False)
    leaked = [secret for secret in others(person, cases) if secret in text]
    assert not leaked


@pytest.mark.pdf
def test_the_pdf_of_a_demo_resident_is_about_them_only(demo):
    person, cases, avg_request, client = demo
    response = client.get(reverse("privacy:access_pdf", args=[avg_request.pk]))
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert person.name in text
    assert all(case.reference in text for case in cases)
    leaked = [secret for secret in others(person, cases) if secret in text]
    assert not leaked


def test_the_demo_has_an_open_access_request_and_a_refused_erasure(demo):
    from ombuds.privacy.models import AvgRequest

    person, _cases, _avg_request, _client = demo
    access = AvgRequest.objects.filter(kind="inzage", person=person).order_by("pk").first()
    assert access.is_open and access.received_on == timezone.localdate() - timedelta(days=9)
    erasure = AvgRequest.objects.get(kind="wissing")
    assert erasure.decision == "afgewezen" and "bewaartermijn" in erasure.decision_reason
    assert erasure.person is not None
