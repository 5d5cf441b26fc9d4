"""``GET /api/v1/reports/figures/``: the report's tidy rows as JSON, the same as its CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse

from ombuds.core.models import AuditEntry
from ombuds.tests.factories import api_as, register_case

pytestmark = pytest.mark.django_db
URL = reverse("api-reports:figures")


@pytest.fixture
def cases(office):
    for channel in ["telefoon"] * 3 + ["email"] * 9 + ["brief"] * 11:
        register_case(office, channel=channel)
    for _ in range(4):
        register_case(office, municipality=office.westerveld, user=office.ombudsman_westerveld)
    return office


def csv_rows(user, **query) -> list[dict]:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("reports:export"), {"formaat": "csv", **query})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def as_csv(rows: list[dict]) -> list[dict]:
    """The API's rows as the CSV writes them: every value a string, nothing for null."""
    return [{k: "" if v is None else str(v) for k, v in row.items()} for row in rows]


@pytest.mark.parametrize(("who", "version"), [("coordinator", "exact"),
                                              ("beleid", "publicatie")])
def test_the_rows_are_the_rows_of_the_csv(cases, who, version):
    user = getattr(cases, who)
    response = api_as(user).get(URL, {"gemeente": "GM1708", "periode": "2026",
                                      "versie": version})
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["municipality"], data["period"], data["exact"], data["regional"]) == (
        "GM1708", "2026", version == "exact", False)
    assert (data["start"], data["end"], data["kind"]) == ("2026-01-01", "2026-12-31", "general")
    assert data["rows"]
    entry = AuditEntry.objects.filter(event="report.exported").latest("id")
    assert (entry.user, entry.details["format"], entry.details["exact"]) == (
        user, "json", version == "exact")
    assert as_csv(data["rows"]) == csv_rows(user, gemeente="GM1708", periode="2026",
                                            versie=version)
    assert {"label", "value", "detail"} <= set(data["key_figures"][0])
    assert isinstance(data["omitted"], list)
    if version == "exact":
        assert {"table": "channel", "category": "Telefoon", "measure": "count",
                "value": 3} in data["rows"]
    else:
        counts = [r["value"] for r in data["rows"] if r["measure"] == "count"]
        assert not [v for v in counts if isinstance(v, int) and 1 <= v <= 9]


def test_beleid_gets_no_exact_figures(cases):
    response = api_as(cases.beleid).get(URL, {"gemeente": "GM1708", "periode": "2026",
                                              "versie": "exact"})
    assert response.status_code == 403
    assert not AuditEntry.objects.filter(event="report.exported").exists()


def test_a_municipality_without_figures_for_the_user_is_forbidden(cases):
    response = api_as(cases.ombudsman_westerveld).get(URL, {"gemeente": "GM1708",
                                                            "periode": "2026"})
    assert response.status_code == 403
    # The whole office needs every one of its municipalities.
    response = api_as(cases.ombudsman_westerveld).get(URL, {"gemeente": "GM1701",
                                                            "periode": "2026", "regionaal": "1"})
    assert response.status_code == 403
    # Intake staff have no figures at all.
    assert api_as(cases.secretariaat).get(URL, {"gemeente": "GM1708",
                                                "periode": "2026"}).status_code == 403


@pytest.mark.parametrize(("query", "field", "message"), [
    ({"gemeente": "GM1708", "periode": "2026-Q5"}, "periode", "'2026-Q5' is geen periode."),
    ({"gemeente": "GM1708", "periode": "2026-12-31..2026-01-01"}, "periode",
     "De einddatum ligt voor de begindatum."),
    ({"gemeente": "GM9999", "periode": "2026"}, "gemeente", "Onbekende gemeente: GM9999."),
    ({"periode": "2026"}, "gemeente", "Dit veld is vereist."),
    ({"gemeente": "GM1708", "periode": "2026", "versie": "alles"}, "versie", "alles"),
    ({"gemeente": "GM1708", "periode": "2026", "regionaal": "1", "soort": "complaints"},
     "regionaal", "Het klachtenregister is er alleen per gemeente."),
])
def test_a_bad_query_is_a_400_naming_the_parameter(cases, query, field, message):
    response = api_as(cases.coordinator).get(URL, query)
    assert response.status_code == 400
    errors = response.json()
    assert list(errors) == [field]
    assert message in errors[field][0]


def test_the_regional_rows_name_their_municipality(cases):
    data = api_as(cases.coordinator).get(URL, {"gemeente": "GM1701", "periode": "2026",
                                               "versie": "exact", "regionaal": "1"}).json()
    assert (data["municipality"], data["regional"], data["municipalities"]) == (
        None, True, ["GM1708", "GM1701"])
    assert {r["municipality"] for r in data["rows"]} == {"regio", "GM1708", "GM1701"}
    assert {"municipality": "GM1701", "table": "channel", "category": "Telefoon",
            "measure": "count", "value": 4} in data["rows"]
    assert as_csv(data["rows"]) == csv_rows(cases.coordinator, gemeente="GM1701",
                                            periode="2026", versie="exact", omvang="regio")


def test_pilot_is_the_municipalitys_own_pilot_period(cases, settings):
    settings.PILOT_PERIOD = "2025-01-01..2026-12-31"
    stw = cases.steenwijkerland
    stw.pilot_start, stw.pilot_end = dt.date(2025, 3, 1), dt.date(2027, 2, 28)
    stw.save()
    client = api_as(cases.coordinator)
    own = client.get(URL, {"gemeente": "GM1708", "periode": "pilot"}).json()
    assert (own["start"], own["end"], own["period"]) == (
        "2025-03-01", "2027-02-28", "2025-03-01..2027-02-28")
    other = client.get(URL, {"gemeente": "GM1701", "periode": "pilot"}).json()
    assert (other["start"], other["end"]) == ("2025-01-01", "2026-12-31")


def test_the_complaint_register_comes_as_rows_too(cases):
    data = api_as(cases.coordinator).get(URL, {"gemeente": "GM1701", "periode": "2026",
                                               "versie": "exact", "soort": "complaints"}).json()
    assert data["kind"] == "complaints"
    assert {r["table"] for r in data["rows"]} == {"complaint_register"}
    assert {"table": "complaint_register", "category": "2026", "measure": "Ontvangen",
            "value": 0} in data["rows"]


def test_the_endpoint_is_documented_in_the_schema(client):
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/reports/figures/"]["get"]
    assert operation["operationId"] == "reports_figures"
    assert [p["name"] for p in operation["parameters"]] == [
        "gemeente", "periode", "regionaal", "soort", "versie"]
    assert {"200", "400", "403"} <= set(operation["responses"])
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    figures = schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    assert {"municipality", "period", "exact", "rows", "omitted", "key_figures"} <= set(
        figures["properties"])
