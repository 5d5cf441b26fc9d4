"""Disclosure control for a report of several tables (DOMAIN.md §5, issue 5 done-when 2).

Examples first, then property tests: for random tables and random reports whose tables share
totals, no published count is under 10, every published figure is the true one, protecting
twice changes nothing, and an attacker who reads only what is published cannot pin down a
hidden figure. The attacker is written here, apart from the module: exact linear
programming over the rationals (a small simplex on ``Fraction``), given every published
figure, what "<10" and "x" mean, and every relation between the tables."""

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ombuds.domain.disclosure import (
    HIDDEN,
    SUPPRESSED,
    THRESHOLD,
    Cell,
    Link,
    Table,
    UnprotectableReport,
    adds_up,
    exact,
    protect,
    protect_report,
    same_total,
    share,
)

H = HIDDEN
X = SUPPRESSED


def table(*counts):
    return [(f"c{i}", c) for i, c in enumerate(counts)]


def displays(report):
    return {name: (t.displays, t.total_display if t.with_total else None) for name, t in report.items()}


# --- examples ---------------------------------------------------------------------------------


def test_it_leaves_tables_alone_when_the_shared_total_gives_nothing_away():
    report = protect_report(
        {"kanaal": table(3, 40, 57), "domein": table(50, 50)}, same_total("kanaal", "domein")
    )
    assert displays(report) == {"kanaal": ((H, X, "57"), "100"), "domein": (("50", "50"), "100")}


def test_a_small_month_is_not_left_as_the_year_minus_the_other_months():
    # Per table, February is hidden entirely; but the year (100) minus January (95) is 5.
    report = protect_report(
        {"jan": table(50, 45), "feb": table(3, 2), "jaar": table(53, 47)},
        adds_up("jaar", ["jan", "feb"]),
    )
    assert report["feb"].total_hidden
    assert report["jan"].total_hidden  # so January's total goes, and with it one of its cells
    assert report["jan"].displays == ("50", X)
    assert report["jaar"].total_display == "100"


def test_a_cell_is_not_left_as_the_year_cell_minus_the_other_months():
    report = protect_report(
        {"jan": table(5, 20), "feb": table(30, 40), "jaar": table(35, 60)},
        adds_up("jaar", ["jan", "feb"], labels=["c0", "c1"]),
    )
    assert report["jan"].displays[0] == H
    assert report["feb"].cells[0].hidden  # 35 − 30 would give January's 5 away
    assert_attacker_cannot_pin(report, adds_up("jaar", ["jan", "feb"], labels=["c0", "c1"]))


def test_a_total_hidden_in_one_table_is_not_left_shown_as_a_cell_of_another():
    # Three cells of 9: per table the total is hidden ("x"); shown as "cases opened this year"
    # it would pin every cell at 9. The figures page has exactly this pair of tables.
    links = [Link(("geopend", "2026"), (("kanaal", None),))]
    report = protect_report(
        {"geopend": exact([("2026", 27), ("2025", 40)], with_total=False), "kanaal": table(9, 9, 9)}, links
    )
    assert displays(report) == {"geopend": ((X, "40"), None), "kanaal": ((H, H, H), X)}


def test_a_report_of_one_table_is_protected_as_that_table():
    counts = table(3, 25, 40)
    assert protect_report({"t": counts}) == {"t": protect(counts)}


def test_zero_is_hidden_like_any_count_under_10():
    report = protect_report({"a": table(0, 30, 40), "b": table(70)}, same_total("a", "b"))
    assert report["a"].displays == (H, X, "40")


def test_percentages_only_for_shown_cells_on_a_shown_base_of_100_or_more():
    report = protect_report({"a": table(5, 60, 80), "b": table(20, 30)})
    assert [c.percent for c in report["a"].cells] == [None, None, 55]
    assert [c.percent for c in report["b"].cells] == [None, None]


def test_cells_hidden_in_the_input_stay_hidden_and_get_a_partner():
    given_table = Table(cells=(Cell("c0", 30, hidden=True), Cell("c1", 40)), total=70)
    report = protect_report({"t": given_table})
    assert report["t"].displays == (X, X)


def test_it_refuses_a_report_the_marks_alone_give_away():
    # Ten cells of 9 ("<10", at most 90 together) must equal nine cells of 10 ("x", at least 90).
    with pytest.raises(UnprotectableReport):
        protect_report({"a": table(*[9] * 10), "b": table(*[10] * 9)}, same_total("a", "b"))


@pytest.mark.parametrize(
    ("links", "message"),
    [
        (same_total("a", "zzz"), "not in the report"),
        ([Link(("a", "c9"), (("b", None),))], "not in the report"),
        (same_total("a", "b"), "does not hold"),
    ],
)
def test_it_refuses_links_that_do_not_fit_the_tables(links, message):
    with pytest.raises(ValueError, match=message):
        protect_report({"a": table(10, 20), "b": table(31)}, links)


def test_it_refuses_negative_counts_and_a_label_twice():
    with pytest.raises(ValueError):
        protect_report({"a": table(-1, 20)})
    with pytest.raises(ValueError):
        protect_report({"a": [("x", 10), ("x", 20)]})


# --- the attacker -----------------------------------------------------------------------------


def _pivot(rows, r, col):
    factor = rows[r][col]
    rows[r] = [v / factor for v in rows[r]]
    for k, row in enumerate(rows):
        if k != r and row[col]:
            f = row[col]
            rows[k] = [a - f * b for a, b in zip(row, rows[r], strict=True)]


class Polytope:
    """{y ≥ 0 : matrix·y = rhs}, feasible, for exact maximising: a two-phase simplex on
    ``Fraction`` with Bland's rule. Phase 1 runs once; each objective starts from its basis."""

    def __init__(self, matrix, rhs):
        n, m = len(matrix[0]), len(matrix)
        rows = []
        for k, (row, b) in enumerate(zip(matrix, rhs, strict=True)):
            sign = -1 if b < 0 else 1
            rows.append([Fraction(sign * v) for v in row]
                        + [Fraction(int(j == k)) for j in range(m)] + [Fraction(sign * b)])
        basis = [n + k for k in range(m)]
        _run(rows, basis, [Fraction(0)] * n + [Fraction(-1)] * m, range(n + m))
        assert all(rows[k][-1] == 0 for k in range(m) if basis[k] >= n), "infeasible"
        for k in reversed(range(m)):  # drive the artificial variables out of the basis
            if basis[k] >= n:
                col = next((j for j in range(n) if rows[k][j]), None)
                if col is None:
                    del rows[k], basis[k]
                else:
                    _pivot(rows, k, col)
                    basis[k] = col
        self.n = n
        self.rows = [row[:n] + row[-1:] for row in rows]
        self.basis = basis

    def maximise(self, objective):
        """The maximum of objective·y, or ``None`` when it has none."""
        rows, basis = [list(row) for row in self.rows], list(self.basis)
        costs = [Fraction(c) for c in objective]
        if not _run(rows, basis, costs, range(self.n)):
            return None
        return sum(costs[basis[k]] * rows[k][-1] for k in range(len(rows)))


def _run(rows, basis, costs, allowed):
    """Pivot until no allowed column improves; ``False`` when the objective is unbounded."""
    while True:
        reduced = [costs[j] - sum(costs[basis[k]] * rows[k][j] for k in range(len(rows)) if rows[k][j])
                   for j in allowed]
        entering = next((j for j, r in zip(allowed, reduced, strict=True) if r > 0), None)
        if entering is None:
            return True
        candidates = [k for k in range(len(rows)) if rows[k][entering] > 0]
        if not candidates:
            return False
        leaving = min(candidates, key=lambda k: (rows[k][-1] / rows[k][entering], basis[k]))
        _pivot(rows, leaving, entering)
        basis[leaving] = entering


def attacker_ranges(published, links):
    """For each hidden figure, the least and greatest value (``None``: no limit) that fits
    everything published: the shown numbers, "<10" = 0–9, "x" ≥ 10, non-negative counts,
    each table with a total adding up to it, and the links."""
    marks, equations = {}, []
    for name, t in published.items():
        refs = [((name, c.label), c.display) for c in t.cells]
        if t.with_total:
            refs.append(((name, None), t.total_display))
            equations.append({(name, None): -1, **{(name, c.label): 1 for c in t.cells}})
        marks.update(refs)
    for link in links:
        equation = {}
        for ref, sign in [(link.whole, -1), *[(p, 1) for p in link.parts]]:
            equation[ref] = equation.get(ref, 0) + sign
        equations.append(equation)
    unknown = [ref for ref, mark in marks.items() if not mark.isdigit()]
    low = {ref: 0 if marks[ref] == HIDDEN else THRESHOLD for ref in unknown}
    # Unknowns y = x − low ≥ 0; "<10" also gets y + slack = 9.
    capped = [ref for ref in unknown if marks[ref] == HIDDEN]
    width = len(unknown) + len(capped)
    matrix, rhs = [], []
    for equation in equations:
        known = sum(a * int(marks[ref]) for ref, a in equation.items() if ref not in low)
        matrix.append([equation.get(ref, 0) for ref in unknown] + [0] * len(capped))
        rhs.append(-known - sum(a * low[ref] for ref, a in equation.items() if ref in low))
    for k, ref in enumerate(capped):
        row = [0] * width
        row[unknown.index(ref)] = 1
        row[len(unknown) + k] = 1
        matrix.append(row)
        rhs.append(THRESHOLD - 1)
    if not matrix:  # nothing relates the hidden figures: each is free within its mark
        return {ref: (low[ref], None) for ref in unknown}
    polytope = Polytope(matrix, rhs)
    ranges = {}
    for i, ref in enumerate(unknown):
        objective = [0] * width
        objective[i] = 1
        most = polytope.maximise(objective)
        objective[i] = -1
        least = -polytope.maximise(objective)
        ranges[ref] = (least + low[ref], None if most is None else most + low[ref])
    return ranges


def assert_attacker_cannot_pin(published, links):
    true = {}
    for name, t in published.items():
        true.update({(name, c.label): c.count for c in t.cells})
        true[name, None] = t.total
    for ref, (least, most) in attacker_ranges(published, links).items():
        assert least <= true[ref] and (most is None or true[ref] <= most), (ref, least, most)
        assert most is None or least < most, f"{ref} is pinned at {least}"
        if true[ref] < THRESHOLD:
            assert least < THRESHOLD, (ref, least)


def test_the_attacker_pins_what_per_table_suppression_leaves():
    # Sanity check of the attacker: per table alone, February (5) = year − January.
    tables = {"jan": protect(table(50, 45)), "feb": protect(table(3, 2)), "jaar": protect(table(53, 47))}
    ranges = attacker_ranges(tables, adds_up("jaar", ["jan", "feb"]))
    assert ranges["feb", None] == (5, 5)


# --- properties -------------------------------------------------------------------------------

counts = st.one_of(st.integers(0, 12), st.integers(0, 60), st.sampled_from([0, 9, 10, 11]))


@st.composite
def partitions(draw, total, max_size=4):
    """A table whose counts add up to ``total``."""
    size = draw(st.integers(1, max_size))
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=size - 1, max_size=size - 1)))
    bounds = [0, *cuts, total]
    return table(*(b - a for a, b in zip(bounds, bounds[1:], strict=False)))


@st.composite
def reports(draw):
    """A random report: tables sharing one total, and/or months adding up to a year."""
    kind = draw(st.sampled_from(["single", "same_total", "months", "month_cells", "both"]))
    first = table(*draw(st.lists(counts, min_size=1, max_size=4)))
    if kind == "single":
        return {"t": first}, []
    total = sum(c for _, c in first)
    if kind == "same_total":
        others = {f"t{k}": draw(partitions(total)) for k in range(draw(st.integers(1, 2)))}
        return {"t": first, **others}, same_total("t", *others)
    size = len(first)
    months = {f"m{k}": table(*draw(st.lists(counts, min_size=size, max_size=size)))
              for k in range(draw(st.integers(2, 3)))}
    year = table(*(sum(m[i][1] for m in months.values()) for i in range(size)))
    labels = [label for label, _ in year] if kind in ("month_cells", "both") else []
    tables, links = {**months, "year": year}, adds_up("year", list(months), labels=labels)
    if kind == "both":
        tables["per_domain"] = draw(partitions(sum(c for _, c in year)))
        links += same_total("year", "per_domain")
    return tables, links


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(reports())
def test_no_published_count_is_under_10_and_every_published_figure_is_true(report):
    tables, links = report
    published = protect_report(tables, links)
    for name, t in published.items():
        truth = [c for _, c in tables[name]]
        assert [c.count for c in t.cells] == truth
        assert t.total == sum(truth)
        for cell in t.cells:
            assert cell.hidden or (cell.count >= THRESHOLD and cell.display == str(cell.count))
            shown_base = t.with_total and not t.total_hidden
            assert cell.percent == (share(cell.count, t.total)
                                    if shown_base and not cell.hidden else None)
        if t.with_total and not t.total_hidden:
            assert t.total >= THRESHOLD and t.total_display == str(t.total)


@FAST
@given(reports())
def test_no_hidden_figure_can_be_worked_out_from_the_published_ones(report):
    tables, links = report
    assert_attacker_cannot_pin(protect_report(tables, links), links)


@FAST
@given(reports())
def test_protecting_a_protected_report_changes_nothing(report):
    tables, links = report
    once = protect_report(tables, links)
    assert protect_report(once, links) == once


@FAST
@given(st.lists(counts, min_size=1, max_size=5), st.booleans())
def test_one_table_alone_comes_out_as_protect_makes_it(values, with_total):
    t = exact(table(*values), with_total=with_total)
    assert protect_report({"t": t}) == {"t": protect(table(*values), with_total=with_total)}
