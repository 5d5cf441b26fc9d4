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

A *report* of several tables about the same persons needs more: the tables share totals
(cases per channel and per domain count the same cases; the months add up to the year), so
a cell hidden in one table could be worked out from another. ``protect_report`` starts
from rules 1–3 per table and hides more until no hidden figure of the report follows from
the published ones (see its docstring and ``docs/disclosure.md``).

Pure Python on purpose (no Django): the rule is tested exhaustively in
``domain/tests/test_disclosure.py``, including an attacker who knows this algorithm, and
the report rule by property tests in ``domain/tests/test_disclosure_report.py``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "HIDDEN", "MIN_PERCENT_BASE", "SUPPRESSED", "THRESHOLD",
    "Cell", "Link", "Table", "UnprotectableReport",
    "adds_up", "exact", "protect", "protect_report", "same_total", "share",
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


# --- a report of several tables ---------------------------------------------------------------

#: A figure of a report: ``(table name, cell label)``; the label ``None`` is the table's total.
Ref = tuple[str, str | None]


@dataclass(frozen=True)
class Link:
    """A relation between the tables of one report: ``whole`` is the sum of ``parts``.

    Declare every relation a reader can know, or the protection does not cover it: tables
    that count the same cases (``same_total``), months that add up to the year
    (``adds_up``), a cell of one table that is the total of another.
    """

    whole: Ref
    parts: tuple[Ref, ...]


def same_total(*names: str) -> list[Link]:
    """Return the links saying that the tables ``names`` have one and the same total."""
    first, *rest = names
    return [Link((first, None), ((name, None),)) for name in rest]


def adds_up(whole: str, parts: Sequence[str], *, labels: Iterable[str] = ()) -> list[Link]:
    """Return the links saying that table ``whole`` is the sum of the tables ``parts``: its
    total, and each cell in ``labels`` (every part lists those cells, zeros included)."""
    return [Link((whole, label), tuple((part, label) for part in parts))
            for label in (None, *labels)]


class UnprotectableReport(ValueError):
    """A hidden figure follows from the published ones however much else is hidden: the
    marks themselves pin it ("<10" is at most 9, "x" at least 10; ten cells of "<10" that
    must add up to nine cells of "x" are all 9). Merge categories or leave the table out."""


def protect_report(
    tables: Mapping[str, Table | Iterable[tuple[str, int]]], links: Iterable[Link] = (), *,
    hide_first: Iterable[str] = (),
) -> dict[str, Table]:
    """Return the tables of one report as they may be published together (DOMAIN.md §5).

    ``tables`` maps a name to a table (from ``exact``, which also says whether it has a
    total) or to ``(label, count)`` pairs (a table with a total). ``links`` declares how the
    tables hang together. Every table follows rules 1–4 of ``protect``; on top of that, no
    hidden figure can be worked out from the published figures of the whole report.

    The reader we protect against has every published figure, knows every linear relation
    between the figures (the cells of a table with a total add up to it; the ``links``),
    that counts are whole numbers of at least 0, and that "<10" means 0–9 and "x" at least
    10. A hidden figure is safe when some other table of whole numbers fits all of that and
    differs from the truth in that figure. (The reader does not use the order in which the
    cross-table step picks cells; within one table rule 3 covers that too.)

    ``hide_first`` names tables whose figures are hidden before any other table's when more
    must go (a regional table rather than a municipality's own, issue 16); the order does not
    change what is safe, only which published figure gives way.

    The algorithm: hide per table by rules 1–3 (so one table alone comes out as
    ``protect`` makes it), keep cells that come in hidden hidden, then, while some hidden
    figure is not safe, hide one more published figure of a relation it is part of: the
    smallest (ties: a cell before a total, then the first). Safety is decided exactly over
    whole numbers, per group of hidden figures that share a relation, by narrowing each
    figure's range through the relations and splitting the narrowest range in two (counts
    above twice the largest figure are not tried, and a search past its budget counts as
    unsafe: both err towards hiding more). A safe figure stays safe when more is hidden,
    so each figure is settled once. Raises ``UnprotectableReport`` when a figure cannot be
    made safe, and ``ValueError`` when a link does not hold for the counts.

    Zero counts as under 10 and is hidden, as in ``protect``: DOMAIN.md speaks of any count
    of persons under 10; a published zero would tell the reader that every "<10" beside it
    is at least 1 person; and "none of the 4 cases in this group was resolved" says
    something about each of those 4 people.
    """
    report = _Report(tables, links)
    report.first = {i for i, ref in enumerate(report.refs) if ref[0] in set(hide_first)}
    hidden = report.start()
    safe: set[int] = set()
    while (pinned := report.first_unsafe(hidden, safe)) is not None:
        extra = report.next_to_hide(hidden, pinned)
        if extra is None:
            raise UnprotectableReport(
                f"{report.refs[pinned]} follows from the published figures however much is hidden."
            )
        hidden.add(extra)
    return report.tables(hidden)


class _TooHard(Exception):
    pass


_SEARCH_BUDGET = 5_000


class _Report:
    """The figures of a report as numbered unknowns and the relations between them."""

    def __init__(self, tables, links):
        self.refs: list[Ref] = []
        self.values: list[int] = []
        self.index: dict[Ref, int] = {}
        self.layout: dict[str, tuple[list[str], bool]] = {}
        self.given: set[int] = set()  # hidden in the input, and so hidden in the output
        self.equations: list[dict[int, int]] = []  # sum of coefficient × figure is 0
        self.first: set[int] = set()  # figures to hide before others (``hide_first``)
        for name, table in tables.items():
            if isinstance(table, Table):
                rows = [(c.label, c.count, c.hidden) for c in table.cells]
                with_total, total_given = table.with_total, table.total_hidden
            else:
                rows = [(str(label), int(count), False) for label, count in table]
                with_total, total_given = True, False
            if any(count < 0 for _, count, _ in rows):
                raise ValueError("Counts cannot be negative.")
            cells = [self._add((name, label), count, given) for label, count, given in rows]
            self.layout[name] = ([label for label, _, _ in rows], with_total)
            if with_total:
                total = self._add((name, None), sum(c for _, c, _ in rows), total_given)
                self.equations.append({total: -1, **dict.fromkeys(cells, 1)})
        for link in links:
            equation: dict[int, int] = {}
            for ref, sign in [(link.whole, -1)] + [(part, 1) for part in link.parts]:
                if ref not in self.index:
                    raise ValueError(f"The link refers to {ref!r}, which is not in the report.")
                equation[self.index[ref]] = equation.get(self.index[ref], 0) + sign
            if sum(a * self.values[i] for i, a in equation.items()) != 0:
                raise ValueError(f"The link {link!r} does not hold for these counts.")
            self.equations.append({i: a for i, a in equation.items() if a})
        self.cap = 2 * max(self.values, default=0) + 2 * THRESHOLD

    def _add(self, ref: Ref, value: int, given: bool) -> int:
        if ref in self.index:
            raise ValueError(f"{ref!r} occurs twice in the report.")
        self.index[ref] = len(self.refs)
        self.refs.append(ref)
        self.values.append(value)
        if given:
            self.given.add(self.index[ref])
        return self.index[ref]

    def start(self) -> set[int]:
        hidden = set(self.given)
        for name, (labels, with_total) in self.layout.items():
            counts = [self.values[self.index[name, label]] for label in labels]
            cells, total = hidden_positions(counts, with_total=with_total)
            hidden |= {self.index[name, labels[i]] for i in cells}
            if total:
                hidden.add(self.index[name, None])
        return hidden

    def _bounds(self, i: int) -> tuple[int, int]:
        """What the mark of hidden figure ``i`` tells: "<10" is 0–9, "x" at least 10."""
        return (0, THRESHOLD - 1) if self.values[i] < THRESHOLD else (THRESHOLD, self.cap)

    def _reduced(self, hidden: set[int]) -> list[tuple[dict[int, int], int]]:
        """The relations among hidden figures, published figures filled in."""
        reduced = []
        for equation in self.equations:
            unknown = {i: a for i, a in equation.items() if i in hidden}
            if unknown:
                known = sum(a * self.values[i] for i, a in equation.items() if i not in hidden)
                reduced.append((unknown, -known))
        return reduced

    def first_unsafe(self, hidden: set[int], safe: set[int]) -> int | None:
        reduced = self._reduced(hidden)
        for i in sorted(hidden - safe):
            group = _group(i, reduced)
            equations = [eq for eq in reduced if group.keys() & eq[0].keys()]
            bounds = {j: self._bounds(j) for j in group}
            low, high = bounds[i]
            value = self.values[i]
            try:
                budget = [_SEARCH_BUDGET]
                ok = (low < value and _solvable(equations, {**bounds, i: (low, value - 1)}, budget,
                                                self.values)
                      ) or (value < high and _solvable(equations, {**bounds, i: (value + 1, high)},
                                                       budget, self.values))
            except _TooHard:
                ok = False
            if not ok:
                return i
            safe.add(i)
        return None

    def next_to_hide(self, hidden: set[int], pinned: int) -> int | None:
        """The smallest published figure of a relation ``pinned`` is in, or failing that, of
        a relation of the hidden figures it hangs together with (a ``hide_first`` table's
        figure before any other)."""
        group = _group(pinned, self._reduced(hidden))
        scopes = [{j for eq in self.equations if scope & eq.keys() for j in eq} - hidden
                  for scope in ({pinned}, group.keys())]
        # A figure of a ``hide_first`` table anywhere around, before any other one.
        for candidates in ([s & self.first for s in scopes] if self.first else []) + scopes:
            if candidates:
                return min(candidates, key=lambda j: (self.values[j], self.refs[j][1] is None, j))
        return None

    def tables(self, hidden: set[int]) -> dict[str, Table]:
        result = {}
        for name, (labels, with_total) in self.layout.items():
            counts = [self.values[self.index[name, label]] for label in labels]
            total = sum(counts)
            total_hidden = with_total and self.index[name, None] in hidden
            cells = []
            for label, count in zip(labels, counts, strict=True):
                is_hidden = self.index[name, label] in hidden
                percent = None if (is_hidden or not with_total or total_hidden) else share(count, total)
                cells.append(Cell(label, count, hidden=is_hidden, percent=percent))
            result[name] = Table(cells=tuple(cells), total=total, with_total=with_total,
                                 total_hidden=total_hidden)
        return result


def _group(start: int, reduced: list[tuple[dict[int, int], int]]) -> dict[int, None]:
    """The hidden figures tied to ``start`` through relations (an ordered set)."""
    group = {start: None}
    todo = [start]
    while todo:
        i = todo.pop()
        for unknown, _ in reduced:
            if i in unknown:
                for j in unknown:
                    if j not in group:
                        group[j] = None
                        todo.append(j)
    return group


def _solvable(equations, bounds: dict[int, tuple[int, int]], budget: list[int],
              hint: Sequence[int] = ()) -> bool:
    """Whether whole numbers within ``bounds`` satisfy every ``(coefficients, constant)``
    equation: narrow the ranges, then split the narrowest open range in two, trying first
    the half that holds the figure's true value (``hint``): the truth nearly fits, so the
    search mostly walks straight to a solution."""
    touching: dict[int, list[int]] = {}
    for k, (coefficients, _constant) in enumerate(equations):
        for i in coefficients:
            touching.setdefault(i, []).append(k)
    stack = [({i: list(b) for i, b in bounds.items()}, None)]
    while stack:
        ranges, split = stack.pop()
        # After a split only the equations of the split figure need looking at first.
        if not _narrow(equations, ranges, budget, touching,
                       range(len(equations)) if split is None else touching.get(split, ())):
            continue
        open_ = [i for i, (low, high) in ranges.items() if low < high]
        if not open_:
            return True
        i = min(open_, key=lambda j: (ranges[j][1] - ranges[j][0], j))
        middle = (ranges[i][0] + ranges[i][1]) // 2
        upper = {j: list(r) for j, r in ranges.items()}
        upper[i][0] = middle + 1
        ranges[i][1] = middle
        if i < len(hint) and hint[i] > middle:
            stack += [(ranges, i), (upper, i)]
        else:
            stack += [(upper, i), (ranges, i)]
    return False


def _narrow(equations, ranges: dict[int, list[int]], budget: list[int],
            touching: dict[int, list[int]], start) -> bool:
    """Tighten each range by what the equations allow; ``False`` when one becomes empty.

    A work list: an equation is looked at again only when a range in it changed (the
    budget counts one unit per ``len(equations)`` looks, a full pass)."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooHard
    queue = deque(start)
    queued = set(queue)
    looks, size = 0, max(1, len(equations))
    while queue:
        k = queue.popleft()
        queued.discard(k)
        looks += 1
        if looks % size == 0:
            budget[0] -= 1
            if budget[0] < 0:
                raise _TooHard
        coefficients, constant = equations[k]
        lowest = sum(a * ranges[i][0 if a > 0 else 1] for i, a in coefficients.items())
        highest = sum(a * ranges[i][1 if a > 0 else 0] for i, a in coefficients.items())
        if not lowest <= constant <= highest:
            return False
        for i, a in coefficients.items():
            # a·x_i = constant − (the others), and the others lie within these sums.
            low = constant - (highest - a * ranges[i][1 if a > 0 else 0])
            high = constant - (lowest - a * ranges[i][0 if a > 0 else 1])
            if a < 0:
                a, low, high = -a, -high, -low
            low, high = -(-low // a), high // a
            changed = False
            if low > ranges[i][0]:
                ranges[i][0], changed = low, True
            if high < ranges[i][1]:
                ranges[i][1], changed = high, True
            if ranges[i][0] > ranges[i][1]:
                return False
            if changed:
                for other in touching[i]:
                    if other not in queued:
                        queued.add(other)
                        queue.append(other)
    return True
