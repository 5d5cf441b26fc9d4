"""Reading the period of a report: a year, a quarter or a range of days."""

from datetime import date

import pytest

from ombuds.reports.periods import Period, PeriodError


@pytest.mark.parametrize(("text", "start", "end", "label"), [
    ("2026", date(2026, 1, 1), date(2026, 12, 31), "2026"),
    (" 2025 ", date(2025, 1, 1), date(2025, 12, 31), "2025"),
    ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31), "1e kwartaal 2026"),
    ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30), "2e kwartaal 2026"),
    ("2026-q3", date(2026, 7, 1), date(2026, 9, 30), "3e kwartaal 2026"),
    ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31), "4e kwartaal 2026"),
    ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31), "1e kwartaal 2024"),
    ("2025-01-01..2026-12-31", date(2025, 1, 1), date(2026, 12, 31), "1-1-2025 t/m 31-12-2026"),
    ("2026-02-28..2026-02-28", date(2026, 2, 28), date(2026, 2, 28), "28-2-2026 t/m 28-2-2026"),
])
def test_it_reads_a_year_a_quarter_and_a_range(text, start, end, label):
    period = Period.parse(text)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize("text", [
    "", "26", "2026-Q5", "2026-Q0", "Q3-2026", "2026-13", "2026-01-01", "2026-01-01..",
    "2026-02-30..2026-03-01", "2026-12-31..2026-01-01", "2025-01-01...2026-12-31",
    "0000", "0000-Q1", "1899", "9999", "2026-01-01..9999-12-31", "٢٠٢٦",
])
def test_it_refuses_what_is_no_period_in_dutch(text):
    with pytest.raises(PeriodError) as error:
        Period.parse(text)
    assert "periode" in str(error.value) or "datum" in str(error.value)


@pytest.mark.parametrize(("text", "months"), [
    ("2026", 12), ("2026-Q3", 3), ("2025-11-15..2026-02-01", 4), ("2026-05-05..2026-05-06", 1),
])
def test_it_lists_the_months_it_touches(text, months):
    result = Period.parse(text).months()
    assert len(result) == months
    assert all(m.day == 1 for m in result)
    assert result == sorted(result)


def test_pilot_is_the_configured_pilot_period(settings):
    import datetime as dt

    from ombuds.reports.periods import Period

    settings.PILOT_PERIOD = "2025-03-01..2027-02-28"
    period = Period.parse("pilot")
    assert (period.start, period.end) == (dt.date(2025, 3, 1), dt.date(2027, 2, 28))


class _Municipality:
    """A municipality as ``Period.pilot`` reads it: its own pilot days, or none."""

    def __init__(self, start=None, end=None):
        self.pilot_start, self.pilot_end = start, end


def test_pilot_is_the_municipalitys_own_pilot_where_it_has_one(settings):
    import datetime as dt

    settings.PILOT_PERIOD = "2025-01-01..2026-12-31"
    own = _Municipality(dt.date(2025, 3, 1), dt.date(2027, 2, 28))
    period = Period.parse("pilot", municipality=own)
    assert (period.start, period.end, period.text) == (
        dt.date(2025, 3, 1), dt.date(2027, 2, 28), "2025-03-01..2027-02-28")
    # Written as its dates, so a queued report reads back the same period.
    assert Period.parse(period.text) == period
    assert Period.parse("Pilotperiode", municipality=own) == period
    assert Period.pilot(own) == period
    # Without its own pilot (or without a municipality): the installation's.
    assert Period.pilot(_Municipality()) == Period.parse("2025-01-01..2026-12-31")
    assert Period.parse("pilot") == Period.parse("2025-01-01..2026-12-31")


def test_the_pilot_of_several_municipalities_is_the_one_they_share(settings):
    import datetime as dt

    settings.PILOT_PERIOD = "2025-01-01..2026-12-31"
    a = _Municipality(dt.date(2025, 3, 1), dt.date(2027, 2, 28))
    b = _Municipality(dt.date(2025, 3, 1), dt.date(2027, 2, 28))
    assert Period.pilot(a, b) == Period.pilot(a)
    # Different pilots: the installation's.
    assert Period.pilot(a, _Municipality()) == Period.parse("2025-01-01..2026-12-31")


@pytest.mark.parametrize(("one", "other", "overlap"), [
    ("2026", "2025-01-01..2026-01-01", True),
    ("2026", "2025", False),
    ("2026-Q2", "2026-06-30..2026-07-01", True),
    ("2026-Q2", "2026-07-01..2027-01-01", False),
    ("2024-01-01..2030-12-31", "2026-Q3", True),
])
def test_it_knows_whether_two_periods_share_a_day(one, other, overlap):
    assert Period.parse(one).overlaps(Period.parse(other)) is overlap
    assert Period.parse(other).overlaps(Period.parse(one)) is overlap
