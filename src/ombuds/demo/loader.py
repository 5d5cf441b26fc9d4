"""Load (and wipe) the demo data of ``ombuds load_demo``.

Configuration (office, municipalities, themes, organisations, users) is upserted, so a second
run changes nothing. Cases are created only when the demo municipalities have none, and
always through the services (``case_register``, ``case_assign``, ``timeline_entry_add``,
``case_transition``, ``decision_create`` / ``decision_update`` for the disputed decisions,
``application_create`` / ``application_update`` for the applications whose decision is late),
so their timeline, audit entries, references and legal deadlines are the real thing. A
complaint is opened only by the workflow, as staff would: the move into the complaint status
(variant 5, ``on=`` the date of receipt) or the registration of a request (variant 6); its
facts follow through ``complaint_update`` and ``element_create`` / ``element_update``, and the
closing move records the findings, the notice of not handling or the settlement.
The mediation work goes through the mediation services too:
``party_add``, ``consent_record`` / ``consent_revoke`` / ``consent_override_record``,
``meeting_record`` with its agreements (a meeting still to come: ``meeting_plan``) and
``agreement_status_change``, ``referral_create`` and
``referral_arrival_record``, ``partner_link_create`` / ``partner_answer_submit``,
``letter_create`` (a real PDF) and, after closure, ``survey_invite`` / ``survey_answer``.
With the cases come the demo signals, through ``signal_create``, ``signal_link_cases``,
``signal_link_create`` / ``signal_answer_submit``, ``signal_transition``,
``recommendation_add`` and ``recommendation_record_response``.

The services stamp changes with ``timezone.now()``. To spread the cases over the last 14
months, the clock is set to each event's moment while it is recorded (``_clock``); every
moment is computed from today's date, so the data looks current on any day it is loaded.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ombuds.accounts.models import Membership, User
from ombuds.cases.models import Attachment, Case, Person, ReferenceCounter, TimelineEntry
from ombuds.cases.services import (
    Closure,
    PersonData,
    case_assign,
    case_register,
    case_transition,
    timeline_entry_add,
)
from ombuds.core.chain import chain_rebuild
from ombuds.core.models import (
    AuditCheckpoint,
    AuditEntry,
    Domain,
    Municipality,
    Office,
    OutboxMessage,
    Theme,
    WorkflowDefinition,
)
from ombuds.correspondence.models import Letter as LetterRow
from ombuds.correspondence.models import LetterKind

try:  # the complaint letters (Awb 9:6-9:12), where this version has them
    from ombuds.correspondence.models import RESPONDENT_ONLY_LETTERS
except ImportError:  # pragma: no cover
    RESPONDENT_ONLY_LETTERS = ()
from ombuds.correspondence.rendering import pdf_available
from ombuds.correspondence.services import letter_create, letter_draft, letter_recipient
from ombuds.demo import data
from ombuds.demo.annual import load_annual_report, wipe_annual_reports
from ombuds.demo.spec import (
    Application,
    Complaint,
    Consent,
    Decision,
    DemoCase,
    Element,
    Entry,
    Letter,
    Meeting,
    Override,
    Party,
    Referral,
    Request,
    Resident,
    Step,
    Survey,
)
from ombuds.demo.stories_signals import SIGNALS, Advice, DemoSignal
from ombuds.demo.stories_steenwijkerland import CASES as STW_CASES
from ombuds.demo.stories_westerveld import CASES as WSV_CASES
from ombuds.demo.stories_zwartewaterland import CASES as ZWL_CASES
from ombuds.demo.volume import load_volume
from ombuds.domain.complaints import entry_status
from ombuds.insights.services import theme_model_train
from ombuds.mediation import models as mediation
from ombuds.mediation.partner import partner_answer_submit, partner_link_create
from ombuds.mediation.services import (
    AgreementData,
    agreement_status_change,
    consent_override_record,
    consent_record,
    consent_revoke,
    meeting_plan,
    meeting_record,
    party_add,
    referral_arrival_record,
    referral_create,
)
from ombuds.mediation.survey import survey_answer, survey_invite
from ombuds.privacy.models import AvgRequest
from ombuds.privacy.services import avg_request_create, person_erase
from ombuds.procedures.applications import application_create, application_update
from ombuds.procedures.complaints import complaint_of, element_create, element_update
from ombuds.procedures.services import (
    complaint_update,
    decision_create,
    decision_update,
)
from ombuds.records.models import Tombstone
from ombuds.signals.links import signal_answer_submit, signal_link_create
from ombuds.signals.models import Signal
from ombuds.signals.publication import signal_publication_update, signal_publish
from ombuds.signals.services import (
    recommendation_add,
    recommendation_record_response,
    signal_create,
    signal_link_cases,
    signal_transition,
)
from ombuds.socialmap.models import Organisation

ALL_CASES: list[DemoCase] = [*STW_CASES, *WSV_CASES, *ZWL_CASES]


@dataclass
class LoadResult:
    cases_created: int
    cases_present: int
    #: The earlier, closed cases of ``volume`` among them (counted in the two above).
    earlier_created: int = 0


@contextlib.contextmanager
def _clock(moment: datetime) -> Iterator[None]:
    """Let ``timezone.now()`` answer ``moment`` while the services record an event."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def _workflow(variant: int) -> WorkflowDefinition:
    return WorkflowDefinition.objects.filter(variant=variant).order_by("-version").first()


# --- configuration ------------------------------------------------------------------------
def load_configuration() -> dict[str, Municipality]:
    office, _ = Office.objects.update_or_create(
        name=data.OFFICE["name"], defaults={k: v for k, v in data.OFFICE.items() if k != "name"}
    )
    municipalities = {}
    fields = {f.name for f in Municipality._meta.get_fields()}
    for code, spec in data.MUNICIPALITIES.items():
        # The statutory ombudsman (``ombudsman_*``) where this installation knows the fields.
        ombudsman = {k: v for k, v in spec.items() if k.startswith("ombudsman_") and k in fields}
        municipalities[code], _ = Municipality.objects.update_or_create(
            cbs_code=code,
            defaults={"office": office, "name": spec["name"],
                      "reference_prefix": spec["reference_prefix"],
                      "workflow": _workflow(spec["variant"]),
                      "phone": spec["phone"], "email": spec["email"], **ombudsman},
        )
    domains = {d.code: d for d in Domain.objects.all()}
    for municipality in municipalities.values():
        for domain_code, names in data.THEMES.items():
            for name in names:
                Theme.objects.get_or_create(
                    municipality=municipality, domain=domains[domain_code], name=name
                )
    for spec in data.ORGANISATIONS:
        spec = dict(spec)
        codes = spec.pop("municipalities")
        organisation, _ = Organisation.objects.update_or_create(
            name=spec.pop("name"), defaults={**spec, "routes": [str(r) for r in spec["routes"]]}
        )
        organisation.municipalities.add(*(municipalities[c] for c in codes))
    for username, (first, last, memberships, is_staff) in data.USERS.items():
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "is_demo": True,
                      "is_staff": is_staff, "email": f"{username}@kopvanoverijssel.example"},
        )
        if not user.check_password(data.DEMO_PASSWORD):
            user.set_password(data.DEMO_PASSWORD)
            user.save(update_fields=["password"])
        for code, role in memberships:
            Membership.objects.get_or_create(
                user=user, municipality=municipalities[code], role=role
            )
    return municipalities


# --- cases ----------------------------------------------------------------------------------
def _person_data(resident: Resident) -> PersonData:
    return PersonData(
        name=resident.name, date_of_birth=resident.born, email=resident.email,
        phone=resident.phone, street=resident.street, postcode=resident.postcode,
        city=resident.city, preferred_channel=resident.preferred_channel,
        avoid_channels=list(resident.avoid_channels),
        interpreter_language=resident.interpreter_language,
        easy_language=resident.easy_language, accessibility_needs=resident.accessibility_needs,
    )


def _opened_at(spec: DemoCase, index: int, today) -> datetime:
    """Return when ``spec`` was opened: its day, at an office hour that varies per case."""
    day = today - timedelta(days=spec.opened_days_ago)
    minutes = 8 * 60 + 45 + (index * 37) % 420  # between 8:45 and 15:45
    return timezone.make_aware(datetime.combine(day, time(minutes // 60, minutes % 60)))


@dataclass(frozen=True)
class _Facts:
    """Recording a decision (``first``), or adding the dates learnt on a later day; or the
    facts of a complaint learnt on one day. ``fields`` maps model fields to case days (and,
    for a complaint, other fields to their values)."""

    procedure: Decision | Complaint | Application
    fields: dict[str, object]
    first: bool
    elements: tuple[Element, ...] = ()


def _procedure_facts(procedure: Decision | Application) -> list[tuple[int, _Facts]]:
    """Split a decision's or an application's facts into what is known on each case day."""
    return [(day, _Facts(procedure, fields, first=day == procedure.day))
            for day, fields in procedure.facts()]


def _complaint_facts(spec: DemoCase, complaint: Complaint) -> list[tuple[int, _Facts]]:
    """The complaint's facts per case day, from the day the workflow opened it; the elements
    are written on the day of judging."""
    entry = _entry_step(spec)
    facts = complaint.facts(entry.day if entry else 0)
    days = {day for day, _ in facts}
    if complaint.judged is not None and complaint.elements and complaint.judged not in days:
        facts = sorted([*facts, (complaint.judged, {})])
    return [(day, _Facts(complaint, fields, first=False,
                         elements=complaint.elements if day == complaint.judged else ()))
            for day, fields in facts]


def _entry_step(spec: DemoCase) -> Step | None:
    """The move into the complaint status of variant 5 (``klacht``), if the case makes it."""
    return next((step for step in spec.steps if step.target == "klacht"), None)


@dataclass(frozen=True)
class _Later:
    """What happens to a mediation item on a later day: a consent ``revoked``, an agreement
    ``checked``, a request ``answered``, a referral's ``arrival`` recorded, or the survey
    ``invited`` on the day the case closes."""

    what: str
    item: object


def _mediation_events(spec: DemoCase) -> list[tuple[int, int, object]]:
    """The mediation work in the order it happens within one day: parties first, then
    consent, meetings, checks, requests, referrals and letters."""
    agreements = [a for m in spec.meetings for a in m.agreements if a.status != "open"]
    groups: list[list[tuple[int, object]]] = [
        [(p.day, p) for p in spec.parties],
        [(o.day, o) for o in spec.overrides],
        [(c.day, c) for c in spec.consents],
        [(c.revoked, _Later("revoked", c)) for c in spec.consents if c.revoked is not None],
        [(m.day, m) for m in spec.meetings],
        [(a.checked, _Later("checked", a)) for a in agreements],
        [(r.day, r) for r in spec.requests],
        [(r.answered, _Later("answered", r)) for r in spec.requests if r.answered is not None],
        [(r.day, r) for r in spec.referrals],
        [(r.checked, _Later("arrival", r)) for r in spec.referrals if r.checked is not None],
        [(letter.day, letter) for letter in spec.letters],
    ]
    return [(day, 1, event) for group in groups for day, event in group]


def _events(spec: DemoCase) -> list[tuple[int, float, object]]:
    """Return the case's events as (day, order, event): assignment, the move that opens a
    complaint, entries, procedure facts and mediation work, then moves, then the survey after
    closure."""
    events: list[tuple[int, float, object]] = []
    if spec.assignee:
        events.append((spec.assigned_day, 0, "assign"))
    events += [(entry.day, 1, entry) for entry in spec.entries]
    for procedure in (*spec.decisions, *spec.applications):
        events += [(day, 1, facts) for day, facts in _procedure_facts(procedure)]
    for complaint in spec.complaints:
        events += [(day, 1, facts) for day, facts in _complaint_facts(spec, complaint)]
    events += _mediation_events(spec)
    # The move that opens the complaint (and those before it that day) precede its facts.
    entry = _entry_step(spec)
    opening = spec.steps.index(entry) if entry else -1
    events += [(step.day, 0.5 if i <= opening and step.day == entry.day else 2, step)
               for i, step in enumerate(spec.steps)]
    if spec.survey:
        closed = max(step.day for step in spec.steps if step.target == "afgesloten")
        events += [(closed, 3, _Later("invited", spec.survey)), (spec.survey.day, 3, spec.survey)]
    return sorted(events, key=lambda e: (e[0], e[1]))


def _closure(step: Step) -> Closure | None:
    if not (step.avoided or step.minutes is not None):
        return None
    return Closure(procedure_avoided=step.avoided, procedure_avoided_what=step.avoided_what,
                   minutes_spent=step.minutes)


class _Mediation:
    """Records a case's mediation work through the services, remembering what it made."""

    def __init__(self, *, case: Case, handler: User, opened: date, organisations,
                 today: date | None = None):
        self.case, self.handler, self.opened = case, handler, opened
        self.today = today or opened  # the day the demo is loaded (the clock is moved)
        self.organisations = organisations
        self.made: dict[int, object] = {}

    def day(self, day: int) -> date:
        return self.opened + timedelta(days=day)

    def workday(self, day: int) -> date:
        """The date of case day ``day``, moved on to Monday if it falls in a weekend (for due
        and check dates)."""
        moment = self.day(day)
        return moment + timedelta(days=(7 - moment.weekday()) % 7 if moment.weekday() > 4 else 0)

    @staticmethod
    def meeting_start(recorded: datetime) -> datetime:
        """When a meeting recorded at ``recorded`` took place: at 10:00 or 14:00 on that
        working day or the one before, never after it was recorded."""
        local = timezone.localtime(recorded)
        candidates = []
        for back in range(5):
            day = local.date() - timedelta(days=back)
            if day.weekday() < 5:
                candidates += [timezone.make_aware(datetime.combine(day, time(hour)))
                               for hour in (14, 10)]
        return next(c for c in candidates if c <= recorded)

    def upcoming(self, ahead: int) -> datetime:
        """10:00 on the ``ahead``-th working day after the day the demo is loaded."""
        day = self.today
        while ahead:
            day += timedelta(days=1)
            ahead -= day.weekday() < 5
        return timezone.make_aware(datetime.combine(day, time(10)))

    def party(self, name: str):
        return self.case.organisations.select_related("organisation").get(
            organisation__name=name)

    def record(self, event: object, moment: datetime) -> None:  # noqa: C901, PLR0912
        user, case = self.handler, self.case
        if isinstance(event, Party):
            party_add(user=user, case=case, organisation=self.organisations[event.organisation],
                      role=event.role, contact_person=event.contact_person,
                      contact_email=event.email, contact_phone=event.phone)
        elif isinstance(event, Override):
            consent_override_record(user=user, party=self.party(event.organisation),
                                    justification=event.justification)
        elif isinstance(event, Consent):
            self.made[id(event)] = consent_record(
                user=user, party=self.party(event.organisation), purpose=event.purpose,
                scope=event.scope, given_on=self.day(event.day), given_how=event.how,
                given_by=event.given_by, shares_story=event.story, shares_contact=event.contact)
        elif isinstance(event, Meeting) and event.ahead is not None:
            meeting_plan(
                user=user, case=case, kind=event.kind, starts_at=self.upcoming(event.ahead),
                duration_minutes=event.duration, place=event.place, video_url=event.video_url,
                parties=[self.party(name) for name in event.parties],
                resident_invited=event.resident_invited,
                representative_invited=event.representative_invited,
                other_participants=event.others)
        elif isinstance(event, Meeting):
            meeting = meeting_record(
                user=user, case=case, kind=event.kind, starts_at=self.meeting_start(moment),
                place=event.place,
                parties=[self.party(name) for name in event.parties],
                resident_present=event.resident_present, other_participants=event.others,
                minutes=event.minutes,
                agreements=[AgreementData(
                    description=a.description, due_on=self.workday(a.due), owner=a.owner,
                    party=self.party(a.organisation) if a.organisation else None)
                    for a in event.agreements])
            rows = list(meeting.agreements.order_by("id"))
            self.made.update({id(a): row for a, row in zip(event.agreements, rows, strict=True)})
        elif isinstance(event, Request):
            self.made[id(event)], _token = partner_link_create(
                user=user, case=case, party=self.party(event.organisation),
                purpose=event.purpose, question=event.question, valid_days=event.valid_days)
        elif isinstance(event, Referral):
            self.made[id(event)] = referral_create(
                user=user, case=case, route=event.route, referred_on=self.day(event.day),
                check_on=self.workday(event.check),
                organisation=self.organisations[event.organisation] if event.organisation
                else None, warm_handover=bool(event.handover),
                handover_summary=event.handover)
        elif isinstance(event, Letter):
            if not pdf_available():  # a machine without Pango still gets the rest of the demo
                return
            if event.kind not in LetterKind.values:  # a letter this version does not make yet
                return
            # The copy of a complaint goes to the beklaagde (Awb 9:9), every other to the resident.
            to = {"respondent": True} if event.kind in RESPONDENT_ONLY_LETTERS else {}
            # By post with a postal address, else by e-mail (a letter needs one of them).
            channels = letter_recipient(case=case, **to).channels()
            if not channels:
                return
            draft = letter_draft(case=case, kind=event.kind, **to)
            letter_create(user=user, case=case, kind=event.kind, channel=channels[0],
                          subject=draft.subject, body=draft.body, **to)
        elif isinstance(event, Survey):
            survey_answer(invitation=self.made["survey"], felt_heard=event.felt_heard,
                          problem_solved=event.problem_solved, grade=event.grade,
                          remark=event.remark)
        elif isinstance(event, _Later):
            self.later(event)

    def later(self, event: _Later) -> None:
        item, user = event.item, self.handler
        if event.what == "revoked":
            consent_revoke(user=user, consent=self.made[id(item)],
                           revoked_on=self.day(item.revoked))
        elif event.what == "checked":
            agreement_status_change(
                user=user, agreement=self.made[id(item)], status=item.status, note=item.note,
                due_on=self.workday(item.new_due) if item.new_due is not None else None)
        elif event.what == "answered":
            partner_answer_submit(link=self.made[id(item)], text=item.answer)
        elif event.what == "arrival":
            referral_arrival_record(user=user, referral=self.made[id(item)],
                                    arrived=item.arrived, checked_on=self.day(item.checked))
        elif event.what == "invited":
            self.made["survey"], _token, _mailed = survey_invite(case=self.case, user=user)


def _record(facts: _Facts, *, case: Case, user: User, opened: date, recorded: dict,
            organisations) -> None:
    """Record ``facts`` through the procedures services, which compute the deadlines."""
    procedure = facts.procedure
    if isinstance(procedure, Decision | Application):
        values = {name: opened + timedelta(days=value) if name.endswith(("_on", "_until"))
                  else value for name, value in facts.fields.items()}
        if isinstance(procedure, Decision):
            create, update, keyword = decision_create, decision_update, "decision"
            values = {**procedure.values(), **values} if facts.first else values
        else:
            create, update, keyword = application_create, application_update, "application"
        if facts.first:
            recorded[id(procedure)] = create(
                user=user, case=case, organisation=organisations[procedure.organisation],
                **values)
        else:
            update(user=user, **{keyword: recorded[id(procedure)]}, **values)
        return
    complaint = complaint_of(case)
    values = {}
    for name, value in facts.fields.items():
        if name.endswith(("_on", "_until")):
            value = opened + timedelta(days=value)
        elif name == "respondent_organisation":
            value = organisations[value] if value else None
        values[name] = value
    if values:
        complaint_update(user=user, complaint=complaint, **values)
    for element in facts.elements:
        row = element_create(user=user, complaint=complaint, description=element.description,
                             norm=element.norm)
        if element.judgment:
            element_update(user=user, element=row, judgment=element.judgment,
                           reasons=element.reasons)


def _register_case(spec: DemoCase, index: int, *, today, latest: datetime,
                   municipalities, users, persons, themes, organisations) -> Case:
    municipality = municipalities[spec.municipality]
    opened_at = min(_opened_at(spec, index, today), latest)
    registrar = users[spec.registered_by]
    handler = users[spec.assignee] if spec.assignee else users["ombudsman"]
    person = persons.get(spec.resident) if isinstance(spec.resident, str) else None
    with _clock(opened_at):
        case = case_register(
            user=registrar, municipality=municipality, channel=spec.channel,
            title=spec.title, story=spec.story, person=person,
            person_data=None if person else _person_data(spec.resident),
            representative_data=_person_data(spec.representative) if spec.representative
            else None,
            representative_relation=spec.relation, wish=spec.wish,
            route_tried=spec.route_tried, referred_by=spec.referred_by,
            sensitive_details=spec.sensitive_details, urgency=spec.urgency,
            domains=[d for code, d in themes["domains"].items() if code in spec.domains],
            themes=[themes[spec.municipality, name] for name in spec.themes],
            # An organisation that becomes a party with a contact person joins on its day.
            organisations=[organisations[name] for name in spec.organisations
                           if name not in {p.organisation for p in spec.parties}],
            opened_at=opened_at,
        )
    persons[spec.key] = case.person
    opened = timezone.localdate(opened_at)
    recorded: dict = {}
    mediation_work = _Mediation(case=case, handler=handler, opened=opened, today=today,
                                organisations=organisations)
    moment = opened_at
    for day, _order, event in _events(spec):
        # Events follow each other by at least 7 minutes and never lie in the future.
        planned = opened_at + timedelta(days=day, minutes=20)
        moment = min(max(planned, moment + timedelta(minutes=7)), latest)
        with _clock(moment):
            if event == "assign":
                case_assign(user=users["coordinator"], case=case, assignee=handler)
            elif isinstance(event, Entry):
                timeline_entry_add(
                    user=users[event.by] if event.by else handler, case=case,
                    kind=event.kind, summary=event.summary, body=event.body,
                    occurred_at=moment, sensitive=event.sensitive,
                    sent_to_resident=event.sent_to_resident,
                    files=[SimpleUploadedFile(name, text.encode(), "text/plain")
                           for name, text in event.attachments],
                )
            elif isinstance(event, _Facts):
                _record(event, case=case, user=handler, opened=opened, recorded=recorded,
                        organisations=organisations)
            elif isinstance(event, Step):
                received = None
                if spec.complaints and event.target == entry_status(
                        case.workflow.variant):
                    received = opened + timedelta(days=spec.complaints[0].received)
                case_transition(user=handler, case=case, target=event.target,
                                outcome=event.outcome, note=event.note,
                                closure=_closure(event), on=received, reason=event.reason)
            else:
                mediation_work.record(event, moment)
    return case


def _load_cases(municipalities: dict[str, Municipality]) -> dict[str, Case]:
    now = timezone.now()
    today = timezone.localdate(now)
    latest = now - timedelta(minutes=5)
    users = {u.username: u for u in User.objects.filter(username__in=data.USERS)}
    theme_index: dict = {
        (code, t.name): t
        for code, m in municipalities.items()
        for t in Theme.objects.filter(municipality=m).select_related("domain")
    }
    theme_index["domains"] = {d.code: d for d in Domain.objects.all()}
    organisations = {o.name: o for o in Organisation.objects.filter(
        name__in=[o["name"] for o in data.ORGANISATIONS])}
    persons: dict[str, Person] = {}
    # Oldest first, so references count up with the dates, as they would have.
    ordered = sorted(enumerate(ALL_CASES), key=lambda pair: -pair[1].opened_days_ago)
    return {
        spec.key: _register_case(spec, index, today=today, latest=latest,
                                 municipalities=municipalities, users=users, persons=persons,
                                 themes=theme_index, organisations=organisations)
        for index, spec in ordered
    }


# --- signals --------------------------------------------------------------------------------
def _signal_events(spec: DemoSignal) -> list[tuple[int, int, str, object]]:
    """Return the signal's events as (days ago, order, what, detail), oldest first; on one
    day: raising, linking, sharing, advice, the answer, measure, check, closing, responses."""
    events: list[tuple[int, int, str, object]] = [(spec.raised_days_ago, 0, "raise", None)]
    events += [(days, 1, "link", key) for key, days in spec.cases
               if days != spec.raised_days_ago]
    if spec.shared is not None:
        events.append((spec.shared, 2, "share", None))
    events += [(a.days_ago, 3, "advise", a) for a in spec.advice]
    for order, (what, step) in enumerate(
            (("answer", spec.answer), ("measure", spec.measure), ("check", spec.checked)), 4):
        if step is not None:
            events.append((step[0], order, what, step[1]))
    if spec.closed is not None:
        events.append((spec.closed, 7, "close", None))
    events += [(a.response.days_ago, 8, "respond", a) for a in spec.advice if a.response]
    return sorted(events, key=lambda e: (-e[0], e[1]))


def _load_signal(spec: DemoSignal, index: int, *, today: date, latest: datetime,
                 municipalities, cases: dict[str, Case]) -> Signal:
    municipality = municipalities[spec.municipality]
    user = User.objects.get(username=spec.by)
    organisation = Organisation.objects.get(name=spec.organisation)
    theme = Theme.objects.get(municipality=municipality, name=spec.theme)
    signal: Signal | None = None
    link = None
    made: dict[int, object] = {}
    for days, order, what, detail in _signal_events(spec):
        on = today - timedelta(days=days)
        moment = min(timezone.make_aware(datetime.combine(on, time(9 + index, 5 * order))),
                     latest)
        with _clock(moment):
            on = timezone.localdate()
            if what == "raise":
                signal = signal_create(
                    user=user, municipality=municipality, title=spec.title,
                    description=spec.description, organisation=organisation, theme=theme,
                    cases=[cases[key] for key, linked in spec.cases
                           if linked == spec.raised_days_ago],
                    raised_on=on)
            elif what == "link":
                signal_link_cases(user=user, signal=signal, cases=[cases[detail]])
            elif what == "share":
                link, _token = signal_link_create(user=user, signal=signal,
                                                  question=spec.question, valid_days=42)
            elif what == "advise":
                made[id(detail)] = recommendation_add(
                    user=user, signal=signal, addressee=detail.addressee, text=detail.text,
                    due_on=today - timedelta(days=detail.due))
            elif what == "answer":
                signal_answer_submit(link=link, text=detail)
            elif what in {"measure", "check"}:
                signal_transition(user=user, signal=signal,
                                  target="maatregel_genomen" if what == "measure"
                                  else "gecontroleerd", text=detail, on=on)
            elif what == "close":
                signal_transition(user=user, signal=signal, target="afgesloten", on=on)
            elif what == "respond":
                advice: Advice = detail
                recommendation_record_response(
                    user=user, recommendation=made[id(advice)],
                    adoption=advice.response.adoption, response=advice.response.text,
                    responded_on=on)
            signal.refresh_from_db()
    if spec.publication is not None:
        # Written and checked for publication after the last event, as the ombudsperson
        # would before a report; the check for personal data runs as in the page.
        with _clock(latest):
            signal_publication_update(
                user=user, signal=signal, public_title=spec.publication.title,
                public_text=spec.publication.text, public_response=spec.publication.response,
                recommendations={made[id(a)].pk: a.public for a in spec.advice if a.public})
            if spec.publication.publishable:
                signal_publish(user=user, signal=signal)
        signal.refresh_from_db()
    return signal


def _load_signals(municipalities: dict[str, Municipality], cases: dict[str, Case]) -> None:
    now = timezone.now()
    today = timezone.localdate(now)
    latest = now - timedelta(minutes=5)
    for index, spec in enumerate(SIGNALS):
        _load_signal(spec, index, today=today, latest=latest, municipalities=municipalities,
                     cases=cases)


def demo_signals():
    return Signal.objects.filter(municipality__cbs_code__in=data.MUNICIPALITIES)


# --- entry points -------------------------------------------------------------------------------
def demo_cases():
    return Case.objects.filter(municipality__cbs_code__in=data.MUNICIPALITIES)


@transaction.atomic
def _load_avg_requests(municipalities: dict[str, Municipality]) -> None:
    """Two AVG requests through the services: an open access request of a returning resident,
    and an erasure request refused because the retention term of a closed case runs."""
    if AvgRequest.objects.filter(municipality__cbs_code__in=data.MUNICIPALITIES).exists():
        return
    ombudsman = User.objects.get(username="ombudsman")
    today = timezone.localdate()
    gerrit = Person.objects.filter(name="Gerrit Kuipers").first()
    if gerrit is not None:
        avg_request_create(user=ombudsman, municipality=gerrit.cases.first().municipality,
                           person=gerrit, kind="inzage", received_on=today - timedelta(days=9),
                           description="Wil weten welke gegevens de ombudsfunctie over hem heeft.")
    closed = (demo_cases().filter(closed_at__isnull=False, representative=None)
              .exclude(person=gerrit).order_by("reference").first())
    if closed is not None:
        erasure = avg_request_create(
            user=ombudsman, municipality=closed.municipality, person=closed.person,
            kind="wissing", received_on=today - timedelta(days=20),
            description="Vraagt alle gegevens te verwijderen nu de zaak klaar is.")
        person_erase(user=ombudsman, request=erasure)


def load_demo() -> LoadResult:
    """Create or update the demo configuration; add the demo cases unless they are there;
    train every demo municipality's domain and theme suggestion on what is there."""
    municipalities = load_configuration()
    present = demo_cases().count()
    if present:
        _train_suggestions(municipalities)
        return LoadResult(cases_created=0, cases_present=present)
    cases = _load_cases(municipalities)
    _load_web_request(municipalities)
    if not demo_signals().exists():
        _load_signals(municipalities, cases)
    load_annual_report(cases)
    _load_avg_requests(municipalities)
    earlier = load_volume(municipalities, today=timezone.localdate())
    _train_suggestions(municipalities)
    created = len(cases) + 1 + earlier
    return LoadResult(cases_created=created, cases_present=created, earlier_created=earlier)


def _train_suggestions(municipalities: dict[str, Municipality]) -> None:
    """The suggestion at intake works from the first page view: the vocabulary and the
    closed demo cases, as the nightly worker task would train it."""
    for municipality in municipalities.values():
        theme_model_train(municipality=municipality)


def _load_web_request(municipalities: dict[str, Municipality]) -> Case:
    """One request sent with the public form (channel web, in the intake queue), so the case
    page shows the resident's status link and the button to revoke it."""
    from ombuds.public.services import RequestData, web_request_submit

    submitted = web_request_submit(client="demo", data=RequestData(
        municipality=municipalities[data.STW], submission_key="demo-webformulier",
        name="Sanne de Boer", phone="06 00 00 00 01", preferred_channel="telefoon",
        avoid_channels=["post"],
        story="Sinds de herindicatie krijg ik nog maar twee uur huishoudelijke hulp. Ik red "
              "het niet meer met mijn rug en niemand belt mij terug.",
        wish="Dat iemand opnieuw kijkt hoeveel hulp ik nodig heb.",
        decision_date=timezone.localdate() - timedelta(days=12)))
    return submitted.web_request.case


def _demo_addresses() -> set[str]:
    users = User.objects.filter(username__in=data.USERS).exclude(email="")
    organisations = Organisation.objects.filter(
        name__in=[o["name"] for o in data.ORGANISATIONS]).exclude(email="")
    return {*users.values_list("email", flat=True),
            *organisations.values_list("email", flat=True)}


@transaction.atomic
def wipe_demo() -> int:
    """Delete the demo signals and cases with their persons, timelines, attachments, letters,
    mediation work, outbox messages, reference counters and audit entries, and the demo municipalities'
    anonymous survey answers. Configuration and users stay (``load_demo`` updates them).

    Timeline and audit rows are append-only in the app; only this demo reset removes them,
    going through the plain base manager on purpose.
    """
    cases = demo_cases()
    case_ids = list(cases.values_list("pk", flat=True))
    person_ids = set(cases.values_list("person_id", flat=True)) | set(
        cases.exclude(representative=None).values_list("representative_id", flat=True)
    )
    # Signals protect nothing of a case but hold its links; their recommendations, links
    # and case links cascade. The e-mails they queued have no case.
    demo_signals().delete()
    wipe_annual_reports()
    OutboxMessage.objects.filter(case=None, to__in=_demo_addresses()).filter(
        Q(subject__startswith="Signaal van de sociale ombudsfunctie")
        | Q(subject__startswith="Antwoord op signaal")).delete()
    # Rows that protect the case, its parties or its consents go first; the rest cascades.
    LetterRow.objects.filter(case_id__in=case_ids).delete()
    mediation.Referral.objects.filter(case_id__in=case_ids).delete()
    mediation.Agreement.objects.filter(case_id__in=case_ids).delete()
    OutboxMessage.objects.filter(case_id__in=case_ids).delete()
    # Survey answers are anonymous; the demo municipalities hold nothing else.
    mediation.SurveyResponse.objects.filter(
        municipality__cbs_code__in=data.MUNICIPALITIES).delete()
    for attachment in Attachment.objects.filter(entry__case_id__in=case_ids):
        attachment.file.delete(save=False)
    Attachment.objects.filter(entry__case_id__in=case_ids).delete()
    TimelineEntry._base_manager.filter(case_id__in=case_ids).delete()
    Case._base_manager.filter(pk__in=case_ids).delete()
    AvgRequest.objects.filter(municipality__cbs_code__in=data.MUNICIPALITIES).delete()
    Person.objects.filter(pk__in=person_ids).delete()
    ReferenceCounter.objects.filter(municipality__cbs_code__in=data.MUNICIPALITIES).delete()
    AuditEntry._base_manager.filter(
        Q(municipality_code__in=data.MUNICIPALITIES) | Q(person_id__in=person_ids)
        | Q(username__in=data.USERS)
    ).delete()
    # Destroyed demo cases: their tombstones would collide with the references handed out anew.
    Tombstone.objects.filter(municipality__cbs_code__in=data.MUNICIPALITIES).delete()
    # Removing audit entries breaks the hash chain on purpose: chain what is left anew (demo
    # mode only; on a real installation this would hide tampering).
    AuditCheckpoint.objects.all().delete()
    chain_rebuild()
    return len(case_ids)
