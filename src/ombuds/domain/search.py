"""What a worklist search text asks for: a case number, a phone number, an e-mail address, a
postcode, or words (a name, or words of the case's subject and story).

Pure functions, no Django. Staff type what they have at hand — the number a resident calls
from, a postcode from a letter, the last digits of a case number — in whatever spelling. Each
kind is reduced to one *search key*, and the database keeps the same key per person or case
(``cases.models``: ``Person.phone_key``, ``postcode_key``, ``email_key`` and
``Case.reference_number``, generated columns), so a search is one equality on an indexed
column, the same on PostgreSQL and SQLite, whatever the register's size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class SearchKind(StrEnum):
    REFERENCE = "zaaknummer"
    PHONE = "telefoon"
    EMAIL = "e-mail"
    POSTCODE = "postcode"
    #: Words: a resident's or representative's name, or words of the case's text.
    WORDS = "woorden"

    @property
    def personal(self) -> bool:
        """Whether this kind looks for a person (and so is only for roles that see persons).
        Words may be a name: what they are searched in depends on the role."""
        return self in PERSONAL_KINDS

    @property
    def label(self) -> str:
        return LABELS[self]


PERSONAL_KINDS = frozenset({SearchKind.PHONE, SearchKind.EMAIL, SearchKind.POSTCODE})
LABELS = {
    SearchKind.REFERENCE: "zaaknummer",
    SearchKind.PHONE: "telefoonnummer",
    SearchKind.EMAIL: "e-mailadres",
    SearchKind.POSTCODE: "postcode",
    SearchKind.WORDS: "naam of tekst",
}

#: A case number or part of one: ``STW-2026-0031``, ``2026-0031``, ``STW-0031``, ``0031``, ``31``.
#: The prefix is the municipality's (letters, maybe digits); the number has at most six digits,
#: so a phone number (seven or more) is never read as one.
_REFERENCE = re.compile(
    r"(?:(?P<prefix>[A-Za-z][A-Za-z0-9]{0,4})-)?(?:(?P<year>(?:19|20)\d{2})-)?(?P<number>\d{1,6})"
)
#: Digits and what people write between them; a leading + for an international number.
_PHONE = re.compile(r"\+?[\d\s\-./()]+")
_PHONE_SEPARATORS = re.compile(r"[\s\-./()]")
#: Fewest digits a phone search needs (a national number has ten, a short one seven).
PHONE_MIN_DIGITS = 7
_POSTCODE = re.compile(r"(\d{4})\s*([A-Za-z]{2})")
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ReferencePart:
    """The parts of a case number a search gives; ``number`` without its leading zeros."""

    number: str
    prefix: str = ""
    year: str = ""


@dataclass(frozen=True)
class SearchTerms:
    """A search text read as one kind, with the key to look it up by."""

    kind: SearchKind
    #: The text as typed (stripped): what full-text search gets.
    text: str
    #: The normalised key (phone, e-mail, postcode); empty for a reference or words.
    key: str = ""
    reference: ReferencePart | None = None
    #: The words of the text, lower case (for a name search).
    words: tuple[str, ...] = ()


def phone_key(text: str) -> str:
    """Return the search key of a phone number: its digits, national form for a Dutch number.

    ``06-12345678``, ``06 1234 5678``, ``+31 6 12345678``, ``+31 (0)6 12345678`` and
    ``0031 6 12345678`` all give ``0612345678``; a foreign ``+49 151 …`` gives ``0049151…``.
    ``Person.phone_key`` computes the same in SQL (keep the two in step: a test compares
    them); a stored number with other characters (a note in brackets) keeps those.
    """
    key = text.strip().replace("(0)", "")
    key = _PHONE_SEPARATORS.sub("", key)
    if key.startswith("+31"):
        return "0" + key[3:]
    if key.startswith("0031"):
        return "0" + key[4:]
    if key.startswith("+"):
        return "00" + key[1:]
    return key


def postcode_key(text: str) -> str:
    """Return the search key of a postcode: no spaces, upper case (``8331 ab`` → ``8331AB``)."""
    return "".join(text.split()).upper()


def email_key(text: str) -> str:
    """Return the search key of an e-mail address: lower case, no surrounding spaces."""
    return text.strip().lower()


def reference_number_key(number: str) -> str:
    """Return a case number's sequence number without leading zeros (``0031`` → ``31``), as
    ``Case.reference_number`` keeps it."""
    return number.lstrip("0")


def parse_search(text: str) -> SearchTerms | None:
    """Read a search text as one kind; ``None`` for an empty text.

    In this order: a case number (or part: ``2026-0031``, ``0031``), an e-mail address, a
    postcode, a phone number (seven digits or more), else words.
    """
    text = " ".join(text.split())
    if not text:
        return None
    match = _REFERENCE.fullmatch(text)
    if match and reference_number_key(match["number"]):
        part = ReferencePart(number=reference_number_key(match["number"]),
                             prefix=(match["prefix"] or "").upper(), year=match["year"] or "")
        return SearchTerms(SearchKind.REFERENCE, text, reference=part)
    if _EMAIL.fullmatch(text):
        return SearchTerms(SearchKind.EMAIL, text, key=email_key(text))
    match = _POSTCODE.fullmatch(text)
    if match:
        return SearchTerms(SearchKind.POSTCODE, text, key=postcode_key(text))
    if _PHONE.fullmatch(text):
        key = phone_key(text)
        if key.isdigit() and len(key) >= PHONE_MIN_DIGITS:
            return SearchTerms(SearchKind.PHONE, text, key=key)
    words = tuple(word.lower() for word in _WORD.findall(text))
    return SearchTerms(SearchKind.WORDS, text, words=words)
