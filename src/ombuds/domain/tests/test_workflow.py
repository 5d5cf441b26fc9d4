"""The six variants as data: consistent, complete, and refusing what they do not allow."""

import pytest

from ombuds.domain.variants import DEFAULT_VARIANT, VARIANTS, variant
from ombuds.domain.workflow import InvalidTransition, Outcome, Status, Transition, Workflow


def test_there_are_six_variants_and_three_is_the_default():
    assert sorted(VARIANTS) == [1, 2, 3, 4, 5, 6]
    assert DEFAULT_VARIANT == 3


@pytest.mark.parametrize("number", sorted(VARIANTS))
def test_every_status_is_reachable_and_every_open_status_can_move(number):
    workflow = variant(number)
    reachable = {workflow.initial}
    for path in workflow.paths():
        reachable |= {t.target for t in path}
    assert reachable == {s.code for s in workflow.statuses}
    for status in workflow.statuses:
        assert bool(workflow.transitions_from(status.code)) != status.closed


@pytest.mark.parametrize("number", sorted(VARIANTS))
def test_every_outcome_closes_some_transition(number):
    workflow = variant(number)
    used = {o for t in workflow.transitions for o in t.outcomes}
    assert used == {o.code for o in workflow.outcomes}


@pytest.mark.parametrize("number", sorted(VARIANTS))
def test_a_definition_survives_the_round_trip_through_json(number):
    workflow = variant(number)
    assert Workflow.from_dict(workflow.to_dict()) == workflow


@pytest.mark.parametrize("number", sorted(VARIANTS))
def test_every_pair_not_in_the_table_is_refused(number):
    workflow = variant(number)
    allowed = {(t.source, t.target) for t in workflow.transitions}
    for source in workflow.statuses:
        for target in workflow.statuses:
            if (source.code, target.code) in allowed:
                continue
            with pytest.raises(InvalidTransition) as refused:
                workflow.check(source.code, target.code, workflow.outcomes[0].code)
            assert refused.value.message  # a Dutch sentence for the user


def test_closing_needs_an_outcome_of_that_transition():
    workflow = variant(3)
    with pytest.raises(InvalidTransition) as missing:
        workflow.check("intake", "afgesloten")
    assert missing.value.code == "outcome_required"
    with pytest.raises(InvalidTransition) as wrong:
        workflow.check("intake", "afgesloten", "opgelost")  # no mediation happened yet
    assert wrong.value.code == "outcome_not_allowed"
    assert workflow.check("intake", "afgesloten", "verwezen").target == "afgesloten"


def test_an_outcome_on_a_non_closing_move_is_refused():
    with pytest.raises(InvalidTransition) as refused:
        variant(3).check("aangemeld", "intake", "opgelost")
    assert refused.value.code == "outcome_not_expected"


def test_a_closed_case_cannot_move():
    with pytest.raises(InvalidTransition) as refused:
        variant(4).check("afgesloten", "ontvangen")
    assert refused.value.code == "case_closed"


def test_an_unknown_status_is_refused_in_dutch():
    with pytest.raises(InvalidTransition, match="bestaat niet"):
        variant(1).check("aangemeld", "bemiddeling")


def test_complaint_variants_end_in_an_awb_ruling():
    for number in (4, 5):
        closing = [t for t in variant(number).transitions if t.source == "oordeel"]
        assert set(closing[0].outcomes) == {"gegrond", "deels_gegrond", "ongegrond", "geen_oordeel"}


def test_variant_5_can_escalate_mediation_into_a_formal_complaint():
    assert variant(5).check("bemiddeling", "klacht").label == "Omzetten in formele klacht"
    with pytest.raises(InvalidTransition):
        variant(3).check("bemiddeling", "klacht")


def test_variant_6_checks_admissibility_before_investigating():
    with pytest.raises(InvalidTransition):
        variant(6).check("ontvangen", "onderzoek")
    assert "niet_ontvankelijk" in variant(6).check("toetsing", "afgesloten", "niet_ontvankelijk").outcomes


def test_an_inconsistent_definition_is_rejected():
    with pytest.raises(ValueError, match="closes without outcomes"):
        Workflow(
            variant=9, name="x", description="",
            statuses=(Status("a", "A"), Status("z", "Z", closed=True)),
            outcomes=(Outcome("o", "O"),),
            transitions=(Transition("a", "z", "close"),),
        )
