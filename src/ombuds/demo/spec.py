"""The shape of one demo case: who, what, and what happened on which day after intake.

Days are counted from the day the case was opened, and ``opened_days_ago`` from the day the
demo is loaded, so the data looks current on any date. The same goes for the dates of
disputed decisions and complaints: a "case day" (negative: before intake), so every legal
term lies at the same distance from the day of loading and shows the same watch state.
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
    """A move through the case's workflow, by its handler. The move into the complaint status
    of variant 5 records the complaint's ``received`` day (``Complaint``)."""

    day: int
    target: str
    outcome: str = ""
    note: str = ""
    #: Closing only: was a formal procedure avoided (ja / nee / onbekend), which one
    #: (bezwaar, klacht, beroep, ombudsman, anders), and the minutes spent on the case.
    avoided: str = ""
    avoided_what: str = ""
    minutes: int | None = None
    #: Closing with something still open (the closing check): why the case closes anyway.
    reason: str = ""


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
class Decision:
    """A disputed decision, recorded on case day ``day`` by the handler.

    Every date is a case day. Dates up to ``day`` are known when it is recorded; each later
    one is added on its own day, as the ombudsperson would hear of it. The posting date of
    the objection (Awb 6:9 lid 2) and the reason it was late (6:11) are learnt with its
    receipt; ``consent`` is (the day the objector agreed, the case day the decision may be
    delayed to), Awb 7:10 lid 4.
    """

    day: int
    organisation: str
    subject: str
    made_known: int
    objection_filed: int | None = None
    objection_posted: int | None = None
    lateness_reason: str = ""
    committee: bool = False
    postponed: int | None = None
    consent: tuple[int, int] | None = None
    objection_decided: int | None = None
    appeal_filed: int | None = None

    def values(self) -> dict:
        return {"subject": self.subject, "committee": self.committee}

    def dates(self) -> dict[str, int | None]:
        """Model field → case day."""
        return {"made_known_on": self.made_known, "objection_filed_on": self.objection_filed,
                "postponed_on": self.postponed, "objection_decided_on": self.objection_decided,
                "appeal_filed_on": self.appeal_filed}

    def facts(self) -> list[tuple[int, dict]]:
        """Return (case day, {model field: case day or text}) in the order they are learnt,
        none before ``day``. A field ending in ``_on`` or ``_until`` holds a case day."""
        by_day: dict[int, dict] = {self.day: {}}

        def learn(day: int | None, **values) -> None:
            if day is not None:
                by_day.setdefault(max(day, self.day), {}).update(values)

        for name, day in self.dates().items():
            learn(day, **{name: day})
        if self.objection_filed is not None:
            extra = {}
            if self.objection_posted is not None:
                extra["objection_posted_on"] = self.objection_posted
            if self.lateness_reason:
                extra["lateness_reason"] = self.lateness_reason
            learn(self.objection_filed, **extra)
        if self.consent:
            agreed, until = self.consent
            learn(agreed, delay_consent_on=agreed, delay_consented_until=until)
        return sorted(by_day.items())


@dataclass(frozen=True)
class Application:
    """An application or report of need of the resident (``kind``: a key of
    ``not_in_time.APPLICATION_KINDS``), recorded on case day ``day`` by the handler; the
    decision (or, for debt help, the first conversation), the notice of default and the
    appeal against not deciding in time are each added on their own case day."""

    day: int
    kind: str
    organisation: str
    subject: str
    submitted: int
    urgent: bool = False
    decided: int | None = None
    notice_of_default: int | None = None
    appeal_filed: int | None = None

    def facts(self) -> list[tuple[int, dict]]:
        """Return (case day, {model field: case day or value}) in the order they are learnt."""
        by_day: dict[int, dict] = {self.day: {
            "kind": self.kind, "subject": self.subject, "urgent": self.urgent,
            "submitted_on": self.submitted}}
        for name, day in (("decided_on", self.decided),
                          ("notice_of_default_on", self.notice_of_default),
                          ("appeal_filed_on", self.appeal_filed)):
            if day is not None:
                by_day.setdefault(max(day, self.day), {})[name] = day
        return sorted(by_day.items())


@dataclass(frozen=True)
class Element:
    """One element (klachtonderdeel) of a complaint and the judgment on it (Awb 9:12 lid 1);
    ``norm`` is the standard of proper conduct a variant-6 report judges it by."""

    description: str
    judgment: str = ""
    reasons: str = ""
    norm: str = ""


@dataclass(frozen=True)
class Hearing:
    """Hoor en wederhoor (Awb 9:10): invited on case day ``invited``, heard on ``day``; the
    report (lid 3) is written on ``reported`` (default: the day itself; ``None`` in
    ``report`` while it is still to be written)."""

    invited: int
    day: int | None = None
    heard: str = ""
    report: str = ""
    reported: int | None = None


@dataclass(frozen=True)
class Complaint:
    """The facts of the case's complaint (Awb chapter 9), each learnt on a case day.

    The complaint itself is opened by the workflow, never by the demo: in variant 5 the step
    into ``klacht`` records ``received`` as the date of receipt; in variant 6 registering the
    request opens it. The facts are then recorded with ``complaint_update`` and the element
    services, each on its own day, and the closing step records the date of the findings, the
    notice of not handling or the settlement. ``respondent`` is the beklaagde: (organisation
    of the social map, department, official). ``consent`` is (the day the complainant agreed
    in writing, the case day the handling may be delayed to), Awb 9:11 lid 3. ``judged`` is
    the day the elements, findings, conclusions and measures are written. Variant 6 only:
    ``internal_received`` / ``internal_findings`` are the days the municipality received the
    complaint and made its findings known; ``inadmissible`` is (day, ground).
    """

    subject: str
    received: int = 0
    conduct: str = ""
    conduct_on: int | None = None
    respondent: tuple[str, str, str] = ("", "", "")
    acknowledged: int | None = None
    copy_sent: int | None = None
    hearing: Hearing | None = None
    skip_hearing: tuple[int, str] | None = None
    postponed: int | None = None
    consent: tuple[int, int] | None = None
    not_handled: tuple[int, str, str] | None = None
    settlement: tuple[int, str] | None = None
    judged: int | None = None
    elements: tuple[Element, ...] = ()
    findings: str = ""
    conclusions: str = ""
    measures: str = ""
    internal_received: int | None = None
    internal_findings: int | None = None
    internal_committee: bool = False
    inadmissible: tuple[int, str] | None = None

    def facts(self, entry_day: int) -> list[tuple[int, dict]]:
        """Return (case day, {model field: value}) in the order they are learnt, none before
        ``entry_day`` (the complaint does not exist before). Fields ending in ``_on`` or
        ``_until`` hold a case day, the loader turns it into a date."""
        by_day: dict[int, dict] = {}

        def learn(day: int | None, **values) -> None:
            if day is not None:
                by_day.setdefault(max(day, entry_day), {}).update(values)

        organisation, department, official = self.respondent
        learn(entry_day, subject=self.subject, conduct=self.conduct,
              respondent_organisation=organisation, respondent_department=department,
              respondent_official=official)
        learn(self.conduct_on, conduct_on=self.conduct_on)
        learn(self.internal_received, internal_received_on=self.internal_received,
              internal_committee=self.internal_committee)
        learn(self.internal_findings, internal_findings_on=self.internal_findings)
        learn(self.acknowledged, acknowledged_on=self.acknowledged)
        learn(self.copy_sent, copy_sent_on=self.copy_sent)
        if self.hearing:
            h = self.hearing
            learn(h.invited, hearing_invited_on=h.invited)
            learn(h.day, hearing_on=h.day, hearing_heard=h.heard)
            if h.report and h.day is not None:
                learn(h.day if h.reported is None else h.reported, hearing_report=h.report)
        if self.skip_hearing:
            learn(self.skip_hearing[0], hearing_skipped_ground=self.skip_hearing[1])
        learn(self.postponed, postponed_on=self.postponed)
        if self.consent:
            agreed, until = self.consent
            learn(agreed, delay_consent_on=agreed, delay_consented_until=until)
        if self.not_handled:
            day, ground, reasons = self.not_handled
            learn(day, not_handled_ground=ground, not_handled_reasons=reasons)
        if self.settlement:
            learn(self.settlement[0], settlement=self.settlement[1])
        if self.inadmissible:
            learn(self.inadmissible[0], inadmissible_ground=self.inadmissible[1])
        if self.judged is not None and (self.findings or self.conclusions or self.measures):
            learn(self.judged, findings=self.findings, conclusions=self.conclusions,
                  measures=self.measures)
        return sorted(by_day.items())


@dataclass(frozen=True)
class Party:
    """An organisation of the social map added as a party on case day ``day``, with its
    contact person. An organisation named here is not linked at intake as well."""

    day: int
    organisation: str
    role: str = ""
    contact_person: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Consent:
    """The resident's consent for one party and purpose (``ConsentPurpose`` value), given on
    case day ``day`` (``how``: mondeling / schriftelijk / digitaal) and perhaps revoked."""

    day: int
    organisation: str
    purpose: str
    scope: str
    given_by: str
    how: str = "mondeling"
    story: bool = False
    contact: bool = False
    revoked: int | None = None


@dataclass(frozen=True)
class Override:
    """Sharing with a party without consent because of a vital interest, on case day ``day``."""

    day: int
    organisation: str
    justification: str


@dataclass(frozen=True)
class Agreement:
    """An agreement made in a meeting, due on case day ``due``. ``status`` other than open
    is recorded on case day ``checked`` (with ``note``; a changed one may get ``new_due``)."""

    description: str
    due: int
    organisation: str = ""  # the party that owns it; empty for the resident or ombudsfunctie
    owner: str = "partij"
    status: str = "open"
    checked: int | None = None
    note: str = ""
    new_due: int | None = None


@dataclass(frozen=True)
class Meeting:
    """A joint (``gezamenlijk``) or separate (``apart``) meeting held on case day ``day``,
    with its minutes and agreements. With ``ahead`` it is still to come: planned on case day
    ``day`` for ``ahead`` working days after the day the demo is loaded (at 10:00), with no
    minutes yet."""

    day: int
    kind: str
    place: str
    minutes: str
    parties: tuple[str, ...] = ()
    resident_present: bool = True
    others: str = ""
    agreements: tuple[Agreement, ...] = ()
    ahead: int | None = None
    duration: int = 60
    video_url: str = ""
    resident_invited: bool = True
    representative_invited: bool = False


@dataclass(frozen=True)
class Request:
    """A request to a party through a partner link (``purpose``: informatie / reactie /
    voorstel) on case day ``day``, answered on case day ``answered`` if at all."""

    day: int
    organisation: str
    purpose: str
    question: str
    valid_days: int = 14
    answered: int | None = None
    answer: str = ""


@dataclass(frozen=True)
class Referral:
    """A referral on case day ``day`` to ``route`` (a ``Route`` value), to be checked on case
    day ``check``; a warm handover when ``handover`` says what was passed on (it needs a
    ``warme_overdracht`` consent for that party). ``arrived`` is recorded on ``checked``."""

    day: int
    route: str
    check: int
    organisation: str = ""
    handover: str = ""
    arrived: str = ""
    checked: int | None = None


@dataclass(frozen=True)
class Letter:
    """A letter from the municipality's template (``LetterKind`` value), as PDF by post."""

    day: int
    kind: str


@dataclass(frozen=True)
class Survey:
    """The resident's anonymous answer to the survey after closure, on case day ``day``."""

    day: int
    felt_heard: str
    problem_solved: str
    grade: int
    remark: str = ""


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
    decisions: tuple[Decision, ...] = ()
    applications: tuple[Application, ...] = ()
    complaints: tuple[Complaint, ...] = ()
    parties: tuple[Party, ...] = ()
    consents: tuple[Consent, ...] = ()
    overrides: tuple[Override, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    requests: tuple[Request, ...] = ()
    referrals: tuple[Referral, ...] = ()
    letters: tuple[Letter, ...] = ()
    survey: Survey | None = None
