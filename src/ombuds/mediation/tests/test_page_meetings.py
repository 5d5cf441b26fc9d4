"""The meeting pages (issue 15): plan, move, cancel, invite, hold with agreements; the case
page shows planned and held meetings apart, with what can be done; a failed form keeps the
input (400)."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
import time_machine
from django.utils import timezone

from ombuds.cases.models import Person
from ombuds.mediation import services
from ombuds.mediation.models import Agreement, Meeting
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db

NEXT_WEEK = timezone.make_aware(datetime(2026, 4, 27, 14, 0))


@pytest.fixture(autouse=True)
def now():
    with time_machine.travel(datetime(2026, 4, 20, 10, 0), tick=False) as traveller:
        yield traveller


@pytest.fixture
def case(office):
    case = register_case(office, name="Geertje Zwiers")
    Person.objects.filter(pk=case.person_id).update(email="geertje@example.nl")
    case.person.refresh_from_db()
    return case


@pytest.fixture
def party(office, case):
    team = OrganisationFactory(name="Wmo-team Steenwijkerland",
                               municipalities=[office.steenwijkerland])
    return services.party_add(user=office.ombudsman, case=case, organisation=team)


@pytest.fixture
def staff(client, office):
    client.force_login(office.ombudsman)
    return client


def url(case, rest=""):
    return f"/werk/zaken/{case.reference}/{rest}"


def section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start:html.index("</section>", start)]


def plan_data(party, **values):
    data = {"kind": "gezamenlijk", "starts_at": "2026-04-27T14:00", "duration_minutes": "60",
            "place": "Gemeentehuis", "video_url": "", "parties": [party.pk],
            "resident_invited": "on", "other_participants": "Tolk"}
    return {**data, **values}


def hold_data(party, **values):
    data = {"resident_present": "ja", "minutes": "Goed gesprek.",
            "afspraak-TOTAL_FORMS": "2", "afspraak-INITIAL_FORMS": "0",
            "afspraak-MIN_NUM_FORMS": "0", "afspraak-MAX_NUM_FORMS": "20",
            "afspraak-0-description": "Besluit heroverwegen", "afspraak-0-owner": "partij",
            "afspraak-0-party": party.pk, "afspraak-0-due_on": "2026-05-01",
            "afspraak-1-description": "Stukken sturen", "afspraak-1-owner": "inwoner",
            "afspraak-1-party": "", "afspraak-1-due_on": "2026-04-24"}
    return {**data, **values}


def after_it_started(now, staff, office):
    """An hour after the meeting began; logged in again (the idle session ended meanwhile)."""
    now.move_to(datetime(2026, 4, 27, 15, 0))
    staff.force_login(office.ombudsman)


def planned(office, case, party, starts_at=NEXT_WEEK):
    return services.meeting_plan(user=office.ombudsman, case=case, kind="gezamenlijk",
                                 starts_at=starts_at, place="Gemeentehuis", parties=[party])


def test_a_meeting_for_next_week_is_planned_and_shown_as_planned(staff, office, case, party):
    form = staff.get(url(case, "gesprekken/nieuw/")).content.decode()
    assert "Gesprek plannen" in form and "Afspraak 1" not in form
    response = staff.post(url(case, "gesprekken/nieuw/"), plan_data(party), follow=True)
    meeting = Meeting.objects.get(case=case)
    assert response.redirect_chain[-1][0] == url(case, f"gesprekken/{meeting.pk}/")
    assert "Verstuur nu de uitnodigingen" in response.content.decode()
    assert meeting.status == "gepland" and meeting.resident_present is None
    meetings = section(staff.get(url(case)).content.decode(), "gesprekken")
    planned_part, held_part = meetings.split("Gehouden</h3>")
    assert "Gezamenlijk gesprek op maandag 27 april 2026, 14:00" in planned_part
    assert "Wijzigen of verplaatsen" in planned_part and "Uitnodigingen versturen" in planned_part
    assert "Vastleggen als gehouden" not in planned_part  # not before it starts
    assert "Inwoner aanwezig" not in meetings and "Geen afspraken gemaakt" not in meetings
    assert "Er is nog geen gesprek gehouden." in held_part


def test_a_meeting_in_the_past_goes_straight_to_recording_how_it_went(staff, case, party):
    response = staff.post(url(case, "gesprekken/nieuw/"),
                          plan_data(party, starts_at="2026-04-20T09:00"))
    meeting = Meeting.objects.get(case=case)
    assert response["Location"] == url(case, f"gesprekken/{meeting.pk}/gehouden/")


def test_a_refused_plan_keeps_the_input(staff, case, party):
    response = staff.post(url(case, "gesprekken/nieuw/"),
                          plan_data(party, place="", video_url="geen link", parties=[]))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vul een geldige link in" in html and 'value="2026-04-27T14:00"' in html
    assert 'value="Tolk"' in html and 'id="error-summary"' in html
    response = staff.post(url(case, "gesprekken/nieuw/"), plan_data(party, place="", parties=[]))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vul de plaats in" in html and "Kies de partijen" in html
    assert not Meeting.objects.exists()


def test_moving_a_planned_meeting(staff, office, case, party):
    meeting = planned(office, case, party)
    page = url(case, f"gesprekken/{meeting.pk}/wijzigen/")
    assert 'value="2026-04-27T14:00"' in staff.get(page).content.decode()
    response = staff.post(page, plan_data(party, starts_at="2026-04-28T09:30"), follow=True)
    assert "Het gesprek is verplaatst." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.starts_at == timezone.make_aware(datetime(2026, 4, 28, 9, 30))
    timeline = staff.get(url(case)).content.decode()
    assert "verplaatst van maandag 27 april 2026 om 14.00 uur naar dinsdag 28 april 2026" \
        in timeline


def test_a_refused_move_keeps_the_input(staff, office, case, party):
    meeting = planned(office, case, party)
    response = staff.post(url(case, f"gesprekken/{meeting.pk}/wijzigen/"),
                          plan_data(party, starts_at="morgen", other_participants="Tolk Arabisch"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vul een geldige datum en tijd in" in html and 'value="Tolk Arabisch"' in html
    meeting.refresh_from_db()
    assert meeting.starts_at == NEXT_WEEK


def test_cancelling_needs_a_reason(staff, office, case, party):
    meeting = planned(office, case, party)
    page = url(case, f"gesprekken/{meeting.pk}/annuleren/")
    assert staff.post(page, {"reason": ""}).status_code == 400
    response = staff.post(page, {"reason": "De inwoner is ziek"}, follow=True)
    meeting.refresh_from_db()
    assert meeting.status == "geannuleerd"
    meetings = section(response.content.decode(), "gesprekken")
    assert "Geannuleerde gesprekken (1)" in meetings and "De inwoner is ziek" in meetings


def test_holding_a_future_meeting_is_refused_with_the_input_kept(staff, office, case, party):
    meeting = planned(office, case, party)
    page = url(case, f"gesprekken/{meeting.pk}/gehouden/")
    assert "Dit gesprek is nog niet begonnen." in staff.get(page).content.decode()
    response = staff.post(page, hold_data(party))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Dit gesprek is nog niet geweest: het begint op maandag 27 april 2026" in html
    assert "Stukken sturen</textarea>" in html and "Goed gesprek.</textarea>" in html
    meeting.refresh_from_db()
    assert meeting.status == "gepland" and not Agreement.objects.exists()


def test_a_held_meeting_keeps_its_agreements_and_offers_its_report_letter(
        staff, office, case, party, now):
    meeting = planned(office, case, party)
    after_it_started(now, staff, office)
    page = url(case, f"gesprekken/{meeting.pk}/gehouden/")
    assert "Afspraak 1: wat is afgesproken" in staff.get(page).content.decode()
    response = staff.post(page, hold_data(party), follow=True)
    assert response.redirect_chain[-1][0] == url(case) + "#gesprekken"
    meeting.refresh_from_db()
    assert meeting.status == "gehouden" and meeting.resident_present is True
    assert meeting.agreements.count() == 2
    held_part = section(response.content.decode(), "gesprekken").split("Gehouden</h3>")[1]
    assert "Besluit heroverwegen" in held_part and "Inwoner aanwezig" in held_part
    assert f"?soort=verslag&amp;gesprek={meeting.pk}" in held_part


def test_a_bad_agreement_row_goes_back_on_its_row(staff, office, case, party, now):
    meeting = planned(office, case, party)
    after_it_started(now, staff, office)
    response = staff.post(url(case, f"gesprekken/{meeting.pk}/gehouden/"),
                          hold_data(party, resident_present="",
                                    **{"afspraak-0-party": "", "afspraak-1-due_on": ""}))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Kies of de inwoner bij het gesprek was." in html
    assert "Afspraak 2: uiterlijk: Vul in wanneer de afspraak uiterlijk" in html
    response = staff.post(url(case, f"gesprekken/{meeting.pk}/gehouden/"),
                          hold_data(party, **{"afspraak-0-party": ""}))
    assert response.status_code == 400
    assert 'href="#id_afspraak-0-party"' in response.content.decode()


def test_more_agreement_rows_without_javascript(staff, office, case, party, now):
    meeting = planned(office, case, party)
    after_it_started(now, staff, office)
    response = staff.post(url(case, f"gesprekken/{meeting.pk}/gehouden/"),
                          hold_data(party, meer_afspraken="1"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Afspraak 4: wat is afgesproken" in html and "Stukken sturen</textarea>" in html
    assert 'id="error-summary"' not in html


def test_a_held_meeting_cannot_be_edited_any_more(staff, office, case, party):
    meeting = services.meeting_record(user=office.ombudsman, case=case, kind="apart",
                                      starts_at=timezone.make_aware(datetime(2026, 4, 20, 9)),
                                      place="Telefoon")
    for rest in ("wijzigen/", "annuleren/", "gehouden/", "uitnodigen/"):
        response = staff.get(url(case, f"gesprekken/{meeting.pk}/{rest}"), follow=True)
        assert "al vastgelegd als gehouden" in response.content.decode(), rest
    response = staff.post(url(case, f"gesprekken/{meeting.pk}/wijzigen/"),
                          plan_data(party, starts_at="2026-05-01T10:00"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.starts_at.day == 20


@pytest.mark.pdf
def test_invitations_are_sent_from_the_page_and_who_was_not_says_why(
        staff, office, case, party):
    meeting = planned(office, case, party)
    page = url(case, f"gesprekken/{meeting.pk}/uitnodigen/")
    html = staff.get(page).content.decode()
    assert "Per e-mail, met agenda-bestand" in html and "Niet uit te nodigen" in html
    response = staff.post(page, follow=True)
    html = response.content.decode()
    assert "De uitnodiging is verstuurd." in html
    assert "Niet uitgenodigd: Wmo-team Steenwijkerland: geen toestemming" in html
    meeting.refresh_from_db()
    assert meeting.invitations_sent_at is not None


def test_the_calendar_file_is_downloaded_per_invitee(staff, office, case, party):
    meeting = planned(office, case, party)
    response = staff.get(url(case, f"gesprekken/{meeting.pk}/agenda/inwoner.ics"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == \
        f'attachment; filename="gesprek-{case.reference}.ics"'
    text = response.content.decode()
    assert "BEGIN:VEVENT" in text and "DTSTART:20260427T120000Z" in text
    assert re.search(r"ATTENDEE;CN=Geertje Zwiers;.*mailto:geertje@example.nl",
                     text.replace("\r\n ", ""))
    assert staff.get(url(case, f"gesprekken/{meeting.pk}/agenda/partij-999.ics")
                     ).status_code == 404


def test_another_cases_meeting_is_a_404(staff, office, case, party):
    other = register_case(office)
    meeting = services.meeting_plan(user=office.ombudsman, case=other, kind="apart",
                                    starts_at=NEXT_WEEK, place="Telefoon")
    assert staff.get(url(case, f"gesprekken/{meeting.pk}/")).status_code == 404
    assert staff.get(url(case, f"gesprekken/{meeting.pk}/wijzigen/")).status_code == 404


def test_the_agreement_due_date_is_kept_as_typed(staff, office, case, party, now):
    meeting = planned(office, case, party)
    after_it_started(now, staff, office)
    staff.post(url(case, f"gesprekken/{meeting.pk}/gehouden/"), hold_data(party))
    assert set(Agreement.objects.values_list("due_on", flat=True)) == {
        date(2026, 5, 1), date(2026, 4, 24)}
