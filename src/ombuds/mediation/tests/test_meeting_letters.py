"""The invitation and the meeting report are about the meeting chosen, not the latest one
(issue 15: the report of a planned meeting said "geen afspraken" while the held one had
three)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.utils import timezone

from ombuds.cases.services import PersonData
from ombuds.correspondence.context import letter_context
from ombuds.correspondence.services import letter_draft
from ombuds.mediation import services
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def now():
    with time_machine.travel(datetime(2026, 4, 20, 10, 0), tick=False):
        yield


@pytest.fixture
def world(office):
    case = register_case(office, name="Jan de Vries", representative_data=PersonData(
        name="Marieke de Vries"), representative_relation="familie")
    team = OrganisationFactory(name="Wmo-team Steenwijkerland",
                               municipalities=[office.steenwijkerland])
    party = services.party_add(user=office.ombudsman, case=case, organisation=team,
                               contact_person="P. Jansen")
    held = services.meeting_record(
        user=office.ombudsman, case=case, kind="gezamenlijk",
        starts_at=timezone.make_aware(datetime(2026, 4, 14, 10, 0)), place="Gemeentehuis",
        parties=[party], minutes="We hebben de aanvraag besproken.",
        agreements=[services.AgreementData("Besluit heroverwegen", date(2026, 5, 1), "partij",
                                           party),
                    services.AgreementData("Stukken sturen", date(2026, 4, 24), "inwoner"),
                    services.AgreementData("Nabellen", date(2026, 5, 4), "ombudsfunctie")])
    planned = services.meeting_plan(
        user=office.ombudsman, case=case, kind="gezamenlijk",
        starts_at=timezone.make_aware(datetime(2026, 4, 28, 14, 0)), duration_minutes=90,
        place="", video_url="https://video.example.nl/gesprek", parties=[party],
        representative_invited=True, other_participants="Tolk")
    return case, party, held, planned


def test_the_report_is_about_the_held_meeting_with_its_three_agreements(world):
    case, _party, held, _planned = world  # the planned meeting is later: it was "the latest"
    body = letter_draft(case=case, kind="verslag", meeting=held).body
    assert "Op dinsdag 14 april 2026 hadden wij een gezamenlijk gesprek" in body
    assert "We hebben de aanvraag besproken." in body
    for agreement in ("Besluit heroverwegen", "Stukken sturen", "Nabellen"):
        assert agreement in body
    assert "geen afspraken" not in body


def test_the_invitation_is_about_the_planned_meeting_with_end_time_link_and_who(world):
    case, _party, _held, planned = world
    body = letter_draft(case=case, kind="uitnodiging", meeting=planned).body
    assert "dinsdag 28 april 2026" in body
    assert "van 14.00 uur tot 15.30 uur" in body
    assert "https://video.example.nl/gesprek" in body
    for who in ("Jan de Vries", "Marieke de Vries (vertegenwoordiger)",
                "Wmo-team Steenwijkerland (P. Jansen)", "Tolk"):
        assert f"- {who}" in body


def test_the_context_of_a_letter_without_a_chosen_meeting_has_none(world):
    case, *_ = world
    assert letter_context(case)["gesprek"] is None


def test_the_meeting_placeholders(world):
    case, _party, held, planned = world
    context = letter_context(case, meeting=planned)["gesprek"]
    assert context["eindtijd"] == "15.30 uur" and context["duur"] == "1 uur en 30 minuten"
    assert context["videolink"] == "https://video.example.nl/gesprek"
    assert context["status"] == "gepland" and context["plaats"] == ""
    held_context = letter_context(case, meeting=held)["gesprek"]
    assert held_context["status"] == "gehouden" and held_context["inwoner_aanwezig"] is True
    assert len(letter_context(case, meeting=held)["afspraken"]) == 3
