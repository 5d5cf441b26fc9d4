"""Process variants as data, and the one rule that decides whether a case may move.

The council note (seed/notitie-sociale-ombudsfunctie.txt) describes six scenarios for the
ombudsfunctie. Each is a *workflow definition*: its statuses, the transitions allowed
between them, and which outcomes close a case. A municipality picks a variant; a case keeps
the definition it started with. Nothing here imports Django: definitions are plain data
(``to_dict``/``from_dict``) that the database stores, so an office can version them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = [
    "DEFAULT_VARIANT",
    "InvalidTransition",
    "Outcome",
    "Status",
    "Transition",
    "Workflow",
]

DEFAULT_VARIANT = 3


class InvalidTransition(Exception):
    """A move the workflow does not allow. ``message`` is Dutch, fit for the user."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Status:
    code: str
    label: str
    closed: bool = False


@dataclass(frozen=True)
class Outcome:
    code: str
    label: str


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    label: str
    #: Outcome codes allowed when this transition closes the case; empty for non-closing ones.
    outcomes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Workflow:
    variant: int
    name: str
    description: str
    statuses: tuple[Status, ...]
    outcomes: tuple[Outcome, ...]
    transitions: tuple[Transition, ...]
    initial: str = field(default="")

    def __post_init__(self) -> None:
        codes = {s.code for s in self.statuses}
        outcome_codes = {o.code for o in self.outcomes}
        if not self.initial:
            object.__setattr__(self, "initial", self.statuses[0].code)
        problems = []
        for t in self.transitions:
            if t.source not in codes or t.target not in codes:
                problems.append(f"{t.source}->{t.target}: unknown status")
            closing = self.status(t.target).closed if t.target in codes else False
            if closing and not t.outcomes:
                problems.append(f"{t.source}->{t.target}: closes without outcomes")
            if not closing and t.outcomes:
                problems.append(f"{t.source}->{t.target}: outcomes on a non-closing move")
            if set(t.outcomes) - outcome_codes:
                problems.append(f"{t.source}->{t.target}: unknown outcome")
            if self.status(t.source).closed if t.source in codes else False:
                problems.append(f"{t.source}->{t.target}: leaves a closed status")
        if problems:
            raise ValueError(f"Variant {self.variant} is inconsistent: " + "; ".join(problems))

    # --- lookups ---------------------------------------------------------------------
    def status(self, code: str) -> Status:
        """Return the status with this code; ``KeyError`` if the variant has none."""
        for status in self.statuses:
            if status.code == code:
                return status
        raise KeyError(code)

    def outcome(self, code: str) -> Outcome:
        for outcome in self.outcomes:
            if outcome.code == code:
                return outcome
        raise KeyError(code)

    def transitions_from(self, source: str) -> tuple[Transition, ...]:
        return tuple(t for t in self.transitions if t.source == source)

    def is_closed(self, status: str) -> bool:
        return self.status(status).closed

    # --- the rule ----------------------------------------------------------------------
    def check(self, source: str, target: str, outcome: str | None = None) -> Transition:
        """Return the transition ``source -> target`` or raise ``InvalidTransition``.

        A closing transition needs one of its outcomes; any other transition takes none.
        """
        labels = {s.code: s.label for s in self.statuses}
        if target not in labels:
            raise InvalidTransition(
                f"De status '{target}' bestaat niet in {self.name}.", code="unknown_status"
            )
        if self.is_closed(source):
            raise InvalidTransition(
                "Deze zaak is afgesloten en kan niet meer van status veranderen.",
                code="case_closed",
            )
        for transition in self.transitions_from(source):
            if transition.target == target:
                break
        else:
            raise InvalidTransition(
                f"Van '{labels[source]}' naar '{labels[target]}' is in {self.name} niet toegestaan.",
                code="transition_not_allowed",
            )
        if transition.outcomes:
            if not outcome:
                raise InvalidTransition(
                    "Kies een uitkomst om de zaak af te sluiten.", code="outcome_required"
                )
            if outcome not in transition.outcomes:
                raise InvalidTransition(
                    f"De uitkomst '{outcome}' past niet bij '{transition.label}'.",
                    code="outcome_not_allowed",
                )
        elif outcome:
            raise InvalidTransition(
                "Een uitkomst hoort alleen bij het afsluiten van een zaak.",
                code="outcome_not_expected",
            )
        return transition

    def paths(self) -> Iterator[tuple[Transition, ...]]:
        """Yield every simple path (no status twice) from the initial status to a closed one."""

        def walk(status: str, seen: tuple[str, ...], path: tuple[Transition, ...]):
            if self.is_closed(status):
                yield path
                return
            for t in self.transitions_from(status):
                if t.target not in seen:
                    yield from walk(t.target, (*seen, t.target), (*path, t))

        yield from walk(self.initial, (self.initial,), ())

    # --- serialisation (stored as JSON in the database) -----------------------------------
    def to_dict(self) -> dict:
        return {
            "variant": self.variant,
            "name": self.name,
            "description": self.description,
            "initial": self.initial,
            "statuses": [
                {"code": s.code, "label": s.label, "closed": s.closed} for s in self.statuses
            ],
            "outcomes": [{"code": o.code, "label": o.label} for o in self.outcomes],
            "transitions": [
                {"source": t.source, "target": t.target, "label": t.label,
                 "outcomes": list(t.outcomes)}
                for t in self.transitions
            ],
        }

    @classmethod
    def from_dict(cls, data: dict) -> Workflow:
        return cls(
            variant=data["variant"],
            name=data["name"],
            description=data["description"],
            initial=data.get("initial", ""),
            statuses=tuple(Status(**s) for s in data["statuses"]),
            outcomes=tuple(Outcome(**o) for o in data["outcomes"]),
            transitions=tuple(
                Transition(s["source"], s["target"], s["label"], tuple(s.get("outcomes", ())))
                for s in data["transitions"]
            ),
        )
