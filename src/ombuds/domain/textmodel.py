"""A small text classifier for suggesting themes from a resident's story. Pure Python.

Multinomial naive Bayes over word unigrams and bigrams (Manning, Raghavan & Schütze,
*Introduction to Information Retrieval*, ch. 13) with add-alpha smoothing. It is small
enough to train on an office's own closed cases in the task worker, its model is plain JSON
in the database, and nothing leaves the server.

Tokenisation is Dutch-aware but deliberately light: lower case, accents folded
("financiële" → "financiele"), Dutch stop words dropped, and a few common inflections
stripped ("wachttijden" → "wachttijd", "aanvragen" → "aanvrag") so a plural and a singular
count as one word. It is a stemmer for matching, not for linguistics.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

FORMAT_VERSION = 1

#: Frequent Dutch function words (after accent folding). They say nothing about a theme.
_STOPWORD_TEXT = """
aan al alle alleen alles als altijd andere ben bij daar daarna dan dat de der deze die dit
doch doen door dus een eens en er ge geen geweest had heb hebben heeft hem het hier hij hoe
hun iemand iets ik in is ja je jij kan kon kunnen maar me meer men met mij mijn moet na naar
niet niets nog nu of om omdat ons onze ook op over reeds te tegen toch toen tot u uit uw van
veel voor want waren was wat we wel werd wezen wie wij wil worden wordt zal ze zelf zich zij
zijn zo zonder zou zouden nee sinds steeds toe waar weer wordt krijg krijgt kreeg gaat ging
gaan haar hen hun dus mee komt komen kwam zegt zeggen zei laat laten moeten mag mogen
weet weten hebt heel erg graag
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_WORD = re.compile(r"[a-z0-9]+")
#: Inflections stripped from words of at least MIN_STEM + len(suffix) letters, longest first.
_SUFFIXES = ("heden", "ingen", "tjes", "jes", "tje", "en", "es", "s", "e")
MIN_STEM = 4


def fold(text: str) -> str:
    """Return ``text`` in lower case with accents removed ("Cliënt" → "client")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Return the content words of ``text``, folded, without stop words or single letters."""
    return [w for w in _WORD.findall(fold(text)) if len(w) > 1 and w not in STOPWORDS]


def stem(word: str) -> str:
    """Strip one common Dutch inflection ("wachttijden" → "wachttijd", "uitkeringen" →
    "uitkering", "mogelijkheden" → "mogelijkheid")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            base = word[: -len(suffix)]
            if suffix in ("heden", "ingen"):
                return base + ("heid" if suffix == "heden" else "ing")
            # "aanvragen" → "aanvrag"; a doubled consonant left behind is undone ("bussen").
            if len(base) >= MIN_STEM and base[-1] == base[-2] and base[-1] not in "aeiou":
                base = base[:-1]
            return base
    return word


def features(text: str) -> list[str]:
    """Return the unigram and bigram features of ``text`` (bigrams joined with "_")."""
    stems = [stem(w) for w in words(text)]
    return stems + [f"{a}_{b}" for a, b in zip(stems, stems[1:], strict=False)]


def informative_words(text: str, k: int = 8) -> list[str]:
    """Return up to ``k`` words of ``text`` most likely to find related texts.

    Long words that recur say most about a text (Dutch compounds such as "wachttijd" or
    "leerlingenvervoer"); the order of first appearance breaks ties, so the title, which
    comes first, wins. Returned unstemmed, so a full-text engine can stem them its own way.
    """
    found = [w for w in words(text) if len(w) >= 4 and not w.isdigit()]
    counts = Counter(found)
    first = {}
    for i, w in enumerate(found):
        first.setdefault(w, i)
    ranked = sorted(counts, key=lambda w: (-counts[w] * min(len(w), 12), first[w]))
    return ranked[:k]


@dataclass(frozen=True)
class Prediction:
    label: str
    probability: float


@dataclass
class NaiveBayes:
    """A trained multinomial naive Bayes model. Labels are strings (JSON object keys)."""

    alpha: float = 1.0
    doc_counts: dict[str, int] = field(default_factory=dict)
    feature_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)

    @property
    def labels(self) -> list[str]:
        return sorted(self.doc_counts)

    @property
    def n_documents(self) -> int:
        return sum(self.doc_counts.values())

    def predict(self, text: str, k: int = 3) -> list[Prediction]:
        """Return the ``k`` most probable labels for ``text``, most probable first.

        Probabilities are the normalised posteriors over all labels. Features never seen in
        training are ignored; a text without any known feature gets the prior.
        """
        if not self.doc_counts:
            return []
        known = [f for f in features(text) if f in self.vocabulary]
        total_docs = self.n_documents
        size = len(self.vocabulary)
        scores = {}
        for label, docs in self.doc_counts.items():
            counts = self.feature_counts.get(label, {})
            denominator = math.log(sum(counts.values()) + self.alpha * size)
            score = math.log(docs / total_docs)
            for f in known:
                score += math.log(counts.get(f, 0) + self.alpha) - denominator
            scores[label] = score
        top = max(scores.values())
        exp = {label: math.exp(s - top) for label, s in scores.items()}
        norm = sum(exp.values())
        ranked = sorted(exp, key=lambda label: (-exp[label], label))
        return [Prediction(label, exp[label] / norm) for label in ranked[:k]]

    def to_json(self) -> dict:
        """Return the model as a JSON-serialisable dict (see ``from_json``)."""
        return {"version": FORMAT_VERSION, "alpha": self.alpha,
                "doc_counts": dict(self.doc_counts),
                "feature_counts": {label: dict(c) for label, c in self.feature_counts.items()},
                "vocabulary": sorted(self.vocabulary)}

    @classmethod
    def from_json(cls, data: dict) -> NaiveBayes:
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"unknown text model format {data.get('version')!r}")
        return cls(alpha=float(data["alpha"]), doc_counts=dict(data["doc_counts"]),
                   feature_counts={label: dict(c) for label, c in data["feature_counts"].items()},
                   vocabulary=set(data["vocabulary"]))


def train(texts: Sequence[str], labels: Sequence[str | Iterable[str]], *,
          alpha: float = 1.0, min_count: int = 1) -> NaiveBayes:
    """Train a model on ``texts``; ``labels[i]`` is one label or several (multi-label).

    A text with several labels counts once for each of them. Features seen fewer than
    ``min_count`` times in all texts are dropped, which keeps the stored model small.
    """
    if len(texts) != len(labels):
        raise ValueError("texts and labels differ in length")
    per_text = [Counter(features(t)) for t in texts]
    totals = Counter()
    for counts in per_text:
        totals.update(counts)
    vocabulary = {f for f, n in totals.items() if n >= min_count}
    model = NaiveBayes(alpha=alpha, vocabulary=vocabulary)
    for counts, label in zip(per_text, labels, strict=True):
        for one in ([label] if isinstance(label, str) else list(label)):
            one = str(one)
            model.doc_counts[one] = model.doc_counts.get(one, 0) + 1
            bucket = model.feature_counts.setdefault(one, {})
            for f, n in counts.items():
                if f in vocabulary:
                    bucket[f] = bucket.get(f, 0) + n
    return model


def acceptance(suggested: Sequence[str], chosen: Iterable[str]) -> str:
    """Return what staff did with a suggestion: "ja" when the first suggested label was
    chosen, "deels" when another suggested one was, "nee" when none was."""
    chosen = set(chosen)
    if suggested and suggested[0] in chosen:
        return "ja"
    if chosen.intersection(suggested):
        return "deels"
    return "nee"
