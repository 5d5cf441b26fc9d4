"""The lifecycle of a signal: every move of the table, and every other one refused in Dutch."""

from itertools import product

import pytest

from ombuds.domain.signals import (
    ANSWERABLE,
    MOVES,
    PUBLISHED,
    STATES,
    SignalMoveRefused,
    SignalState,
    check_move,
    moves_from,
)
from ombuds.domain.workflow import InvalidTransition

S = SignalState

ALLOWED = {
    (S.RAISED, S.SHARED),
    (S.RAISED, S.ANSWERED),
    (S.RAISED, S.CLOSED),
    (S.SHARED, S.ANSWERED),
    (S.ANSWERED, S.MEASURE_TAKEN),
    (S.ANSWERED, S.CLOSED),
    (S.MEASURE_TAKEN, S.CHECKED),
    (S.CHECKED, S.MEASURE_TAKEN),
    (S.CHECKED, S.CLOSED),
}


def test_the_states_are_the_six_steps_of_the_quality_cycle_in_order():
    assert list(STATES) == ["gesignaleerd", "gedeeld", "beantwoord", "maatregel_genomen",
                            "gecontroleerd", "afgesloten"]


def test_the_table_is_exactly_the_allowed_moves():
    assert {(m.source, m.target) for m in MOVES} == ALLOWED


@pytest.mark.parametrize(("source", "target"), sorted(ALLOWED))
def test_it_allows_the_moves_of_the_table(source, target):
    move = check_move(source, target)
    assert (move.source, move.target) == (source, target)
    assert move.label


REFUSED = sorted(set(product(STATES, STATES)) - ALLOWED)


@pytest.mark.parametrize(("source", "target"), REFUSED)
def test_it_refuses_every_other_move_with_a_dutch_message(source, target):
    with pytest.raises(SignalMoveRefused) as refused:
        check_move(source, target)
    assert refused.value.code in {"closed", "not_allowed"}
    assert "signaal" in refused.value.message.lower()
    assert isinstance(refused.value, InvalidTransition)  # the API answers it with a 409


def test_it_refuses_an_unknown_status():
    with pytest.raises(SignalMoveRefused) as refused:
        check_move(S.RAISED, "verdwenen")
    assert refused.value.code == "unknown_status"


@pytest.mark.parametrize(("source", "target"), [(S.CLOSED, s) for s in STATES])
def test_a_closed_signal_never_moves(source, target):
    with pytest.raises(SignalMoveRefused, match="afgesloten"):
        check_move(source, target)


def test_every_state_is_reachable_from_raised_and_every_open_state_can_close():
    reachable, todo = {S.RAISED}, [S.RAISED]
    while todo:
        for move in moves_from(todo.pop()):
            if move.target not in reachable:
                reachable.add(move.target)
                todo.append(move.target)
    assert reachable == set(STATES)
    for state in STATES:
        assert bool(moves_from(state)) == (state != S.CLOSED)


def test_only_raised_and_shared_signals_take_an_answer_and_policy_sees_shared_and_later():
    assert {S.RAISED, S.SHARED} == ANSWERABLE
    assert set(STATES) - {S.RAISED} == PUBLISHED
