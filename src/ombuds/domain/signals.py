"""The lifecycle of a signal (signaal): the quality cycle the council note asks for.

A signal is a recurring, systemic problem the ombudsfunctie raises with the organisation
responsible for it. It is *raised* (gesignaleerd), *shared* with that organisation
(gedeeld), *answered* by it (beantwoord), a *measure is taken* (maatregel genomen), the
ombudsfunctie *checks* whether the measure works (gecontroleerd), and it is *closed*
(afgesloten). The allowed moves are the table ``MOVES``; ``check_move`` is the one rule that
decides. Nothing here imports Django.
"""

from __future__ import annotations

from dataclasses import dataclass

from ombuds.domain.workflow import InvalidTransition

__all__ = [
    "ANSWERABLE",
    "MOVES",
    "PUBLISHED",
    "STATES",
    "Move",
    "SignalMoveRefused",
    "SignalState",
    "check_move",
    "moves_from",
]


class SignalState:
    RAISED = "gesignaleerd"
    SHARED = "gedeeld"
    ANSWERED = "beantwoord"
    MEASURE_TAKEN = "maatregel_genomen"
    CHECKED = "gecontroleerd"
    CLOSED = "afgesloten"


#: The states in lifecycle order, with their Dutch labels.
STATES: dict[str, str] = {
    SignalState.RAISED: "Gesignaleerd",
    SignalState.SHARED: "Gedeeld",
    SignalState.ANSWERED: "Beantwoord",
    SignalState.MEASURE_TAKEN: "Maatregel genomen",
    SignalState.CHECKED: "Gecontroleerd",
    SignalState.CLOSED: "Afgesloten",
}

#: States in which the responsible organisation may still answer (through its link).
ANSWERABLE = frozenset({SignalState.RAISED, SignalState.SHARED})
#: States in which the organisation knows the signal: policy staff may read it from then on.
PUBLISHED = frozenset(STATES) - {SignalState.RAISED}


class SignalMoveRefused(InvalidTransition):
    """A move the lifecycle does not allow; ``message`` is Dutch, fit for the user."""


@dataclass(frozen=True)
class Move:
    source: str
    target: str
    label: str


#: Every allowed move. A signal may be withdrawn before it is shared, and closed without a
#: measure when the answer shows none is needed; a check that shows the measure falls short
#: sends it back to "maatregel genomen" for a new one.
MOVES: tuple[Move, ...] = (
    Move(SignalState.RAISED, SignalState.SHARED, "Delen met de organisatie"),
    Move(SignalState.RAISED, SignalState.ANSWERED, "Antwoord vastleggen"),
    Move(SignalState.RAISED, SignalState.CLOSED, "Intrekken en afsluiten"),
    Move(SignalState.SHARED, SignalState.ANSWERED, "Antwoord vastleggen"),
    Move(SignalState.ANSWERED, SignalState.MEASURE_TAKEN, "Maatregel vastleggen"),
    Move(SignalState.ANSWERED, SignalState.CLOSED, "Afsluiten zonder maatregel"),
    Move(SignalState.MEASURE_TAKEN, SignalState.CHECKED, "Maatregel gecontroleerd"),
    Move(SignalState.CHECKED, SignalState.MEASURE_TAKEN, "Nieuwe maatregel nodig"),
    Move(SignalState.CHECKED, SignalState.CLOSED, "Afsluiten"),
)


def moves_from(source: str) -> tuple[Move, ...]:
    """Return the moves allowed from ``source`` (none from a closed signal)."""
    return tuple(m for m in MOVES if m.source == source)


def check_move(source: str, target: str) -> Move:
    """Return the move ``source -> target`` or raise ``SignalMoveRefused``."""
    if target not in STATES:
        raise SignalMoveRefused(f"De status '{target}' bestaat niet voor een signaal.",
                                code="unknown_status")
    if source == SignalState.CLOSED:
        raise SignalMoveRefused("Dit signaal is afgesloten; de status kan niet meer veranderen.",
                                code="closed")
    for move in moves_from(source):
        if move.target == target:
            return move
    raise SignalMoveRefused(
        f"Een signaal met de status '{STATES.get(source, source)}' kan niet naar "
        f"'{STATES[target]}'.", code="not_allowed")
