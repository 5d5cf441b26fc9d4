"""How easy a Dutch letter is to read: the Flesch-Douma score, in words.

Flesch-Douma (W. H. Douma, 1960) is Flesch's reading ease with Dutch weights:
``206.835 - 0.93 × words per sentence - 77 × syllables per word``; 100 is very easy, 0 very
hard. ``textstat`` computes it (``set_lang("nl")``: its Dutch weights and Dutch hyphenation for
the syllables). The score is a signal, not a verdict: it sees long sentences and long words,
not whether a word is known.

The threshold for taalniveau B1 is ``B1_THRESHOLD`` = 60. Douma's scale puts 60–70 at
"normaal" (a text for readers with vmbo or a few years of secondary school) and 50–60 at
"vrij moeilijk" (havo/vwo level); B1 is what most Dutch adults read comfortably, which is
where the government's writing guides aim ("Direct duidelijk", Rijksoverheid; Stichting
Makkelijk Lezen). So a letter scoring below 60 drifts above B1 and the editor says so; see
docs/letters.md for why not 70 (the letters must cite articles and name organisations,
which no rewording shortens).

A letter is scored as the resident reads it: each line is a sentence (a heading, a list item,
an address line or a signature is no part of the next sentence), ``## `` and ``- `` markers are
dropped, and e-mail addresses, web addresses and case numbers are left out (nobody reads them
as words). Pure Python: no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import textstat

#: Below this Flesch-Douma score a letter is above taalniveau B1 (see the module docstring).
B1_THRESHOLD = 60.0
#: A sentence longer than this many words is hard to follow (B1 writing guides: 15–20).
LONG_SENTENCE = 20

#: Bands of the Flesch-Douma scale, lowest score first, with the words the editor shows.
BANDS = (
    (0.0, "zeer moeilijk", "universitair niveau"),
    (30.0, "moeilijk", "hoger onderwijs"),
    (45.0, "vrij moeilijk", "boven taalniveau B1"),
    (B1_THRESHOLD, "redelijk makkelijk", "taalniveau B1"),
    (70.0, "makkelijk", "taalniveau B1 of lager"),
    (80.0, "zeer makkelijk", "taalniveau A2"),
)

_SKIP = re.compile(
    r"\S+@\S+"                          # e-mail addresses
    r"|(?:https?://|www\.)\S+"          # web addresses
    r"|\b[A-Z]{2,5}-\d{4}-\d{3,}\b"     # case numbers such as STW-2026-0042
)
_END = re.compile(r"[.!?…:;]$")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


@dataclass(frozen=True)
class Readability:
    """The score of a text and what it means."""

    score: float
    words: int
    sentences: int
    long_sentences: tuple[str, ...]

    @property
    def label(self) -> str:
        """The band in words, e.g. "redelijk makkelijk"."""
        return _band(self.score)[1]

    @property
    def level(self) -> str:
        """What the band means, e.g. "taalniveau B1"."""
        return _band(self.score)[2]

    @property
    def above_b1(self) -> bool:
        """Whether the text drifts above taalniveau B1 (scores below ``B1_THRESHOLD``)."""
        return self.words > 0 and self.score < B1_THRESHOLD

    @property
    def summary(self) -> str:
        """One Dutch sentence for the editor, e.g. "Leesbaarheid: redelijk makkelijk
        (taalniveau B1; Flesch-Douma 64)."""
        if not self.words:
            return "Leesbaarheid: nog geen tekst om te beoordelen."
        return (f"Leesbaarheid: {self.label} ({self.level}; Flesch-Douma "
                f"{round(self.score)}).")


def _band(score: float) -> tuple[float, str, str]:
    chosen = BANDS[0]
    for band in BANDS:
        if score >= band[0]:
            chosen = band
    return chosen


@cache
def _dutch():
    """A textstat instance of its own with the Dutch weights (the module-level one is shared
    by every caller, so its language is not changed)."""
    stats = type(textstat.textstat)()
    stats.set_lang("nl")
    stats.set_rounding_points(None)
    return stats


def sentences_of(text: str) -> list[str]:
    """The text as the reader reads it: one line at a time, each ending in a full stop,
    without markers, addresses and case numbers."""
    result = []
    for line in text.replace("\r\n", "\n").split("\n"):
        line = line.strip()
        if line.startswith("## "):
            line = line[3:]
        elif line.startswith("- "):
            line = line[2:]
        line = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(_SKIP.sub(" ", line).split()))
        if line == "---" or not _WORD.search(line):
            continue
        line = line.rstrip(",")
        result.append(line if _END.search(line) else line + ".")
    return result


def readability(text: str) -> Readability:
    """Score ``text`` (a letter's body) with Flesch-Douma; see the module docstring."""
    lines = sentences_of(text)
    words = sum(len(_WORD.findall(line)) for line in lines)
    if not words:
        return Readability(score=100.0, words=0, sentences=0, long_sentences=())
    prose = "\n".join(lines)
    stats = _dutch()
    sentences = [s for line in lines for s in re.split(r"(?<=[.!?])\s+", line) if s]
    long = tuple(s for s in sentences if len(_WORD.findall(s)) > LONG_SENTENCE)
    score = max(0.0, min(100.0, float(stats.flesch_reading_ease(prose))))
    return Readability(score=score, words=words, sentences=len(sentences), long_sentences=long)
