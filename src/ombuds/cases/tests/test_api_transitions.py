"""Moving a case through its variant via /api/v1/cases/{reference}/transitions/."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ombuds.cases.models import Case, TimelineEntry
from ombuds.tests.factories import register_case

pytestmark = pytest.mark.django_db


def api_as(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def move(client, case, to, outcome="", note=""):
    return client.post(f"/api/v1/cases/{case.reference}/transitions/",
                       {"to": to, "outcome": outcome, "note": note}, format="json")


def test_it_lists_the_moves_allowed_from_the_current_status_with_their_outcomes(office):
    case = register_case(office)

    response = api_as(office.ombudsman).get(f"/api/v1/cases/{case.reference}/transitions/")

    assert response.status_code == 200
    moves = {m["to"]: m for m in response.json()}
    assert set(moves) == {"intake", "afgesloten"}
    assert moves["intake"] == {"to": "intake", "to_label": "In gesprek",
                               "label": "Gesprek starten", "closes": False, "outcomes": []}
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
