"""The retention date on the case page, and the retention page with its legal holds."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from ombuds.cases.models import Case
from ombuds.core.models import AuditEntry
from ombuds.records.models import LegalHold
from ombuds.tests.factories import register_case

AMS = ZoneInfo("Europe/Amsterdam")
pytestmark = pytest.mark.django_db


def close(case, when=datetime(2024, 2, 29, 12, tzinfo=AMS), outcome="opgelost"):
    Case.objects.filter(pk=case.pk).update(status="afgesloten", outcome=outcome, closed_at=when)


def test_it_shows_the_destruction_date_on_a_closed_case_only(client, office):
    case = register_case(office, name="Truus Termijn")
    client.force_login(office.ombudsman)
    url = reverse("cases:detail", args=[case.reference])
    assert "Te vernietigen op" not in client.get(url).content.decode()
    close(case)
    html = client.get(url).content.decode()
    assert "Te vernietigen op" in html
    assert "28 februari 2029" in html  # five years after 29 February 2024


def test_the_beheerder_places_and_lifts_a_hold_by_reference_without_seeing_names(
        client, office):
    case = register_case(office, name="Truus Termijn")
    close(case, when=datetime(2020, 1, 6, 12, tzinfo=AMS))
    client.force_login(office.beheer)
    overview = client.get(reverse("records:overview")).content.decode()
    assert case.reference in overview and "Truus" not in overview

    response = client.post(reverse("records:hold_place"),
                           {"reference": case.reference.lower(), "reason": "Beroep loopt"})
    assert response.status_code == 302
    hold = LegalHold.objects.get(case=case)
    assert hold.is_active and hold.placed_by == office.beheer
    assert AuditEntry.objects.filter(event="case.legal_hold_placed", user=office.beheer).exists()
    assert "Beroep loopt" in client.get(reverse("records:overview")).content.decode()

    client.post(reverse("records:hold_lift", args=[case.reference]), {"reason": "Klaar"})
    hold.refresh_from_db()
    assert not hold.is_active and hold.lift_reason == "Klaar"
    assert AuditEntry.objects.filter(event="case.legal_hold_lifted").exists()


def test_a_hold_needs_a_reason_and_a_case_in_scope(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman_westerveld)
    response = client.post(reverse("records:hold_place"),
                           {"reference": case.reference, "reason": "x"})
    assert response.status_code == 404
    client.force_login(office.ombudsman)
    response = client.post(reverse("records:hold_place"), {"reference": case.reference})
    assert response.status_code == 400
    assert not LegalHold.objects.exists()


def test_the_coordinator_may_not_place_a_hold(client, office):
    client.force_login(office.coordinator)
    assert client.get(reverse("records:overview")).status_code == 403
