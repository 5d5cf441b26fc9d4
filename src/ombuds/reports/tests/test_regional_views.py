"""The report form's "Omvang" (this municipality or the whole office) and the pilot period per
municipality, on the dashboard, in files at once and in the worker."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from ombuds.core.models import AuditEntry
from ombuds.reports.forms import ReportForm
from ombuds.reports.models import ReportRun
from ombuds.reports.services import report_run_execute
from ombuds.tests.factories import register_case

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def cases(office):
    for channel in ["telefoon"] * 3 + ["email"] * 9:
        register_case(office, channel=channel)
    for _ in range(4):
        register_case(office, municipality=office.westerveld, user=office.ombudsman_westerveld)
    return office


def choose(user, **data) -> ReportForm:
    form = ReportForm({"gemeente": "GM1708", "periode": "2026", "versie": "exact",
                       "formaat": "csv", "soort": "general", **data}, user=user)
    form.is_valid()
    return form


def test_the_whole_office_is_offered_only_to_who_may_see_every_municipality(office):
    assert ReportForm(user=office.ombudsman).may_choose_regional
    assert ReportForm(user=office.beleid).may_choose_regional
    westerveld_only = ReportForm(user=office.ombudsman_westerveld)
    assert not westerveld_only.may_choose_regional
    page = client_for(office.ombudsman_westerveld).get(reverse("reports:index")).content.decode()
    assert 'name="omvang"' not in page
    page = client_for(office.ombudsman).get(reverse("reports:index")).content.decode()
    doc = lxml_html.fromstring(page)
    select = doc.get_element_by_id("id_omvang")
    assert [(o.get("value"), o.text) for o in select.findall("option")] == [
        ("gemeente", "Deze gemeente"), ("regio", "Alle gemeenten van het bureau (regionaal)")]
    assert doc.find(".//label[@for='id_omvang']").text == "Omvang"


def test_the_regional_choice_is_refused_with_a_reason_on_the_field(office):
    form = choose(office.ombudsman_westerveld, gemeente="GM1701", omvang="regio")
    assert form.errors["omvang"] == ["U mag niet de cijfers van alle gemeenten van dit bureau "
                                     "zien. Kies 'Deze gemeente'."]
    form = choose(office.ombudsman, omvang="regio", soort="complaints")
    assert form.errors["omvang"] == ["Het klachtenregister is er alleen per gemeente. Kies "
                                     "'Deze gemeente'."]
    # Beleid may have the region, but only publishable.
    form = choose(office.beleid, omvang="regio")
    assert form.errors["versie"] == ["U mag van deze gemeenten alleen de publicatieversie zien."]
    chosen = choose(office.beleid, omvang="regio", versie="publicatie")
    assert chosen.is_valid() and chosen.cleaned_data["regional"] is True
    assert chosen.cleaned_data["exact"] is False
    assert choose(office.coordinator, omvang="regio").cleaned_data["exact"] is True
    assert choose(office.coordinator).cleaned_data["regional"] is False


def test_the_dashboard_shows_the_region_and_each_municipality(cases):
    response = client_for(cases.coordinator).get(reverse("reports:index"), {
        "gemeente": "GM1708", "periode": "2026", "omvang": "regio", "versie": "exact"})
    assert response.status_code == 200
    report = response.context["report"]
    assert report.municipality is None and report.office == cases.office
    assert [p.municipality.cbs_code for p in report.parts] == ["GM1708", "GM1701"]
    doc = lxml_html.fromstring(response.content.decode())
    section = doc.get_element_by_id("dashboard-titel").getparent()
    h3 = [" ".join(h.text_content().split()) for h in section.iter("h3")]
    assert h3[-2:] == ["Steenwijkerland", "Westerveld"]
    westerveld = doc.get_element_by_id("gm1701-deel").getparent()
    assert westerveld.get_element_by_id("gm1701-tabel-channel").tag == "h5"
    assert "Westerveld" in doc.get_element_by_id("dashboard-titel").getparent().text_content()
    # The exact region: 16 new cases, Steenwijkerland's part its own 12.
    assert ("Telefoon", "count", 3) in report.parts[0].table("channel").rows
    region = {row.category: row.value for row in report.table("channel").rows
              if row.measure == "count"}
    assert region["Telefoon"] == 3 + 4


def test_a_regional_csv_at_once_names_each_municipality_and_is_audited(cases):
    response = client_for(cases.coordinator).get(reverse("reports:export"), {
        "gemeente": "GM1701", "periode": "2026", "omvang": "regio", "versie": "exact",
        "formaat": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {r["municipality"] for r in rows} == {"regio", "GM1708", "GM1701"}
    assert {"municipality": "GM1708", "table": "channel", "category": "Telefoon",
            "measure": "count", "value": "3"} in rows
    assert "rapportage-regio-" in response["Content-Disposition"]
    entry = AuditEntry.objects.filter(event="report.exported").latest("id")
    assert entry.details["regional"] is True and entry.details["exact"] is True


def test_a_regional_report_from_the_worker(cases):
    client = client_for(cases.ombudsman)
    response = client.post(reverse("reports:run_create"), {
        "gemeente": "GM1708", "periode": "2026", "versie": "publicatie", "formaat": "csv",
        "omvang": "regio"})
    run = ReportRun.objects.get()
    assert response.status_code == 302
    assert (run.regional, run.kind, run.exact) == (True, "general", False)
    page = client.get(response["Location"]).content.decode()
    assert "Rapportage regio (alle gemeenten van Sociale ombudsfunctie Kop van Overijssel)" in page
    report_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE
    with run.file.open("rb") as file:
        header = file.readline().decode().strip()
    assert header == "municipality,table,category,measure,value"


def test_the_complaint_register_is_queued_as_such(cases):
    client_for(cases.ombudsman).post(reverse("reports:run_create"), {
        "gemeente": "GM1701", "periode": "2026", "versie": "exact", "formaat": "csv",
        "soort": "complaints"})
    assert ReportRun.objects.get().kind == "complaints"


def test_pilot_is_the_pilot_of_the_chosen_municipality(cases, settings):
    settings.PILOT_PERIOD = "2025-01-01..2026-12-31"
    stw = cases.steenwijkerland
    stw.pilot_start, stw.pilot_end = dt.date(2025, 3, 1), dt.date(2027, 2, 28)
    stw.save()
    client = client_for(cases.coordinator)

    def period(**query):
        report = client.get(reverse("reports:index"), {"periode": "pilot", **query}).context[
            "report"]
        return report.period.start, report.period.end

    assert period(gemeente="GM1708") == (dt.date(2025, 3, 1), dt.date(2027, 2, 28))
    assert period(gemeente="GM1701") == (dt.date(2025, 1, 1), dt.date(2026, 12, 31))
    # The region: its municipalities' pilots differ, so the installation's.
    assert period(gemeente="GM1708", omvang="regio") == (dt.date(2025, 1, 1),
                                                         dt.date(2026, 12, 31))
    page = client.get(reverse("reports:index"), {"gemeente": "GM1708", "periode": "pilot"})
    assert "Pilotperiode van de gemeente Steenwijkerland: 1-3-2025 t/m 28-2-2027." in \
        page.content.decode()
    # Queued, the run keeps the municipality's dates.
    client.post(reverse("reports:run_create"), {"gemeente": "GM1708", "periode": "pilot",
                                                "versie": "exact", "formaat": "csv"})
    assert ReportRun.objects.get().period == "2025-03-01..2027-02-28"


def test_the_beheerder_sets_the_pilot_period_of_a_municipality(client, office):
    from ombuds.accounts.roles import Role
    from ombuds.tests.factories import UserFactory, member

    admin = member(UserFactory(username="beheer-stw", is_staff=True), office.steenwijkerland,
                   Role.ADMIN)
    client.force_login(admin)
    stw = office.steenwijkerland
    url = reverse("admin:core_municipality_change", args=[stw.pk])
    page = client.get(url).content.decode()
    assert "Pilotperiode" in page and 'name="pilot_start"' in page and 'name="pilot_end"' in page
    form = {"name": stw.name, "workflow": stw.workflow.pk, "phone": "", "email": ""}
    # Half a period, or one that ends before it starts: refused in Dutch, on the field.
    refused = client.post(url, {**form, "pilot_start": "2025-03-01", "pilot_end": ""})
    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors["pilot_end"] == [
        "Vul ook de laatste dag van de pilot in, of laat beide leeg."]
    refused = client.post(url, {**form, "pilot_start": "2025-03-01", "pilot_end": "2025-02-01"})
    assert refused.context["adminform"].form.errors["pilot_end"] == [
        "De laatste dag van de pilot ligt voor de eerste."]
    response = client.post(url, {**form, "pilot_start": "2025-03-01", "pilot_end": "2027-02-28"})
    assert response.status_code == 302, response.content.decode()[:2000]
    stw.refresh_from_db()
    assert (stw.pilot_start, stw.pilot_end) == (dt.date(2025, 3, 1), dt.date(2027, 2, 28))
