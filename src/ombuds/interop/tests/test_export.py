"""Exports for the beheerder: cases and signals as CSV and JSON (and cases as ZGW), scoped to
their municipalities, without personal data, audited."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from ombuds.accounts.roles import Role
from ombuds.core.models import AuditEntry
from ombuds.interop.tests.test_zgw import RSIN, zaak_validator
from ombuds.signals.services import signal_create
from ombuds.tests.factories import OrganisationFactory, UserFactory, member, register_case

pytestmark = pytest.mark.django_db

SECRETS = ["Geertje Zwiers", "thuiszorg die niet komt", "geertje@example.org"]


@pytest.fixture
def world(office):
    from ombuds.cases.services import PersonData, case_register

    stw = case_register(user=office.ombudsman, municipality=office.steenwijkerland,
                        channel="telefoon", title="Thuiszorg komt niet", story=
                        "Mijn verhaal over de thuiszorg die niet komt.",
                        person_data=PersonData(name="Geertje Zwiers",
                                               email="geertje@example.org"),
                        themes=[office.theme])
    wsv = register_case(office, municipality=office.westerveld)
    signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                  title="Zorg komt vaak te laat", description="Een patroon.", cases=[stw],
                  organisation=OrganisationFactory(municipalities=[office.steenwijkerland]))
    return office, stw, wsv


def body(response) -> str:
    assert response.streaming, "large exports are streamed"
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_it_exports_the_cases_as_csv_without_personal_data(world, client):
    office, stw, wsv = world
    client.force_login(office.beheer)
    response = client.get(reverse("interop:export_cases", args=["csv"]))
    assert response["Content-Disposition"] == 'attachment; filename="zaken.csv"'
    rows = list(csv.DictReader(io.StringIO(body(response)), delimiter=";"))
    assert [r["zaaknummer"] for r in rows] == sorted([stw.reference, wsv.reference])
    row = next(r for r in rows if r["zaaknummer"] == stw.reference)
    assert (row["gemeente"], row["status"], row["kanaal"], row["themas"], row["domeinen"]) == (
        "GM1708", "aangemeld", "telefoon", "Wachttijd", "wmo")
    text = json.dumps(rows)
    assert not [s for s in SECRETS if s in text]
    entry = AuditEntry.objects.get(event="cases.exported")
    assert (entry.user, entry.action, entry.details["rows"]) == (office.beheer, "E", 2)


def test_it_exports_json_and_zgw_and_signals(world, client, settings):
    settings.ZGW_RSIN = RSIN
    office, stw, _ = world
    client.force_login(office.beheer)
    cases = json.loads(body(client.get(reverse("interop:export_cases", args=["json"]))))
    assert {c["zaaknummer"] for c in cases} == {c.reference for c in (stw, world[2])}
    zaken = json.loads(body(client.get(reverse("interop:export_cases", args=["zgw"]))))
    validator = zaak_validator()
    for zaak in zaken:
        validator.validate(zaak)
    signals = json.loads(body(client.get(reverse("interop:export_signals", args=["json"]))))
    assert [(s["titel"], s["aantal_zaken"], s["gemeente"]) for s in signals] == [
        ("Zorg komt vaak te laat", 1, "GM1708")]
    lines = body(client.get(reverse("interop:export_signals", args=["csv"]))).splitlines()
    assert lines[0].startswith("signaal;gemeente;titel;status")
    assert "Een patroon." not in "\n".join(lines)
    assert AuditEntry.objects.filter(event__in=["cases.exported", "signals.exported"]).count() == 4
    assert client.get("/werk/export/zaken.xml").status_code == 404


def test_a_beheerder_exports_only_their_own_municipalities(world, client):
    office, stw, wsv = world
    westerveld_admin = member(UserFactory(username="beheer-wsv"), office.westerveld, Role.ADMIN)
    client.force_login(westerveld_admin)
    rows = json.loads(body(client.get(reverse("interop:export_cases", args=["json"]))))
    assert [r["zaaknummer"] for r in rows] == [wsv.reference]
    assert json.loads(body(client.get(reverse("interop:export_signals", args=["json"])))) == []
