"""Disclosure control (DOMAIN.md §5): no count under 10, no recoverable hidden cell, no
percentage on a base under 100. Table-driven, then exhaustive over small tables, then
against an attacker who knows the algorithm and tries to work a hidden cell out."""

from itertools import product

import pytest

from ombuds.domain.disclosure import HIDDEN, SUPPRESSED, exact, hidden_positions, protect, share

H = HIDDEN
X = SUPPRESSED


def table(*counts):
    return [(f"c{i}", c) for i, c in enumerate(counts)]


@pytest.mark.parametrize(
    ("counts", "cells", "total"),
    [
        # nothing small: everything shown
        ((10, 25, 40), ("10", "25", "40"), "75"),
        # one small cell and a total: the next-smallest cell is hidden too
        ((3, 25, 40), (H, X, "40"), "68"),
        # ties for next-smallest: the first in the table goes
        ((3, 25, 25), (H, X, "25"), "53"),
        # two small cells adding up to 10 or more: enough on their own
        ((4, 6, 40), (H, H, "40"), "50"),
        # two small cells adding up to less than 10: one more cell goes, or else the total
        ((1, 2, 40, 50), (H, H, X, "50"), "93"),
        ((1, 9, 40, 50), (H, H, "40", "50"), "100"),
        # zero counts as under 10
        ((0, 30, 40), (H, X, "40"), "70"),
        # a single small cell beside a single large one: both hidden, total shown
        ((5, 20), (H, X), "25"),
        # everything small but the total is 10 or more
        ((5, 5), (H, H), "10"),
        # three cells of 9: each pinned down by the total, so the total goes too
        ((9, 9, 9), (H, H, H), X),
        # a partner that could only be 10 beside a visible 10: the total goes instead
        ((10, 10, 9), ("10", "10", H), X),
        # total under 10: all hidden
        ((3, 4), (H, H), H),
        ((9,), (H,), H),
        ((0,), (H,), H),
        # a single cell of 10 or more
        ((12,), ("12",), "12"),
        # empty table
        ((), (), H),
    ],
)
def test_protect_hides_small_counts_and_their_partners(counts, cells, total):
    result = protect(table(*counts))
    assert result.displays == cells
    assert result.total_display == total


@pytest.mark.parametrize(
    ("counts", "cells"),
    [((3, 25, 40), (H, "25", "40")), ((0, 10), (H, "10")), ((12, 14), ("12", "14"))],
)
def test_without_a_total_only_small_counts_are_hidden(counts, cells):
    result = protect(table(*counts), with_total=False)
    assert result.displays == cells
    assert not result.total_hidden


@pytest.mark.parametrize(
    ("part", "base", "expected"),
    [(50, 100, 50), (1, 3, None), (99, 99, None), (1, 100, 1), (2, 300, 1), (0, 0, None)],
)
def test_share_gives_no_percentage_on_a_base_under_100(part, base, expected):
    assert share(part, base) == expected


def test_protected_percentages_are_left_out_for_hidden_cells_and_small_bases():
    big = protect(table(5, 60, 80))
    assert [c.percent for c in big.cells] == [None, None, 55]
    small = protect(table(20, 30))
    assert [c.percent for c in small.cells] == [None, None]


def test_exact_shows_every_number_for_internal_dashboards():
    result = exact(table(1, 2, 40))
    assert result.displays == ("1", "2", "40")
    assert result.total_display == "43"
    assert not result.any_hidden


def test_protect_refuses_negative_counts():
    with pytest.raises(ValueError):
        protect(table(-1, 20))


VALUES = (0, 1, 5, 9, 10, 11, 25, 100)
SMALL_TABLES = [c for n in range(1, 5) for c in product(VALUES, repeat=n)]


@pytest.mark.parametrize("with_total", [True, False])
def test_no_published_number_is_under_10_in_any_small_table(with_total):
    for counts in SMALL_TABLES:
        result = protect(table(*counts), with_total=with_total)
        for cell in result.cells:
            assert cell.hidden or cell.count >= 10, counts
            assert cell.percent is None or (result.total >= 100 and not cell.hidden), counts
        if with_total and not result.total_hidden:
            assert result.total >= 10, counts


def test_with_a_total_shown_hidden_cells_are_never_alone_and_never_sum_under_10():
    for counts in SMALL_TABLES:
        result = protect(table(*counts))
        hidden = [c.count for c in result.cells if c.hidden]
        if result.total_hidden or not hidden:
            continue
        assert len(hidden) >= 2, counts
        assert sum(hidden) >= 10, counts


def _compositions(total, parts):
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)


def test_an_attacker_who_knows_the_algorithm_cannot_recover_a_hidden_cell():
    """For every small table: take what is published (visible cells and total), list every
    table that would publish exactly the same, and check that each hidden cell can still
    take more than one value."""
    values = (0, 1, 5, 9, 10, 11, 30)
    for n in range(1, 5):
        for counts in product(values, repeat=n):
            hidden, total_hidden = hidden_positions(list(counts))
            if total_hidden or not hidden:
                continue  # all hidden with the total hidden, or nothing hidden: nothing to solve
            positions = sorted(hidden)
            remainder = sum(counts[i] for i in positions)
            possible = {i: set() for i in positions}
            for guess in _compositions(remainder, len(positions)):
                candidate = list(counts)
                for i, value in zip(positions, guess, strict=True):
                    candidate[i] = value
                if hidden_positions(candidate) == (hidden, False):
                    for i, value in zip(positions, guess, strict=True):
                        possible[i].add(value)
            for i in positions:
                assert len(possible[i]) > 1, (counts, i, possible[i])
