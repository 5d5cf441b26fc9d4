"""Agreement reminders through the task worker: one outbox e-mail per handler, once per
agreement and due date (issue 4)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from ombuds.cases.services import case_assign
from ombuds.core.models import OutboxMessage
from ombuds.mediation import services
from ombuds.mediation.models import Agreement
from ombuds.mediation.selectors import reminder_horizon
from ombuds.mediation.tasks import send_agreement_reminders
from ombuds.tests.factories import register_case

pytestmark = pytest.mark.django_db

FRIDAY = date(2026, 4, 17)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime(2026, 4, 17, 7, 0), tick=False):
        yield


def agreements(office, case, *due_dates, description="Besluit heroverwegen en de inwoner "
               "bellen over de uitkomst van het gesprek met het Wmo-team en de zorgaanbieder"):
    meeting = services.meeting_record(
        user=office.ombudsman, case=case, kind="apart", starts_at=timezone.now(), place="Telefoon",
        agreements=[services.AgreementData(description, due, "ombudsfunctie")
                    for due in due_dates])
    return list(meeting.agreements.order_by("due_on"))


@pytest.fixture
def case(office):
    office.ombudsman.email = "ombudsman@example.org"
    office.ombudsman.save()
    case = register_case(office, name="Geertje Zwiers")
    case_assign(user=office.ombudsman, case=case, assignee=office.ombudsman)
    return case


def test_the_horizon_is_two_working_days_skipping_the_weekend():
    assert reminder_horizon(FRIDAY) == date(2026, 4, 21)  # Friday → Tuesday
    # Koningsdag (Monday 27 April) does not count.
    assert reminder_horizon(date(2026, 4, 24)) == date(2026, 4, 29)


def test_it_queues_one_email_per_handler_for_due_and_overdue_agreements(office, case):
    overdue, soon, later = agreements(office, case, date(2026, 4, 10), date(2026, 4, 21),
                                      date(2026, 4, 22))
    other = register_case(office)
    case_assign(user=office.ombudsman, case=other, assignee=office.ombudsman)
    agreements(office, other, date(2026, 4, 20), description="Stukken sturen")

    assert services.agreement_reminders_send(today=FRIDAY) == 1
    message = OutboxMessage.objects.get()
    assert message.to == "ombudsman@example.org"
    assert message.subject == "Ombuds: 3 afspraken om na te gaan"
    assert "Zwiers" not in message.subject
    assert case.reference in message.body and other.reference in message.body
    assert "10-04-2026 (over tijd)" in message.body and "21-04-2026 (binnenkort)" in message.body
    assert "22-04-2026" not in message.body
    assert "…" in message.body  # the agreement text is shortened
    assert f"/werk/zaken/{case.reference}/#afspraak-{overdue.pk}" in message.body
    assert "/werk/afspraken/" in message.body
    later.refresh_from_db()
    assert later.reminded_on is None
    assert Agreement.objects.filter(reminded_on=FRIDAY).count() == 3


def test_it_never_reminds_twice_for_the_same_agreement(office, case):
    agreements(office, case, date(2026, 4, 20))
    assert services.agreement_reminders_send(today=FRIDAY) == 1
    assert services.agreement_reminders_send(today=FRIDAY) == 0
    assert services.agreement_reminders_send(today=date(2026, 4, 20)) == 0
    assert OutboxMessage.objects.count() == 1


def test_a_new_due_date_allows_a_new_reminder(office, case):
    (agreement,) = agreements(office, case, date(2026, 4, 20))
    services.agreement_reminders_send(today=FRIDAY)
    services.agreement_status_change(user=office.ombudsman, agreement=agreement, status="open",
                                     due_on=date(2026, 4, 21))
    assert services.agreement_reminders_send(today=FRIDAY) == 1
    assert OutboxMessage.objects.count() == 2


def test_kept_agreements_and_unassigned_cases_get_no_reminder(office, case):
    (agreement,) = agreements(office, case, date(2026, 4, 20))
    services.agreement_status_change(user=office.ombudsman, agreement=agreement,
                                     status="nagekomen")
    unassigned = register_case(office)
    agreements(office, unassigned, date(2026, 4, 20))
    assert services.agreement_reminders_send(today=FRIDAY) == 0
    assert not OutboxMessage.objects.exists()


def test_the_task_and_the_command_queue_the_reminders(office, case):
    agreements(office, case, date(2026, 4, 20))
    assert send_agreement_reminders.call(today="2026-04-17") == 1
    agreements(office, case, date(2026, 4, 21))
    call_command("agreement_reminders")
    assert OutboxMessage.objects.count() == 2


def test_the_command_with_enqueue_leaves_it_to_the_worker(office, case):
    from io import StringIO

    from django_tasks_db.models import DBTaskResult

    agreements(office, case, date(2026, 4, 20))
    out = StringIO()
    call_command("agreement_reminders", "--enqueue", stdout=out)
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "ombuds.mediation.tasks.send_agreement_reminders"
    assert str(queued.id) in out.getvalue()
    assert not OutboxMessage.objects.exists()


def refer(office, case, check_on, route="bezwaar"):
    return services.referral_create(user=office.ombudsman, case=case, route=route,
                                    referred_on=date(2026, 4, 1), check_on=check_on)


def test_referrals_to_check_come_in_the_same_email_also_for_closed_cases(office, case):
    from ombuds.cases.services import case_transition
    from ombuds.mediation.models import Referral

    agreements(office, case, date(2026, 4, 20))
    overdue = refer(office, case, date(2026, 4, 15))
    later = refer(office, case, date(2026, 4, 30))
    closed = register_case(office)
    case_assign(user=office.ombudsman, case=closed, assignee=office.ombudsman)
    closed_referral = refer(office, closed, date(2026, 4, 21), route="clientondersteuning")
    case_transition(user=office.ombudsman, case=closed, target="afgesloten", outcome="geen_contact",
                    reason="de aankomst gaan wij na het afsluiten na.")

    assert services.agreement_reminders_send(today=FRIDAY) == 1

    message = OutboxMessage.objects.get()
    assert message.subject == "Ombuds: 1 afspraak en 2 verwijzingen om na te gaan"
    assert f"/werk/zaken/{case.reference}/#verwijzing-{overdue.pk}" in message.body
    assert "Nagaan op: 15-04-2026 (over tijd)." in message.body
    assert f"#verwijzing-{closed_referral.pk}" in message.body
    assert f"#verwijzing-{later.pk}" not in message.body
    assert set(Referral.objects.filter(reminded_on=FRIDAY)) == {overdue, closed_referral}
    assert services.agreement_reminders_send(today=FRIDAY) == 0, "once"


def test_a_checked_referral_gets_no_reminder(office, case):
    referral = refer(office, case, date(2026, 4, 20))
    services.referral_arrival_record(user=office.ombudsman, referral=referral, arrived="ja",
                                     checked_on=FRIDAY)
    assert services.agreement_reminders_send(today=FRIDAY) == 0


def test_the_page_lists_the_referrals_to_check(office, case, client):
    from django.urls import reverse

    referral = refer(office, case, date(2026, 4, 15))
    client.force_login(office.ombudsman)
    page = client.get(reverse("mediation:my_agreements")).content.decode()
    assert "Verwijzingen om na te gaan" in page
    assert f"#verwijzing-{referral.pk}" in page and "Over tijd" in page
    assert reverse("mediation:referral_arrival", args=[case.reference, referral.pk]) in page
    services.referral_arrival_record(user=office.ombudsman, referral=referral, arrived="nee",
                                     checked_on=FRIDAY)
    page = client.get(reverse("mediation:my_agreements")).content.decode()
    assert "Er zijn geen verwijzingen om na te gaan in uw zaken." in page


def test_a_referral_checked_as_unknown_leaves_the_list(office, case):
    referral = refer(office, case, date(2026, 4, 15))
    services.referral_arrival_record(user=office.ombudsman, referral=referral,
                                     arrived="onbekend", checked_on=FRIDAY)
    from ombuds.mediation.selectors import open_referral_checks

    assert open_referral_checks(office.ombudsman) == []
    assert services.agreement_reminders_send(today=FRIDAY) == 0
