"""How good the suggestion is on stories it never learned from: top-1 and top-3 accuracy of
the domains and the themes, and how honest its probabilities are. Pure Python; the command
``ombuds suggestion_accuracy`` prints it, a test holds it above a floor.

The held-apart stories (``insights/tests/data/stories.toml``) are labelled in the standard
taxonomy (the demo's domains and themes); the suggestion is built for a municipality keeping
exactly those themes, from the vocabulary alone or with closed cases as well.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ombuds.domain import textmodel
from ombuds.insights.suggestion import Example, Suggester, ThemeRef, build

STORIES = Path(__file__).parent / "tests" / "data" / "stories.toml"


@dataclass(frozen=True)
class Story:
    text: str
    domains: frozenset[str]  # the first right answer and any others
    themes: frozenset[str]  # theme names
    domain: str
    theme: str


def load_stories(path: Path = STORIES) -> tuple[list[Story], dict[str, list[str]]]:
    """The stories and the taxonomy (domain code → theme names) they are labelled in."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    stories = [Story(text=s["text"], domain=s["domain"], theme=s["theme"],
                     domains=frozenset([s["domain"], *s.get("also_domains", [])]),
                     themes=frozenset([s["theme"], *s.get("also_themes", [])]))
               for s in data["story"]]
    return stories, data["taxonomy"]


def standard_themes(taxonomy: dict[str, list[str]]) -> list[ThemeRef]:
    """The taxonomy as a municipality's themes, with their names as ids."""
    return [ThemeRef(id=name, domain=code, name=name)
            for code, names in taxonomy.items() for name in names]


@dataclass(frozen=True)
class Score:
    n: int
    top1: int
    top3: int
    log_loss: float  # mean -log p of the first right answer
    mean_top: float  # mean probability of the first suggestion
    top_right: float  # share of first suggestions that were right (compare with mean_top)

    @property
    def top1_share(self) -> float:
        return self.top1 / self.n

    @property
    def top3_share(self) -> float:
        return self.top3 / self.n

    def line(self) -> str:
        return (f"top-1 {self.top1}/{self.n} ({self.top1_share:.0%}), "
                f"top-3 {self.top3}/{self.n} ({self.top3_share:.0%}); "
                f"first suggestion on average {self.mean_top:.0%} likely, "
                f"right {self.top_right:.0%}; log loss {self.log_loss:.2f}")


def score(ranked: Sequence[Sequence[tuple[str, float]]],
          right: Sequence[frozenset[str]], first: Sequence[str]) -> Score:
    """Score rankings ((label, probability), best first) against the right labels."""
    top1 = sum(1 for r, ok in zip(ranked, right, strict=True) if r and r[0][0] in ok)
    top3 = sum(1 for r, ok in zip(ranked, right, strict=True) if {lb for lb, _ in r[:3]} & ok)
    loss = 0.0
    for r, label in zip(ranked, first, strict=True):
        p = dict(r).get(label, 0.0)
        loss -= math.log(max(p, 1e-12))
    n = len(ranked)
    return Score(n=n, top1=top1, top3=top3, log_loss=loss / n,
                 mean_top=sum(r[0][1] for r in ranked if r) / n, top_right=top1 / n)


#: A classifier for the evaluation: text → ((domain, p) ..., (theme name, p) ...), best first.
Classifier = Callable[[str], tuple[list[tuple[str, float]], list[tuple[str, float]]]]


def naive_bayes(taxonomy: dict[str, list[str]], cases: Sequence[Example] = ()) -> Classifier:
    """The shipped suggestion for a municipality keeping the taxonomy's themes."""
    suggester: Suggester = build(list(taxonomy), standard_themes(taxonomy), cases)

    def classify(text: str):
        domains, themes = suggester.suggest(text)
        return ([(p.label, p.probability) for p in domains],
                [(p.label, p.probability) for p in themes])

    return classify


@dataclass(frozen=True)
class Report:
    domains: Score
    themes: Score

    def lines(self) -> list[str]:
        return [f"domains: {self.domains.line()}", f"themes:  {self.themes.line()}"]


def evaluate(classify: Classifier, stories: Sequence[Story]) -> Report:
    """Run ``classify`` on every story and score its domains and themes."""
    results = [classify(s.text) for s in stories]
    return Report(
        domains=score([d for d, _ in results], [s.domains for s in stories],
                      [s.domain for s in stories]),
        themes=score([t for _, t in results], [s.themes for s in stories],
                     [s.theme for s in stories]),
    )


def in_words_table(classify: Classifier, stories: Sequence[Story]) -> list[str]:
    """Per story: the right theme, the first suggestion and how it is said."""
    rows = []
    for story in stories:
        _, themes = classify(story.text)
        best, p = themes[0]
        mark = "ok " if best in story.themes else "-- "
        rows.append(f"{mark}{story.theme:<40} {best:<40} {textmodel.in_words(p)} ({p:.2f})")
    return rows
