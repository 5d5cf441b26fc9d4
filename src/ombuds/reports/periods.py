"""The period a report covers: a year, a quarter, or any range of days.

Pure Python (no Django), so the parsing is tested table by table in ``tests/test_periods.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")


class PeriodError(ValueError):
    """A period that cannot be read; the message is Dutch, for the user."""


@dataclass(frozen=True)
class Period:
    """The days ``start`` up to and including ``end``; ``text`` is how it was written."""

    start: dt.date
    end: dt.date
    text: str

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``2026``, ``2026-Q3``, ``2025-01-01..2026-12-31`` or ``pilot`` (the pilot period
        of the installation, setting ``OMBUDS_PILOT_PERIOD``)."""
        value = (text or "").strip()
        if value.lower() in ("pilot", "pilotperiode"):
            from django.conf import settings

            pilot = cls.parse(settings.PILOT_PERIOD)
            return cls(pilot.start, pilot.end, pilot.text)
        if match := _YEAR.match(value):
            year = int(match[1])
            return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), value)
        if match := _QUARTER.match(value):
            year, quarter = int(match[1]), int(match[2])
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


def _short(day: dt.date) -> str:
    return f"{day.day}-{day.month}-{day.year}"


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _month_end(year: int, month: int) -> dt.date:
    return _next_month(dt.date(year, month, 1)) - dt.timedelta(days=1)
