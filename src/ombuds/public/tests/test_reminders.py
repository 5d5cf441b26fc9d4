"""A resident asks on the status page to be e-mailed before a term of theirs ends; the daily
run sends it once, through the outbox, without case details (issue 14)."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from ombuds.cases.models import Case
from ombuds.core.models import AuditEntry, OutboxMessage
from ombuds.procedures.models import Deadline, DeadlineKind
from ombuds.procedures.services import decision_update
from ombuds.public.models import TermReminder
from ombuds.public.reminders import remind_on, term_reminders_send
from ombuds.public.services import status_link_issue
from ombuds.public.tasks import send_term_reminders
from ombuds.public.tests.test_request_form import URL, filled, form_key
from ombuds.public.tests.test_terms import LETTER, status_link

pytestmark = pytest.mark.django_db

TODAY = "2026-12-07 10:00 +01:00"


def sent(url=URL, **changes) -> tuple[Case, Client, str]:
    """A request with a decision of 20 November 2026 (legal last day Monday 4 January 2027);
    returns the case and a browser on its status page."""
    client = Client()
    html = client.post(url, filled(form_key(client, url), decision="ja", decision_date=LETTER,
                                   **changes), follow=True).content.decode()
    case = Case.objects.latest("id")
    visitor = Client()
    page = visitor.get(status_link(html))["Location"]
    return case, visitor, page


def ask(visitor: Client, page: str, deadline: Deadline):
    return visitor.post(page + "herinnering/", {"deadline": deadline.pk}, follow=True)


def objection(case: Case) -> Deadline:
    return Deadline.objects.get(case=case, kind=DeadlineKind.OBJECTION)


def test_the_reminder_day_counts_working_days_back_over_christmas():
    # Thu 31, Wed 30, Tue 29, Mon 28 December; Christmas Friday and the weekend do not count.
    assert remind_on(date(2027, 1, 4)) == date(2026, 12, 24)


@time_machine.travel(TODAY)
def test_a_resident_asks_for_a_reminder_and_gets_it_once_without_case_details(office):
    case, visitor, page = sent()
    assert "Stuur mij op donderdag 24 december 2026 een herinnering per e-mail" in \
        visitor.get(page).content.decode()
    response = ask(visitor, page, objection(case))
    html = response.content.decode()
    assert "Wij sturen u op donderdag 24 december 2026 een e-mail als herinnering." in html
    assert "U krijgt op donderdag 24 december 2026 een e-mail als herinnering." in html
    assert ask(visitor, page, objection(case)).status_code == 200
    assert TermReminder.objects.count() == 1, "asking twice keeps one reminder"
    assert AuditEntry.objects.filter(event="term_reminder.requested",
                                     object_label=case.reference).count() == 1
    assert case.timeline.filter(summary="Herinnering gevraagd door de inwoner").exists()
    confirmation = OutboxMessage.objects.get()

    assert term_reminders_send(today=date(2026, 12, 23)) == 0
    assert term_reminders_send(today=date(2026, 12, 24)) == 1
    assert term_reminders_send(today=date(2026, 12, 28)) == 0, "once"
    message = OutboxMessage.objects.exclude(pk=confirmation.pk).get()
    assert message.to == "fenna@example.nl" and message.case == case
    assert message.subject == "Herinnering: een termijn loopt bijna af"
    assert "maandag 4 januari 2027" in message.body and case.reference in message.body
    for detail in ("bezwaar", "Bezwaar", "besluit", "Fenna", "huishoudelijke", "/status/"):
        assert detail not in message.body
    assert AuditEntry.objects.filter(event="term_reminder.queued").count() == 1
    assert "Wij hebben u een herinnering gemaild." in visitor.get(page).content.decode()


@time_machine.travel(TODAY)
def test_an_english_resident_gets_an_english_reminder_from_the_daily_task(office):
    case, visitor, page = sent(url="/en" + URL)
    ask(visitor, page, objection(case))
    assert send_term_reminders.call(today="2026-12-24") == 1
    message = OutboxMessage.objects.filter(case=case).latest("id")
    assert message.subject == "Reminder: a term is about to end"
    assert "A term we are watching for you ends on Monday 4 January 2027." in message.body


@time_machine.travel(TODAY)
def test_a_reminder_moves_with_a_corrected_date_and_stops_once_the_term_is_met(office):
    case, visitor, page = sent()
    ask(visitor, page, objection(case))
    decision = case.decisions.get()
    # Staff correct the date: 27 November, legal last day Friday 8 January 2027.
    decision_update(user=office.ombudsman, decision=decision, made_known_on=date(2026, 11, 27))
    assert term_reminders_send(today=date(2026, 12, 24)) == 0
    decision_update(user=office.ombudsman, decision=decision, objection_filed_on=date(2026, 12, 7))
    assert term_reminders_send(today=date(2026, 12, 31)) == 0, "the objection was made"
    assert not TermReminder.objects.filter(sent_at__isnull=False).exists()


@time_machine.travel(TODAY)
def test_the_daily_command_sends_due_reminders(office, capsys):
    case, visitor, page = sent()
    ask(visitor, page, objection(case))
    with time_machine.travel("2026-12-24 07:05 +01:00"):
        call_command("term_reminders")
    assert "Term reminders queued in the outbox: 1." in capsys.readouterr().out


@time_machine.travel(TODAY)
def test_no_reminder_without_an_e_mail_address(office):
    case, visitor, page = sent(email="", phone="06 1234 5678")
    html = visitor.get(page).content.decode()
    assert 'data-term-kind="bezwaar"' in html and "herinnering per e-mail" not in html
    refused = ask(visitor, page, objection(case)).content.decode()
    assert "Wij hebben geen e-mailadres van u" in refused
    assert not TermReminder.objects.exists()


@time_machine.travel(TODAY)
def test_no_reminder_when_it_would_come_too_late(office):
    case, _visitor, _page = sent()
    with time_machine.travel("2026-12-28 10:00 +01:00"):
        # The session of 7 December has ended: staff make a new link, as for a lost one.
        url = status_link_issue(user=office.ombudsman, case=case)
        visitor = Client()
        page = visitor.get(re.sub(r"^https?://[^/]+", "", url))["Location"]
        html = visitor.get(page).content.decode()
        assert 'data-term-kind="bezwaar"' in html and "herinnering per e-mail" not in html
        refused = ask(visitor, page, objection(case)).content.decode()
        assert "Deze termijn loopt binnen 5 werkdagen af" in refused
    assert not TermReminder.objects.exists()


@time_machine.travel(TODAY)
def test_a_resident_cannot_ask_for_a_term_of_another_case(office):
    other, _visitor, _page = sent()
    case, visitor, page = sent()
    refused = ask(visitor, page, objection(other)).content.decode()
    assert "Deze termijn kunnen wij niet vinden." in refused
    assert not TermReminder.objects.exists()
    assert Client().post(page + "herinnering/", {"deadline": objection(case).pk}).status_code \
        == 404, "only the browser that opened the link"
