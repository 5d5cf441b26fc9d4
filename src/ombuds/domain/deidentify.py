"""Personal data in a text meant for publication, and a de-identified draft of it.

A story in the annual report (casuïstiek) and a signal's public text are written from a
case, so they can carry what the AVG calls personal data (art. 4(1)): a name, a contact
detail, a number that leads to one person (BSN, IBAN, case reference), an address, or a
combination of small facts — a day, an age, a village — that together single someone out.
``findings`` names what it can see; ``deidentify`` offers a draft with each finding
replaced or generalised (a name becomes a role, a day becomes a month or a season, an age a
decade, a village "een kern in de gemeente"). The draft is a proposal: a person still reads,
edits and approves every text, and approval is refused while ``findings`` still sees
something (see reports/annual.py and signals/publication.py).

The names and places are the caller's: the persons of the case (resident, representative,
contact persons of parties, staff) and the municipality's kernen and streets. Patterns find
the rest. Pure Python: no Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

KINDS = ("naam", "bsn", "e-mail", "telefoon", "postcode", "adres", "datum", "zaaknummer",
         "iban", "leeftijd", "plaats")


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in a text: its kind, the text and where it stands."""

    kind: str
    text: str
    start: int
    end: int


# --- names -------------------------------------------------------------------------------

#: Tussenvoegsels and titles: never a name on their own.
_PARTICLES = frozenset((
    "van", "de", "der", "den", "het", "ter", "ten", "te", "op", "in", "aan", "uit",
    "bij", "von", "del", "dos", "des", "los", "la", "le", "du", "da", "mevrouw",
    "meneer", "heer", "mevr", "dhr", "familie", "fam", "juffrouw", "dokter", "drs",
    "ing", "prof"
))
#: Words that stand in names but are also ordinary Dutch words: a name part that is one of
#: these only counts when written with a capital in the middle of a sentence ("De Groot
#: belde", not "een groot probleem").
_COMMON = frozenset((
    "groot", "klein", "jong", "oud", "oude", "bos", "berg", "meer", "veld", "vos",
    "haan", "wit", "zwart", "bruin", "rood", "bakker", "visser", "smit", "smid",
    "mulder", "kok", "boer", "koster", "schipper", "dekker", "timmer", "brouwer",
    "molenaar", "kramer", "koning", "prins", "keizer", "graaf", "hoek", "brink", "dijk",
    "kamp", "hof", "beek", "vink", "kuiper", "huisman", "winter", "zomer", "mol",
    "hout", "steen", "wolf", "post", "poort", "kapel", "kerk", "engel", "baas", "blok",
    "broek", "dam", "duin", "haas", "hert", "lam", "lang", "leeuw", "maas", "mei",
    "pot", "stam", "stok", "vis", "wal", "wind", "zon", "dag", "nacht", "noord", "zuid",
    "oost", "west", "nieuw", "mooi", "rijk", "vrij", "wijn", "kind", "man", "vrouw",
    "zoon", "dochter", "moeder", "vader", "roos", "zee", "ven", "bron"
))
#: A title and initials before a name go with it when the name is replaced.
_TITLE = re.compile(
    r"(?:\b(?i:mevrouw|meneer|juffrouw|familie|de\s+heer|mevr\.|mw\.|dhr\.|fam\.)\s+)?"
    r"(?:\b[A-Z]\.\s*)*$")
#: The end of a text before the start of a sentence (an initial's full stop ends none).
_SENTENCE_START = re.compile(r"(?:^|(?<!\b[A-Z])[.!?:]\s+|\n\s*)$")


def _name_phrases(names: Iterable[str]) -> tuple[list[str], list[str]]:
    """The phrases to look for: (matched in any case, matched only as a capitalised word).
    What follows a comma, a slash or a parenthesis is a description, not the name."""
    anycase: set[str] = set()
    capital: set[str] = set()
    for name in names:
        # "Ellen Kramer, Wmo-consulent" or "Jan (buurman)": the name is what comes first.
        name = re.split(r"[,(/]", name, maxsplit=1)[0]
        words = [w for w in re.split(r"\s+", name.strip()) if w]
        if not words:
            continue
        anycase.add(" ".join(words))
        # The surname with its tussenvoegsel ("de Vries" of "Anna de Vries").
        if len(words) > 2 and words[0].lower() not in _PARTICLES:
            anycase.add(" ".join(words[1:]))
        for part in re.split(r"[\s\-]+", name):
            part = part.strip(".,'’")
            if len(part) < 3 or not re.fullmatch(r"[^\W\d_][\w'’]*", part):
                continue
            low = part.lower()
            if low in _PARTICLES:
                continue
            (capital if low in _COMMON else anycase).add(part)
    return sorted(anycase, key=len, reverse=True), sorted(capital, key=len, reverse=True)


def _phrase_pattern(phrases: list[str]) -> str:
    parts = (r"\s+".join(re.escape(w) for w in p.split(" ")) for p in phrases)
    return r"(?<![\w@])(?:" + "|".join(parts) + r")(?![\w@])"


def _names_in(text: str, names: Iterable[str]) -> Iterable[Finding]:
    anycase, capital = _name_phrases(names)
    if anycase:
        for m in re.finditer(_phrase_pattern(anycase), text, re.IGNORECASE):
            yield Finding("naam", m.group(), m.start(), m.end())
    if capital:
        for m in re.finditer(_phrase_pattern(capital), text):
            if not _SENTENCE_START.search(text[:m.start()]):
                yield Finding("naam", m.group(), m.start(), m.end())


def _places_in(text: str, places: Iterable[str]) -> Iterable[Finding]:
    phrases = sorted({" ".join(p.split()) for p in places if p.strip()}, key=len, reverse=True)
    if phrases:
        for m in re.finditer(_phrase_pattern(phrases), text, re.IGNORECASE):
            yield Finding("plaats", m.group(), m.start(), m.end())


# --- patterns ----------------------------------------------------------------------------

_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")
_MONTH_ABBR = {"jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7,
               "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12}
_MONTH_WORD = "|".join([*_MONTHS, *sorted(_MONTH_ABBR, key=len, reverse=True)])
_WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
_CASE_REF = re.compile(r"\b[A-Z]{2,5}-\d{4}-\d{3,}\b")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ \-]?(?:\(0\)[ \-]?)?|\(0|0)(?:[ \-)]{0,3}\d){9}(?![\d])")
_BSN = re.compile(r"(?<![\d.\-])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\d])")
_POSTCODE = re.compile(r"\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\w-])")
_STREET_SUFFIX = (r"straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|pad|dreef|markt|"
                  r"park|ring|baan|erf|wal|haven|brink|akker|zoom|plantsoen|boulevard|allee|"
                  r"hof|kamp|oord|tuin|stede|veld")
_ADDRESS = re.compile(
    r"\b(?:(?:Oude|Nieuwe|Korte|Lange|Grote|Kleine|Hoge|Lage|Sint|St\.|Burgemeester|"
    r"Dokter|Dr\.|Van|van|De|de|Den|den|Der|der|ter|ten)\s+){0,4}"
    r"(?:[A-Z][\w'’\-]*?(?:" + _STREET_SUFFIX + r")|Markt|Brink|Kade|Plein|Dijk|Singel|Es)"
    r"\s+\d{1,5}(?:[a-zA-Z](?!\w)|-\d{1,4}(?!\d))?(?!\d)")
_DATE = re.compile(
    r"\b(?:" + _WEEKDAY + r")?(?:"
    r"(?P<d1>[0-3]?\d)[-/.](?P<m1>[01]?\d)[-/.](?P<y1>(?:19|20)\d{2})"
    r"|(?P<y2>(?:19|20)\d{2})-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)"
    r"|(?P<d3>[0-3]?\d)(?:e|ste|de)?\s+(?P<m3>" + _MONTH_WORD + r")\.?(?:\s+(?P<y3>(?:19|20)\d{2}))?"
    r")(?![\w-])", re.IGNORECASE)
#: "42 jaar" counts as an age when it says so ("42 jaar oud", "een 42-jarige", "leeftijd
#: van 42", "een vrouw van 42 jaar") or follows a verb of being ("zij is 42 jaar", "mijn
#: moeder is 84."); "al 3 jaar" and "het is 3 jaar geleden" are durations. Each pattern
#: marks the age as ``age``.
_NOT_AN_AGE = r"(?!\s+(?:lang|geleden|in|bij|getrouwd|samen|werkloos|ziek|bezig|onderweg)\b)"
_PERSON_NOUN = (r"vrouw|man|moeder|vader|inwoner|inwoonster|jongen|meisje|jongere|oudere|"
                r"weduwe|weduwnaar|zoon|dochter|alleenstaande|ondernemer|mantelzorger|student")
_AGES = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"\b(?P<age>1?\d{1,2}-jarige)\b",
    r"\b(?P<age>1?\d{1,2}\s+jaar\s+oud)\b",
    r"\bleeftijd\s+van\s+(?P<age>1?\d{1,2}(?:\s+jaar)?)\b",
    r"\b(?:is|was|ben|bent|werd|wordt|zijn|waren|werden)\s+(?P<age>1?\d{1,2}\s+jaar)\b"
    + _NOT_AN_AGE,
    r"\b(?:" + _PERSON_NOUN + r")\s+van\s+(?P<age>1?\d{1,2}(?:\s+jaar\b|(?=\s*(?:[,.;:)]|$))))",
    # "Mijn moeder is 84." — a bare number closing the sentence after a verb of being.
    r"\b(?:is|was|ben|bent|werd|wordt)\s+(?P<age>1?\d{1,2})(?=\s*(?:[,.;!?)]\s|[,.;!?)]?$))",
))


def _bsn_valid(digits: str) -> bool:
    """The eleven test of the BSN (Wet algemene bepalingen burgerservicenummer, art. 1)."""
    if len(digits) != 9 or digits == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0


def _iban_valid(candidate: str) -> bool:
    """A Dutch IBAN by its shape, any other by the ISO 13616 check (mod 97 = 1)."""
    compact = candidate.replace(" ", "")
    if re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", compact):
        return True
    if len(compact) < 15 or len(compact) > 34:
        return False
    number = "".join(str(int(c, 36)) for c in compact[4:] + compact[:4])
    return int(number) % 97 == 1


def _date_parts(m: re.Match) -> tuple[int, int | None] | None:
    """(month, year or None) of a date match, or None when it is no real date."""
    g = m.groupdict()
    if g["m1"]:
        day, month, year = int(g["d1"]), int(g["m1"]), int(g["y1"])
    elif g["m2"]:
        day, month, year = int(g["d2"]), int(g["m2"]), int(g["y2"])
    else:
        word = g["m3"].lower()
        month = _MONTHS.index(word) + 1 if word in _MONTHS else _MONTH_ABBR[word]
        day, year = int(g["d3"]), int(g["y3"]) if g["y3"] else None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return month, year


def _patterns_in(text: str) -> Iterable[Finding]:
    for kind, pattern in (("e-mail", _EMAIL), ("zaaknummer", _CASE_REF), ("adres", _ADDRESS),
                          ("postcode", _POSTCODE)):
        for m in pattern.finditer(text):
            yield Finding(kind, m.group(), m.start(), m.end())
    for m in _IBAN.finditer(text):
        if _iban_valid(m.group()):
            yield Finding("iban", m.group(), m.start(), m.end())
    for m in _PHONE.finditer(text):
        yield Finding("telefoon", m.group(), m.start(), m.end())
    for m in _BSN.finditer(text):
        if _bsn_valid(re.sub(r"\D", "", m.group())):
            yield Finding("bsn", m.group(), m.start(), m.end())
    for m in _DATE.finditer(text):
        if _date_parts(m):
            yield Finding("datum", m.group(), m.start(), m.end())
    for pattern in _AGES:
        for m in pattern.finditer(text):
            yield Finding("leeftijd", m.group("age"), m.start("age"), m.end("age"))


def findings(text: str, *, names: Iterable[str] = (), places: Iterable[str] = ()) -> list[Finding]:
    """Personal data in ``text``, in reading order, without overlaps.

    The given names (whole words, any case; a full name also matches its parts of three or
    more letters — a part that is also a common word only when capitalised mid-sentence),
    BSN (nine digits passing the eleven test), e-mail, Dutch phone numbers, postcodes,
    street + house number, full dates (a day with its month), case references
    (STW-2026-0042), IBAN, ages ("42 jaar oud", "zij is 42 jaar") and the given places.
    Where two findings overlap the one that starts first, then the longer, wins (an e-mail
    address holding a name is one e-mail address).
    """
    names = list(names)
    candidates = [*_patterns_in(text), *_names_in(text, names), *_places_in(text, places)]
    candidates.sort(key=lambda f: (f.start, -(f.end - f.start), KINDS.index(f.kind)))
    result: list[Finding] = []
    for found in candidates:
        if result and found.start < result[-1].end:
            continue
        result.append(found)
    return result


# --- describing --------------------------------------------------------------------------

#: kind → (singular, plural, show the text?). Numbers and contact data are not repeated in
#: the message (the writer finds them easily; the message may end up in a log).
_NOUNS = {
    "naam": ("naam", "namen", True),
    "bsn": ("burgerservicenummer", "burgerservicenummers", False),
    "e-mail": ("e-mailadres", "e-mailadressen", False),
    "telefoon": ("telefoonnummer", "telefoonnummers", False),
    "postcode": ("postcode", "postcodes", False),
    "adres": ("adres", "adressen", True),
    "datum": ("datum", "datums", True),
    "zaaknummer": ("zaaknummer", "zaaknummers", False),
    "iban": ("rekeningnummer", "rekeningnummers", False),
    "leeftijd": ("leeftijd", "leeftijden", True),
    "plaats": ("plaatsnaam", "plaatsnamen", True),
}
_COUNT_WORDS = ("", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
                "tien")


def describe(found: list[Finding]) -> str:
    """One Dutch sentence naming what was found.

    E.g. "Er staat nog een naam (Jansen) en een telefoonnummer in de tekst." Words (names,
    places, dates, ages, addresses) are quoted so the writer can find them; numbers and
    contact data are only named. Nothing beyond the findings' own texts is said.
    """
    if not found:
        return "Er staan geen persoonsgegevens in de tekst."
    groups: dict[str, list[str]] = {}
    for f in found:
        texts = groups.setdefault(f.kind, [])
        if f.text.lower() not in (t.lower() for t in texts):
            texts.append(f.text)
    items = []
    for kind in KINDS:
        if kind not in groups:
            continue
        singular, plural, show = _NOUNS[kind]
        n = len(groups[kind])
        count = _COUNT_WORDS[n] if n < len(_COUNT_WORDS) else str(n)
        item = f"{count} {singular if n == 1 else plural}"
        if show:
            item += " (" + ", ".join(groups[kind]) + ")"
        items.append(item)
    listed = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]
    verb = "staat" if len(groups[next(k for k in KINDS if k in groups)]) == 1 else "staan"
    return f"Er {verb} nog {listed} in de tekst."


# --- de-identifying ----------------------------------------------------------------------

_SEASONS = {1: "de winter", 2: "de winter", 3: "het voorjaar", 4: "het voorjaar",
            5: "het voorjaar", 6: "de zomer", 7: "de zomer", 8: "de zomer", 9: "het najaar",
            10: "het najaar", 11: "het najaar"}
_DECADES = {2: "twintig", 3: "dertig", 4: "veertig", 5: "vijftig", 6: "zestig",
            7: "zeventig", 8: "tachtig", 9: "negentig"}
_REMOVED = {"bsn": "[burgerservicenummer]", "e-mail": "[e-mailadres]",
            "telefoon": "[telefoonnummer]", "postcode": "[postcode]", "adres": "[adres]",
            "zaaknummer": "[zaaknummer]", "iban": "[rekeningnummer]"}
_STREET = re.compile(r"(?:" + _STREET_SUFFIX + r")$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"^\s+(" + _PERSON_NOUN + r")\b", re.IGNORECASE)


def _decade(age: int) -> str:
    """An age as a band of ten years: 42 → "in de veertig", 15 → "tussen de tien en twintig"."""
    if age < 10:
        return "jonger dan tien"
    if age < 20:
        return "tussen de tien en twintig"
    if age >= 100:
        return "honderd of ouder"
    return f"in de {_DECADES[age // 10]}"


def _date_words(m: re.Match, today: date) -> str:
    """A day generalised: the month and year when recent, the season when over a year ago.

    A recent date still matters to the story (a term, a decision) and its month does not
    single anyone out; for the background of a story the season is enough.
    """
    month, year = _date_parts(m)  # type: ignore[misc]
    if year is None:
        return _MONTHS[month - 1]
    if (today.year - year) * 12 + today.month - month <= 12:
        return f"{_MONTHS[month - 1]} {year}"
    return f"eind {year}" if month == 12 else f"{_SEASONS[month]} van {year}"


def _role(text: str, roles: Mapping[str, str]) -> str:
    """The role of the one person whose name holds ``text`` (word for word), else "[naam]"."""
    words = r"\s+".join(re.escape(w) for w in text.split())
    found = {role for name, role in roles.items()
             if role and re.search(rf"(?<!\w){words}(?!\w)", name, re.IGNORECASE)}
    return found.pop() if len(found) == 1 else "[naam]"


def _replace(f: Finding, text: str, pos: int, roles: Mapping[str, str],
             today: date) -> tuple[int, int, str]:
    """(start, end, words): the span to replace — a finding, sometimes with a word around
    it ("mevrouw" before a name, "op" before a date, the noun after "42-jarige") — and what
    goes there."""
    start, end = f.start, f.end
    before = text[pos:start]
    if f.kind == "naam":
        role = _role(f.text, roles)
        said = re.search(rf"\b{re.escape(role.split()[-1])}(\s+)$", before, re.IGNORECASE)
        if said and role != "[naam]":  # "haar zoon Piet" → "haar zoon"
            return start - len(said.group(1)), end, ""
        start -= len(_TITLE.search(before).group())  # type: ignore[union-attr]
        return start, end, role
    if f.kind == "plaats":
        article = re.search(r"\b(?:de|het)\s+$", before)
        if article:  # "in de Molenstraat" → "in een straat in de gemeente"
            start -= len(article.group())
        return start, end, ("een straat in de gemeente" if _STREET.search(f.text)
                            else "een kern in de gemeente")
    if f.kind == "datum":
        words = _date_words(_DATE.fullmatch(f.text), today)  # type: ignore[arg-type]
        op = re.search(r"\b([Oo])p\s+$", before)
        if op:
            start -= len(op.group())
            words = ("In " if op.group(1) == "O" else "in ") + words
        return start, end, words
    if f.kind == "leeftijd":
        age = int(re.match(r"\d+", f.text).group())  # type: ignore[union-attr]
        if not f.text.lower().endswith("jarige"):
            return start, end, _decade(age)
        noun = _NOUN_AFTER.match(text[end:])
        if noun:  # "een 42-jarige vrouw" → "een vrouw van in de veertig"
            return start, end + noun.end(), f"{noun.group(1)} van {_decade(age)}"
        return start, end, f"inwoner van {_decade(age)}"
    return start, end, _REMOVED[f.kind]


def deidentify(text: str, *, names: Iterable[str] = (), places: Iterable[str] = (),
               today: date | None = None) -> str:
    """The text with every finding replaced or generalised.

    Names become a neutral role where the caller knows it — pass ``names`` as a mapping
    ``{"Anna de Vries": "de inwoner", "Piet de Vries": "haar zoon"}`` — else "[naam]"; a
    title before a name goes with it ("mevrouw De Vries" → "de inwoner"). Dates become the
    month and year, or the season when more than a year before ``today``; "op" before a date
    becomes "in". Ages become the decade ("een vrouw van in de veertig"); places "een kern
    in de gemeente" (a street: "een straat in de gemeente"); contact data and numbers are
    replaced by a bracketed word ("[telefoonnummer]") so the writer sees what was removed.
    A replacement opening a sentence gets a capital.
    """
    today = today or date.today()
    roles: Mapping[str, str] = names if isinstance(names, Mapping) else {}
    names, places = list(names), list(places)
    out: list[str] = []
    pos = 0
    for f in findings(text, names=names, places=places):
        if f.start < pos:  # swallowed by the word taken along with the previous finding
            continue
        start, end, words = _replace(f, text, pos, roles, today)
        if _SENTENCE_START.search(text[:start]) and words[:1].islower():
            words = words[0].upper() + words[1:]
        out.append(text[pos:start])
        out.append(words)
        pos = end
    out.append(text[pos:])
    return "".join(out)
