"""The shape of one demo case: who, what, and what happened on which day after intake.

Days are counted from the day the case was opened, and ``opened_days_ago`` from the day the
demo is loaded, so the data looks current on any date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Resident:
    name: str
    born: date | None = None
    city: str = ""
    street: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    preferred_channel: str = ""
    avoid_channels: tuple[str, ...] = ()
    interpreter_language: str = ""
    easy_language: bool = False
    accessibility_needs: str = ""


@dataclass(frozen=True)
class Step:
    """A move through the case's workflow, by its handler."""

    day: int
    target: str
    outcome: str = ""
    note: str = ""


@dataclass(frozen=True)
class Entry:
    """A timeline entry (conversation, call, e-mail, note …); ``by`` defaults to the handler."""

    day: int
    kind: str
    summary: str
    body: str = ""
    sensitive: bool = False
    sent_to_resident: bool = False
    by: str = ""
    #: (file name, text) pairs attached to the entry, e.g. a letter as .txt.
    attachments: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DemoCase:
    key: str
    municipality: str  # CBS code
    opened_days_ago: int
    channel: str
    title: str
    story: str
    #: A new resident, or the ``key`` of an earlier case whose resident this is again.
    resident: Resident | str
    wish: str = ""
    route_tried: str = ""
    referred_by: str = ""
    representative: Resident | None = None
    relation: str = ""
    urgency: str = "normaal"
    domains: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    sensitive_details: str = ""
    registered_by: str = "secretariaat"
    #: Who handles the case; ``None`` leaves it in the intake queue (unassigned).
    assignee: str | None = "ombudsman"
    assigned_day: int = 0
    steps: tuple[Step, ...] = ()
    entries: tuple[Entry, ...] = field(default=())
