"""A resident's reminder of one of their terms: asked for on the status page, e-mailed through
the outbox some working days before the term's legal last day.

What the e-mail may say follows the status-link e-mails (``email/status_link.txt``): the
case's reference, and no detail of the case; the subject names nothing. So the reminder
gives the date and sends the resident to their status page, which says what the term is and
what to do. The link itself cannot be in it: only its SHA-256 is kept.

Sent by ``term_reminders_send`` once a working day (``ombuds term_reminders --enqueue``, as
``deadline_digest`` and ``agreement_reminders``); each reminder once (``sent_at``, set in the
transaction that fills the outbox, on locked rows).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from ombuds.cases.models import ContactChannel, EntryKind
from ombuds.cases.services import timeline_entry_add
from ombuds.core.audit import Action, audit_log
from ombuds.core.db import lock_own_rows
from ombuds.core.outbox import outbox_enqueue
from ombuds.domain.deadlines import DEFAULT_CALENDAR, HolidayCalendar
from ombuds.procedures.models import Deadline
from ombuds.procedures.selectors import holiday_calendar
from ombuds.public.models import TermReminder, WebRequest
from ombuds.public.terms import (
    RESIDENT_KINDS,
    ResidentTerm,
    day_text,
    resident_deadlines,
    resident_terms,
)

#: How many working days before a term's legal last day the reminder goes out.
REMINDER_WORKING_DAYS = 5
SUBJECT = {"nl": "Herinnering: een termijn loopt bijna af",
           "en": "Reminder: a term is about to end"}


def remind_on(end: date, working_days: int = REMINDER_WORKING_DAYS,
              calendar: HolidayCalendar | None = None) -> date:
    """The day ``working_days`` working days (not Saturday, Sunday or an Atw holiday) before
    ``end``: a term ending Monday 4 January 2027 is reminded on Thursday 24 December 2026."""
    calendar = calendar or DEFAULT_CALENDAR
    day, counted = end, 0
    while counted < working_days:
        day -= timedelta(days=1)
        if not calendar.is_rest_day(day):
            counted += 1
    return day


def reminder_day(reminder: TermReminder, calendar: HolidayCalendar | None = None) -> date:
    """The day ``reminder`` goes out, from its term's legal last day as it is now."""
    return remind_on(reminder.deadline.end, reminder.working_days,
                     calendar or holiday_calendar())


def reminder_email_to(web_request: WebRequest) -> str:
    """Where a reminder goes: the resident's address, else that of the person who asked for
    them (the representative); never to someone who asked not to be e-mailed."""
    case = web_request.case
    for person in (case.person, case.representative):
        if person is not None and person.email and \
                ContactChannel.EMAIL not in (person.avoid_channels or []):
            return person.email
    return ""


def _nl_day(day: date) -> str:
    with translation.override("nl"):
        return day_text(day)


def _audit(web_request: WebRequest, event: str, deadline: Deadline) -> None:
    case = web_request.case
    audit_log(user=None, action=Action.CREATE if event.endswith("requested") else Action.EXECUTE,
              event=event, obj=case, object_label=case.reference, person_id=case.person_id,
              municipality_code=case.municipality.cbs_code, on_behalf_of="inwoner (statuslink)",
              authorisation="privélink van de inwoner",
              details={"web_request": web_request.pk, "deadline": deadline.pk})


@transaction.atomic
def term_reminder_request(*, web_request: WebRequest, deadline_id: int, today: date,
                          calendar: HolidayCalendar | None = None) -> TermReminder:
    """The resident asks, on their status page, to be e-mailed before the term ``deadline_id``
    of their case ends. Refused (``ValidationError``, in the page's language) for a term that
    is not theirs or not open, without an e-mail address, or when the reminder day has come.
    Asking twice keeps the one reminder."""
    from ombuds.public.services import web_intake_user

    calendar = calendar or holiday_calendar()
    deadline = resident_deadlines(web_request.case).filter(pk=deadline_id).first()
    if deadline is None:
        raise ValidationError(gettext("Deze termijn kunnen wij niet vinden."))
    if not reminder_email_to(web_request):
        raise ValidationError(gettext(
            "Wij hebben geen e-mailadres van u, of u wilt geen e-mail. Neem contact met ons op "
            "als u toch een herinnering wilt."))
    if remind_on(deadline.end, calendar=calendar) <= today:
        raise ValidationError(gettext(
            "Deze termijn loopt binnen %(days)s werkdagen af. Een herinnering komt dan te laat: "
            "kom nu in actie.") % {"days": REMINDER_WORKING_DAYS})
    reminder, created = TermReminder.objects.get_or_create(
        web_request=web_request, deadline=deadline,
        defaults={"working_days": REMINDER_WORKING_DAYS})
    if created:
        with translation.override("nl"):
            what = str(RESIDENT_KINDS[deadline.kind].what).lower()
        timeline_entry_add(
            user=web_intake_user(), case=web_request.case, kind=EntryKind.NOTE,
            summary="Herinnering gevraagd door de inwoner",
            body=(f"De inwoner vroeg op de statuspagina om een e-mail {REMINDER_WORKING_DAYS} "
                  f"werkdagen voor het einde van de termijn ({what}, wettelijke laatste dag "
                  f"{_nl_day(deadline.end)})."))
        _audit(web_request, "term_reminder.requested", deadline)
    return reminder


def reminder_body(reminder: TermReminder) -> str:
    """The e-mail in the resident's language: the date and the reference, no case detail."""
    web_request = reminder.web_request
    case = web_request.case
    with translation.override(web_request.language):
        return render_to_string("public/email/term_reminder.txt", {
            "case": case, "day": day_text(reminder.deadline.end),
            "office": case.municipality.office})


@transaction.atomic
def term_reminders_send(*, today: date, calendar: HolidayCalendar | None = None) -> int:
    """Queue in the outbox every reminder whose day has come, for a term still open and not
    past, on a status link still valid; mark it sent. Returns the number of e-mails."""
    calendar = calendar or holiday_calendar()
    pending = lock_own_rows(TermReminder.objects.filter(
        sent_at__isnull=True, deadline__met_on__isnull=True, deadline__end__gte=today,
        web_request__revoked_at__isnull=True,
    ).select_related("deadline", "web_request__case__municipality__office",
                     "web_request__case__person", "web_request__case__representative"))
    sent = 0
    for reminder in pending:
        if remind_on(reminder.deadline.end, reminder.working_days, calendar) > today:
            continue
        to = reminder_email_to(reminder.web_request)
        if not to:
            continue
        language = reminder.web_request.language
        outbox_enqueue(to=to, subject=SUBJECT.get(language, SUBJECT["nl"]),
                       body=reminder_body(reminder), case=reminder.web_request.case)
        reminder.sent_at = timezone.now()
        reminder.save(update_fields=["sent_at"])
        _audit(reminder.web_request, "term_reminder.queued", reminder.deadline)
        sent += 1
    return sent


@dataclass(frozen=True)
class StatusTerm:
    """A term on the status page with its reminder: asked for (and when it goes out), or
    offered when the resident can still be reminded in time."""

    term: ResidentTerm
    reminder: TermReminder | None
    remind_on: date | None
    can_ask: bool


def status_terms(web_request: WebRequest, *, today: date,
                 calendar: HolidayCalendar | None = None) -> list[StatusTerm]:
    calendar = calendar or holiday_calendar()
    asked = {r.deadline_id: r for r in web_request.term_reminders.all()}
    mailable = bool(reminder_email_to(web_request))
    rows = []
    for term in resident_terms(web_request.case, today=today):
        reminder = asked.get(term.deadline.pk)
        day = remind_on(term.deadline.end, reminder.working_days if reminder
                        else REMINDER_WORKING_DAYS, calendar)
        rows.append(StatusTerm(term=term, reminder=reminder, remind_on=day,
                               can_ask=mailable and reminder is None and day > today))
    return rows
