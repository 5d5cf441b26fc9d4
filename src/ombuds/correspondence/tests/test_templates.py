"""Issue 4, done-when 4: every letter template renders for every process variant without a
missing placeholder, with every part of a case present and with every optional part absent."""

from __future__ import annotations

import pytest

from ombuds.correspondence.context import PLACEHOLDERS, ROOTS, example_context, letter_context
from ombuds.correspondence.models import LetterKind
from ombuds.correspondence.rendering import (
    LETTERS_DIR,
    LetterTemplateError,
    blocks,
    default_template,
    render_letter,
    render_text,
)
from ombuds.correspondence.tests.factories import case_in_variant, full_case

pytestmark = pytest.mark.django_db

VARIANTS = [1, 2, 3, 4, 5, 6]


def test_it_ships_one_template_per_kind_with_a_subject_line():
    assert {p.stem for p in LETTERS_DIR.glob("*.txt")} == set(LetterKind.values)
    for kind in LetterKind.values:
        first = (LETTERS_DIR / f"{kind}.txt").read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("Onderwerp: ")


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("kind", LetterKind.values)
def test_every_template_renders_for_a_full_case_in_every_variant(office, kind, variant):
    case, party, meeting = full_case(office, variant)
    for addressee in (None, party):
        letter = render_letter(default_template(kind), letter_context(case, party=addressee))
        assert case.reference in letter.subject
        assert "ONTBREEKT" not in letter.body and "{{" not in letter.body and "{%" not in letter.body
        assert office.office.name in letter.body


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("kind", LetterKind.values)
def test_every_template_renders_for_a_bare_case_in_every_variant(office, kind, variant):
    case = case_in_variant(office, variant)
    letter = render_letter(default_template(kind), letter_context(case))
    assert "ONTBREEKT" not in letter.body


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("kind", LetterKind.values)
def test_every_template_renders_on_the_example_contexts(office, kind, variant):
    for minimal in (False, True):
        render_letter(default_template(kind),
                      example_context(office.steenwijkerland, variant, minimal=minimal))


def documented(context: dict) -> None:
    """Every documented placeholder is in ``context``, unless an optional part above it is
    empty (``None``)."""
    assert set(context) == ROOTS
    for name in PLACEHOLDERS:
        value = context
        for part in name.split("."):
            if value is None:
                break
            assert part in value, name
            value = value[part]


@pytest.mark.parametrize("variant", [5, 6])
def test_the_context_holds_exactly_the_documented_placeholders(office, variant):
    case, party, _ = full_case(office, variant)
    documented(letter_context(case, party=party))
    documented(letter_context(case, respondent=True))
    documented(example_context(office.steenwijkerland, variant))


def test_the_example_context_fills_every_placeholder(office):
    context = example_context(office.steenwijkerland, 6)
    for name in PLACEHOLDERS:
        value = context
        for part in name.split("."):
            value = value[part]
        assert value is not None, name


def test_an_unknown_placeholder_is_an_error_not_a_blank(office):
    context = example_context(office.steenwijkerland)
    with pytest.raises(LetterTemplateError, match=r"zaak\.nummr"):
        render_text("Zaak {{ zaak.nummr }}", context)
    with pytest.raises(LetterTemplateError, match="Onbekend veld: {{ bsn }}"):
        render_text("{% if bsn %}{{ bsn }}{% endif %}", context)
    with pytest.raises(LetterTemplateError, match="fout in de opmaak"):
        render_text("{% if zaak %}open", context)
    with pytest.raises(LetterTemplateError):
        render_text("{% include 'base.html' %}", context)


def test_an_optional_part_must_be_guarded(office):
    bare = example_context(office.steenwijkerland, 3, minimal=True)
    with pytest.raises(LetterTemplateError, match=r"verwijzing\.route"):
        render_text("Route: {{ verwijzing.route }}", bare)
    assert render_text("{% if verwijzing %}{{ verwijzing.route }}{% endif %}x", bare) == "x\n"


def test_blocks_make_headings_lists_and_paragraphs():
    assert blocks("Beste Jan,\n\n## Kopje\nTekst\nmeer\n- een\n- twee\nslot") == [
        {"type": "p", "lines": ["Beste Jan,"]},
        {"type": "h2", "text": "Kopje"},
        {"type": "p", "lines": ["Tekst", "meer"]},
        {"type": "ul", "items": ["een", "twee"]},
        {"type": "p", "lines": ["slot"]},
    ]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("kind", LetterKind.values)
def test_every_shipped_template_reads_at_b1_in_every_variant(office, kind, variant):
    """Issue 15: every shipped letter passes the editor's readability check (Flesch-Douma at
    least ``B1_THRESHOLD``), with every part filled and with every optional part empty."""
    from ombuds.domain.readability import B1_THRESHOLD, readability

    for minimal in (False, True):
        context = example_context(office.steenwijkerland, variant, minimal=minimal)
        result = readability(render_letter(default_template(kind), context).body)
        assert not result.above_b1, (
            f"{kind}, variant {variant}{' (minimal)' if minimal else ''}: Flesch-Douma "
            f"{result.score:.0f} < {B1_THRESHOLD:.0f}; long sentences: {result.long_sentences}")
