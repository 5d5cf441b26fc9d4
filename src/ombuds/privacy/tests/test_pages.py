"""The AVG pages: the list (soonest term first), registering with the person search, the
request page, and "who saw this person?" with its CSV export."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ombuds.core.models import AuditEntry
from ombuds.privacy.models import AvgRequest
from ombuds.privacy.tests.conftest import make_request


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_the_list_shows_open_requests_soonest_term_first_and_no_names(avg_world):
    w = avg_world
    today = timezone.localdate()
    late = make_request(w, w.anna, received_on=today)
    soon = make_request(w, w.bert, received_on=today - timedelta(days=20))
    body = login(w.office.ombudsman).get(reverse("privacy:list")).content.decode()
    assert body.index(soon.label) < body.index(late.label)
    assert "Anna" not in body and "Bert" not in body
    # the Westerveld-only ombudsperson sees neither
    body = login(w.office.ombudsman_westerveld).get(reverse("privacy:list")).content.decode()
    assert soon.label not in body and late.label not in body


@pytest.mark.django_db
def test_registering_a_request_finds_the_person_and_computes_the_term(avg_world):
    w = avg_world
    client = login(w.office.ombudsman)
    body = client.post(reverse("privacy:create"), {"stap": "zoeken", "q": "aaltink"}).content.decode()
    assert "Anna Aaltink" in body and "Bert" not in body
    assert f"?persoon={w.anna.pk}" in body and not AvgRequest.objects.exists()
    assert AuditEntry.objects.filter(event="avg.person_searched").exists()
    response = client.post(
        reverse("privacy:create") + f"?persoon={w.anna.pk}",
        {"municipality": w.office.steenwijkerland.pk, "kind": "inzage",
         "received_on": "2026-01-31", "description": ""})
    avg_request = AvgRequest.objects.get()
    assert response.status_code == 302 and avg_request.due_on == date(2026, 3, 2)
    body = client.get(reverse("privacy:detail", args=[avg_request.pk])).content.decode()
    assert "maandag 2 maart 2026" in body and "Lees het overzicht na" in body


@pytest.mark.django_db
def test_the_westerveld_ombudsperson_cannot_search_a_steenwijkerland_resident(avg_world):
    w = avg_world
    body = login(w.office.ombudsman_westerveld).post(
        reverse("privacy:create"), {"stap": "zoeken", "q": "Aaltink"}).content.decode()
    assert "Anna Aaltink" not in body
    response = login(w.office.ombudsman_westerveld).get(
        reverse("privacy:create"), {"persoon": w.anna.pk})
    assert response.status_code == 404


@pytest.mark.django_db
def test_an_erasure_refused_shows_the_reason_on_the_request_page(avg_world):
    w = avg_world
    avg_request = make_request(w, w.anna, kind="wissing")
    client = login(w.office.ombudsman)
    response = client.post(reverse("privacy:erase", args=[avg_request.pk]), follow=True)
    body = response.content.decode()
    assert "Wissen is geweigerd" in body and "De zaak loopt nog" in body
    assert "AVG art. 17 lid 3 onder b" in body


@pytest.mark.django_db
def test_the_correction_page_saves_through_the_service(avg_world):
    w = avg_world
    avg_request = make_request(w, w.anna, kind="rectificatie")
    client = login(w.office.ombudsman)
    assert client.get(reverse("privacy:correct", args=[avg_request.pk])).status_code == 200
    response = client.post(reverse("privacy:correct", args=[avg_request.pk]),
                           {"name": "Anna Aaltink", "city": "Steenwijk", "date_of_birth": ""})
    assert response.status_code == 302
    assert AuditEntry.objects.get(event="person.corrected").details == {"fields": ["city"]}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["beheer", "ombudsman"])
def test_who_saw_this_person_lists_the_reads_and_exports_them_audited(avg_world, role):
    w = avg_world
    client = login(getattr(w.office, role))
    url = reverse("privacy:person_audit", args=[w.anna.pk])
    body = client.get(url).content.decode()
    assert "case.viewed" in body and "coordinator" in body and w.anna_case.reference in body
    assert "Anna" not in body  # by person id: the beheerder never sees a name
    rows = list(csv.reader(io.StringIO(
        client.get(reverse("privacy:person_audit_export", args=[w.anna.pk])).content.decode()),
        delimiter=";"))
    assert rows[0][0] == "tijdstip"
    assert {r[9] for r in rows[1:]} == {str(w.anna.pk)}
    # every entry about Anna, including the page view and this export themselves
    assert len(rows) - 1 == AuditEntry.objects.filter(person_id=w.anna.pk).count() > 5
    assert AuditEntry.objects.filter(event="person.audit_viewed", person_id=w.anna.pk).count() == 1
    exported = AuditEntry.objects.get(event="person.audit_exported")
    assert exported.action == "E" and exported.details == {"format": "csv"}


@pytest.mark.django_db
def test_who_saw_this_person_filters_by_period(avg_world):
    w = avg_world
    client = login(w.office.beheer)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    body = client.get(reverse("privacy:person_audit", args=[w.anna.pk]),
                      {"date_from": tomorrow}).content.decode()
    assert "Resultaat (0 regels)" in body
    assert AuditEntry.objects.get(event="person.audit_viewed").details["date_from"] == tomorrow


@pytest.mark.django_db
def test_who_saw_this_person_is_scoped_to_the_municipality(avg_world):
    w = avg_world
    # Anna has cases in Steenwijkerland only: the Westerveld ombudsperson gets a 404
    client = login(w.office.ombudsman_westerveld)
    assert client.get(reverse("privacy:person_audit", args=[w.anna.pk])).status_code == 404
    # Ruud has a Westerveld case: they see the Westerveld entries, not the Steenwijkerland ones
    body = client.get(reverse("privacy:person_audit", args=[w.ruud.pk])).content.decode()
    assert w.ruud_case.reference in body and "GM1708" not in body
    for role in ("secretariaat", "coordinator", "beleid"):
        response = login(getattr(w.office, role)).get(
            reverse("privacy:person_audit", args=[w.anna.pk]))
        assert response.status_code == 403, role


@pytest.mark.django_db
def test_the_request_of_an_erased_person_still_shows_and_offers_no_export(avg_world):
    w = avg_world
    avg_request = make_request(w, w.anna)
    AvgRequest.objects.filter(pk=avg_request.pk).update(person=None)
    client = login(w.office.ombudsman)
    body = client.get(reverse("privacy:detail", args=[avg_request.pk])).content.decode()
    assert f"Gewist (persoon-id {w.anna.pk})" in body and "inzage.json" not in body
    assert client.get(reverse("privacy:access_json", args=[avg_request.pk])).status_code == 404


@pytest.mark.django_db
def test_the_audit_log_links_a_person_id_to_who_saw_this_person(avg_world):
    w = avg_world
    body = login(w.office.beheer).get(reverse("core:audit"),
                                      {"person_id": w.anna.pk}).content.decode()
    assert f'href="{reverse("privacy:person_audit", args=[w.anna.pk])}"' in body
