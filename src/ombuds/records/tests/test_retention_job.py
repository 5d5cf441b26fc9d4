"""The retention job (issue 7, done-when 4): dry run and real run with frozen time, before, on
and after the end of each term; a legal hold blocks; the terms are configurable."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from ombuds.cases.models import Case
from ombuds.core.models import AuditEntry
from ombuds.procedures.models import Complaint
from ombuds.records.models import RetentionRule, Tombstone
from ombuds.records.selectors import case_term
from ombuds.records.services import legal_hold_lift, legal_hold_place, retention_run
from ombuds.tests.factories import register_case

AMS = ZoneInfo("Europe/Amsterdam")
pytestmark = pytest.mark.django_db


def closed_case(office, *, closed: datetime, outcome: str, name: str) -> Case:
    with time_machine.travel(closed.replace(year=closed.year - 1), tick=False):
        case = register_case(office, name=name)
    Case.objects.filter(pk=case.pk).update(status="afgesloten", outcome=outcome, closed_at=closed)
    case.refresh_from_db()
    return case


@pytest.fixture
def cases(office):
    """Four closed cases whose terms all end on 10 March 2025, and an old open one."""
    handled = closed_case(office, closed=datetime(2020, 3, 10, 12, tzinfo=AMS),
                          outcome="opgelost", name="Anna Behandeld")
    aborted = closed_case(office, closed=datetime(2024, 3, 10, 12, tzinfo=AMS),
                          outcome="ingetrokken", name="Bert Ingetrokken")
    ombudsman = closed_case(office, closed=datetime(2015, 3, 10, 12, tzinfo=AMS),
                            outcome="gegrond", name="Cor Ombudsman")
    Complaint.objects.create(case=ombudsman, kind=Complaint.Kind.OMBUDSMAN, subject="Verzoek",
                             received_on=datetime(2014, 6, 1).date())
    held = closed_case(office, closed=datetime(2020, 3, 10, 12, tzinfo=AMS),
                       outcome="opgelost", name="Dirk Bewaarplicht")
    legal_hold_place(user=office.ombudsman, case=held, reason="Procedure bij de rechter loopt")
    with time_machine.travel(datetime(2010, 1, 1, tzinfo=AMS), tick=False):
        still_open = register_case(office, name="Els Open")
    return {"handled": handled, "aborted": aborted, "ombudsman": ombudsman, "held": held,
            "open": still_open}


def references(terms) -> set[str]:
    return {t.case.reference for t in terms}


def test_elke_gesloten_zaak_heeft_een_vernietigingsdatum_naar_haar_resultaattype(cases):
    dates = {key: case_term(case) for key, case in cases.items()}
    assert dates["open"] is None
    for key in ("handled", "aborted", "ombudsman", "held"):
        assert dates[key].destroy_on.isoformat() == "2025-03-10", key
    assert {key: dates[key].years for key in ("handled", "aborted", "ombudsman")} == {
        "handled": 5, "aborted": 1, "ombudsman": 10}


def test_de_dag_voor_de_datum_wordt_niets_vernietigd(cases):
    with time_machine.travel(datetime(2025, 3, 9, 23, 30, tzinfo=AMS), tick=False):
        assert retention_run(dry_run=True).due == []
        result = retention_run(dry_run=False)
    assert result.destroyed == []
    assert Case.objects.count() == 5


def test_de_proefrun_op_de_datum_noemt_de_zaken_en_verandert_niets(cases):
    with time_machine.travel(datetime(2025, 3, 10, 8, tzinfo=AMS), tick=False):
        result = retention_run(dry_run=True)
        out = io.StringIO()
        call_command("retention", "--dry-run", stdout=out)
    due = {cases[k].reference for k in ("handled", "aborted", "ombudsman")}
    assert references(result.due) == due
    assert references(result.held) == {cases["held"].reference}
    assert Case.objects.count() == 5 and not Tombstone.objects.exists()
    text = out.getvalue()
    assert all(reference in text for reference in due)
    assert "vernietigen op 10-03-2025" in text
    assert "Anna" not in text and "bewaarplicht" in text


def test_op_en_na_de_datum_vernietigt_de_taak_behalve_bij_bewaarplicht(
        cases, django_capture_on_commit_callbacks):
    with time_machine.travel(datetime(2025, 3, 10, 8, tzinfo=AMS), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        result = retention_run(dry_run=False)
    gone = {cases[k].reference for k in ("handled", "aborted", "ombudsman")}
    assert {t.reference for t in result.destroyed} == gone
    assert set(Case.objects.values_list("reference", flat=True)) == {
        cases["held"].reference, cases["open"].reference}
    tombstones = {t.reference: t for t in Tombstone.objects.all()}
    assert tombstones[cases["ombudsman"].reference].result_type == "ombudsman"
    assert tombstones[cases["aborted"].reference].rule.endswith("1 jaar na afsluiting")
    assert AuditEntry.objects.filter(event="retention.run").exists()

    # Later, once the hold is lifted, the held case goes too; the open one never.
    legal_hold_lift(user=cases["held"].assignee or cases["held"].created_by,
                    case=cases["held"], reason="Uitspraak onherroepelijk")
    with time_machine.travel(datetime(2026, 7, 1, 8, tzinfo=AMS), tick=False):
        later = retention_run(dry_run=False)
    assert {t.reference for t in later.destroyed} == {cases["held"].reference}
    assert list(Case.objects.values_list("reference", flat=True)) == [cases["open"].reference]


def test_een_langere_termijn_van_de_beheerder_schuift_de_datum_op(cases):
    RetentionRule.objects.filter(result_type="behandeld").update(years=7)
    assert case_term(cases["handled"]).destroy_on.isoformat() == "2027-03-10"
    with time_machine.travel(datetime(2025, 3, 10, 8, tzinfo=AMS), tick=False):
        due = references(retention_run(dry_run=True).due)
    assert cases["handled"].reference not in due
    assert cases["aborted"].reference in due


def test_de_taak_kan_in_de_wachtrij(cases):
    out = io.StringIO()
    call_command("retention", "--enqueue", stdout=out)
    assert "in de wachtrij" in out.getvalue()
