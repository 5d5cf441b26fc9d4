"""Walking cases through every allowed path of the six variants, through the real service."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ombuds.cases.models import Case, TimelineEntry
from ombuds.cases.services import case_transition
from ombuds.core.models import AuditEntry
from ombuds.domain.variants import VARIANTS
from ombuds.domain.workflow import InvalidTransition
from ombuds.tests.factories import register_case, satisfy_complaint_law, workflow

ALL_PATHS = [
    pytest.param(number, path, outcome, id=f"v{number}:" + ">".join(t.target for t in path) + f":{outcome}")
    for number, wf in VARIANTS.items()
    for path in wf.paths()
    for outcome in path[-1].outcomes
]


def case_in_variant(office, number):
    municipality = office.steenwijkerland
    municipality.workflow = workflow(number)
    municipality.save()
    return register_case(office, municipality=municipality)


@pytest.mark.django_db
@pytest.mark.parametrize(("number", "path", "outcome"), ALL_PATHS)
def test_a_case_walks_every_allowed_path_of_its_variant_to_closure(office, number, path, outcome):
    case = case_in_variant(office, number)
    assert case.status == VARIANTS[number].initial

    for transition in path:
        is_last = transition is path[-1]
        satisfy_complaint_law(office, case, outcome if is_last else "")
        case_transition(user=office.ombudsman, case=case, target=transition.target,
                        outcome=outcome if is_last else "")

    case.refresh_from_db()
    assert case.status == "afgesloten"
    assert case.outcome == outcome
    assert case.closed_at is not None
    moves = TimelineEntry.objects.filter(case=case, kind="status").exclude(status_from="")
    assert [(e.status_from, e.status_to) for e in moves.order_by("id")] == [
        (t.source, t.target) for t in path
    ]
    assert AuditEntry.objects.filter(event="case.transitioned", object_id=str(case.pk)).count() == len(path)


def test_every_variant_has_paths_to_walk():
    assert {number for number, _path, _outcome in (p.values for p in ALL_PATHS)} == set(VARIANTS)


def snapshot(case):
    case.refresh_from_db()
    return (
        case.status, case.outcome, case.closed_at,
        TimelineEntry.objects.filter(case=case).count(),
        AuditEntry.objects.filter(event="case.transitioned", object_id=str(case.pk)).count(),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("number", sorted(VARIANTS))
def test_every_move_outside_the_table_is_refused_and_changes_nothing(office, number):
    wf = VARIANTS[number]
    case = case_in_variant(office, number)
    allowed = {t.target for t in wf.transitions_from(case.status)}
    before = snapshot(case)
    for status in wf.statuses:
        if status.code in allowed:
            continue
        with pytest.raises(InvalidTransition):
            case_transition(user=office.ombudsman, case=case, target=status.code,
                            outcome=wf.outcomes[0].code)
        assert snapshot(case) == before


@pytest.mark.django_db
def test_closing_without_an_outcome_is_refused_and_changes_nothing(office):
    case = register_case(office)
    case_transition(user=office.ombudsman, case=case, target="intake")
    before = snapshot(case)
    with pytest.raises(InvalidTransition, match="Kies een uitkomst"):
        case_transition(user=office.ombudsman, case=case, target="afgesloten")
    assert snapshot(case) == before


@pytest.mark.django_db
def test_a_closed_case_cannot_be_reopened(office):
    case = register_case(office)
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="ingetrokken")
    with pytest.raises(InvalidTransition, match="afgesloten"):
        case_transition(user=office.ombudsman, case=case, target="aangemeld")


@pytest.mark.django_db
def test_a_case_keeps_the_variant_it_started_with(office):
    case = register_case(office)  # Steenwijkerland, variant 3
    office.steenwijkerland.workflow = workflow(4)
    office.steenwijkerland.save()
    case_transition(user=office.ombudsman, case=case, target="intake")  # a variant-3 move
    case.refresh_from_db()
    assert case.workflow.variant == 3
    assert register_case(office).status == "ontvangen"  # new cases follow variant 4


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["secretariaat", "beleid", "beheer"])
def test_roles_without_the_right_cannot_move_a_case(office, role):
    case = register_case(office)
    with pytest.raises(PermissionDenied):
        case_transition(user=office.users()[role], case=case, target="intake")
    assert snapshot(case)[0] == "aangemeld"


@pytest.mark.django_db
def test_an_ombudsperson_of_another_municipality_cannot_move_a_case(office):
    case = register_case(office)
    with pytest.raises(PermissionDenied):
        case_transition(user=office.ombudsman_westerveld, case=case, target="intake")
    assert Case.objects.get(pk=case.pk).status == "aangemeld"


@pytest.mark.django_db
def test_closing_records_whether_a_procedure_was_avoided_and_the_time_spent(office):
    from ombuds.cases.services import Closure

    case = register_case(office)
    case_transition(user=office.ombudsman, case=case, target="intake")
    with pytest.raises(ValidationError) as error:
        case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="advies",
                        closure=Closure(procedure_avoided="ja"))
    assert "procedure_avoided_what" in error.value.message_dict
    assert snapshot(case)[0] == "intake"
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="advies",
                    closure=Closure(procedure_avoided="ja", procedure_avoided_what="bezwaar",
                                    minutes_spent=95))
    case.refresh_from_db()
    assert (case.procedure_avoided, case.procedure_avoided_what, case.minutes_spent) == (
        "ja", "bezwaar", 95)
