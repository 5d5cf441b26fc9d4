"""A small text classifier for suggesting domains and themes from a resident's story. Pure
Python.

Multinomial naive Bayes over word stems and stem pairs (Manning, Raghavan & Schütze,
*Introduction to Information Retrieval*, ch. 13) with add-alpha smoothing. Small enough to
train in the task worker, its model is plain JSON in the database, and nothing leaves the
server.

- **Words.** Lower case, accents folded ("financiële" → "financiele"), Dutch stop words
  dropped, then the Dutch Snowball stemmer (``snowballstemmer``, the field's standard) so
  "uitkeringen" and "uitkering" count as one word. A word the model never saw is looked up
  inside (a Dutch compound: "schuldhulpverlening" contains the known "schuldhulp") and, for a
  typo, among the known words it nearly equals ("scootmobil" → "scootmobiel").
- **A prior, then counts.** ``train`` takes a vocabulary per label (phrases counted as
  pseudo-documents) and the labelled texts: an office without closed cases gets the
  vocabulary's suggestion, and every closed case moves the counts from there.
- **Calibrated.** Naive Bayes multiplies evidence as if words were independent, so its raw
  posteriors say "99.9%" after a few words. The score is divided by the square root of the
  number of words used and by a temperature fitted on held-out texts (Guo et al. 2017, "On
  Calibration of Modern Neural Networks", temperature scaling), and a small share of the
  probability is spread over all labels, so no suggestion is ever certain (``CERTAINTY_CAP``).
  ``in_words`` says a probability the way staff read it: "waarschijnlijk", "mogelijk".
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

FORMAT_VERSION = 2

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
#: The Snowball algorithm. "dutch" in snowballstemmer 3 (after Kraaij and Pohlmann) undoes
#: more Dutch inflection than the older "dutch_porter": "gemeentes", "brieven", "bussen",
#: "geweigerd" and "aangevraagd" meet their other forms.
STEMMER = "dutch"
#: Unknown words at least this long are searched for known parts and near spellings; known
#: parts must be at least MIN_PART letters, so "wet" is not found in every "wetgeving".
MIN_LOOKUP = 6
MIN_PART = 5
#: How alike an unknown word must be to a known one to count as a typo of it (difflib ratio).
TYPO_CUTOFF = 0.84

#: Smoothing of the feature counts (add-alpha).
ALPHA = 0.1
#: No probability is shown above this: at least this share of belief stays with the rest.
CERTAINTY_CAP = 0.95
#: Temperatures tried when calibrating, from sharper to flatter than the raw posterior.
TEMPERATURES = tuple(round(0.1 * 1.25 ** i, 4) for i in range(24))


def fold(text: str) -> str:
    """Return ``text`` in lower case with accents removed ("Cliënt" → "client")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Return the content words of ``text``, folded, without stop words or single letters."""
    return [w for w in _WORD.findall(fold(text)) if len(w) > 1 and w not in STOPWORDS]


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer(STEMMER)


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Return the Snowball stem of a folded Dutch word ("uitkeringen" → "uitker")."""
    return _stemmer().stemWord(word)


def _with_pairs(stems: list[str]) -> list[str]:
    return stems + [f"{a}_{b}" for a, b in zip(stems, stems[1:], strict=False)]


def features(text: str) -> list[str]:
    """Return the unigram and bigram features of ``text`` (bigrams joined with "_")."""
    return _with_pairs([stem(w) for w in words(text)])


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

    @property
    def likelihood(self) -> str:
        """The probability in words ("waarschijnlijk")."""
        return in_words(self.probability)


#: (lowest probability, words), highest first: how a probability is said to staff.
LIKELIHOOD_WORDS = (
    (0.75, "zeer waarschijnlijk"),
    (0.5, "waarschijnlijk"),
    (0.25, "mogelijk"),
    (0.0, "minder waarschijnlijk"),
)


def in_words(probability: float) -> str:
    """Say a calibrated probability in words: 0.8 → "zeer waarschijnlijk", 0.3 → "mogelijk".

    Never "zeker": the suggestion is capped below certainty (``CERTAINTY_CAP``)."""
    return next(text for lowest, text in LIKELIHOOD_WORDS if probability >= lowest)


def _spread(n_labels: int) -> float:
    """The share of probability spread evenly over all labels, so that even a label with
    all the rest of the belief stays at ``CERTAINTY_CAP``: (1 - s) + s / n = cap."""
    if n_labels < 2:
        return 0.0
    return (1 - CERTAINTY_CAP) * n_labels / (n_labels - 1)


def softmax(scores: Mapping[str, float], temperature: float) -> dict[str, float]:
    top = max(scores.values())
    exp = {label: math.exp((s - top) / temperature) for label, s in scores.items()}
    norm = sum(exp.values())
    return {label: e / norm for label, e in exp.items()}


@dataclass
class NaiveBayes:
    """A trained multinomial naive Bayes model. Labels are strings (JSON object keys).

    Counts are floats: vocabulary phrases count with a weight of their own.
    """

    alpha: float = ALPHA
    doc_counts: dict[str, float] = field(default_factory=dict)
    feature_counts: dict[str, dict[str, float]] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)
    temperature: float = 1.0

    @property
    def labels(self) -> list[str]:
        return sorted(self.doc_counts)

    @property
    def n_documents(self) -> float:
        return sum(self.doc_counts.values())

    def known_features(self, text: str) -> list[str]:
        """The features of ``text`` the model knows; unknown words are looked up inside
        (compounds) and among near spellings (typos) of the known single words."""
        stems = []
        for word in words(text):
            stemmed = stem(word)
            if stemmed in self.vocabulary or len(word) < MIN_LOOKUP:
                stems.append(stemmed)
                continue
            stems.extend(self._lookup(word) or [stemmed])
        return [f for f in _with_pairs(stems) if f in self.vocabulary]

    def _lookup(self, word: str) -> list[str]:
        parts = _parts(word, self._unigrams())
        if parts:
            return parts
        return difflib.get_close_matches(stem(word), self._unigrams(), n=1, cutoff=TYPO_CUTOFF)

    def _unigrams(self) -> tuple[str, ...]:
        """The known single stems, computed once per model (a trained model's vocabulary
        does not change)."""
        cached = self.__dict__.get("_unigram_cache")
        if cached is None or cached[0] != len(self.vocabulary):
            cached = (len(self.vocabulary),
                      tuple(sorted(f for f in self.vocabulary if "_" not in f)))
            self.__dict__["_unigram_cache"] = cached
        return cached[1]

    def scores(self, text: str) -> dict[str, float]:
        """The length-normalised log posterior of every label (before calibration): the log
        prior plus the feature log likelihoods divided by √(number of features)."""
        known = self.known_features(text)
        total_docs = self.n_documents
        size = len(self.vocabulary)
        scale = 1 / math.sqrt(len(known)) if known else 0.0
        scores = {}
        for label, docs in self.doc_counts.items():
            counts = self.feature_counts.get(label, {})
            denominator = math.log(sum(counts.values()) + self.alpha * size)
            likelihood = sum(math.log(counts.get(f, 0) + self.alpha) - denominator
                             for f in known)
            scores[label] = math.log(docs / total_docs) + scale * likelihood
        return scores

    def probabilities(self, text: str) -> dict[str, float]:
        """The calibrated probability of every label, never above ``CERTAINTY_CAP``."""
        if not self.doc_counts:
            return {}
        return calibrated(self.scores(text), self.temperature)

    def predict(self, text: str, k: int | None = 3) -> list[Prediction]:
        """Return the ``k`` (all with ``None``) most probable labels for ``text``, most
        probable first. A text without any known feature gets the prior."""
        probabilities = self.probabilities(text)
        ranked = sorted(probabilities, key=lambda label: (-probabilities[label], label))
        return [Prediction(label, probabilities[label]) for label in ranked[:k]]

    def to_json(self) -> dict:
        """Return the model as a JSON-serialisable dict (see ``from_json``)."""
        return {"version": FORMAT_VERSION, "alpha": self.alpha,
                "temperature": self.temperature,
                "doc_counts": dict(self.doc_counts),
                "feature_counts": {label: dict(c) for label, c in self.feature_counts.items()},
                "vocabulary": sorted(self.vocabulary)}

    @classmethod
    def from_json(cls, data: dict) -> NaiveBayes:
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"unknown text model format {data.get('version')!r}")
        return cls(alpha=float(data["alpha"]), temperature=float(data["temperature"]),
                   doc_counts=dict(data["doc_counts"]),
                   feature_counts={label: dict(c) for label, c in data["feature_counts"].items()},
                   vocabulary=set(data["vocabulary"]))


def _parts(word: str, known: Sequence[str]) -> list[str]:
    """The known stems inside ``word``, longest first and not overlapping
    ("schuldhulpverlening" → ["schuldhulp", "verlen"] if both are known)."""
    found: list[tuple[int, str]] = []
    taken = [False] * len(word)
    for part in sorted((k for k in known if len(k) >= MIN_PART and k in word),
                       key=lambda k: (-len(k), k)):
        start = word.find(part)
        if start >= 0 and not any(taken[start:start + len(part)]):
            taken[start:start + len(part)] = [True] * len(part)
            found.append((start, part))
    return [part for _, part in sorted(found)]


def calibrated(scores: Mapping[str, float], temperature: float) -> dict[str, float]:
    """Turn scores into probabilities at ``temperature``, with a share spread over all
    labels so that none exceeds ``CERTAINTY_CAP``."""
    raw = softmax(scores, temperature)
    spread = _spread(len(raw))
    return {label: (1 - spread) * p + spread / len(raw) for label, p in raw.items()}


#: A vocabulary phrase, alone (weight 1) or with a weight of its own.
Phrase = str | tuple[str, float]


def train(texts: Sequence[str], labels: Sequence[str | Iterable[str]], *,
          prior: Mapping[str, Sequence[Phrase]] | None = None, prior_weight: float = 1.0,
          prior_documents: float = 1.0, alpha: float = ALPHA,
          min_count: int = 1) -> NaiveBayes:
    """Train a model on ``texts``; ``labels[i]`` is one label or several (multi-label).

    ``prior`` maps a label to phrases (a vocabulary): each phrase's features count
    ``prior_weight`` times (times the phrase's own weight, if it has one), and the label
    starts with ``prior_documents`` documents, so a label with a vocabulary and no texts
    can still be predicted. A text with several labels counts once for each. Features of
    the texts seen fewer than ``min_count`` times are dropped; the vocabulary's never are.
    """
    if len(texts) != len(labels):
        raise ValueError("texts and labels differ in length")
    per_text = [Counter(features(t)) for t in texts]
    totals = Counter()
    for counts in per_text:
        totals.update(counts)
    vocabulary = {f for f, n in totals.items() if n >= min_count}
    model = NaiveBayes(alpha=alpha, vocabulary=vocabulary)
    for label, phrases in (prior or {}).items():
        model.doc_counts[label] = model.doc_counts.get(label, 0) + prior_documents
        bucket = model.feature_counts.setdefault(label, {})
        for phrase in phrases:
            text, weight = (phrase, 1.0) if isinstance(phrase, str) else phrase
            for f in features(text):
                vocabulary.add(f)
                bucket[f] = bucket.get(f, 0) + prior_weight * weight
    for counts, label in zip(per_text, labels, strict=True):
        for one in ([label] if isinstance(label, str) else list(label)):
            one = str(one)
            model.doc_counts[one] = model.doc_counts.get(one, 0) + 1
            bucket = model.feature_counts.setdefault(one, {})
            for f, n in counts.items():
                if f in vocabulary:
                    bucket[f] = bucket.get(f, 0) + n
    return model


def log_loss(held_out: Sequence[tuple[Mapping[str, float], set[str]]],
             temperature: float) -> float:
    """The mean negative log probability of the true labels (for a text with several, the
    best one of them) at ``temperature``."""
    total = 0.0
    for scores, truth in held_out:
        probabilities = calibrated(scores, temperature)
        total -= math.log(max(probabilities.get(t, 0.0) for t in truth) or 1e-12)
    return total / len(held_out)


def fit_temperature(held_out: Sequence[tuple[Mapping[str, float], set[str]]]) -> float:
    """Return the temperature (of ``TEMPERATURES``) with the lowest log loss on ``held_out``:
    (scores of a text the model did not learn from, its true labels). Without held-out
    texts, 1.0."""
    usable = [(s, t) for s, t in held_out if s and set(t) & set(s)]
    if not usable:
        return 1.0
    return min(TEMPERATURES, key=lambda t: (log_loss(usable, t), t))


def train_calibrated(texts: Sequence[str], labels: Sequence[str | Iterable[str]], *,
                     prior: Mapping[str, Sequence[Phrase]] | None = None,
                     folds: int = 5, **options) -> NaiveBayes:
    """Train on all texts, with the temperature fitted by ``folds``-fold cross-validation:
    each text is scored by a model trained on the prior and the other folds."""
    held_out = []
    n = len(texts)
    for fold_index in range(min(folds, n) if n > 1 else 0):
        test = set(range(fold_index, n, folds))
        model = train([t for i, t in enumerate(texts) if i not in test],
                      [lb for i, lb in enumerate(labels) if i not in test],
                      prior=prior, **options)
        for i in sorted(test):
            truth = {labels[i]} if isinstance(labels[i], str) else set(map(str, labels[i]))
            held_out.append((model.scores(texts[i]), truth))
    model = train(texts, labels, prior=prior, **options)
    model.temperature = fit_temperature(held_out)
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
