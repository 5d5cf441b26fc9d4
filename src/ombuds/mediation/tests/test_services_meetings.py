"""A meeting's life through the services (issue 15): planned → moved → held with its
agreements, or cancelled; a meeting still to come is never held, a held or cancelled one
never changed; invitations per participant with the calendar file."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from ombuds.cases.models import Person, TimelineEntry
from ombuds.cases.services import PersonData
from ombuds.core.models import AuditEntry, OutboxMessage
from ombuds.correspondence.models import Letter
from ombuds.mediation import invitations, services
from ombuds.mediation.models import Agreement, Meeting
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 4, 20, 10, 0)  # a Monday
NEXT_WEEK = timezone.make_aware(datetime(2026, 4, 27, 14, 0))


@pytest.fixture(autouse=True)
def now():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def case(office):
    case = register_case(office, representative_data=PersonData(
        name="Marieke de Vries", email="marieke@example.nl"), representative_relation="familie")
    Person.objects.filter(pk=case.person_id).update(
        email="jan@example.nl", street="Kerkstraat 1", postcode="8331 AA", city="Steenwijk")
    case.person.refresh_from_db()
    return case


@pytest.fixture
def party(office, case):
    team = OrganisationFactory(name="Wmo-team Steenwijkerland", address="Markt 1\n8331 HK Steenwijk",
                               municipalities=[office.steenwijkerland])
    return services.party_add(user=office.ombudsman, case=case, organisation=team,
                              contact_person="P. Jansen", contact_email="p.jansen@example.nl")


def consent_to_meet(office, party):
    services.consent_record(user=office.ombudsman, party=party, purpose="gesprek",
                            scope="Dat er een zaak is", given_on=date(2026, 4, 20),
                            given_how="mondeling", given_by="Jan de Vries")


def plan(office, case, party, **values):
    data = {"kind": "gezamenlijk", "starts_at": NEXT_WEEK, "duration_minutes": 90,
            "place": "Gemeentehuis Steenwijk", "parties": [party]}
    return services.meeting_plan(user=office.ombudsman, case=case, **{**data, **values})


def test_a_meeting_for_next_week_is_planned_not_held(office, case, party):
    meeting = plan(office, case, party)
    assert meeting.status == Meeting.Status.PLANNED
    assert meeting.resident_present is None and meeting.held_at is None
    assert meeting.ends_at == timezone.make_aware(datetime(2026, 4, 27, 15, 30))
    entry = TimelineEntry.objects.get(case=case, summary__contains="gepland")
    assert entry.summary == "Gezamenlijk gesprek gepland op maandag 27 april 2026 om 14.00 uur"
    assert "Uitgenodigd: de inwoner, Wmo-team Steenwijkerland" in entry.body
    assert AuditEntry.objects.filter(event="meeting.planned").exists()
    assert not TimelineEntry.objects.filter(case=case, kind="gesprek").exists()


def test_planning_needs_a_place_or_video_link_and_a_valid_duration(office, case, party):
    with pytest.raises(ValidationError) as error:
        plan(office, case, party, place="", video_url="", duration_minutes=2)
    assert {"place", "duration_minutes"} <= set(error.value.message_dict)
    with pytest.raises(ValidationError) as error:
        plan(office, case, party, place="", video_url="http://video.example.nl/x")
    assert "https://" in error.value.message_dict["video_url"][0]
    meeting = plan(office, case, party, place="", video_url="https://video.example.nl/x")
    assert meeting.video_url == "https://video.example.nl/x"


def test_a_joint_meeting_needs_parties_and_the_representative_needs_one(office, case, party):
    with pytest.raises(ValidationError) as error:
        plan(office, case, party, parties=[])
    assert "parties" in error.value.message_dict
    alone = register_case(office)
    with pytest.raises(ValidationError) as error:
        services.meeting_plan(user=office.ombudsman, case=alone, kind="apart",
                              starts_at=NEXT_WEEK, place="Telefoon", representative_invited=True)
    assert "representative_invited" in error.value.message_dict


def test_moving_records_old_and_new_time_and_asks_for_new_invitations(office, case, party):
    meeting = plan(office, case, party)
    meeting.invitations_sent_at = timezone.now()
    meeting.save()
    later = timezone.make_aware(datetime(2026, 4, 29, 9, 30))
    services.meeting_update(user=office.ombudsman, meeting=meeting, kind="gezamenlijk",
                            starts_at=later, duration_minutes=90,
                            place="Gemeentehuis Steenwijk", parties=[party])
    meeting.refresh_from_db()
    assert meeting.starts_at == later and meeting.sequence == 1
    assert meeting.invitations_sent_at is None
    entry = TimelineEntry.objects.get(case=case, summary__contains="verplaatst")
    assert entry.summary == ("Gezamenlijk gesprek verplaatst van maandag 27 april 2026 om "
                             "14.00 uur naar woensdag 29 april 2026 om 09.30 uur")
    assert "Verstuur ze opnieuw" in entry.body
    assert AuditEntry.objects.filter(event="meeting.moved").exists()


def test_moving_keeps_everything_but_the_time(office, case, party):
    meeting = plan(office, case, party, video_url="https://video.example.nl/x")
    later = timezone.make_aware(datetime(2026, 4, 30, 11, 0))
    services.meeting_move(user=office.ombudsman, meeting=meeting, starts_at=later)
    meeting.refresh_from_db()
    assert (meeting.starts_at, meeting.duration_minutes, meeting.place) == (
        later, 90, "Gemeentehuis Steenwijk")
    assert list(meeting.parties.all()) == [party] and meeting.sequence == 1


def test_an_edit_that_changes_nothing_writes_nothing(office, case, party):
    meeting = plan(office, case, party)
    before = TimelineEntry.objects.count()
    services.meeting_update(user=office.ombudsman, meeting=meeting, kind="gezamenlijk",
                            starts_at=NEXT_WEEK, duration_minutes=90,
                            place="Gemeentehuis Steenwijk", parties=[party])
    assert TimelineEntry.objects.count() == before
    assert not AuditEntry.objects.filter(event__in=["meeting.moved", "meeting.updated"]).exists()


def test_changing_who_is_invited_is_an_update_not_a_move(office, case, party):
    meeting = plan(office, case, party)
    services.meeting_update(user=office.ombudsman, meeting=meeting, kind="gezamenlijk",
                            starts_at=NEXT_WEEK, duration_minutes=90,
                            place="Gemeentehuis Steenwijk", parties=[party],
                            representative_invited=True)
    meeting.refresh_from_db()
    assert meeting.representative_invited and meeting.sequence == 0
    assert TimelineEntry.objects.filter(summary__endswith="gewijzigd").exists()
    assert AuditEntry.objects.filter(event="meeting.updated").exists()


def test_a_meeting_still_to_come_cannot_be_held(office, case, party):
    meeting = plan(office, case, party)
    with pytest.raises(ValidationError) as error:
        services.meeting_hold(user=office.ombudsman, meeting=meeting, resident_present=True)
    assert error.value.code == services.NOT_STARTED_CODE
    assert "Dit gesprek is nog niet geweest: het begint op maandag 27 april 2026 om 14.00 uur" \
        in error.value.messages[0]
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


def test_plan_move_and_hold_with_agreements(office, case, party, now):
    meeting = plan(office, case, party)
    earlier = timezone.make_aware(datetime(2026, 4, 22, 9, 0))
    services.meeting_update(user=office.ombudsman, meeting=meeting, kind="gezamenlijk",
                            starts_at=earlier, duration_minutes=60, place="Gemeentehuis",
                            parties=[party])
    now.move_to(datetime(2026, 4, 22, 10, 30))
    services.meeting_hold(
        user=office.ombudsman, meeting=meeting, resident_present=False,
        minutes="Besproken: de aanvraag.",
        agreements=[services.AgreementData("Besluit heroverwegen", date(2026, 5, 1), "partij",
                                           party),
                    services.AgreementData("Stukken sturen", date(2026, 4, 24), "inwoner")])
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD and meeting.resident_present is False
    assert meeting.held_at is not None and meeting.minutes == "Besproken: de aanvraag."
    assert list(meeting.agreements.order_by("id").values_list("description", flat=True)) == [
        "Besluit heroverwegen", "Stukken sturen"]
    entry = TimelineEntry.objects.get(case=case, kind="gesprek")
    assert entry.occurred_at == earlier
    assert "Inwoner aanwezig: nee" in entry.body and "Stukken sturen" in entry.body
    assert AuditEntry.objects.filter(event="meeting.held").exists()


def test_holding_needs_the_attendance_and_checks_each_agreement(office, case, party, now):
    meeting = plan(office, case, party, starts_at=timezone.make_aware(datetime(2026, 4, 20, 9)))
    with pytest.raises(ValidationError) as error:
        services.meeting_hold(user=office.ombudsman, meeting=meeting, resident_present=None,
                              agreements=[services.AgreementData("Iets", None, "partij")])
    assert {"resident_present", "agreement-0-due_on", "agreement-0-party"} <= set(
        error.value.message_dict)
    assert not Agreement.objects.exists()


@pytest.mark.parametrize("end", ["held", "cancelled"])
def test_a_held_or_cancelled_meeting_is_not_changed_again(office, case, party, end):
    meeting = plan(office, case, party, starts_at=timezone.make_aware(datetime(2026, 4, 20, 9)))
    if end == "held":
        services.meeting_hold(user=office.ombudsman, meeting=meeting, resident_present=True)
        code = "gesprek_gehouden"
    else:
        services.meeting_cancel(user=office.ombudsman, meeting=meeting, reason="Inwoner ziek")
        code = "gesprek_geannuleerd"
    attempts = [
        lambda: services.meeting_update(user=office.ombudsman, meeting=meeting,
                                        kind="gezamenlijk", starts_at=NEXT_WEEK,
                                        duration_minutes=60, place="Elders", parties=[party]),
        lambda: services.meeting_cancel(user=office.ombudsman, meeting=meeting, reason="Weg"),
        lambda: services.meeting_hold(user=office.ombudsman, meeting=meeting,
                                      resident_present=True),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as error:
            attempt()
        assert error.value.code == code


def test_cancelling_needs_a_reason_and_is_on_the_timeline(office, case, party):
    meeting = plan(office, case, party)
    with pytest.raises(ValidationError) as error:
        services.meeting_cancel(user=office.ombudsman, meeting=meeting, reason="  ")
    assert "reason" in error.value.message_dict
    services.meeting_cancel(user=office.ombudsman, meeting=meeting, reason="De partij kan niet")
    meeting.refresh_from_db()
    assert (meeting.status, meeting.cancelled_reason) == ("geannuleerd", "De partij kan niet")
    entry = TimelineEntry.objects.get(case=case, summary__endswith="geannuleerd")
    assert "Reden: De partij kan niet" in entry.body
    assert AuditEntry.objects.filter(event="meeting.cancelled").exists()


def test_recording_a_past_meeting_in_one_go_still_works_but_not_for_a_future_one(
        office, case, party):
    meeting = services.meeting_record(user=office.ombudsman, case=case, kind="apart",
                                      starts_at=timezone.make_aware(datetime(2026, 4, 20, 9)),
                                      place="Telefoon", resident_present=True)
    assert meeting.status == Meeting.Status.HELD and meeting.resident_present is True
    with pytest.raises(ValidationError) as error:
        services.meeting_record(user=office.ombudsman, case=case, kind="apart",
                                starts_at=NEXT_WEEK, place="Telefoon")
    assert "nog niet geweest" in error.value.message_dict["starts_at"][0]


def test_the_secretariat_does_not_plan_meetings_of_a_case_it_does_not_handle(office, case, party):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.meeting_plan(user=office.beleid, case=case, kind="apart", starts_at=NEXT_WEEK,
                              place="Telefoon")


# --- invitations ----------------------------------------------------------------------------

@pytest.mark.pdf
def test_invitations_go_by_email_with_pdf_and_ics_and_a_party_needs_consent(office, case, party):
    meeting = plan(office, case, party, representative_invited=True)
    report = invitations.meeting_invitations_send(user=office.ombudsman, meeting=meeting)
    assert [(p.key, letter.channel) for p, letter in report.sent] == [
        ("inwoner", "email"), ("vertegenwoordiger", "email")]
    assert [(p.key, p.problem) for p in report.not_invited] == [
        (f"partij-{party.pk}", invitations.NO_CONSENT)]
    assert Letter.objects.filter(kind="uitnodiging", meeting=meeting).count() == 2
    message = OutboxMessage.objects.get(to="jan@example.nl")
    assert message.attachment_name.endswith(".pdf") and bytes(message.attachment)[:5] == b"%PDF-"
    [ics] = message.extra_attachments.all()
    assert ics.filename == f"gesprek-{case.reference}.ics"
    assert ics.content_type.startswith("text/calendar; method=REQUEST")
    text = bytes(ics.content).decode()
    assert "DTSTART:20260427T120000Z" in text and "DTEND:20260427T133000Z" in text
    assert "ATTENDEE;CN=Jan de Vries" in text and "mailto:jan@example.nl" in text
    assert "Jan" not in text.split("SUMMARY:")[1].split("\r\n")[0]
    meeting.refresh_from_db()
    assert meeting.invitations_sent_at is not None
    entry = TimelineEntry.objects.get(case=case, summary__startswith="Uitnodigingen verstuurd")
    assert "Niet uitgenodigd:" in entry.body and "Wmo-team Steenwijkerland" in entry.body
    assert AuditEntry.objects.filter(event="meeting.invitations_sent").exists()


@pytest.mark.pdf
def test_without_email_the_invitation_goes_by_post_and_without_address_not_at_all(
        office, case, party):
    consent_to_meet(office, party)
    Person.objects.filter(pk=case.person_id).update(email="")
    Person.objects.filter(pk=case.representative_id).update(email="")
    case.person.refresh_from_db()
    case.representative.refresh_from_db()
    meeting = plan(office, case, party, representative_invited=True)
    report = invitations.meeting_invitations_send(user=office.ombudsman, meeting=meeting)
    assert [(p.key, letter.channel) for p, letter in report.sent] == [
        ("inwoner", "post"), (f"partij-{party.pk}", "email")]
    assert [(p.key, p.problem) for p in report.not_invited] == [
        ("vertegenwoordiger", invitations.NO_ADDRESS)]
    assert not OutboxMessage.objects.filter(to="jan@example.nl").exists()
    assert OutboxMessage.objects.get(to="p.jansen@example.nl").extra_attachments.count() == 1


def test_nobody_to_reach_is_refused_and_a_started_meeting_takes_no_invitations(
        office, case, party, now):
    Person.objects.filter(pk=case.person_id).update(email="", street="")
    case.person.refresh_from_db()
    meeting = plan(office, case, party)
    with pytest.raises(ValidationError) as error:
        invitations.meeting_invitations_send(user=office.ombudsman, meeting=meeting)
    assert error.value.code == "niemand_bereikbaar"
    now.move_to(datetime(2026, 4, 27, 14, 5))
    with pytest.raises(ValidationError) as error:
        invitations.meeting_invitations_send(user=office.ombudsman, meeting=meeting)
    assert error.value.code == invitations.STARTED_CODE


def test_a_resident_who_wants_no_email_gets_post(office, case, party):
    Person.objects.filter(pk=case.person_id).update(avoid_channels=["email"])
    case.person.refresh_from_db()
    meeting = plan(office, case, party)
    [resident] = [p for p in invitations.invitees(meeting) if p.key == "inwoner"]
    assert resident.channel == "post" and resident.email == ""


def test_the_calendar_file_keeps_its_uid_and_counts_moves(office, case, party):
    meeting = plan(office, case, party, video_url="https://video.example.nl/abc")
    first = invitations.calendar_file(meeting)[1].decode()
    services.meeting_update(user=office.ombudsman, meeting=meeting, kind="gezamenlijk",
                            starts_at=NEXT_WEEK.replace(hour=15), duration_minutes=90,
                            place="Gemeentehuis Steenwijk", parties=[party],
                            video_url="https://video.example.nl/abc")
    second = invitations.calendar_file(meeting)[1].decode()
    uid = f"UID:gesprek-{meeting.pk}@"
    assert uid in first and uid in second
    assert "SEQUENCE:0" in first and "SEQUENCE:1" in second
    assert "URL:https://video.example.nl/abc" in second
    assert "METHOD:PUBLISH" in second  # nobody's address in a downloaded file
