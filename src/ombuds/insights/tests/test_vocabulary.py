"""The shipped vocabulary: keyed by the standard domain codes, found for a municipality's
theme by its name, and held apart from the stories the suggestion is measured on."""

from __future__ import annotations

import re

import pytest

from ombuds.core.models import Domain
from ombuds.demo.data import THEMES as DEMO_THEMES
from ombuds.insights import vocabulary
from ombuds.insights.evaluation import load_stories
from ombuds.insights.vocabulary import match_theme


def seeded_domains() -> set[str]:
    """The domain codes every installation has (core migration 0002)."""
    return set(Domain.objects.values_list("code", flat=True))


@pytest.mark.django_db
def test_every_standard_domain_has_words():
    assert set(vocabulary.DOMAINS) == seeded_domains()
    for entry in vocabulary.DOMAINS.values():
        assert len(entry.term_list) >= 20, entry.domain
        assert entry.examples, entry.domain


@pytest.mark.django_db
def test_every_theme_entry_belongs_to_a_standard_domain():
    codes = seeded_domains()
    keys = [e.key for e in vocabulary.THEMES]
    assert len(keys) == len(set(keys))
    for entry in vocabulary.THEMES:
        assert entry.domain in codes
        assert len(entry.term_list) >= 8, entry.key
        assert entry.examples, entry.key
        if entry.part_of:
            assert match_theme(entry.domain, entry.part_of) is not None, entry.key


@pytest.mark.parametrize(("domain", "name"),
                         [(d, n) for d, names in DEMO_THEMES.items() for n in names])
def test_every_theme_of_the_standard_taxonomy_has_its_entry(domain, name):
    entry = match_theme(domain, name)
    assert entry is not None
    assert name in entry.names


@pytest.mark.parametrize(
    ("domain", "name", "expected"),
    [
        ("wmo", "hulp bij het huishouden", "Huishoudelijke hulp"),  # another name, any case
        ("wmo", "Wmo-vervoer", "Vervoer"),
        ("participatie", "Bijstand", "Uitkering"),
        ("schulden", "Schuldhulpverlening", "Schuldhulp wachttijd"),
        ("jeugd", "Jeugd-GGZ", "Jeugd-ggz"),
        # no name matches: the entry sharing the most words
        ("wmo", "Wachttijd huishoudelijke hulp", "Huishoudelijke hulp"),
        ("wonen", "Aanpassing van de woning", "Woningaanpassing"),
    ],
)
def test_a_municipalitys_theme_finds_its_entry_by_name(domain, name, expected):
    assert match_theme(domain, name).names[0] == expected


def test_a_theme_without_any_likeness_has_no_entry():
    assert match_theme("wmo", "Project Zonnebloem") is None
    assert match_theme("onbekend", "Wachttijd") is None


def _sentences(text: str) -> set[str]:
    parts = re.split(r"[.!?\n]+", " ".join(text.lower().split()))
    return {" ".join(p.split()) for p in parts if len(p.split()) >= 5}


def test_the_stories_are_held_apart_from_the_vocabulary():
    """No sentence (of five words or more) of a test story is in the vocabulary, and no
    story repeats a demo case: the accuracy is measured on texts the suggestion never saw."""
    from ombuds.demo.stories_steenwijkerland import CASES as STW
    from ombuds.demo.stories_westerveld import CASES as WSV
    from ombuds.demo.stories_zwartewaterland import CASES as ZWL

    stories, _ = load_stories()
    shipped = set()
    for entry in [*vocabulary.DOMAINS.values(), *vocabulary.THEMES]:
        for phrase in entry.phrases:
            shipped |= _sentences(phrase)
    for case in [*STW, *WSV, *ZWL]:
        shipped |= _sentences(f"{case.title}\n{case.story}")
    for story in stories:
        assert not _sentences(story.text) & shipped, story.text[:40]


def test_the_stories_cover_every_domain_and_theme_of_the_taxonomy():
    stories, taxonomy = load_stories()
    assert taxonomy == DEMO_THEMES
    assert len(stories) >= 30
    assert {s.domain for s in stories} == set(taxonomy)
    assert {s.theme for s in stories} == {n for names in taxonomy.values() for n in names}
