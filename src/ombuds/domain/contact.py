"""Contact details a resident gives: is this a phone number or a Dutch postcode we can use?

Pure functions, no Django. Each returns the tidy form of a valid value, or ``None`` when the
text is not one, so a form can both refuse junk ("abc<script>") and store one spelling.

Dutch numbers (the Nummerplan of the ACM): a national number is ``0`` and nine digits, the
first not a ``0`` (``06`` mobile, ``010``/``0521`` geographic, ``085``/``088``/``091``
non-geographic); internationally ``+31`` or ``0031`` and the same nine digits, without the
trunk ``0`` (often written ``+31 (0)6 …``). ``0800``/``090x`` numbers are that prefix and
four or seven digits. A resident abroad or near the border may have a foreign number: ``+``
or ``00``, a country code and 9 to 15 digits in all (E.164 allows at most 15; the minimum of 9
refuses typos like ``0012345678`` and fits the neighbouring countries).
"""

from __future__ import annotations

import re

#: Characters people write between digits: spaces, hyphens, dots, slashes, brackets.
_SEPARATORS = re.compile(r"[\s\-./()]")
_NATIONAL = re.compile(r"0[1-9]\d{8}")
_INFO_NUMBER = re.compile(r"0(800|900|906|909)(\d{4}|\d{7})")
_E164 = re.compile(r"[1-9]\d{8,14}")

#: Postcode: four digits (the first not 0) and two letters; SA, SD and SS are never used.
_POSTCODE = re.compile(r"([1-9]\d{3})\s?([A-Z]{2})")
_UNUSED_LETTERS = {"SA", "SD", "SS"}


def phone_e164(text: str) -> str | None:
    """Return ``text`` as an international number (``+31612345678``), or ``None`` when it is
    not a phone number: letters, too few or too many digits, a Dutch number of the wrong
    length."""
    raw = text.strip()
    if not raw:
        return None
    # "+31 (0)6 1234 5678": the trunk 0 in brackets is dropped, as it is when dialled.
    raw = re.sub(r"^(\+|00)\s*31\s*\(0\)", "+31", raw)
    compact = _SEPARATORS.sub("", raw)
    if compact.startswith("+"):
        digits = compact[1:]
    elif compact.startswith("00"):
        digits = compact[2:]
    elif _NATIONAL.fullmatch(compact) or _INFO_NUMBER.fullmatch(compact):
        return "+31" + compact[1:]
    else:
        return None
    if not digits.isdigit():
        return None
    if digits.startswith("31"):
        national = "0" + digits[2:]
        return "+" + digits if _NATIONAL.fullmatch(national) else None
    return "+" + digits if _E164.fullmatch(digits) else None


def phone_display(text: str) -> str | None:
    """Return a valid number the way a Dutch reader writes it, or ``None``: ``06 12345678``
    for a mobile; a landline national, in the resident's own grouping when they wrote it
    nationally (``0521 123456``); a foreign number international (``+4915112345678``)."""
    number = phone_e164(text)
    if number is None:
        return None
    if not number.startswith("+31"):
        return number
    national = "0" + number[3:]
    if national.startswith("06"):
        return f"06 {national[2:]}"
    # Keep how the resident grouped a national number (area codes have 3 or 4 digits).
    grouped = " ".join(_SEPARATORS.sub(" ", text).split())
    return grouped if grouped.replace(" ", "") == national else national


def is_phone(text: str) -> bool:
    return phone_e164(text) is not None


def postcode_normal(text: str) -> str | None:
    """Return a Dutch postcode as ``1234 AB``, or ``None`` when ``text`` is not one."""
    match = _POSTCODE.fullmatch(text.strip().upper())
    if match is None or match.group(2) in _UNUSED_LETTERS:
        return None
    return f"{match.group(1)} {match.group(2)}"


def is_postcode(text: str) -> bool:
    return postcode_normal(text) is not None
