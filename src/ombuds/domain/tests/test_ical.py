"""The calendar file of a meeting (RFC 5545, RFC 5546): times, escaping, folding, method."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from ombuds.domain import ical

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 4, 20, 9, 30, tzinfo=AMSTERDAM)  # summer time: UTC+2
STAMP = datetime(2026, 4, 1, 12, 0, tzinfo=UTC)
OFFICE = ical.Person("Sociale ombudsfunctie Steenwijkerland", "ombuds@example.nl")


def event(**values) -> ical.Event:
    defaults = {"uid": "gesprek-7@ombuds.example.nl", "start": START,
                "end": START + timedelta(hours=1), "summary": "Gesprek (zaak STW-2026-0042)"}
    return ical.Event(**{**defaults, **values})


def lines(text: str) -> list[str]:
    """The content lines, unfolded (RFC 5545 §3.1)."""
    return text.replace("\r\n ", "").split("\r\n")


def test_it_gives_the_times_in_utc():
    text = ical.calendar(event(), stamp=STAMP)
    assert "DTSTART:20260420T073000Z" in lines(text)
    assert "DTEND:20260420T083000Z" in lines(text)
    assert "DTSTAMP:20260401T120000Z" in lines(text)


def test_it_gives_winter_time_one_hour_ahead_of_utc():
    winter = datetime(2026, 1, 12, 14, 0, tzinfo=AMSTERDAM)
    text = ical.calendar(event(start=winter, end=winter + timedelta(minutes=45)), stamp=STAMP)
    assert "DTSTART:20260112T130000Z" in lines(text)
    assert "DTEND:20260112T134500Z" in lines(text)


def test_it_refuses_a_naive_time_and_an_end_before_the_start():
    with pytest.raises(ValueError):
        ical.utc_stamp(datetime(2026, 4, 20, 9, 30))
    with pytest.raises(ValueError):
        ical.calendar(event(end=START), stamp=STAMP)


def test_it_is_one_event_with_every_required_property_and_crlf_line_ends():
    text = ical.calendar(event(), stamp=STAMP)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    found = lines(text)
    for required in ("VERSION:2.0", f"PRODID:{ical.PRODID}", "BEGIN:VEVENT", "END:VEVENT",
                     "UID:gesprek-7@ombuds.example.nl", "SEQUENCE:0", "STATUS:CONFIRMED"):
        assert required in found
    assert found.count("BEGIN:VEVENT") == 1


def test_an_invitation_to_an_address_is_a_request_with_organizer_and_attendee():
    text = ical.calendar(event(organizer=OFFICE,
                               attendee=ical.Person("Jan de Vries", "jan@example.nl")),
                         stamp=STAMP)
    found = lines(text)
    assert "METHOD:REQUEST" in found
    assert "ORGANIZER;CN=Sociale ombudsfunctie Steenwijkerland:mailto:ombuds@example.nl" in found
    assert any(line.startswith("ATTENDEE;CN=Jan de Vries;") and
               line.endswith(":mailto:jan@example.nl") for line in found)
    assert ical.method_of(text) == "REQUEST"


def test_without_an_attendee_address_it_is_published_not_requested():
    text = ical.calendar(event(organizer=OFFICE), stamp=STAMP)
    assert "METHOD:PUBLISH" in lines(text)
    assert not any(line.startswith("ATTENDEE") for line in lines(text))


def test_a_cancelled_meeting_is_a_cancel_with_status_cancelled():
    text = ical.calendar(event(organizer=OFFICE, attendee=ical.Person("A", "a@example.nl"),
                               cancelled=True, sequence=2), stamp=STAMP)
    assert {"METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:2"} <= set(lines(text))


@pytest.mark.parametrize(("raw", "escaped"), [
    ("Markt 1, Steenwijk", "Markt 1\\, Steenwijk"),
    ("a;b", "a\\;b"),
    ("C:\\pad", "C:\\\\pad"),
    ("regel 1\nregel 2", "regel 1\\nregel 2"),
    ("regel 1\r\nregel 2", "regel 1\\nregel 2"),
])
def test_text_is_escaped(raw, escaped):
    assert ical.escape_text(raw) == escaped
    assert f"LOCATION:{escaped}" in lines(ical.calendar(event(location=raw), stamp=STAMP))


def test_a_parameter_with_a_colon_or_comma_is_quoted_and_loses_its_double_quotes():
    assert ical.param_value("De Linde, zorg") == '"De Linde, zorg"'
    assert ical.param_value('Zeg "hallo"') == "Zeg hallo"
    assert ical.param_value("Jan") == "Jan"


def test_long_lines_fold_at_75_octets_without_splitting_a_character():
    summary = "Gesprek over de scootmobiel — één keer per week ✓ " * 6
    text = ical.calendar(event(summary=summary, location="Café ‘De Ûle’ " * 10), stamp=STAMP)
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
        line.encode("utf-8").decode("utf-8")  # every physical line is whole UTF-8
    assert f"SUMMARY:{ical.escape_text(summary)}" in lines(text)


def test_folding_a_short_line_changes_nothing():
    assert ical.fold("SUMMARY:kort") == "SUMMARY:kort"
    assert ical.fold("X" * 75) == "X" * 75
    assert ical.fold("X" * 76) == "X" * 75 + "\r\n X"


def test_a_video_meeting_carries_its_link_as_url():
    text = ical.calendar(event(url="https://meet.example.nl/abc?x=1;y=2"), stamp=STAMP)
    assert "URL:https://meet.example.nl/abc?x=1;y=2" in lines(text)


def test_the_same_moment_in_another_zone_gives_the_same_stamp():
    other = START.astimezone(timezone(timedelta(hours=-5)))
    assert ical.utc_stamp(other) == ical.utc_stamp(START) == "20260420T073000Z"
