"""The figures real ombudsmen publish (``reports.measures``): how requests were handled, terms
met per procedure, working days per stage and time spent; destroyed cases count the same."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ombuds.cases.models import Case, CaseOrganisation, EntryKind
from ombuds.cases.services import timeline_entry_add
from ombuds.domain.deadlines import DEFAULT_CALENDAR, working_days_between
from ombuds.mediation.models import Consent, ConsentPurpose, Meeting, PartnerLink, Referral
from ombuds.procedures.models import Complaint, Deadline, DeadlineKind
from ombuds.records.models import Tombstone, TombstoneDeadline
from ombuds.records.services import case_destroy
from ombuds.reports import measures
from ombuds.reports.figures import TOTAL, report_build
from ombuds.reports.periods import Period
from ombuds.tests.factories import (
    OrganisationFactory,
    municipality_in_variant,
    register_case,
    workflow,
)

pytestmark = pytest.mark.django_db
TZ = timezone.get_current_timezone()
NOW = datetime(2026, 6, 15, 12, 0, tzinfo=TZ)
YEAR = Period.parse("2026")


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def closed_case(office, *, opened: datetime, closed: datetime, minutes: int | None = None,
                municipality=None) -> Case:
    case = register_case(office, municipality=municipality)
    Case.objects.filter(pk=case.pk).update(status="afgesloten", outcome="opgelost",
                                           opened_at=opened, closed_at=closed,
                                           minutes_spent=minutes)
    case.refresh_from_db()
    return case


def party(case: Case) -> CaseOrganisation:
    return CaseOrganisation.objects.create(case=case, organisation=OrganisationFactory(),
                                           contact_person="Petra Pieters")


def refer(office, case: Case) -> None:
    Referral.objects.create(case=case, route="wijkteam", referred_on=date(2026, 3, 2),
                            check_on=date(2026, 3, 16), created_by=office.ombudsman)


def meeting(office, case: Case, *, status: str, invited: bool = True) -> Meeting:
    held = status == Meeting.Status.HELD
    row = Meeting.objects.create(
        case=case, kind=Meeting.Kind.JOINT, status=status, starts_at=at(date(2026, 3, 3)),
        created_by=office.ombudsman, invitations_sent_at=at(date(2026, 3, 1)) if invited else None,
        resident_present=True if held else None, held_at=at(date(2026, 3, 3)) if held else None)
    row.parties.add(party(case))
    return row


def consent(office, case: Case, purpose: str) -> None:
    Consent.objects.create(case=case, party=party(case), purpose=purpose, scope="Het verhaal.",
                           given_on=date(2026, 3, 1), given_how="mondeling",
                           given_by="De inwoner", recorded_by=office.ombudsman)


def complaint(case: Case) -> None:
    Complaint.objects.create(case=case, subject="Bejegening", received_on=date(2026, 3, 1))


def handling_world(office) -> dict[str, Case]:
    """One case closed in 2026 per way of handling (two by mediation), each also showing the
    lighter ways, and cases that must not count."""
    march = {"opened": at(date(2026, 2, 2)), "closed": at(date(2026, 3, 20))}
    cases = {name: closed_case(office, **march) for name in (
        "advice", "referral", "intervention", "mediation_meeting", "mediation_consent",
        "investigation")}
    refer(office, cases["referral"])
    # A request to the party through a partner link, and a referral: an intervention.
    PartnerLink.objects.create(case=cases["intervention"], party=party(cases["intervention"]),
                               purpose="informatie", question="Wat is de stand?",
                               token_hash=uuid.uuid4().hex * 2, expires_at=NOW, created_by=office.ombudsman)
    refer(office, cases["intervention"])
    meeting(office, cases["mediation_meeting"], status=Meeting.Status.HELD)
    refer(office, cases["mediation_meeting"])
    consent(office, cases["mediation_consent"], ConsentPurpose.SHARE_INFORMATION)
    complaint(cases["investigation"])
    meeting(office, cases["investigation"], status=Meeting.Status.HELD)
    # The party was invited but the meeting never took place: contact, not mediation.
    meeting(office, cases["advice"], status=Meeting.Status.CANCELLED, invited=False)
    consent(office, cases["advice"], ConsentPurpose.HANDOVER)
    # Not closed in 2026: an open case with a complaint, a case closed in 2025.
    complaint(register_case(office))
    refer(office, closed_case(office, opened=at(date(2025, 2, 2)), closed=at(date(2025, 12, 1))))
    return cases


def by_label(rows) -> dict:
    return dict(rows)


# --- how a request was handled -------------------------------------------------------------


@time_machine.travel(NOW, tick=False)
def test_each_closed_case_counts_once_by_the_most_intensive_way_it_was_handled(office):
    handling_world(office)
    rows = measures.handling(office.steenwijkerland, YEAR)
    assert rows == [("Advies", 1), ("Verwijzing", 1), ("Interventie", 1), ("Bemiddeling", 2),
                    ("Onderzoek of klachtbehandeling", 1)]
    report = report_build(municipality=office.steenwijkerland, period=YEAR, exact=True)
    outcome_total = {(t, c, m): v for t, c, m, v in report.rows()}["outcome", TOTAL, "count"]
    assert sum(n for _label, n in rows) == outcome_total == 6


@time_machine.travel(NOW, tick=False)
def test_a_destroyed_case_keeps_how_it_was_handled(office):
    cases = handling_world(office)
    before = measures.handling(office.steenwijkerland, YEAR)
    for name in ("intervention", "mediation_meeting", "investigation"):
        case_destroy(cases[name], rule="test", by=None, retrain_themes=False)
    assert dict(Tombstone.objects.values_list("reference", "handling")) == {
        cases["intervention"].reference: "interventie",
        cases["mediation_meeting"].reference: "bemiddeling",
        cases["investigation"].reference: "onderzoek",
    }
    office.steenwijkerland.__dict__.pop("_ombuds_has_tombstones", None)
    assert measures.handling(office.steenwijkerland, YEAR) == before


@time_machine.travel(NOW, tick=False)
def test_a_case_destroyed_before_tombstones_kept_its_handling_is_no_longer_known(office):
    handling_world(office)
    Tombstone.objects.create(
        reference="STW-2020-0001", case_id=999_999, municipality=office.steenwijkerland,
        workflow=workflow(3), result_type="advies", outcome="opgelost", channel="telefoon",
        opened_at=at(date(2026, 1, 5)), closed_at=at(date(2026, 2, 5)), rule="oud",
        destroyed_at=NOW, destroyed_by="bewaartermijntaak")
    rows = measures.handling(office.steenwijkerland, YEAR)
    assert rows[-1] == ("Niet meer na te gaan (dossier vernietigd)", 1)
    assert sum(n for _label, n in rows) == 7


# --- terms met per procedure ---------------------------------------------------------------


def deadline(case: Case, kind: str, end: date, met_on: date | None = None, *,
             watched: bool = True, complaint_row=None) -> None:
    """A term of ``case`` (replacing the promise of first contact its registration started)."""
    Deadline.objects.update_or_create(
        case=case, kind=kind, complaint=complaint_row,
        defaults={"name": kind, "start": end - timedelta(days=42), "raw_end": end, "end": end,
                  "basis": "test", "explanation": "test", "watched": watched,
                  "met_on": met_on})


@time_machine.travel(NOW, tick=False)
def test_terms_are_counted_per_procedure_as_met_in_time_late_or_passed(office):
    cases = [register_case(office) for _ in range(3)]
    today = NOW.date()
    # Objection terms: met before the end, on the last day, and two days late.
    deadline(cases[0], DeadlineKind.OBJECTION, date(2026, 3, 2), date(2026, 2, 20))
    deadline(cases[1], DeadlineKind.OBJECTION, date(2026, 4, 1), date(2026, 4, 1))
    deadline(cases[2], DeadlineKind.OBJECTION, date(2026, 5, 4), date(2026, 5, 6))
    deadline(cases[2], DeadlineKind.OBJECTION_DECISION, date(2027, 1, 4))  # after the period
    deadline(cases[0], DeadlineKind.APPEAL, date(2026, 6, 1))  # passed
    deadline(cases[1], DeadlineKind.APPEAL, date(2026, 7, 1))  # running: not counted
    deadline(cases[0], DeadlineKind.FIRST_CONTACT, date(2026, 1, 9), date(2026, 1, 12))  # late
    deadline(cases[1], DeadlineKind.FIRST_CONTACT, date(2025, 12, 30), date(2025, 12, 29))
    deadline(cases[2], DeadlineKind.PENALTY, date(2026, 2, 1), watched=False)  # information
    # A destroyed case's kept term counts too.
    gone = Tombstone.objects.create(
        reference="STW-2026-0999", case_id=999_999, municipality=office.steenwijkerland,
        workflow=workflow(3), result_type="advies", channel="telefoon",
        opened_at=at(date(2026, 1, 5)), rule="test", destroyed_at=NOW, destroyed_by="test")
    TombstoneDeadline.objects.create(tombstone=gone, kind="bezwaar", end=date(2026, 2, 2),
                                     met_on=date(2026, 1, 30))

    none = [("Op tijd", 0), ("Te laat", 0), ("Verstreken", 0)]
    # Every procedure of the variant is listed (zeros too: which tables a report has must not
    # depend on the data); variant 3 has no complaint terms.
    assert measures.terms_by_procedure(office.steenwijkerland, YEAR, today) == [
        ("bezwaar", "Bezwaartermijn: advies aan de inwoner op tijd",
         [("Op tijd", 3), ("Te laat", 1), ("Verstreken", 0)]),
        ("beslissing_bezwaar", "Beslistermijn bezwaar van de gemeente (Awb 7:10)", none),
        ("beroep", "Beroepstermijn (Awb 6:7)", [("Op tijd", 0), ("Te laat", 0), ("Verstreken", 1)]),
        ("beslistermijn_aanvraag", "Beslistermijn aanvraag of melding van de gemeente", none),
        ("eerste_contact", "Belofte eerste contact",
         [("Op tijd", 0), ("Te laat", 1), ("Verstreken", 0)]),
    ]


@time_machine.travel(NOW, tick=False)
def test_a_request_as_second_instance_is_measured_against_the_offices_own_term(office):
    variant6 = municipality_in_variant(office, 6)
    case = register_case(office, municipality=variant6)
    row = Complaint.objects.create(case=case, kind=Complaint.Kind.OMBUDSMAN, subject="x",
                                   received_on=date(2026, 1, 5))
    deadline(case, DeadlineKind.COMPLAINT_DECISION, date(2026, 2, 16), date(2026, 2, 10),
             complaint_row=row)
    terms = {kind: (label, rows) for kind, label, rows in
             measures.terms_by_procedure(variant6, YEAR, NOW.date())}
    assert terms["afhandeling_klacht"] == (
        "Behandeling verzoek (streeftermijn naar Awb 9:11)",
        [("Op tijd", 1), ("Te laat", 0), ("Verstreken", 0)])
    assert sum(n for _label, rows in terms.values() for _state, n in rows) == 1


# --- working days per stage ----------------------------------------------------------------


def staged(office, opened: datetime, contact: date | None, closed: date,
           minutes: int | None = None) -> Case:
    case = closed_case(office, opened=opened, closed=at(closed, 16), minutes=minutes)
    if contact is not None:
        timeline_entry_add(user=office.ombudsman, case=case, kind=EntryKind.PHONE,
                           summary="Inwoner gebeld", occurred_at=at(contact, 11))
    # A call after the closure is aftercare, not the first contact.
    timeline_entry_add(user=office.ombudsman, case=case, kind=EntryKind.PHONE,
                       summary="Nabellen", occurred_at=at(closed + timedelta(days=3)))
    return case


def stage_world(office) -> list[Case]:
    """Four cases over the 2026 holidays. Working days are the days in (start, end] that are
    not a Saturday, Sunday or Atw holiday:

    - opened Thu 2 April late in the evening, called Tue 7 April, closed Thu 9 April: Good
      Friday, Easter Monday and a weekend lie between: 1 + 2 = 3 working days (7 days);
    - opened and called Mon 20 April, closed Thu 30 April, over King's Day: 0 + 7 = 7;
    - opened Wed 13 May, never called, closed Mon 18 May, over Ascension Day and the
      designated Friday after it: 1;
    - opened Mon 1 June, called Wed 3 June, closed Fri 12 June: 2 + 7 = 9.
    """
    return [
        staged(office, at(date(2026, 4, 2), 23, 30), date(2026, 4, 7), date(2026, 4, 9), 30),
        staged(office, at(date(2026, 4, 20), 9), date(2026, 4, 20), date(2026, 4, 30), 240),
        staged(office, at(date(2026, 5, 13)), None, date(2026, 5, 18), None),
        staged(office, at(date(2026, 6, 1)), date(2026, 6, 3), date(2026, 6, 12), 90),
    ]


EXPECTED_STAGES = [
    # first contact: [0, 1, 2]; after it: [2, 7, 7]; whole: [1, 3, 7, 9]
    ("Van aanmelding tot eerste contact", 3, 1.0, 1.8),
    ("Van eerste contact tot afsluiting", 3, 7.0, 7.0),
    ("Van aanmelding tot afsluiting", 4, 5.0, 8.4),
]


@time_machine.travel(NOW, tick=False)
def test_the_median_and_90th_percentile_count_working_days_across_the_holidays(office):
    stage_world(office)
    closed_case(office, opened=at(date(2025, 11, 3)), closed=at(date(2025, 12, 1)))  # 2025
    assert measures.stage_times(office.steenwijkerland, YEAR) == EXPECTED_STAGES


def test_a_period_without_closed_cases_has_no_median(office):
    assert measures.stage_times(office.steenwijkerland, YEAR) == [
        ("Van aanmelding tot eerste contact", 0, None, None),
        ("Van eerste contact tot afsluiting", 0, None, None),
        ("Van aanmelding tot afsluiting", 0, None, None),
    ]
    assert measures.time_spent(office.steenwijkerland, YEAR) == (0, 0, None)


@time_machine.travel(NOW, tick=False)
def test_destroyed_cases_keep_their_stages_and_time_spent(office):
    cases = stage_world(office)
    before = (measures.stage_times(office.steenwijkerland, YEAR),
              measures.time_spent(office.steenwijkerland, YEAR))
    for case in (cases[0], cases[2]):
        case_destroy(case, rule="test", by=None, retrain_themes=False)
    assert Tombstone.objects.get(reference=cases[0].reference).first_contact_on == date(2026, 4, 7)
    assert Tombstone.objects.get(reference=cases[0].reference).minutes_spent == 30
    office.steenwijkerland.__dict__.pop("_ombuds_has_tombstones", None)
    assert (measures.stage_times(office.steenwijkerland, YEAR),
            measures.time_spent(office.steenwijkerland, YEAR)) == before == (
                EXPECTED_STAGES, (3, 360, 90.0))


@pytest.mark.parametrize("seed", range(5))
def test_the_running_count_of_working_days_agrees_with_the_deadline_rule(seed):
    rng = random.Random(seed)
    first, last = date(2025, 11, 1), date(2027, 2, 1)
    days = measures._WorkingDays(first, last, DEFAULT_CALENDAR)
    for _ in range(200):
        a, b = sorted(first + timedelta(days=rng.randrange((last - first).days + 1))
                      for _ in range(2))
        assert days.between(a, b) == working_days_between(a, b, DEFAULT_CALENDAR)
        assert days.between(b, a) == 0 or a == b


# --- time spent ----------------------------------------------------------------------------


@time_machine.travel(NOW, tick=False)
def test_time_spent_counts_the_closed_cases_that_recorded_it(office):
    stage_world(office)  # 30, 240, none, 90 minutes
    closed_case(office, opened=at(date(2025, 3, 2)), closed=at(date(2025, 4, 1)), minutes=600)
    open_case = register_case(office)
    Case.objects.filter(pk=open_case.pk).update(minutes_spent=45)
    assert measures.time_spent(office.steenwijkerland, YEAR) == (3, 360, 90.0)


# --- a fixed number of queries -------------------------------------------------------------


def all_measures(office) -> None:
    municipality = office.steenwijkerland
    municipality.__dict__.pop("_ombuds_has_tombstones", None)
    measures.handling(municipality, YEAR)
    measures.terms_by_procedure(municipality, YEAR, NOW.date())
    measures.stage_times(municipality, YEAR)
    measures.time_spent(municipality, YEAR)


def count_queries(office) -> int:
    with CaptureQueriesContext(connection) as captured:
        all_measures(office)
    return len(captured.captured_queries)


@time_machine.travel(NOW, tick=False)
def test_the_measures_ask_the_same_number_of_queries_for_few_or_many_cases(
        office, django_assert_max_num_queries):
    handling_world(office)
    stage_world(office)
    few = count_queries(office)
    handling_world(office)
    stage_world(office)
    stage_world(office)
    assert count_queries(office) == few
    # handling: 4 sets of ids and the count of closed cases; terms 1; stages: the holiday
    # calendar and the cases; time spent 1; and one to learn that no case was destroyed.
    assert few == 10
    case_destroy(stage_world(office)[0], rule="test", by=None, retrain_themes=False)
    # Each function asks one more for the tombstones.
    with django_assert_max_num_queries(14):
        all_measures(office)
