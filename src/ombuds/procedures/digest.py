"""The daily deadline digest: one e-mail per person per day with the deadline events of today.

An *event* is an open, watched deadline of an open case reaching a watch state that asks for
attention ("warning", "urgent" or "passed") for a given legal end. That includes the decision
terms of applications and the office's promise of first contact (worded as a promise, not a
legal term); information-only rows (the penalty as it would run, a resident's year limits)
are never reported. Each event is reported
to a person once: a ``DeadlineAlert`` row records it, and its unique constraint
(deadline, recipient, state, end) makes a second run find nothing new. A deadline that
moves from warning to urgent, or whose end moves (a designated day added), is a new event.

Who hears about it: the case's handler (assignee); for an unassigned case, or one whose
handler's account was deactivated, every active ombudsfunctionaris of the municipality.

**Sending and crashes.** Per recipient, one transaction creates the ``DigestSent`` row of the
day and the alert rows, writes the audit entry, and *then* hands the message to the SMTP
server as its last step:

- the SMTP server refuses or cannot be reached → the transaction rolls back, nothing is
  recorded, and the next run (or the next day) reports the same events: none is lost;
- a second run the same day, or a second worker at the same time, finds the ``DigestSent``
  row (the unique constraint makes the second one wait for, then see, the first) and sends
  nothing: no duplicates;
- the one window left is a crash after the SMTP server accepted the message but before the
  commit: then the events are reported again the next run. We accept a rare duplicate
  reminder rather than risk a lost one — the reverse order (commit, then send) would turn
  that window into a silently missing warning about a resident's legal term.

The e-mail holds references, deadline names, dates and links only: never a name, a story or
what the decision was about (the subject holds only a count).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string

from ombuds import deadlines as rules
from ombuds.accounts.models import Membership, User
from ombuds.accounts.roles import Role
from ombuds.core.audit import Action, audit_log
from ombuds.core.models import Office
from ombuds.procedures.models import Deadline, DeadlineAlert, DeadlineKind, DigestSent
from ombuds.procedures.selectors import deadline_state, holiday_calendar

logger = logging.getLogger(__name__)

#: The watch states that go into the digest, in the words of the badges on the case page.
STATE_WORDS = {
    rules.WARNING: "Let op: de uiterste datum nadert",
    rules.URGENT: "Urgent: nog enkele werkdagen, of de uiterste datum is al voorbij",
    rules.PASSED: "Verlopen: de wettelijke termijn is voorbij",
}
#: The same states for the office's own promise of first contact: not a statutory term, so the
#: e-mail does not call it one, nor give it a "legal last day".
PROMISE_STATE_WORDS = {
    rules.WARNING: "Let op: de beloofde datum voor het eerste contact nadert",
    rules.URGENT: "Urgent: nog enkele werkdagen, of de beloofde datum is al voorbij",
    rules.PASSED: "Verlopen: het beloofde eerste contact is niet op tijd geweest",
}
#: Terms that are a promise of the office rather than the law.
PROMISES = {DeadlineKind.FIRST_CONTACT}
SUBJECT = "Ombuds: termijnen om op te letten ({count})"


class DigestNotSent(Exception):
    """One or more digests could not be handed to the SMTP server; they are retried next run."""


@dataclass(frozen=True)
class DigestItem:
    """One deadline event for one recipient."""

    deadline: Deadline
    state: str

    @property
    def key(self) -> tuple[int, str, date]:
        return (self.deadline.pk, self.state, self.deadline.end)

    @property
    def is_promise(self) -> bool:
        """Whether it is the office's own promise (first contact), not a statutory term."""
        return self.deadline.kind in PROMISES

    @property
    def state_words(self) -> str:
        return (PROMISE_STATE_WORDS if self.is_promise else STATE_WORDS)[self.state]


def _candidates(today: date):
    """Open, watched deadlines of open cases whose legal end is near enough to matter.

    A deadline in the warning window lies at most ``deadline_warning_days`` working days
    before its raw end; twice that in calendar days plus three weeks covers weekends, a run
    of holidays and the Atw extension from raw to legal end.
    """
    widest = Office.objects.aggregate(days=Max("deadline_warning_days"))["days"] or 0
    horizon = today + timedelta(days=2 * widest + 21)
    return (Deadline.objects
            .filter(watched=True, met_on__isnull=True, end__lte=horizon,
                    case__closed_at__isnull=True)
            .select_related("case__municipality__office", "case__assignee")
            .order_by("end", "raw_end", "case__reference", "id"))


def _ombudspersons(municipality_ids: set[int]) -> dict[int, list[User]]:
    found: dict[int, list[User]] = defaultdict(list)
    memberships = (Membership.objects
                   .filter(role=Role.OMBUDSPERSON, municipality_id__in=municipality_ids,
                           user__is_active=True)
                   .select_related("user").order_by("user_id"))
    for membership in memberships:
        found[membership.municipality_id].append(membership.user)
    return found


def digest_collect(*, today: date) -> dict[User, list[DigestItem]]:
    """Return, per recipient, the deadline events that are new on ``today``.

    Nearest legal end first. An event already reported to that recipient (a
    ``DeadlineAlert`` for the same deadline, state and end) is left out.
    """
    calendar = holiday_calendar()
    events: list[DigestItem] = []
    for deadline in _candidates(today):
        state = deadline_state(raw_end=deadline.raw_end, end=deadline.end,
                               office=deadline.case.municipality.office, calendar=calendar,
                               today=today)
        if state in STATE_WORDS:
            events.append(DigestItem(deadline=deadline, state=state))
    if not events:
        return {}
    unassigned = {e.deadline.case.municipality_id for e in events
                  if not (e.deadline.case.assignee and e.deadline.case.assignee.is_active)}
    ombudspersons = _ombudspersons(unassigned)
    reported = set(DeadlineAlert.objects
                   .filter(deadline_id__in={e.deadline.pk for e in events})
                   .values_list("recipient_id", "deadline_id", "state", "end"))
    digests: dict[User, list[DigestItem]] = defaultdict(list)
    for event in events:
        case = event.deadline.case
        if case.assignee and case.assignee.is_active:
            recipients = [case.assignee]
        else:
            recipients = ombudspersons.get(case.municipality_id, [])
        for recipient in recipients:
            if (recipient.pk, *event.key) not in reported:
                digests[recipient].append(event)
    return dict(digests)


def _cases(items: list[DigestItem]) -> list[dict]:
    """Group the items per case, the case with the nearest legal end first."""
    cases: dict[str, dict] = {}
    for item in items:
        reference = item.deadline.case.reference
        case = cases.setdefault(reference, {
            "reference": reference, "url": f"{settings.BASE_URL}/werk/zaken/{reference}/",
            "items": []})
        case["items"].append({
            "name": item.deadline.name, "state": item.state_words, "basis": item.deadline.basis,
            "promise": item.is_promise,
            "raw_end": rules.nl_date(item.deadline.raw_end, weekday=True),
            "end": rules.nl_date(item.deadline.end, weekday=True),
        })
    return list(cases.values())


def digest_message(*, recipient: User, items: list[DigestItem], today: date) -> EmailMessage:
    """Build the digest e-mail: references, deadline names, states, dates and links only."""
    body = render_to_string("procedures/email/deadline_digest.txt", {
        "today": rules.nl_date(today, weekday=True), "count": len(items), "cases": _cases(items),
        "base_url": settings.BASE_URL,
    })
    return EmailMessage(subject=SUBJECT.format(count=len(items)), body=body,
                        to=[recipient.email])


@transaction.atomic
def _digest_send_one(*, recipient: User, items: list[DigestItem], today: date) -> bool:
    """Record and send one recipient's digest of ``today``; False if there was nothing to do."""
    digest, created = DigestSent.objects.get_or_create(recipient=recipient, day=today,
                                                       defaults={"items": len(items)})
    if not created:
        return False
    # Seen again under the digest's lock: a run that raced this one may have reported some.
    reported = set(DeadlineAlert.objects
                   .filter(recipient=recipient, deadline_id__in={i.deadline.pk for i in items})
                   .values_list("deadline_id", "state", "end"))
    items = [item for item in items if item.key not in reported]
    if not items:
        transaction.set_rollback(True)
        return False
    if digest.items != len(items):
        digest.items = len(items)
        digest.save(update_fields=["items"])
    DeadlineAlert.objects.bulk_create(
        DeadlineAlert(deadline=item.deadline, recipient=recipient, state=item.state,
                      end=item.deadline.end, digest_on=today)
        for item in items
    )
    audit_log(user=None, action=Action.EXECUTE, event="deadline.digest_sent", obj=digest,
              details={"recipient": recipient.pk, "items": len(items)})
    # Last: if the SMTP server refuses, every row above rolls back and the next run retries.
    digest_message(recipient=recipient, items=items, today=today).send()
    return True


def digest_send(*, today: date) -> int:
    """Send each recipient one e-mail with the deadline events new on ``today``.

    Returns the number of digests sent. At most one per recipient per day, however often
    it runs (see the module docstring for what a crash does). A recipient without an
    e-mail address is skipped and keeps their events for when they have one. When a
    message cannot be sent the others still go; ``DigestNotSent`` is raised afterwards so
    the task worker records the failure.
    """
    sent, failed = 0, []
    for recipient, items in digest_collect(today=today).items():
        if not recipient.email:
            logger.warning("Deadline digest skipped: user %s has no e-mail address", recipient.pk)
            continue
        try:
            sent += _digest_send_one(recipient=recipient, items=items, today=today)
        except OSError as error:  # smtplib.SMTPException is an OSError, as is a refused connection
            logger.error("Deadline digest to user %s not sent: %s", recipient.pk,
                         type(error).__name__)
            failed.append(recipient.pk)
    if failed:
        raise DigestNotSent(f"{len(failed)} digest(s) not sent; they are retried on the next run")
    return sent
