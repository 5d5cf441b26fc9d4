"""Moving a case through its variant via /api/v1/cases/{reference}/transitions/; in a
complaint procedure (variants 4–6) the law may refuse a move, and a move records its date."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from ombuds.accounts.roles import Role
from ombuds.cases.models import Case, TimelineEntry
from ombuds.core.models import AuditEntry
from ombuds.procedures.models import Complaint
from ombuds.tests.factories import MunicipalityFactory, api_as, member, register_case, workflow

pytestmark = pytest.mark.django_db


def move(client, case, to, outcome="", note="", **extra):
    return client.post(f"/api/v1/cases/{case.reference}/transitions/",
                       {"to": to, "outcome": outcome, "note": note, **extra}, format="json")


def variant_4(office):
    """A municipality whose cases are complaints (variant 4): registering is receiving one."""
    m = MunicipalityFactory(office=office.office, workflow=workflow(4))
    member(office.ombudsman, m, Role.OMBUDSPERSON)
    return m


def test_it_lists_the_moves_allowed_from_the_current_status_with_their_outcomes(office):
    case = register_case(office)

    response = api_as(office.ombudsman).get(f"/api/v1/cases/{case.reference}/transitions/")

    assert response.status_code == 200
    moves = {m["to"]: m for m in response.json()}
    assert set(moves) == {"intake", "afgesloten"}
    assert moves["intake"] == {"to": "intake", "to_label": "In gesprek",
                               "label": "Gesprek starten", "closes": False, "outcomes": [],
                               "date_label": ""}
    assert moves["afgesloten"]["closes"] is True
    assert {o["code"] for o in moves["afgesloten"]["outcomes"]} == {"ingetrokken",
                                                                   "geen_contact"}


def test_a_case_walks_from_registration_to_closure_with_an_outcome(office):
    case = register_case(office, assignee=office.ombudsman)
    client = api_as(office.ombudsman)

    for target in ("intake", "bemiddeling", "nazorg"):
        response = move(client, case, target)
        assert response.status_code == 200, response.json()
        assert response.json()["status"] == target
    closed = move(client, case, "afgesloten", "opgelost", note="Traplift wordt geplaatst.")

    assert closed.status_code == 200
    data = closed.json()
    assert data["status"] == "afgesloten" and data["status_label"] == "Afgesloten"
    assert data["outcome"] == "opgelost" and data["outcome_label"] == "Opgelost met afspraken"
    assert data["closed_at"] is not None and data["available_transitions"] == []
    last = TimelineEntry.objects.filter(case=case).first()
    assert last.status_to == "afgesloten" and last.body == "Traplift wordt geplaatst."


def test_a_case_in_westerveld_follows_its_own_variant(office):
    case = register_case(office, municipality=office.westerveld)
    client = api_as(office.ombudsman_westerveld)

    moves = client.get(f"/api/v1/cases/{case.reference}/transitions/").json()
    response = move(client, case, moves[0]["to"])

    assert response.status_code == 200
    assert response.json()["workflow"]["number"] == 5


@pytest.mark.parametrize(
    ("target", "outcome", "code"),
    [
        ("nazorg", "", "transition_not_allowed"),
        ("afgesloten", "", "outcome_required"),
        ("afgesloten", "opgelost", "outcome_not_allowed"),
        ("intake", "opgelost", "outcome_not_expected"),
        ("bestaat_niet", "", "unknown_status"),
    ],
)
def test_an_invalid_move_gives_409_with_a_code_and_changes_nothing(office, target, outcome,
                                                                    code):
    case = register_case(office)
    entries = TimelineEntry.objects.filter(case=case).count()

    response = move(api_as(office.ombudsman), case, target, outcome)

    assert response.status_code == 409
    assert response.json()["code"] == code
    assert response.json()["detail"]
    case.refresh_from_db()
    assert (case.status, case.outcome, case.closed_at) == ("aangemeld", "", None)
    assert TimelineEntry.objects.filter(case=case).count() == entries


def test_a_closed_case_cannot_move_again(office):
    case = register_case(office)
    client = api_as(office.ombudsman)
    move(client, case, "afgesloten", "ingetrokken")

    response = move(client, case, "intake")

    assert response.status_code == 409 and response.json()["code"] == "case_closed"


def test_the_secretariat_may_not_move_a_case(office):
    case = register_case(office)

    response = move(api_as(office.secretariaat), case, "intake")

    assert response.status_code == 403
    assert Case.objects.get(pk=case.pk).status == "aangemeld"


def test_a_move_without_a_target_is_a_field_error(office):
    case = register_case(office)

    response = api_as(office.ombudsman).post(f"/api/v1/cases/{case.reference}/transitions/",
                                             {}, format="json")

    assert response.status_code == 400 and set(response.json()) == {"to"}


# --- the complaint procedure: the date a move records and the law's refusals -----------------

def test_it_says_which_moves_record_a_date(office):
    with time_machine.travel(date(2026, 4, 20), tick=False):
        case = register_case(office, municipality=office.westerveld)
        client = api_as(office.ombudsman_westerveld)
        move(client, case, "intake")

        moves = {m["to"]: m for m in client.get(
            f"/api/v1/cases/{case.reference}/transitions/").json()}

    assert moves["klacht"]["date_label"] == "Datum van ontvangst"
    assert moves["bemiddeling"]["date_label"] == ""


def test_converting_into_a_complaint_records_the_date_of_receipt(office):
    with time_machine.travel(date(2026, 4, 20), tick=False):
        case = register_case(office, municipality=office.westerveld)
        client = api_as(office.ombudsman_westerveld)
        move(client, case, "intake")

        response = move(client, case, "klacht", on="2026-04-14")

    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "klacht"
    assert Complaint.objects.get(case=case).received_on == date(2026, 4, 14)


@pytest.mark.parametrize(("on", "message"), [
    ("2026-04-21", "Deze datum ligt in de toekomst."),
    ("2026-04-31", ""),
])
def test_a_bad_date_is_a_400_naming_on_and_changes_nothing(office, on, message):
    with time_machine.travel(date(2026, 4, 20), tick=False):
        case = register_case(office, municipality=office.westerveld)
        client = api_as(office.ombudsman_westerveld)
        move(client, case, "intake")

        response = move(client, case, "klacht", on=on)

    assert response.status_code == 400
    assert list(response.json()) == ["on"] and message in response.json()["on"][0]
    assert Case.objects.get(pk=case.pk).status == "intake"
    assert not Complaint.objects.filter(case=case).exists()


def test_a_date_before_the_receipt_of_the_complaint_is_a_400_naming_on(office):
    with time_machine.travel(date(2026, 4, 20), tick=False):
        case = register_case(office, municipality=variant_4(office))

        response = move(api_as(office.ombudsman), case, "bevestigd", on="2026-04-01")

    assert response.status_code == 400 and list(response.json()) == ["on"]
    assert "vóór de ontvangst" in response.json()["on"][0]
    assert Case.objects.get(pk=case.pk).status == "ontvangen"


@pytest.mark.parametrize(("before", "target", "outcome", "code", "article"), [
    (["bevestigd", "hoor_wederhoor"], "oordeel", "", "hearing_required", "Awb 9:10"),
    ([], "afgesloten", "niet_behandeld", "ground_required", "Awb 9:8"),
    (["bevestigd"], "afgesloten", "informeel_opgelost", "settlement_required", "Awb 9:5"),
])
def test_a_move_the_law_does_not_allow_yet_is_a_409_naming_the_article(office, before, target,
                                                                        outcome, code, article):
    with time_machine.travel(date(2026, 4, 20), tick=False):
        case = register_case(office, municipality=variant_4(office))
        client = api_as(office.ombudsman)
        for step in before:
            assert move(client, case, step).status_code == 200
        entries = TimelineEntry.objects.filter(case=case).count()
        audits = AuditEntry.objects.filter(event="case.transitioned").count()

        response = move(client, case, target, outcome)

    assert response.status_code == 409
    assert response.json()["code"] == code and article in response.json()["detail"]
    case.refresh_from_db()
    assert (case.status, case.outcome, case.closed_at) == ((before or ["ontvangen"])[-1], "",
                                                          None)
    assert Complaint.objects.get(case=case).outcome == ""
    assert TimelineEntry.objects.filter(case=case).count() == entries
    assert AuditEntry.objects.filter(event="case.transitioned").count() == audits
