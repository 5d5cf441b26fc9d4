"""The letters a case still owes at closure (``correspondence.closing``): the report of a held
meeting with agreements, and in a complaint (variants 4, 5) the acknowledgement (Awb 9:6) and
the copy to the beklaagde (9:9)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from ombuds.cases.models import EntryKind, TimelineEntry
from ombuds.correspondence.closing import CorrespondenceClosingHook
from ombuds.correspondence.models import Letter, LetterKind
from ombuds.domain.deadlines import nl_date
from ombuds.mediation.models import Agreement, Meeting
from ombuds.procedures.complaints import complaint_of
from ombuds.procedures.services import complaint_update
from ombuds.tests.factories import municipality_in_variant, register_case

pytestmark = pytest.mark.django_db


def items(case):
    return CorrespondenceClosingHook().open_items(case)


def meeting(office, case, *, status=Meeting.Status.HELD, days_ago=3, agreements=1):
    held = Meeting.objects.create(case=case, kind=Meeting.Kind.JOINT, status=status,
                                  starts_at=timezone.now() - timedelta(days=days_ago),
                                  created_by=office.ombudsman)
    for n in range(agreements):
        Agreement.objects.create(case=case, meeting=held, description=f"Afspraak {n}",
                                 due_on=timezone.localdate())
    return held


def report(office, case, about=None):
    entry = TimelineEntry.objects.create(case=case, kind=EntryKind.LETTER, author=office.ombudsman,
                                         occurred_at=timezone.now(), summary="Verslag")
    return Letter.objects.create(case=case, kind=LetterKind.MEETING_REPORT, recipient="Jan",
                                 subject="Verslag", body="…", channel="post", entry=entry,
                                 meeting=about, created_by=office.ombudsman)


def test_a_held_meeting_with_agreements_and_no_report_owes_one(office):
    case = register_case(office)
    held = meeting(office, case)
    (item,) = items(case)
    day = nl_date(timezone.localtime(held.starts_at).date())
    assert (item.kind, item.label) == ("brief", f"Verslag van het gesprek van {day}")
    assert item.url == f"/werk/zaken/{case.reference}/brieven/nieuw/?soort=verslag"


def test_the_report_about_that_meeting_settles_it(office):
    case = register_case(office)
    held, other = meeting(office, case), meeting(office, case, days_ago=10)
    assert len(items(case)) == 2
    report(office, case, about=other)
    assert len(items(case)) == 1
    report(office, case, about=held)
    assert items(case) == []


def test_a_report_written_before_letters_named_their_meeting_counts_for_earlier_ones(office):
    case = register_case(office)
    meeting(office, case)
    report(office, case, about=None)
    assert items(case) == []


def test_no_report_is_owed_without_agreements_or_before_the_meeting_was_held(office):
    case = register_case(office)
    meeting(office, case, agreements=0)
    meeting(office, case, status=Meeting.Status.PLANNED, days_ago=-3)
    meeting(office, case, status=Meeting.Status.CANCELLED)
    assert items(case) == []


@pytest.fixture
def complaint_case(office):
    return register_case(office, municipality=municipality_in_variant(office, 4))


def test_a_complaint_owes_the_acknowledgement_and_the_copy_to_the_beklaagde(office,
                                                                          complaint_case):
    labels = [item.label for item in items(complaint_case)]
    assert labels == [LetterKind.COMPLAINT_ACKNOWLEDGEMENT.label, LetterKind.COMPLAINT_COPY.label]
    complaint = complaint_of(complaint_case)
    complaint_update(user=office.ombudsman, complaint=complaint,
                     acknowledged_on=complaint.received_on, copy_sent_on=complaint.received_on)
    assert items(complaint_case) == []


def test_a_complaint_not_handled_owes_no_copy(office, complaint_case):
    complaint_update(user=office.ombudsman, complaint=complaint_of(complaint_case),
                     not_handled_ground="gewicht")
    assert [i.label for i in items(complaint_case)] == [LetterKind.COMPLAINT_ACKNOWLEDGEMENT.label]


def test_a_complaint_settled_informally_owes_no_letter(office, complaint_case):
    complaint_update(user=office.ombudsman, complaint=complaint_of(complaint_case),
                     settlement="Excuses aangeboden en aanvaard.")
    assert items(complaint_case) == []


def test_a_request_to_the_second_line_owes_no_letter_of_title_9_1(office):
    case = register_case(office, municipality=municipality_in_variant(office, 6))
    assert complaint_of(case) is not None
    assert items(case) == []
