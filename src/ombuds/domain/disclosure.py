"""Disclosure control for figures about people (DOMAIN.md §5).

Reports for the council and the public never show a count of persons under 10, hide enough
other cells that a hidden count cannot be worked out from a total (secondary suppression),
and give no percentages on a base under 100. Internal dashboards for the ombudsperson show
exact numbers: ``exact`` builds the same table without any of this.

The rules, applied to one table of counts (one row or column with its total):

1. *Primary*: a count under ``THRESHOLD`` (10, zero included) is shown as "<10".
   A larger number hidden by rule 3 is shown as "x", since "<10" would be untrue.
2. *Total*: a total under ``THRESHOLD`` is hidden too (then every cell is hidden anyway).
3. *Secondary*: while a total is shown, the hidden cells must be at least two and must add
   up to at least ``THRESHOLD``; otherwise the smallest visible cell is hidden as well
   (ties: the first in the table). When that one partner is not enough (or there is none),
   the total is hidden instead, which protects the small cells without any partner.
   Rule 3 is stricter than "one hidden cell needs a partner": a group of hidden cells
   whose sum is under 10 would itself reveal a small number of persons, and a group whose
   sum sits at the edge of what its cells can hold (a small cell is at most 9, a partner at
   most the next visible cell) can be worked out cell by cell.
4. *Percentages* only on a base of at least ``MIN_PERCENT_BASE`` (100) and never for a
   hidden cell.

Pure Python on purpose (no Django): the rule is tested exhaustively in
``domain/tests/test_disclosure.py``, including an attacker who knows this algorithm.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "HIDDEN", "MIN_PERCENT_BASE", "SUPPRESSED", "THRESHOLD",
    "Cell", "Table", "exact", "protect", "share",
]

THRESHOLD = 10
MIN_PERCENT_BASE = 100
HIDDEN = "<10"
#: A cell of 10 or more hidden only to protect a small one (or such a total), as CBS marks it.
SUPPRESSED = "x"


@dataclass(frozen=True)
class Cell:
    label: str
    count: int
    hidden: bool = False
    #: Whole percentage of the table's base, or ``None`` when it may not be shown.
    percent: int | None = None

    @property
    def display(self) -> str:
        return _display(self.count, self.hidden)


@dataclass(frozen=True)
class Table:
    cells: tuple[Cell, ...]
    total: int
    #: Whether the table has a total row at all (a table of overlapping categories has none).
    with_total: bool = True
    total_hidden: bool = False

    @property
    def total_display(self) -> str:
        return _display(self.total, self.total_hidden)

    @property
    def displays(self) -> tuple[str, ...]:
        """The cells as published, in order (handy for tests and CSV)."""
        return tuple(cell.display for cell in self.cells)

    @property
    def any_hidden(self) -> bool:
        return self.total_hidden or any(cell.hidden for cell in self.cells)


def _display(count: int, hidden: bool) -> str:
    if not hidden:
        return str(count)
    return HIDDEN if count < THRESHOLD else SUPPRESSED


def share(part: int, base: int) -> int | None:
    """Return ``part`` as a whole percentage of ``base``; ``None`` on a base under 100."""
    if base < MIN_PERCENT_BASE:
        return None
    return round(100 * part / base)


def exact(counts: Iterable[tuple[str, int]], *, with_total: bool = True) -> Table:
    """Return the table with exact numbers (internal dashboards; percentages on any base)."""
    rows = [(str(label), int(count)) for label, count in counts]
    total = sum(count for _, count in rows)
    cells = tuple(
        Cell(label, count, percent=round(100 * count / total) if with_total and total else None)
        for label, count in rows
    )
    return Table(cells=cells, total=total, with_total=with_total)


def hidden_positions(counts: list[int], *, with_total: bool = True) -> tuple[set[int], bool]:
    """Return which cells to hide and whether to hide the total (rules 1–3).

    The checks are exact for someone who knows this algorithm and the shown total: they know
    the hidden cells add up to the total minus the visible ones, that a small cell lies
    between 0 and 9, and that a partner lies between 10 and the next visible cell. The
    exhaustive test in ``test_disclosure.py`` plays that person.
    """
    primary = {i for i, count in enumerate(counts) if count < THRESHOLD}
    if not with_total:
        return primary, False
    if sum(counts) < THRESHOLD:
        return set(range(len(counts))), True
    small = sum(counts[i] for i in primary)
    ceiling = THRESHOLD - 1
    if not primary or (len(primary) >= 2 and THRESHOLD <= small < ceiling * len(primary)):
        # Nothing small, or several small cells whose sum neither is small itself nor
        # pins each cell at 9: no partner needed.
        return primary, False
    visible = [i for i in range(len(counts)) if i not in primary]
    if visible and small <= ceiling:
        partner = min(visible, key=lambda i: (counts[i], i))
        # Values the partner could have had and still be picked: at least 10, at most the
        # next visible cell (strictly below an equal cell that comes first).
        others = [counts[j] - (j < partner) for j in visible if j != partner]
        highest = min(others) if others else float("inf")
        hidden_sum = small + counts[partner]
        if min(ceiling, hidden_sum - THRESHOLD) > max(0, hidden_sum - highest):
            return primary | {partner}, False
    # A partner cannot make it safe (cells of 9, or the partner itself would be pinned
    # down): hiding the total protects the small cells without one.
    return primary, True


def protect(counts: Iterable[tuple[str, int]], *, with_total: bool = True) -> Table:
    """Return the table as it may be published: small counts hidden (rules 1–4)."""
    rows = [(str(label), int(count)) for label, count in counts]
    if any(count < 0 for _, count in rows):
        raise ValueError("Counts cannot be negative.")
    values = [count for _, count in rows]
    hidden, total_hidden = hidden_positions(values, with_total=with_total)
    total = sum(values)
    cells = tuple(
        Cell(
            label, count, hidden=i in hidden,
            percent=None if (i in hidden or not with_total or total_hidden)
            else share(count, total),
        )
        for i, (label, count) in enumerate(rows)
    )
    return Table(cells=cells, total=total, with_total=with_total, total_hidden=total_hidden)
