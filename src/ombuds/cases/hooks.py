"""What a wing must do in the same transaction as a case's registration, move or reopening.

``cases`` sits below the wings and imports none of them. A wing whose records must follow the
case's status (the complaint of variants 4–6, ``procedures.complaints``) registers a
``CaseHook`` in its ``AppConfig.ready``; the case services call every hook inside their
transaction, so a refusal (``InvalidTransition``) or an error leaves nothing changed. This is
the only extension point: a hook is explicit and listed here, never a Django signal.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ombuds.cases.models import Case
    from ombuds.domain.workflow import Transition

__all__ = ["CaseHook", "hooks", "register"]


class CaseHook:
    """Override what applies; every method does nothing by default."""

    def date_label(self, *, case: Case, transition: Transition) -> str:
        """The label of the date a move records (e.g. the receipt of a complaint), or ""
        when it records none. The page and the API then ask for it, defaulting to today."""
        return ""

    def registered(self, *, user, case: Case, on: date, imported: bool) -> None:
        """``case`` was just registered, in its workflow's initial status, on ``on``;
        ``imported`` when it was taken over from an office's old records."""

    def entry_added(self, *, user, case: Case, entry) -> None:
        """A timeline entry was added to ``case`` (e.g. the first contact with the resident)."""

    def check_transition(self, *, case: Case, source: str, target: str, outcome: str,
                         on: date) -> None:
        """Raise ``InvalidTransition`` if the move may not happen yet (the table allowed it)."""

    def transitioned(self, *, user, case: Case, source: str, target: str, outcome: str,
                     on: date) -> None:
        """The move happened; ``case`` has its new status (and outcome when it closed)."""

    def reopened(self, *, user, case: Case) -> None:
        """The closed ``case`` was opened again."""


_HOOKS: list[CaseHook] = []


def register(hook: CaseHook) -> None:
    """Add ``hook`` once (``AppConfig.ready`` may run twice in some test set-ups)."""
    if not any(type(existing) is type(hook) for existing in _HOOKS):
        _HOOKS.append(hook)


def hooks() -> tuple[CaseHook, ...]:
    return tuple(_HOOKS)
