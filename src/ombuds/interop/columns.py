"""What a row of an office's spreadsheet may hold, and how its cells are read.

Pure Python: no Django. The import service (``services.py``) uses these to check every row
and report its problems in Dutch before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Column:
    """A field Ombuds can take from a spreadsheet column."""

    name: str
    label: str
    required: bool = False
    #: Header words (normalised) that suggest this field when guessing the mapping.
    hints: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("external_key", "Eigen dossiernummer (sleutel voor opnieuw importeren)",
           hints=("dossiernummer", "dossier", "nummer", "nr", "id", "kenmerk", "registratienummer",
                  "zaaknummer")),
    Column("municipality", "Gemeente (naam of CBS-code)", hints=("gemeente", "cbs", "cbscode")),
    Column("opened_on", "Datum binnengekomen", required=True,
           hints=("datum", "datum binnen", "binnengekomen", "datum melding", "aanmelddatum",
                  "ontvangen", "startdatum", "datum aanmelding")),
    Column("name", "Naam inwoner", required=True,
           hints=("naam", "naam inwoner", "inwoner", "client", "cliënt", "melder", "naam melder")),
    Column("title", "Onderwerp", required=True,
           hints=("onderwerp", "omschrijving", "titel", "korte omschrijving", "vraag")),
    Column("story", "Verhaal", hints=("verhaal", "toelichting", "situatie", "notitie",
                                      "opmerkingen", "beschrijving")),
    Column("wish", "Wens van de inwoner", hints=("wens", "doel", "gewenste uitkomst")),
    Column("channel", "Kanaal", hints=("kanaal", "contactwijze", "binnengekomen via", "via")),
    Column("organisation", "Organisatie", hints=("organisatie", "instantie", "aanbieder",
                                                 "partij")),
    Column("date_of_birth", "Geboortedatum", hints=("geboortedatum", "geb datum", "geboren")),
    Column("email", "E-mail", hints=("email", "e-mail", "mail", "e-mailadres")),
    Column("phone", "Telefoon", hints=("telefoon", "tel", "telefoonnummer", "mobiel")),
    Column("postcode", "Postcode", hints=("postcode",)),
    Column("city", "Woonplaats", hints=("woonplaats", "plaats")),
)
COLUMN_NAMES = tuple(c.name for c in COLUMNS)
REQUIRED = tuple(c.name for c in COLUMNS if c.required)

#: How offices write the channel, onto ``cases.Channel`` values.
CHANNEL_WORDS = {
    "telefoon": "telefoon", "telefonisch": "telefoon", "tel": "telefoon", "gebeld": "telefoon",
    "inloop": "inloop", "spreekuur": "inloop", "balie": "inloop", "persoonlijk": "inloop",
    "email": "email", "e-mail": "email", "mail": "email",
    "brief": "brief", "post": "brief",
    "web": "web", "website": "web", "webformulier": "web", "formulier": "web",
    "verwijzing": "verwijzing", "verwezen": "verwijzing",
    "import": "import",
}


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces: ``"Datum (binnen)"`` →
    ``"datum binnen"``."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """Return ``{field name: header}`` for the headers that look like a known field.

    An exact hint wins over a hint contained in the header; each header is used once.
    """
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for exact in (True, False):
        for column in COLUMNS:
            if column.name in mapping:
                continue
            for header in headers:
                if header in used or not header:
                    continue
                words = normalise(header)
                hints = [normalise(h) for h in (column.label, *column.hints)]
                if (words in hints) if exact else any(
                        h and len(h) > 3 and h in words for h in hints):
                    mapping[column.name] = header
                    used.add(header)
                    break
    return mapping


class CellError(ValueError):
    """A cell that cannot be read; the message is Dutch and shown to the beheerder."""


_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTHS = {m: i for i, m in enumerate(
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"], start=1)}
_MONTHS |= {name[:3]: number for name, number in _MONTHS.items()}
_WRITTEN = re.compile(r"^(\d{1,2}) ([a-z]+)\.? (\d{4})$")


def parse_date(value, *, today: date) -> date | None:
    """Read a date as Dutch offices write it: ``dd-mm-jjjj`` (also with / or .), ISO
    ``jjjj-mm-dd``, ``3 maart 2026``, or a real spreadsheet date. Empty gives ``None``.

    Refused, with the reason: a two-digit year (``03-04-26``: which century?), a day or
    month that does not exist (``31-02-2026``), and a date after ``today``.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    else:
        text = str(value).strip()
        if (match := _ISO.match(text)):
            year, month, day = (int(g) for g in match.groups())
        elif (match := _DUTCH.match(text)):
            day, month, year_text = match.groups()
            if len(year_text) == 2:
                raise CellError(f"onduidelijke datum '{text}': schrijf het jaar voluit "
                                f"(dd-mm-jjjj)")
            day, month, year = int(day), int(month), int(year_text)
        elif (match := _WRITTEN.match(normalise(text))) and match.group(2) in _MONTHS:
            day, month, year = int(match.group(1)), _MONTHS[match.group(2)], int(match.group(3))
        else:
            raise CellError(f"'{text}' is geen datum (verwacht dd-mm-jjjj)")
        try:
            found = date(year, month, day)
        except ValueError:
            raise CellError(f"'{text}' bestaat niet als datum") from None
    if found > today:
        raise CellError(f"datum {found:%d-%m-%Y} ligt in de toekomst")
    if found.year < 1900:
        raise CellError(f"datum {found:%d-%m-%Y} is te oud")
    return found


def parse_channel(value) -> str | None:
    """Return the ``cases.Channel`` value for a channel word, ``None`` when empty."""
    text = normalise(value or "")
    if not text:
        return None
    words = {normalise(word): channel for word, channel in CHANNEL_WORDS.items()}
    if text in words:
        return words[text]
    raise CellError(f"onbekend kanaal '{value}' (kies uit telefoon, inloop, e-mail, brief, "
                    f"web, verwijzing)")


def cell_text(value) -> str:
    """The cell as text, without surrounding spaces; numbers without a trailing ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return f"{value:%d-%m-%Y}"
    return str(value).strip()
