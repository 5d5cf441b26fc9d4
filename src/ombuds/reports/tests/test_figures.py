"""Building a report: figures by the database, disclosure-controlled unless exact."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ombuds.cases.models import Case, CaseOrganisation
from ombuds.reports.figures import TOTAL, percentile, report_build
from ombuds.reports.periods import Period
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db
NOW = timezone.datetime(2026, 6, 15, 12, 0, tzinfo=timezone.get_current_timezone())


def make_cases(office, n: int) -> None:
    """``n`` cases of Steenwijkerland: with a domain, a theme and a party; every other one,
    the first included, closed after ``i`` days with an outcome."""
    organisation = OrganisationFactory()
    for i in range(n):
        case = register_case(office, channel=["telefoon", "email", "inloop"][i % 3])
        case.domains.add(office.wmo)
        case.themes.add(office.theme)
        CaseOrganisation.objects.create(case=case, organisation=organisation)
        if i % 2 == 0:
            Case.objects.filter(pk=case.pk).update(
                status="afgesloten", outcome="opgelost", procedure_avoided="ja",
                procedure_avoided_what="bezwaar",
                opened_at=NOW - timedelta(days=i + 1), closed_at=NOW - timedelta(days=1))


def queries(office) -> int:
    with CaptureQueriesContext(connection) as captured:
        report_build(municipality=office.steenwijkerland, period=Period.parse("2026"))
    return len(captured.captured_queries)


@time_machine.travel(NOW, tick=False)
def test_it_asks_the_database_the_same_number_of_queries_for_1_or_50_cases(office):
    make_cases(office, 1)
    one = queries(office)
    make_cases(office, 49)
    assert queries(office) == one
    # The publishable report is protected with the office's other municipalities' reports and
    # their regional report: about 30 queries per municipality, a few for the region.
    assert one <= 31 * office.office.municipalities.count() + 6


@time_machine.travel(NOW, tick=False)
def test_it_counts_exactly_for_the_ombudsperson(office):
    make_cases(office, 24)
    report = report_build(municipality=office.steenwijkerland, period=Period.parse("2026"),
                          exact=True)
    rows = {(t, c, m): v for t, c, m, v in report.rows()}
    assert rows["channel", "Telefoon", "count"] == 8
    assert rows["channel", TOTAL, "count"] == 24
    # The closed ones opened 2 to 24 days before 15 June: five of them in May.
    assert (rows["opened_per_month", "mei 2026", "count"],
            rows["opened_per_month", "jun 2026", "count"]) == (5, 19)
    assert rows["domain", "Wmo (maatschappelijke ondersteuning)", "count"] == 24
    assert rows["outcome", "Opgelost met afspraken", "count"] == 12
    assert rows["procedure_avoided_what", "Bezwaar", "count"] == 12
    assert rows["lead_time", "Afgesloten zaken", "count"] == 12
    # Lead times of 0, 2, … 22 days.
    assert rows["lead_time", "Doorlooptijd", "median_days"] == 11.0
    assert rows["lead_time", "Doorlooptijd", "p90_days"] == pytest.approx(19.8)


@time_machine.travel(NOW, tick=False)
def test_the_publishable_report_shows_no_count_of_persons_under_10(office):
    make_cases(office, 14)
    report = report_build(municipality=office.steenwijkerland, period=Period.parse("2026"))
    for table, category, measure, value in report.rows():
        if measure == "count" and isinstance(value, int):
            assert value == 0 or value >= 10, (table, category, value)
        if measure == "count":
            assert value != 0, (table, category)  # zero is under 10 as well
    rows = {(t, c, m): v for t, c, m, v in report.rows()}
    # Five per channel: even merged into "Overig" nothing is left to show per channel, so the
    # table is left out with a sentence; its total (14) is still published.
    assert not any(t == "channel" for t, _, _ in rows)
    assert any(s.startswith("‘Nieuwe zaken per kanaal’") for s in report.omitted)
    assert report.totals["channel"] == 14
    assert report.key_figures[0].label == "Nieuwe aanvragen"
    assert report.key_figures[0].value == "14"
    # 7 closed cases: too few for a median (the table is left out), no percentage on a base
    # under 100.
    assert ("lead_time", "Doorlooptijd", "median_days") not in rows
    assert not any(m == "percentage" for _, _, m, _ in report.rows())


@pytest.mark.parametrize(("values", "fraction", "expected"), [
    ([], 0.5, None), ([4.0], 0.9, 4.0), ([1.0, 2.0, 3.0], 0.5, 2.0),
    ([1.0, 2.0, 3.0, 4.0], 0.5, 2.5), ([0.0, 10.0], 0.9, 9.0),
])
def test_the_sqlite_percentile_interpolates_like_percentile_cont(values, fraction, expected):
    assert percentile(values, fraction) == expected


@time_machine.travel(NOW, tick=False)
def test_the_offices_promise_of_first_contact_is_counted_apart_from_the_legal_terms(office):
    from ombuds.procedures.services import decision_create
    from ombuds.tests.factories import first_contact

    called = first_contact(office, register_case(office))  # promise met today
    register_case(office)  # promise still running
    decision_create(user=office.ombudsman, case=called, subject="Besluit",
                    made_known_on=(NOW - timedelta(days=50)).date())  # objection term missed
    report = report_build(municipality=office.steenwijkerland, period=Period.parse("2026"),
                          exact=True)
    rows = {(t, c, m): v for t, c, m, v in report.rows()}
    assert rows["deadlines", "Verstreken zonder handeling", "count"] == 1
    assert rows["deadlines", TOTAL, "count"] == 1  # the promises are not legal terms
    assert rows["first_contact", "Op tijd contact", "count"] == 1
    assert rows["first_contact", "Loopt nog", "count"] == 1


@time_machine.travel(NOW, tick=False)
def test_a_report_built_while_english_is_active_is_dutch_and_whole(office):
    """A task or request in English (the resident pages have /en/) builds the same report: its
    labels are Dutch and the disclosure links that name them still hold."""
    from django.utils import translation

    make_cases(office, 12)
    dutch = list(report_build(municipality=office.steenwijkerland,
                              period=Period.parse("2025-01-01..2026-12-31")).rows())
    with translation.override("en"):
        english = list(report_build(municipality=office.steenwijkerland,
                                    period=Period.parse("2025-01-01..2026-12-31")).rows())
    assert english == dutch
    exact = list(report_build(municipality=office.steenwijkerland, exact=True,
                              period=Period.parse("2025-01-01..2026-12-31")).rows())
    assert any(cell == "Ja" for _table, cell, _measure, _value in exact)
