"""Issue 5: the pilot evaluation (objections entered by the beheerder beside mediation) and
the annual complaint register (Awb 9:12a) as ``ombuds report --kind complaints``."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ombuds.accounts.roles import Role
from ombuds.cases.models import Case
from ombuds.reports.figures import complaints_build, report_build
from ombuds.reports.models import ObjectionCount
from ombuds.reports.periods import Period
from ombuds.reports.render import CSV_COLUMNS
from ombuds.reports.tests.complaint_cases import complaint_through
from ombuds.tests.factories import UserFactory, member, register_case

pytestmark = pytest.mark.django_db
TZ = timezone.get_current_timezone()


def test_the_beheerder_enters_objections_in_the_admin_scoped_to_their_municipality(
        client, office):
    stw_admin = member(UserFactory(username="beheer-stw", is_staff=True),
                       office.steenwijkerland, Role.ADMIN)
    ObjectionCount.objects.create(municipality=office.westerveld, year=2024, objections=40)
    client.force_login(stw_admin)
    response = client.post(reverse("admin:reports_objectioncount_add"), {
        "municipality": office.steenwijkerland.pk, "year": 2024, "objections": 55,
        "source": "Jaarverslag bezwaarschriftencommissie 2024"})
    assert response.status_code == 302, response.content[:2000]
    entry = ObjectionCount.objects.get(municipality=office.steenwijkerland)
    assert (entry.objections, entry.entered_by) == (55, stw_admin)
    listing = client.get(reverse("admin:reports_objectioncount_changelist"))
    assert list(listing.context["cl"].result_list) == [entry]
    # Westerveld is not theirs: not offered, and a post for it is refused.
    refused = client.post(reverse("admin:reports_objectioncount_add"), {
        "municipality": office.westerveld.pk, "year": 2025, "objections": 1})
    assert refused.status_code == 200
    assert not ObjectionCount.objects.filter(year=2025).exists()


def close(office, n, outcome, avoided, year):
    for i in range(n):
        case = register_case(office)
        closed = timezone.datetime(year, 6, 1, 12, tzinfo=TZ)
        Case.objects.filter(pk=case.pk).update(
            status="afgesloten", outcome=outcome, procedure_avoided=avoided,
            opened_at=closed - timedelta(days=i + 1), closed_at=closed)


def test_the_pilot_table_sets_objections_per_year_beside_mediation(office):
    stw = office.steenwijkerland
    for year, n in [(2023, 120), (2024, 110), (2025, 80), (2026, 70)]:
        ObjectionCount.objects.create(municipality=stw, year=year, objections=n)
    close(office, 12, "opgelost", "ja", 2025)
    close(office, 3, "deels_opgelost", "nee", 2026)
    exact = report_build(municipality=stw, period=Period.parse("2025-01-01..2026-12-31"),
                         exact=True).table("pilot")
    values = {(r.category, r.measure): r.value for r in exact.rows}
    assert values[("2023", "objections")] == 120 and values[("2024", "objections")] == 110
    assert values[("2025", "objections")] == 80 and values[("2026", "objections")] == 70
    assert values[("2025", "mediated")] == 12 and values[("2026", "mediated")] == 3
    assert values[("2025", "procedure_avoided")] == 12
    assert values[("2026", "procedure_avoided")] == 0
    assert "Doorlooptijd" in exact.note and "Signalen" in exact.note
    published = report_build(municipality=stw, period=Period.parse("2025-01-01..2026-12-31"))
    shown = {(r.category, r.measure): r.value for r in published.table("pilot").rows}
    assert shown[("2023", "objections")] == 120
    assert shown[("2026", "mediated")] in ("<10", "x")
    assert not any(isinstance(v, int) and 1 <= v <= 9 for v in shown.values())
    # A quarter is not whole years: no pilot table.
    quarter = report_build(municipality=stw, period=Period.parse("2026-Q2"), exact=True)
    assert "pilot" not in {t.key for t in quarter.tables}


def complaints(office, specs):
    """Complaints in Westerveld (variant 5) through the workflow: (outcome, received, ended)."""
    for outcome, received, ended in specs:
        complaint_through(office, office.westerveld, outcome, received, ended)


def test_the_complaint_register_counts_the_complaints_of_a_variant_5_municipality(office):
    complaints(office, [
        ("gegrond", date(2026, 2, 1), date(2026, 3, 1)),
        ("ongegrond", date(2026, 3, 1), date(2026, 3, 11)),
        ("deels_gegrond", date(2026, 4, 1), date(2026, 4, 21)),
        ("niet_behandeld", date(2026, 5, 1), date(2026, 5, 5)),
        ("informeel_opgelost", date(2026, 6, 1), None),
        ("ingetrokken", date(2026, 7, 1), None),
        ("", date(2026, 8, 1), None),
        ("gegrond", date(2025, 8, 1), date(2025, 9, 1)),
    ])
    report = complaints_build(municipality=office.westerveld, period=Period.parse("2026"),
                              exact=True)
    values = {(r.category, r.measure): r.value for r in report.table("complaint_register").rows}
    assert values[("2026", "Ontvangen")] == 7
    assert values[("2026", "Afgehandeld met oordeel (Awb 9:12)")] == 3
    assert values[("2026", "Oordeel: gegrond")] == 1
    assert values[("2026", "Oordeel: deels gegrond")] == 1
    assert values[("2026", "Oordeel: ongegrond")] == 1
    assert values[("2026", "Oordeel: geen oordeel")] == 0
    assert values[("2026", "Niet behandeld (Awb 9:8)")] == 1
    assert values[("2026", "Naar tevredenheid opgelost (Awb 9:5)")] == 1
    assert values[("2026", "Ingetrokken")] == 1
    assert values[("2026", "Nog in behandeling")] == 1
    assert values[("2026", "Mediane afhandeltijd (dagen)")] == 20.0
    two = complaints_build(municipality=office.westerveld,
                           period=Period.parse("2025-01-01..2026-12-31"), exact=True)
    assert {r.category for r in two.tables[0].rows} == {"2025", "2026"}


def test_the_cli_writes_the_register_as_tidy_csv_without_counts_from_1_to_9(office, tmp_path):
    complaints(office, [("gegrond", date(2026, 1, 5) + timedelta(days=i),
                         date(2026, 2, 5) + timedelta(days=i)) for i in range(12)]
               + [("ongegrond", date(2026, 3, 1), date(2026, 3, 20))])
    output = tmp_path / "register.csv"
    call_command("report", "--kind", "complaints", "--municipality", "GM1701", "--period",
                 "2026", "--format", "csv", "--output", str(output), stderr=io.StringIO())
    reader = csv.DictReader(io.StringIO(output.read_text("utf-8")))
    assert reader.fieldnames == CSV_COLUMNS
    rows = list(reader)
    assert {row["table"] for row in rows} == {"complaint_register"}
    assert not any("Wacht op besluit" in "".join(row.values()) or "WSV" in "".join(row.values())
                   for row in rows)
    counts = [row for row in rows if not row["measure"].startswith("Mediane")]
    assert not [row for row in counts if row["value"].isdigit() and 1 <= int(row["value"]) <= 9]
    values = {row["measure"]: row["value"] for row in rows}
    assert values["Ontvangen"] == "13" and values["Oordeel: ongegrond"] in ("<10", "x")
    html = tmp_path / "register.html"
    call_command("report", "--kind", "complaints", "--municipality", "GM1701", "--period",
                 "2026", "--format", "html", "--output", str(html), stderr=io.StringIO())
    assert "Klachtenregister Westerveld" in html.read_text("utf-8")
