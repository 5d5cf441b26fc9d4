"""Small numbers done right (issue 16, done-when 1): the grain of a publishable table, and
disclosure control across the municipalities' reports and their regional report.

Examples first, then property tests: for random families of municipality reports and every
grain, no published count is between 1 and 9, every published figure is true, and the
attacker of ``test_disclosure_report`` — exact linear programming over every figure of every
report of the period, with the relations between the reports worked out here from the labels,
apart from the module — cannot pin down any hidden figure (differencing included)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ombuds.domain.disclosure import THRESHOLD, Link, same_total
from ombuds.domain.grain import (
    CATEGORIES,
    GRAINS,
    MONTH,
    MONTHS,
    OVERIG,
    QUARTER,
    YEAR,
    Choice,
    Piece,
    bucket_label,
    combine,
    preferred,
    publish,
    reshape,
)
from ombuds.domain.tests.test_disclosure_report import assert_attacker_cannot_pin

MONTH_LABELS = [f"2026-{m:02}" for m in range(1, 13)]


def months(*counts, key="maand"):
    return Piece(key, "Nieuwe zaken per maand", tuple(zip(MONTH_LABELS, counts, strict=False)),
                 shape=MONTHS)


def categories(*pairs, key="kanaal", with_total=True):
    return Piece(key, "Per kanaal", tuple(pairs), with_total=with_total, shape=CATEGORIES,
                 data_rows=True)


def shown(part, key):
    return [(c.label, c.display) for c in part.tables[key].cells]


# --- examples ---------------------------------------------------------------------------------


def test_months_become_quarters_when_a_month_is_small():
    piece = months(12, 15, 8, 20, 20, 20, 20, 20, 20, 20, 20, 20)
    assert preferred(piece) == Choice(grain=QUARTER)
    part = publish({"GM1": [piece]})["GM1"]
    assert shown(part, "maand") == [("1e kwartaal 2026", "35"), ("2e kwartaal 2026", "60"),
                                    ("3e kwartaal 2026", "60"), ("4e kwartaal 2026", "60")]
    assert "Per kwartaal" in part.pieces["maand"].note
    assert not part.omitted


def test_quarters_become_the_year_and_a_year_alone_is_left_out_with_a_sentence():
    piece = months(2, 3, 1, 2, 3, 2, 1, 2, 3, 3, 2, 2)
    assert preferred(piece) == Choice(grain=YEAR)
    part = publish({"GM1": [piece]})["GM1"]
    assert [key for key, _ in part.omitted] == ["maand"]
    assert "te weinig zaken" in part.omitted[0][1]
    assert part.tables["maand"].total_display == "26"


def test_small_categories_merge_into_overig_and_the_rest_stays_exact():
    piece = categories(("Telefoon", 30), ("E-mail", 12), ("Brief", 4), ("Webformulier", 7))
    assert preferred(piece) == Choice(merged=frozenset({"Brief", "Webformulier"}))
    part = publish({"GM1": [piece]})["GM1"]
    assert shown(part, "kanaal") == [("Telefoon", "30"), ("E-mail", "12"), (OVERIG, "11")]
    assert "samengevoegd" in part.pieces["kanaal"].note


def test_a_small_overig_takes_the_next_smallest_category_with_it():
    piece = categories(("Telefoon", 30), ("E-mail", 12), ("Brief", 4))
    assert preferred(piece).merged == {"Brief", "E-mail"}
    assert shown(publish({"GM1": [piece]})["GM1"], "kanaal") == [("Telefoon", "30"),
                                                                   (OVERIG, "16")]


def test_categories_of_zero_leave_no_overig_row():
    piece = categories(("Telefoon", 30), ("E-mail", 12), ("Brief", 0))
    shaped, groups = reshape(piece, preferred(piece))
    assert shaped.counts == (("Telefoon", 30), ("E-mail", 12))
    assert groups == {"Telefoon": {"Telefoon"}, "E-mail": {"E-mail"}}


def test_a_category_another_table_refers_to_never_merges():
    piece = categories(("Opgelost", 4), ("Verwezen", 5), ("Advies", 30))
    links = [Link(("pilot", None), (("kanaal", "Opgelost"),))]
    pilot = Piece("pilot", "Opgelost", (("2026", 4),), with_total=True)
    part = publish({"GM1": [piece, pilot]}, links)["GM1"]
    labels = [c.label for c in part.tables["kanaal"].cells]
    assert "Opgelost" in labels and "Verwezen" not in labels


def test_only_overig_left_is_left_out():
    piece = categories(("Telefoon", 3), ("E-mail", 4), ("Brief", 5))
    part = publish({"GM1": [piece]})["GM1"]
    assert part.omitted == [("kanaal", "‘Per kanaal’: elke soort heeft te weinig zaken om "
                                       "apart te tonen.")]


def test_the_region_takes_the_coarsest_grain_and_every_merge():
    big = [months(*[20] * 12), categories(("Telefoon", 200), ("E-mail", 30), ("Brief", 10))]
    small = [months(*[3] * 12), categories(("Telefoon", 20), ("E-mail", 12), ("Brief", 4))]
    parts = publish({"GM1": big, "GM2": small}, region="regio")
    assert parts["GM1"].choices["maand"].grain == MONTH
    assert parts["GM2"].choices["maand"].grain == YEAR
    assert parts["regio"].choices["maand"].grain == YEAR
    assert parts["regio"].choices["kanaal"].merged == {"Brief", "E-mail"}
    assert shown(parts["regio"], "kanaal") == [("Telefoon", "220"), (OVERIG, "56")]


def test_a_hidden_cell_is_not_left_as_the_region_minus_the_other_municipality():
    # Per report alone, GM2's "Nee" (4) is protected; but the region shows "Nee" = 54 and
    # GM1 shows 50: the difference would give it away.
    fixed = lambda n_yes, n_no: Piece("vermeden", "Procedure vermeden",  # noqa: E731
                                      (("Ja", n_yes), ("Nee", n_no)))
    parts = publish({"GM1": [fixed(40, 50)], "GM2": [fixed(30, 4)]}, region="regio")
    published = {f"{name}/vermeden": part.tables["vermeden"] for name, part in parts.items()}
    assert parts["GM2"].tables["vermeden"].cells[1].hidden
    assert_attacker_cannot_pin(published, _cross_links(parts, {"vermeden": ["Ja", "Nee"]}))


def test_every_report_lists_the_same_categories():
    # GM2 has no letters at all; were its table to lack the row, the region minus GM1 would
    # give its count (0) away. So GM2 lists "Brief" too, as 0, merged away.
    gm1 = [categories(("Telefoon", 40), ("Brief", 12))]
    gm2 = [categories(("Telefoon", 30))]
    parts = publish({"GM1": gm1, "GM2": gm2}, region="regio")
    assert dict(parts["GM2"].pieces["kanaal"].counts) == {"Telefoon": 30}
    assert parts["GM2"].choices["kanaal"].merged == {"Brief"}
    assert shown(parts["regio"], "kanaal")[0] == ("Telefoon", "70")
    assert "Brief" not in [c.label for c in parts["regio"].tables["kanaal"].cells]


def test_rows_fixed_by_configuration_are_not_padded():
    # A variant-6 municipality has no mediation outcomes at all: nothing to pad or protect.
    gm1 = [Piece("uitkomst", "Uitkomst", (("Opgelost", 40), ("Klacht gegrond", 12)),
                 shape=CATEGORIES)]
    gm2 = [Piece("uitkomst", "Uitkomst", (("Klacht gegrond", 30),), shape=CATEGORIES)]
    parts = publish({"GM1": gm1, "GM2": gm2}, region="regio")
    assert dict(parts["GM2"].pieces["uitkomst"].counts) == {"Klacht gegrond": 30}
    assert shown(parts["regio"], "uitkomst") == [("Opgelost", "40"), ("Klacht gegrond", "42")]


def test_combine_is_the_coarsest():
    assert combine([Choice(MONTH), Choice(QUARTER, frozenset({"a"})),
                    Choice(MONTH, frozenset({"b"}))]) == Choice(QUARTER, frozenset({"a", "b"}))


def test_bucket_labels():
    assert [bucket_label("2026-05", g) for g in GRAINS] == ["mei 2026", "2e kwartaal 2026", "2026"]


# --- the attacker's relations, worked out from the labels --------------------------------------


def _composition(part, key, originals, shape):
    """Which original labels each published cell of ``part`` covers."""
    cells = [c.label for c in part.tables[key].cells]
    if shape == MONTHS:
        return {cell: {m for m in originals if cell in {bucket_label(m, g) for g in GRAINS}}
                for cell in cells}
    own = {cell for cell in cells if cell != OVERIG}
    return {cell: ({cell} if cell != OVERIG else set(originals) - own) for cell in cells}


def _cross_links(parts, originals, shapes=None, region="regio"):
    """Every relation between the reports: a regional cell is the sum of the member cells
    within it, a regional total the sum of the members' totals."""
    links = []
    shapes = shapes or {}
    for key, labels in originals.items():
        whole_table = parts[region].tables[key]
        members = [n for n in parts if n != region]
        if whole_table.with_total:
            links.append(Link((f"{region}/{key}", None),
                              tuple((f"{n}/{key}", None) for n in members)))
        region_comp = _composition(parts[region], key, labels, shapes.get(key))
        for cell, covers in region_comp.items():
            terms = []
            for n in members:
                for member_cell, held in _composition(parts[n], key, labels,
                                                      shapes.get(key)).items():
                    assert not held or held <= covers or not held & covers, "not a refinement"
                    if held and held <= covers:
                        terms.append((f"{n}/{key}", member_cell))
            links.append(Link((f"{region}/{key}", cell), tuple(terms)))
    return links


# --- properties -------------------------------------------------------------------------------

small = st.one_of(st.integers(0, 12), st.sampled_from([0, 3, 9, 10, 11]), st.integers(0, 40))
CHANNELS = ["Telefoon", "E-mail", "Brief", "Web"]


@st.composite
def families(draw):
    """Two or three municipalities, each with half a year of months, channels with the same
    total, and a fixed yes/no table of part of them."""
    family = {}
    for m in range(draw(st.integers(2, 3))):
        per_month = draw(st.lists(small, min_size=6, max_size=6))
        total = sum(per_month)
        cuts = sorted(draw(st.lists(st.integers(0, total), min_size=3, max_size=3)))
        bounds = [0, *cuts, total]
        channel = [(c, b - a) for c, a, b in zip(CHANNELS, bounds, bounds[1:], strict=False)]
        if draw(st.booleans()):
            # As a database groups them: a category without cases is not a row at all.
            channel = [(c, n) for c, n in channel if n]
        yes = draw(st.integers(0, total))
        family[f"GM{m}"] = [
            Piece("maand", "Per maand", tuple(zip(MONTH_LABELS[:6], per_month, strict=True)),
                  shape=MONTHS),
            Piece("kanaal", "Per kanaal", tuple(channel), shape=CATEGORIES, data_rows=True),
            Piece("vermeden", "Vermeden", (("Ja", yes), ("Nee", total - yes))),
        ]
    return family


LINKS = [*same_total("maand", "kanaal", "vermeden")]
ORIGINALS = {"maand": MONTH_LABELS[:6], "kanaal": CHANNELS, "vermeden": ["Ja", "Nee"]}
SHAPES = {"maand": MONTHS, "kanaal": CATEGORIES}
PROPERTY = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _published(parts):
    """Every table a reader has: the shown tables of every report, by ``name/key``."""
    return {f"{name}/{key}": table for name, part in parts.items()
            for key, table in part.shown().items()}


def _within(parts):
    links = []
    for name, part in parts.items():
        for link in LINKS:
            if all(ref[0] in part.shown() for ref in (link.whole, *link.parts)):
                links.append(Link((f"{name}/{link.whole[0]}", link.whole[1]),
                                  tuple((f"{name}/{t}", label) for t, label in link.parts)))
    return links


def _check(family, grain):
    parts = publish(family, LINKS, region="regio", grain=grain)
    published = _published(parts)
    for name, table in published.items():
        part, key = name.split("/")
        truth = dict(parts[part].pieces[key].counts)
        for cell in table.cells:
            assert cell.count == truth[cell.label]
            assert cell.hidden or cell.count >= THRESHOLD, (name, cell)
            assert cell.hidden or cell.display == str(cell.count)
        if table.with_total and not table.total_hidden:
            assert table.total >= THRESHOLD
    cross = [link for link in _cross_links(parts, ORIGINALS, SHAPES)
             if all(ref[0] in published for ref in (link.whole, *link.parts))]
    assert_attacker_cannot_pin(published, _within(parts) + cross)
    return parts


@PROPERTY
@given(families())
def test_at_the_chosen_grain_nothing_small_is_shown_nor_derivable_across_reports(family):
    _check(family, None)


@PROPERTY
@given(families(), st.sampled_from(GRAINS))
def test_at_every_grain_nothing_small_is_shown_nor_derivable_across_reports(family, grain):
    parts = _check(family, grain)
    for part in parts.values():
        assert part.choices["maand"].grain == grain


@PROPERTY
@given(families())
def test_each_municipality_refines_the_region(family):
    parts = publish(family, LINKS, region="regio")
    region = parts["regio"].choices
    for name in family:
        mine = parts[name].choices
        assert GRAINS.index(mine["maand"].grain) <= GRAINS.index(region["maand"].grain)
        assert mine["kanaal"].merged <= region["kanaal"].merged
