"""What a wing must do in the same transaction as a case's registration, move or reopening,
and what it says is still open when the case is about to close.

``cases`` sits below the wings and imports none of them. A wing whose records must follow the
case's status (the complaint of variants 4–6, ``procedures.complaints``) registers a
``CaseHook`` in its ``AppConfig.ready``; the case services call every hook inside their
transaction, so a refusal (``InvalidTransition``) or an error leaves nothing changed. This is
the only extension point: a hook is explicit and listed here, never a Django signal.

The closing check (``open_items``) asks every hook what is still open on a case: planned
meetings, open agreements and referrals whose arrival nobody checked (``mediation.closing``),
legal terms still running (``procedures.closing``) and letters not sent
(``correspondence.closing``). Closing with any of them needs an explicit reason
(``cases.services.case_transition``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ombuds.cases.models import Case
    from ombuds.domain.workflow import Transition

__all__ = ["OPEN_ITEM_KINDS", "CaseHook", "OpenItem", "case_formal_procedure",
           "case_open_items", "hooks", "register"]

#: The kinds of open item, in the order the closing page and the error list them, with the
#: heading the page gives each group.
OPEN_ITEM_KINDS: dict[str, str] = {
    "gesprek": "Gesprekken die nog gepland staan",
    "afspraak": "Afspraken die nog open staan",
    "verwijzing": "Verwijzingen: nog niet nagegaan of de inwoner is aangekomen",
    "termijn": "Termijnen die nog lopen",
    "brief": "Brieven die nog niet zijn verstuurd",
}


@dataclass(frozen=True)
class OpenItem:
    """One thing still open on a case when it is about to close.

    ``label`` names it without free text (it goes into error messages and the API), e.g.
    "Afspraak van Zorgaanbieder De Linde" or "Bezwaartermijn (besluit over de traplift)";
    ``detail`` gives its date, e.g. "uiterlijk 3 april 2026"; ``text`` is free text shown
    only on the closing page and kept in the timeline (an agreement's wording: it may hold
    personal details, so never in an error or a log); ``url`` is the page that settles it.
    """

    kind: str  # a key of OPEN_ITEM_KINDS
    label: str
    detail: str = ""
    url: str = ""
    text: str = ""

    def __str__(self) -> str:
        return f"{self.label} ({self.detail})" if self.detail else self.label


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

    def open_items(self, case: Case) -> list[OpenItem]:
        """What of this wing is still open on the open ``case`` (the closing check)."""
        return []

    def formal_procedure(self, case: Case) -> str:
        """The formal procedure ``case`` itself is (e.g. "een klacht (Awb hoofdstuk 9)"), or
        "". Closing such a case does not ask whether a formal procedure was avoided."""
        return ""


_HOOKS: list[CaseHook] = []


def register(hook: CaseHook) -> None:
    """Add ``hook`` once (``AppConfig.ready`` may run twice in some test set-ups)."""
    if not any(type(existing) is type(hook) for existing in _HOOKS):
        _HOOKS.append(hook)


def hooks() -> tuple[CaseHook, ...]:
    return tuple(_HOOKS)


def case_open_items(case: Case) -> list[OpenItem]:
    """Every hook's open items on ``case``, grouped by kind in ``OPEN_ITEM_KINDS`` order."""
    items = [item for hook in _HOOKS for item in hook.open_items(case)]
    order = list(OPEN_ITEM_KINDS)
    return sorted(items, key=lambda item: order.index(item.kind))


def case_formal_procedure(case: Case) -> str:
    """The formal procedure ``case`` itself is, as a hook names it ("" when none)."""
    return next((name for hook in _HOOKS if (name := hook.formal_procedure(case))), "")
