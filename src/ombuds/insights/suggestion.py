"""The domain and theme suggestion as one object: two calibrated classifiers, one over the
domains and one over a municipality's themes (within their domain), each starting from the
shipped vocabulary (``insights.vocabulary``) and refined by the municipality's own closed
cases. Pure Python,
so the evaluation on the held-apart stories (``ombuds suggestion_accuracy``) builds exactly
what the service stores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ombuds.domain import textmodel
from ombuds.insights import vocabulary

#: The format of ``ThemeModel.model``; 1 was a bare theme classifier (before the vocabulary).
FORMAT_VERSION = 2
#: A vocabulary phrase counts as this many words of a case; a label's vocabulary as this
#: many cases of it. With a few dozen closed cases per theme, the office's own words weigh
#: more than the shipped ones.
PRIOR_WEIGHT = 1.0
PRIOR_DOCUMENTS = 2.0
#: A theme's domain vocabulary counts this much towards the theme (the theme's own, 1).
DOMAIN_SHARE = 0.2


@dataclass(frozen=True)
class ThemeRef:
    """A municipality's theme: its id (a string, as a model label), domain code and name."""

    id: str
    domain: str
    name: str


@dataclass(frozen=True)
class Example:
    """A labelled text: a closed case (its domains and theme ids) or a vocabulary example."""

    text: str
    domains: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()


def _theme_phrases(themes: Sequence[ThemeRef]) -> dict[str, list[str]]:
    """Each theme's vocabulary: its entry's terms, those of the entries that fall under it
    where the municipality keeps no theme of their own (``Entry.part_of``), and its own
    name. A theme without an entry has its name only."""
    matched = {t.id: vocabulary.match_theme(t.domain, t.name) for t in themes}
    kept = {e.key for e in matched.values() if e is not None}
    by_name = {(t.domain, textmodel.fold(t.name)): t.id for t in themes}
    phrases: dict[str, list[str]] = {t.id: [t.name] for t in themes}
    for theme in themes:
        entry = matched[theme.id]
        if entry is not None:
            phrases[theme.id] += entry.term_list
    for entry in vocabulary.THEMES:
        if entry.key in kept or not entry.part_of:
            continue
        host = by_name.get((entry.domain, textmodel.fold(entry.part_of)))
        if host is None:
            matched_host = vocabulary.match_theme(entry.domain, entry.part_of)
            host = next((t.id for t in themes if matched[t.id] is matched_host
                         and matched_host is not None), None)
        if host is not None:
            phrases[host] += entry.phrases
    return phrases


def _theme_examples(themes: Sequence[ThemeRef]) -> list[Example]:
    examples = []
    for theme in themes:
        entry = vocabulary.match_theme(theme.domain, theme.name)
        if entry is not None:
            examples += [Example(text, (theme.domain,), (theme.id,)) for text in entry.examples]
    return examples


def domain_training(domain_codes: Sequence[str], cases: Sequence[Example]):
    """(texts, labels, prior) of the domain classifier: every entry of a domain is its
    vocabulary, the entries' examples and the cases with a domain its texts."""
    prior = {}
    texts, labels = [], []
    for code in domain_codes:
        entries = vocabulary.entries_of(code)
        prior[code] = [p for e in entries for p in e.term_list]
        for entry in entries:
            texts += entry.examples
            labels += [code] * len(entry.examples)
    for case in cases:
        known = [d for d in case.domains if d in prior]
        if known:
            texts.append(case.text)
            labels.append(known)
    return texts, labels, prior


def theme_training(themes: Sequence[ThemeRef], cases: Sequence[Example]):
    """(texts, labels, prior) of the theme classifier of one municipality."""
    own = _theme_phrases(themes)
    prior = {}
    for theme in themes:
        domain = vocabulary.DOMAINS.get(theme.domain)
        shared = [(p, DOMAIN_SHARE) for p in domain.term_list] if domain and DOMAIN_SHARE else []
        prior[theme.id] = own[theme.id] + shared
    texts, labels = [], []
    for example in _theme_examples(themes):
        texts.append(example.text)
        labels.append(list(example.themes))
    ids = set(prior)
    for case in cases:
        known = [t for t in case.themes if t in ids]
        if known:
            texts.append(case.text)
            labels.append(known)
    return texts, labels, prior


@dataclass
class Suggester:
    """The trained suggestion of one municipality."""

    domains: textmodel.NaiveBayes
    themes: textmodel.NaiveBayes
    theme_domains: dict[str, str] = field(default_factory=dict)
    n_cases: int = 0

    def suggest(self, text: str) -> tuple[list[textmodel.Prediction], list[textmodel.Prediction]]:
        """All domains and all themes for ``text``, each most probable first.

        A theme is as probable as its domain times its share among that domain's themes:
        P(theme) = P(domain) · P(theme | domain). So a theme never claims more than its
        domain (which the vocabulary of every domain informs), the two lists agree, and a
        municipality keeping a single theme does not get it "for certain": the rest of the
        probability stays with the domains it keeps no theme of.
        """
        domains = self.domains.predict(text, k=None)
        by_domain = {p.label: p.probability for p in domains}
        raw = self.themes.probabilities(text)
        per_domain: dict[str, float] = {}
        for label, p in raw.items():
            code = self.theme_domains[label]
            per_domain[code] = per_domain.get(code, 0.0) + p
        themes = [textmodel.Prediction(label, by_domain.get(self.theme_domains[label], 0.0)
                                       * p / per_domain[self.theme_domains[label]])
                  for label, p in raw.items()]
        themes.sort(key=lambda p: (-p.probability, p.label))
        return domains, themes

    def to_json(self) -> dict:
        return {"version": FORMAT_VERSION, "domains": self.domains.to_json(),
                "themes": self.themes.to_json(), "theme_domains": self.theme_domains,
                "n_cases": self.n_cases}

    @classmethod
    def from_json(cls, data: dict) -> Suggester:
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"unknown suggestion format {data.get('version')!r}")
        return cls(domains=textmodel.NaiveBayes.from_json(data["domains"]),
                   themes=textmodel.NaiveBayes.from_json(data["themes"]),
                   theme_domains=dict(data["theme_domains"]), n_cases=int(data["n_cases"]))


def build(domain_codes: Sequence[str], themes: Sequence[ThemeRef],
          cases: Sequence[Example] = ()) -> Suggester:
    """Train the suggestion for a municipality with these domains and themes, from the
    vocabulary and its closed ``cases``; the probabilities are calibrated by
    cross-validation on the vocabulary's examples and the cases."""
    options = {"prior_weight": PRIOR_WEIGHT, "prior_documents": PRIOR_DOCUMENTS}
    texts, labels, prior = domain_training(domain_codes, cases)
    domains = textmodel.train_calibrated(texts, labels, prior=prior, **options)
    texts, labels, prior = theme_training(themes, cases)
    theme_model = textmodel.train_calibrated(texts, labels, prior=prior, **options)
    return Suggester(domains=domains, themes=theme_model,
                     theme_domains={t.id: t.domain for t in themes}, n_cases=len(cases))
