"""A calendar invitation as an iCalendar file (RFC 5545), with the iTIP method (RFC 5546).

One ``VEVENT`` per file, the times in UTC (RFC 5545 §3.3.5, form #2), so no ``VTIMEZONE``
is needed and every calendar shows the local time itself. Text values are escaped (§3.3.11)
and every content line is folded at 75 octets without splitting a UTF-8 character (§3.1).

With an attendee's e-mail address the file is a ``METHOD:REQUEST`` (an invitation the
attendee's calendar can accept; RFC 5546 §3.2.2 wants ORGANIZER and ATTENDEE then); without
one it is a ``METHOD:PUBLISH`` (an event to add to one's own calendar).

A calendar file travels and is kept by others: the summary names no person, the caller keeps
personal data out of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

PRODID = "-//Sociale ombudsfunctie//Ombuds//NL"
CRLF = "\r\n"
#: A content line is at most this many octets before its line break (RFC 5545 §3.1).
LINE_OCTETS = 75
CONTENT_TYPE = "text/calendar"


@dataclass(frozen=True)
class Person:
    """An organiser or attendee: a display name and an e-mail address."""

    name: str
    email: str


@dataclass(frozen=True)
class Event:
    """One meeting. ``start`` and ``end`` are aware datetimes; ``sequence`` goes up each time
    the meeting moves, so calendars replace the earlier version (RFC 5545 §3.8.7.4)."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    location: str = ""
    url: str = ""
    description: str = ""
    organizer: Person | None = None
    attendee: Person | None = None
    sequence: int = 0
    cancelled: bool = False


def utc_stamp(moment: datetime) -> str:
    """``20260420T073000Z``: a DATE-TIME in UTC (RFC 5545 §3.3.5, form #2)."""
    if moment.tzinfo is None:
        raise ValueError("A calendar time needs a time zone.")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def param_value(value: str) -> str:
    """A parameter value (RFC 5545 §3.2): quoted when it holds ``:``, ``;`` or ``,``. A
    double quote cannot occur in one at all, and control characters are dropped."""
    value = "".join(ch for ch in value if ch >= " " and ch != '"' and ch != "\x7f")
    return f'"{value}"' if any(ch in value for ch in ":;,") else value


def fold(line: str) -> str:
    """Fold one content line into lines of at most 75 octets, each continuation starting with
    a space (RFC 5545 §3.1), never splitting a multi-octet UTF-8 character."""
    parts: list[str] = []
    current, size = "", 0
    limit = LINE_OCTETS
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size = " ", 1  # the space of the continuation counts (§3.1)
        current += ch
        size += width
    parts.append(current)
    return CRLF.join(parts)


def _mailto(person: Person) -> str:
    return f"mailto:{person.email}"


def calendar(event: Event, *, stamp: datetime) -> str:
    """Return the iCalendar text of ``event`` (CRLF line ends, folded), stamped ``stamp``
    (DTSTAMP: when this file was made)."""
    if event.end <= event.start:
        raise ValueError("A meeting ends after it starts.")
    request = event.attendee is not None and bool(event.attendee.email) and \
        event.organizer is not None and bool(event.organizer.email)
    method = "CANCEL" if event.cancelled and request else ("REQUEST" if request else "PUBLISH")
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{utc_stamp(stamp)}",
        f"DTSTART:{utc_stamp(event.start)}",
        f"DTEND:{utc_stamp(event.end)}",
        f"SEQUENCE:{event.sequence}",
        f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.organizer is not None and event.organizer.email:
        lines.append(f"ORGANIZER;CN={param_value(event.organizer.name)}:"
                     f"{_mailto(event.organizer)}")
    if request:
        lines.append(f"ATTENDEE;CN={param_value(event.attendee.name)};ROLE=REQ-PARTICIPANT;"
                     f"PARTSTAT=NEEDS-ACTION;RSVP=FALSE:{_mailto(event.attendee)}")
    lines += ["TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + CRLF for line in lines)


def method_of(text: str) -> str:
    """The METHOD of a calendar text made by ``calendar`` (for the e-mail's content type)."""
    for line in text.split(CRLF):
        if line.startswith("METHOD:"):
            return line.split(":", 1)[1]
    return "PUBLISH"
