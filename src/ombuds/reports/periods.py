"""The period a report covers: a year, a quarter, a pilot period, or any range of days.

Pure Python (no Django import at module level; only the installation's pilot period is read
from the settings), so the parsing is tested table by table in ``tests/test_periods.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_YEAR = re.compile(r"^(\d{4})$", re.ASCII)
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$", re.ASCII)
#: The years a period may lie in: no year 0, and room for the day after its end.
FIRST_YEAR, LAST_YEAR = 1900, 2999
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$", re.ASCII)


class PeriodError(ValueError):
    """A period that cannot be read; the message is Dutch, for the user."""


@dataclass(frozen=True)
class Period:
    """The days ``start`` up to and including ``end``; ``text`` is how it was written."""

    start: dt.date
    end: dt.date
    text: str

    @classmethod
    def parse(cls, text: str, *, municipality=None) -> Period:
        """Read ``2026``, ``2026-Q3``, ``2025-01-01..2026-12-31`` or ``pilot``: the pilot period
        of ``municipality`` (``Period.pilot``), or of the installation (setting
        ``OMBUDS_PILOT_PERIOD``) without one."""
        value = (text or "").strip()
        if is_pilot(value):
            return cls.pilot(municipality)
        period = cls._read(value)
        # Year 0 is no date, and a report counts up to the day after its end.
        if period.start.year < FIRST_YEAR or period.end.year > LAST_YEAR:
            raise PeriodError(f"De periode '{value}' ligt niet tussen {FIRST_YEAR} en "
                              f"{LAST_YEAR}.")
        return period

    @classmethod
    def _read(cls, value: str) -> Period:
        if match := _YEAR.match(value):
            year = max(int(match[1]), 1)
            return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), value)
        if match := _QUARTER.match(value):
            year, quarter = max(int(match[1]), 1), int(match[2])
            start = dt.date(year, 3 * quarter - 2, 1)
            return cls(start, _month_end(year, 3 * quarter), f"{year}-Q{quarter}")
        if match := _RANGE.match(value):
            try:
                start, end = dt.date.fromisoformat(match[1]), dt.date.fromisoformat(match[2])
            except ValueError:
                raise PeriodError(f"'{value}' bevat een datum die niet bestaat.") from None
            if end < start:
                raise PeriodError("De einddatum ligt voor de begindatum.")
            return cls(start, end, value)
        raise PeriodError(f"'{value}' is geen periode. Schrijf een jaar (2026), een kwartaal "
                          "(2026-Q3), twee datums (2025-01-01..2026-12-31) of 'pilot'.")

    @classmethod
    def pilot(cls, *municipalities) -> Period:
        """The pilot period of the council note's two-year trial.

        A municipality's own (``pilot_start``/``pilot_end``, set in the beheer) where it has
        one, else the installation's (setting ``OMBUDS_PILOT_PERIOD``). Given several
        municipalities (a regional report), the period they share; when their pilots differ,
        the installation's. Written as a range of days, so a queued report reads it back as
        the same period."""
        periods = {_own_pilot(m) or _installation_pilot() for m in municipalities}
        if len(periods) == 1:
            return periods.pop()
        return _installation_pilot()

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    @property
    def label(self) -> str:
        """The period in Dutch, for titles: "2026", "3e kwartaal 2026", "1-1-2025 t/m 31-12-2026"."""
        if _YEAR.match(self.text):
            return self.text
        if match := _QUARTER.match(self.text):
            return f"{match[2]}e kwartaal {match[1]}"
        return f"{_short(self.start)} t/m {_short(self.end)}"

    def months(self) -> list[dt.date]:
        """The first day of every month the period touches, in order."""
        months, month = [], self.start.replace(day=1)
        while month <= self.end:
            months.append(month)
            month = _next_month(month)
        return months


def is_pilot(text: str) -> bool:
    """Whether ``text`` asks for the pilot period (resolved per municipality)."""
    return (text or "").strip().lower() in ("pilot", "pilotperiode")


def _own_pilot(municipality) -> Period | None:
    start = getattr(municipality, "pilot_start", None)
    end = getattr(municipality, "pilot_end", None)
    if start is None or end is None:
        return None
    return Period(start, end, f"{start.isoformat()}..{end.isoformat()}")


def _installation_pilot() -> Period:
    from django.conf import settings

    if is_pilot(settings.PILOT_PERIOD):
        raise PeriodError("De pilotperiode van de installatie (OMBUDS_PILOT_PERIOD) is niet "
                          "ingesteld als twee datums.")
    return Period.parse(settings.PILOT_PERIOD)


def _short(day: dt.date) -> str:
    return f"{day.day}-{day.month}-{day.year}"


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _month_end(year: int, month: int) -> dt.date:
    return _next_month(dt.date(year, month, 1)) - dt.timedelta(days=1)
