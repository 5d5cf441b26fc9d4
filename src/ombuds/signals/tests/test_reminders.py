"""Follow-up reminders through the task worker: one e-mail per ombudsperson per run, never
twice for the same item and date (issue 5)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command

from ombuds.core.models import AuditEntry, OutboxMessage
from ombuds.signals import links, services
from ombuds.signals.models import Signal
from ombuds.signals.tasks import send_signal_reminders
from ombuds.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 17)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime(2026, 4, 17, 7, 0), tick=False):
        yield


@pytest.fixture
def world(office):
    office.ombudsman.email = "ombudsman@example.org"
    office.ombudsman.save()
    office.coordinator.email = "coordinator@example.org"
    office.coordinator.save()
    organisation = OrganisationFactory(name="Zorggroep Noord", email="zorg@example.org",
                                       municipalities=[office.steenwijkerland])
    return office, organisation


def raise_signal(office, organisation, user, title, shared_weeks_ago=None):
    signal = services.signal_create(user=user, municipality=office.steenwijkerland,
                                    title=title, description="Patroon",
                                    organisation=organisation,
                                    raised_on=TODAY - timedelta(weeks=10))
    if shared_weeks_ago is not None:
        links.signal_link_create(user=user, signal=signal)
        Signal.objects.filter(pk=signal.pk).update(
            shared_on=TODAY - timedelta(weeks=shared_weeks_ago))
        signal.refresh_from_db()
    return signal


def test_it_reminds_each_ombudsperson_once_of_overdue_recommendations_and_silent_signals(world):
    office, organisation = world
    silent = raise_signal(office, organisation, office.ombudsman, "Stil signaal", 7)
    raise_signal(office, organisation, office.ombudsman, "Recent gedeeld", 5)
    overdue = services.recommendation_add(user=office.ombudsman, signal=silent,
                                          addressee="College", text="Plan maken",
                                          due_on=TODAY - timedelta(days=1))
    services.recommendation_add(user=office.ombudsman, signal=silent, addressee="College",
                                text="Nog niet over tijd", due_on=TODAY)
    answered = services.recommendation_add(user=office.ombudsman, signal=silent,
                                           addressee="Team", text="Beantwoord",
                                           due_on=TODAY - timedelta(days=3))
    services.recommendation_record_response(user=office.ombudsman, recommendation=answered,
                                            adoption="niet")
    coordinators = raise_signal(office, organisation, office.coordinator, "Ander signaal", 8)
    OutboxMessage.objects.all().delete()

    assert send_signal_reminders.call(today=TODAY.isoformat()) == 2
    mails = {m.to: m for m in OutboxMessage.objects.all()}
    assert set(mails) == {"ombudsman@example.org", "coordinator@example.org"}
    mine = mails["ombudsman@example.org"]
    assert mine.subject == "Ombuds: 2 punten bij signalen om op te volgen"
    assert "Stil signaal" in mine.body and f"#aanbeveling-{overdue.pk}" in mine.body
    assert "Recent gedeeld" not in mine.body and "Nog niet over tijd" not in mine.body
    assert "Beantwoord" not in mine.body
    assert f"/werk/signalen/{coordinators.pk}/" in mails["coordinator@example.org"].body
    assert AuditEntry.objects.filter(event="signal.reminder_queued").count() == 2

    # A second run the same day sends nothing; the next day only what became overdue.
    assert send_signal_reminders.call(today=TODAY.isoformat()) == 0
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    assert send_signal_reminders.call(today=tomorrow) == 1
    latest = OutboxMessage.objects.latest("id")
    assert "Nog niet over tijd" not in latest.body  # the text stays in Ombuds
    assert latest.subject == "Ombuds: 1 punt bij signalen om op te volgen"
    assert send_signal_reminders.call(today=tomorrow) == 0
    assert OutboxMessage.objects.count() == 3

    # A new due date is a new item to remind of.
    overdue.due_on = TODAY - timedelta(days=2)
    overdue.save()
    assert send_signal_reminders.call(today=TODAY.isoformat()) == 1


def test_an_answered_or_closed_signal_is_not_reminded(world):
    office, organisation = world
    signal = raise_signal(office, organisation, office.ombudsman, "Beantwoord signaal", 9)
    services.signal_transition(user=office.ombudsman, signal=signal, target="beantwoord",
                               text="Antwoord per brief")
    services.recommendation_add(user=office.ombudsman, signal=signal, addressee="College",
                                text="Plan", due_on=TODAY - timedelta(days=5))
    services.signal_transition(user=office.ombudsman, signal=signal, target="afgesloten")
    OutboxMessage.objects.all().delete()
    assert send_signal_reminders.call(today=TODAY.isoformat()) == 0


def test_the_command_runs_now_or_queues_the_task(world, capsys):
    office, organisation = world
    raise_signal(office, organisation, office.ombudsman, "Stil signaal", 7)
    OutboxMessage.objects.all().delete()
    call_command("signal_reminders")
    assert "queued in the outbox: 1" in capsys.readouterr().out
    call_command("signal_reminders", "--enqueue")
    assert "Signal reminders queued (task" in capsys.readouterr().out
