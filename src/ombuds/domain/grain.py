"""Small numbers done right: the grain at which a publishable table can be shown (issue 16).

A municipality of 44,000 inhabitants has a few cases a month. Publishing its tables as they
are gives columns of "<10" (DOMAIN.md §5). Instead, before disclosure control, each table is
shown at the finest grain at which no count is under 10:

- counts per month (``MONTHS``) become counts per quarter, then per year;
- small categories (``CATEGORIES``) merge into "Overig", with the next-smallest category when
  the small ones together are still under 10. Categories that another table refers to cell by
  cell (``locked``) never merge: the relation would no longer hold;
- a table with fixed categories (``FIXED``: yes/no/unknown, on time/late) keeps its shape.

Then ``disclosure.protect_report`` runs once over every table of every report of the same
period that a reader could set side by side — each municipality's report and the regional
report of their office — with the relations between them declared (a regional cell is the
sum of the municipalities' cells it covers). For that sum to exist, the regional report
takes the coarsest grain any municipality needed and merges every category any of them
merged; a municipality's grain is then always a refinement of the region's. So no hidden
figure can be worked out within a report, nor by differencing the regional report and the
other municipalities' reports (``publish``).

What can still not be shown at any grain — every cell hidden, or nothing left but one bucket
or "Overig" — is left out of the report with one sentence saying so (``Part.omitted``).
Leaving published figures out never makes a hidden one less safe.

Pure Python (no Django), property-tested in ``domain/tests/test_grain.py`` against an
independent attacker (exact linear programming over every published figure).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ombuds.domain import disclosure
from ombuds.domain.disclosure import THRESHOLD, Link

__all__ = [
    "CATEGORIES", "FIXED", "GRAINS", "MONTH", "MONTHS", "OVERIG", "QUARTER", "YEAR",
    "Choice", "Part", "Piece", "bucket_label", "combine", "preferred", "publish", "regional",
    "reshape",
]

FIXED, CATEGORIES, MONTHS = "vast", "categorieen", "maanden"
MONTH, QUARTER, YEAR = "maand", "kwartaal", "jaar"
GRAINS = (MONTH, QUARTER, YEAR)
OVERIG = "Overig"
_MONTH_NAMES = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


@dataclass(frozen=True)
class Piece:
    """A table of a report before disclosure control.

    ``counts`` are ``(label, count)`` pairs; for ``MONTHS`` the labels are ISO months
    (``"2026-03"``), in order. ``with_total=False`` for overlapping categories (a case in
    several domains): there is no total, and "Overig" is then the sum of the merged counts.
    """

    key: str
    title: str
    counts: tuple[tuple[str, int], ...]
    with_total: bool = True
    note: str = ""
    shape: str = FIXED
    #: The rows are what the data holds (the domains or themes cases had), not fixed by
    #: configuration (the channels, a variant's outcomes): with a region, every report lists
    #: the rows any of them has (``_padded``).
    data_rows: bool = False


@dataclass(frozen=True)
class Choice:
    """How a piece is shown: the time grain of a ``MONTHS`` piece, the labels merged into
    "Overig" of a ``CATEGORIES`` piece."""

    grain: str = MONTH
    merged: frozenset[str] = frozenset()


def bucket_label(iso_month: str, grain: str) -> str:
    """The label of the bucket ``iso_month`` ("2026-03") falls in at ``grain``."""
    year, month = int(iso_month[:4]), int(iso_month[5:7])
    if grain == MONTH:
        return f"{_MONTH_NAMES[month - 1]} {year}"
    if grain == QUARTER:
        return f"{(month - 1) // 3 + 1}e kwartaal {year}"
    return str(year)


def reshape(piece: Piece, choice: Choice) -> tuple[Piece, dict[str, frozenset[str]]]:
    """Return ``piece`` at ``choice`` and, per new label, the original labels it holds.

    Merged categories that are all zero make no "Overig" row (a row of 0 would be hidden and
    need a partner for nothing), unless nothing else is left (a table without cells would
    pin its total at 0)."""
    groups: dict[str, list[str]] = {}
    if piece.shape == MONTHS:
        for label, _count in piece.counts:
            groups.setdefault(bucket_label(label, choice.grain), []).append(label)
    elif piece.shape == CATEGORIES and choice.merged:
        merged = [label for label, _ in piece.counts if label in choice.merged]
        for label, _count in piece.counts:
            if label not in choice.merged:
                groups[label] = [label]
        if merged:
            # An existing category called "Overig" (a domain of that name) joins the merge.
            groups.setdefault(OVERIG, [])
            groups[OVERIG] = [*groups[OVERIG], *(m for m in merged if m != OVERIG)]
            if OVERIG in dict(piece.counts) and OVERIG not in groups[OVERIG]:
                groups[OVERIG].insert(0, OVERIG)
    else:
        groups = {label: [label] for label, _ in piece.counts}
    values = dict(piece.counts)
    counts = tuple((label, sum(values[m] for m in members)) for label, members in groups.items())
    if (piece.shape == CATEGORIES and choice.merged and dict(counts).get(OVERIG) == 0
            and len(counts) > 1):
        counts = tuple((label, n) for label, n in counts if label != OVERIG)
        groups.pop(OVERIG)
    return (replace(piece, counts=counts),
            {label: frozenset(members) for label, members in groups.items()})


def preferred(piece: Piece, locked: Iterable[str] = ()) -> Choice:
    """The finest choice at which ``piece`` has no count under 10 (as far as it can go)."""
    if piece.shape == MONTHS:
        for grain in GRAINS:
            shaped, _ = reshape(piece, Choice(grain=grain))
            if all(n >= THRESHOLD for _, n in shaped.counts):
                return Choice(grain=grain)
        return Choice(grain=YEAR)
    if piece.shape != CATEGORIES:
        return Choice()
    locked = set(locked)
    small = [(n, label) for label, n in piece.counts if n < THRESHOLD and label not in locked]
    if not small:
        return Choice()
    merged = {label for _, label in small}
    mass = sum(n for n, _ in small)
    free = sorted((n, i, label) for i, (label, n) in enumerate(piece.counts)
                  if n >= THRESHOLD and label not in locked)
    while 0 < mass < THRESHOLD and free:
        n, _i, label = free.pop(0)
        merged.add(label)
        mass += n
    return Choice(merged=frozenset(merged))


def combine(choices: Iterable[Choice]) -> Choice:
    """The coarsest of ``choices``: a grain every one of them refines."""
    choices = list(choices)
    grain = max((c.grain for c in choices), key=GRAINS.index, default=MONTH)
    return Choice(grain=grain, merged=frozenset().union(*(c.merged for c in choices)))


@dataclass
class Part:
    """One report's tables as they may be published."""

    #: Every table after disclosure control, reshaped (including those left out).
    tables: dict[str, disclosure.Table] = field(default_factory=dict)
    #: The reshaped pieces, with a note on the grain where it changed.
    pieces: dict[str, Piece] = field(default_factory=dict)
    choices: dict[str, Choice] = field(default_factory=dict)
    #: ``(key, sentence)`` for each table left out.
    omitted: list[tuple[str, str]] = field(default_factory=list)

    def shown(self) -> dict[str, disclosure.Table]:
        gone = {key for key, _ in self.omitted}
        return {key: t for key, t in self.tables.items() if key not in gone}


_SEP = "\x1f"


def _locked(links: Sequence[Link]) -> dict[str, set[str]]:
    """Per table, the labels other tables refer to cell by cell."""
    locked: dict[str, set[str]] = {}
    for link in links:
        for name, label in (link.whole, *link.parts):
            if label is not None:
                locked.setdefault(name, set()).add(label)
    return locked


def _fits(link: Link, shaped: Mapping[str, Piece]) -> bool:
    for name, label in (link.whole, *link.parts):
        piece = shaped.get(name)
        if piece is None or (label is None and not piece.with_total):
            return False
        if label is not None and label not in dict(piece.counts):
            return False
    return True


def _prefix(part: str, link: Link) -> Link:
    return Link((f"{part}{_SEP}{link.whole[0]}", link.whole[1]),
                tuple((f"{part}{_SEP}{name}", label) for name, label in link.parts))


def _note(piece: Piece, choice: Choice) -> str:
    if piece.shape == MONTHS and choice.grain != MONTH:
        return (f"Per {choice.grain}: per maand zijn de aantallen te klein om te tonen."
                if choice.grain == QUARTER else
                "Per jaar: per maand en per kwartaal zijn de aantallen te klein om te tonen.")
    if piece.shape == CATEGORIES and choice.merged:
        return ("Soorten met minder dan 10 zaken zijn samengevoegd onder ‘Overig’"
                + (" (opgeteld: een zaak kan in meer dan één soort vallen)."
                   if not piece.with_total else "."))
    return ""


def _omission(piece: Piece, table: disclosure.Table) -> str | None:
    """Why ``table`` is left out, or ``None`` when it is shown."""
    if not table.cells or all(c.hidden for c in table.cells):
        return f"‘{piece.title}’: te weinig zaken om te tonen, ook niet samengevoegd."
    if piece.shape == MONTHS and len(table.cells) == 1:
        return (f"‘{piece.title}’: ook per kwartaal te weinig zaken om te tonen; het totaal "
                "staat in de andere tabellen.")
    if piece.shape == CATEGORIES and [c.label for c in table.cells] == [OVERIG]:
        return f"‘{piece.title}’: elke soort heeft te weinig zaken om apart te tonen."
    return None


def publish(family: Mapping[str, Sequence[Piece]],
            links: Sequence[Link] | Mapping[str, Sequence[Link]] = (), *,
            region: str | None = None, grain: str | None = None) -> dict[str, Part]:
    """Return every report of ``family`` (a name per report → its pieces) as publishable.

    ``links`` are the relations within one report (unprefixed): one list for every report
    (each report has them where its tables have the cells), or a list per report name (the
    region's under ``region``) where a relation holds in one report only. ``region``: the
    name of a regional report to add, the sum of the others, with the cross-report relations
    declared. ``grain``: force the time grain of every ``MONTHS`` piece (the tests try every
    grain); categories still merge as needed.
    """
    if isinstance(links, Mapping):
        links = {name: list(found) for name, found in links.items()}
    else:
        links = {name: list(links) for name in [*family, *([region] if region else [])]}
    if region is not None:
        family = _padded(family)
    choices: dict[str, dict[str, Choice]] = {}
    for name, pieces in family.items():
        choices[name] = {}
        locked = _locked(links.get(name, ()))
        for piece in pieces:
            choice = preferred(piece, locked.get(piece.key, ()))
            choices[name][piece.key] = replace(choice, grain=grain) if grain else choice
    members = {name: {p.key: p for p in pieces} for name, pieces in family.items()}
    if region is not None:
        members[region] = regional(family)
        keys = list(members[region])
        choices[region] = {key: combine(choices[n][key] for n in family if key in choices[n])
                           for key in keys}
    try:
        return _protect(members, choices, links, region)
    except disclosure.UnprotectableReport:
        # Coarser everywhere: every report at the region's grain (or each table's coarsest).
        for name, pieces in members.items():
            for key, piece in pieces.items():
                coarse = (choices[region][key] if region is not None
                          else combine([choices[name][key], Choice(grain=YEAR)]))
                choices[name][key] = coarse if piece.shape != FIXED else Choice()
        try:
            return _protect(members, choices, links, region)
        except disclosure.UnprotectableReport:
            return _all_hidden(members, choices)


def _padded(family: Mapping[str, Sequence[Piece]]) -> dict[str, list[Piece]]:
    """Every report's pieces with the labels any report of the family has, zeros included.

    Which categories a table lists says something too: were municipality B's table to lack a
    row that the regional table has, the reader would know B's count there is 0 and could
    subtract the rest. So every report lists the same categories (a zero is under 10 like any
    small count, and merges or is hidden as such)."""
    labels: dict[str, dict[str, None]] = {}
    for pieces in family.values():
        for piece in pieces:
            labels.setdefault(piece.key, {}).update(dict.fromkeys(label for label, _ in piece.counts))
    padded = {}
    for name, pieces in family.items():
        padded[name] = []
        for piece in pieces:
            if not piece.data_rows:
                # Rows fixed by configuration (the channels, a variant's ways of ending): a
                # row one report lacks is one it cannot have, so its absence tells nothing.
                padded[name].append(piece)
                continue
            own = dict(piece.counts)
            padded[name].append(replace(piece, counts=tuple((label, own.get(label, 0))
                                                            for label in labels[piece.key])))
    return padded


def regional(family: Mapping[str, Sequence[Piece]]) -> dict[str, Piece]:
    """The regional pieces: every member's counts added up per original label."""
    regional: dict[str, Piece] = {}
    for pieces in family.values():
        for piece in pieces:
            if piece.key not in regional:
                regional[piece.key] = replace(piece, counts=())
            totals = dict(regional[piece.key].counts)
            for label, n in piece.counts:
                totals[label] = totals.get(label, 0) + n
            counts = totals.items()
            if piece.shape == MONTHS:
                counts = sorted(counts)
            regional[piece.key] = replace(regional[piece.key], counts=tuple(counts))
    return regional


def _shape_all(members, choices):
    shaped: dict[str, dict[str, Piece]] = {}
    composition: dict[str, dict[str, dict[str, frozenset[str]]]] = {}
    for name, pieces in members.items():
        shaped[name], composition[name] = {}, {}
        for key, piece in pieces.items():
            new, groups = reshape(piece, choices[name][key])
            note = _note(piece, choices[name][key])
            shaped[name][key] = replace(new, note=" ".join(filter(None, [piece.note, note])))
            composition[name][key] = groups
    return shaped, composition


def _protect(members, choices, links, region) -> dict[str, Part]:
    shaped, composition = _shape_all(members, choices)
    # A table without categories has nothing to show, and its total would be a known 0 that
    # pins whatever it is linked to: it takes no part.
    shaped = {name: {key: piece for key, piece in pieces.items() if piece.counts}
              for name, pieces in shaped.items()}
    tables: dict[str, disclosure.Table] = {}
    joint: list[Link] = []
    for name, pieces in shaped.items():
        for key, piece in pieces.items():
            tables[f"{name}{_SEP}{key}"] = disclosure.exact(piece.counts, with_total=piece.with_total)
        joint += [_prefix(name, link) for link in links.get(name, ()) if _fits(link, pieces)]
    if region is not None:
        for key, piece in shaped[region].items():
            whole = f"{region}{_SEP}{key}"
            others = [n for n in shaped if n != region and key in shaped[n]]
            if piece.with_total:
                joint.append(Link((whole, None), tuple((f"{n}{_SEP}{key}", None) for n in others)))
            for label, covers in composition[region][key].items():
                parts = tuple((f"{n}{_SEP}{key}", cell) for n in others
                              for cell, held in composition[n][key].items()
                              if held and held <= covers and cell in dict(shaped[n][key].counts))
                joint.append(Link((whole, label), parts))
    # Where more must be hidden, the regional figure gives way before a municipality's own.
    protected = disclosure.protect_report(
        tables, joint, hide_first=[name for name in tables if name.startswith(f"{region}{_SEP}")]
        if region is not None else ())
    parts: dict[str, Part] = {}
    for name, pieces in shaped.items():
        part = Part(choices=choices[name])
        for key, piece in pieces.items():
            table = protected[f"{name}{_SEP}{key}"]
            part.tables[key], part.pieces[key] = table, piece
            reason = _omission(piece, table)
            if reason:
                part.omitted.append((key, reason))
        parts[name] = part
    return parts


def _all_hidden(members, choices) -> dict[str, Part]:
    """The last resort: no count at all rather than one too many."""
    shaped, _ = _shape_all(members, choices)
    parts = {}
    for name, pieces in shaped.items():
        part = Part(choices=choices[name])
        for key, piece in pieces.items():
            cells = tuple(disclosure.Cell(label, n, hidden=True) for label, n in piece.counts)
            part.tables[key] = disclosure.Table(cells=cells, total=sum(n for _, n in piece.counts),
                                                with_total=piece.with_total,
                                                total_hidden=piece.with_total)
            part.pieces[key] = piece
            part.omitted.append((key, f"‘{piece.title}’: te weinig zaken om te tonen."))
        parts[name] = part
    return parts
