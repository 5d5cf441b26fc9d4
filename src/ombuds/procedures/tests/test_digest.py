"""The daily deadline digest: who hears about which deadline, once, in one e-mail a day.

These run the service in the test process with Django's test mail outbox; the real task
worker and a real SMTP server are in ``test_worker_digest.py``. Dates lie in October 2025,
which has no holidays, so working days are plain weekdays: on Tuesday 7 October 2025 an
objection term whose raw end is Thursday 16 October has 7 working days left (warning, the
window is 10), one ending Thursday 9 October has 2 (urgent, 3 or fewer).
"""

import socket
from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from ombuds.accounts.roles import Role
from ombuds.cases.services import case_assign, case_transition
from ombuds.core.models import AuditEntry
from ombuds.procedures.digest import DigestNotSent, digest_collect, digest_send
from ombuds.procedures.models import DeadlineAlert, DigestSent
from ombuds.procedures.services import decision_create, decision_update
from ombuds.tests.factories import UserFactory, first_contact, member, register_case

pytestmark = pytest.mark.django_db

TUESDAY = date(2025, 10, 7)
WARNING = date(2025, 9, 4)   # objection term raw end Thu 16 Oct: 7 working days left
URGENT = date(2025, 8, 28)   # raw end Thu 9 Oct: 2 working days left
PASSED = date(2025, 8, 1)    # ended Fri 12 Sep
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FINE = date(2025, 9, 23)     # raw end Tue 4 Nov: 20 working days left


@pytest.fixture(autouse=True)
def addresses(office, settings):
    settings.BASE_URL = "https://ombuds.example"
    for user in (office.ombudsman, office.ombudsman_westerveld, office.coordinator):
        user.email = f"{user.username}@ombuds.example"
        user.save()


def case_with_decision(office, made_known_on, *, municipality=None, assignee=None,
                       name="Jan de Vries"):
    case = register_case(office, municipality=municipality, assignee=assignee, name=name)
    decision_create(user=office.ombudsman, case=case, subject="Scootmobiel afgewezen",
                    made_known_on=made_known_on)
    return case


def references(items):
    return sorted({item.deadline.case.reference for item in items})


def test_it_reports_a_deadline_in_the_warning_window_to_the_cases_handler(office):
    case = case_with_decision(office, WARNING, assignee=office.ombudsman)
    digests = digest_collect(today=TUESDAY)
    assert list(digests) == [office.ombudsman]
    [item] = digests[office.ombudsman]
    assert (item.deadline.case, item.state) == (case, "warning")


def test_it_leaves_out_deadlines_that_are_fine_met_unwatched_or_of_closed_cases(office):
    case_with_decision(office, FINE, assignee=office.ombudsman)
    met = case_with_decision(office, WARNING, assignee=office.ombudsman)
    decision_update(user=office.ombudsman, decision=met.decisions.get(),
                    objection_filed_on=date(2025, 9, 10))
    closed = case_with_decision(office, PASSED, assignee=office.ombudsman)
    case_transition(user=office.ombudsman, case=closed, target="afgesloten", outcome="ingetrokken")
    assert digest_collect(today=TUESDAY) == {}


def test_an_unassigned_case_goes_to_every_ombudsperson_of_its_municipality(office):
    other = member(UserFactory(username="ombuds2", email="o2@ombuds.example"),
                   office.westerveld, Role.OMBUDSPERSON)
    westerveld = case_with_decision(office, URGENT, municipality=office.westerveld)
    steenwijkerland = case_with_decision(office, PASSED)
    digests = digest_collect(today=TUESDAY)
    # Not the coordinator (a handler, but not an ombudsperson); Steenwijkerland's case only
    # to the ombudsperson who works there.
    assert set(digests) == {office.ombudsman, office.ombudsman_westerveld, other}
    assert references(digests[office.ombudsman]) == sorted([westerveld.reference,
                                                            steenwijkerland.reference])
    assert references(digests[office.ombudsman_westerveld]) == [westerveld.reference]
    assert references(digests[other]) == [westerveld.reference]


def test_a_case_of_a_deactivated_handler_goes_to_the_municipalitys_ombudspersons(office):
    case_with_decision(office, URGENT, municipality=office.westerveld,
                       assignee=office.ombudsman_westerveld)
    office.ombudsman_westerveld.is_active = False
    office.ombudsman_westerveld.save()
    assert list(digest_collect(today=TUESDAY)) == [office.ombudsman]


def test_it_sends_one_email_per_person_with_references_dates_and_links_only(office):
    warning = case_with_decision(office, WARNING, assignee=office.ombudsman,
                                 name="Henriëtte Zonnebloem")
    passed = case_with_decision(office, PASSED, assignee=office.ombudsman, name="Pieter Klaver")
    urgent = case_with_decision(office, URGENT, municipality=office.westerveld,
                                assignee=office.ombudsman_westerveld, name="Ans Bos")

    assert digest_send(today=TUESDAY) == 2

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"ombudsman@ombuds.example", "ombudsman-westerveld@ombuds.example"}
    mine = by_recipient["ombudsman@ombuds.example"]
    assert mine.subject == "Ombuds: termijnen om op te letten (2)"
    assert f"Zaak {warning.reference}" in mine.body and f"Zaak {passed.reference}" in mine.body
    assert urgent.reference not in mine.body
    assert f"https://ombuds.example/werk/zaken/{warning.reference}/" in mine.body
    assert "Uiterlijk handelen op: donderdag 16 oktober 2025" in mine.body
    assert "Wettelijke laatste dag: donderdag 16 oktober 2025" in mine.body
    assert ("- Bezwaartermijn (Awb 6:7, 6:8; Atw art. 1, 2)\n  Let op: de uiterste datum nadert\n"
            "  Uiterlijk handelen op: donderdag 16 oktober 2025\n") in mine.body
    assert "Verlopen: de wettelijke termijn is voorbij" in mine.body
    assert mine.body.index(passed.reference) < mine.body.index(warning.reference)
    theirs = by_recipient["ombudsman-westerveld@ombuds.example"]
    assert theirs.subject == "Ombuds: termijnen om op te letten (1)"
    assert "Urgent:" in theirs.body
    for message in mail.outbox:
        for secret in ("Henriëtte", "Zonnebloem", "Pieter", "Klaver", "Ans Bos", "scootmobiel",
                       "Scootmobiel", "Wacht op besluit"):
            assert secret not in message.subject and secret not in message.body


def test_it_records_each_event_and_the_digest_and_audits_it(office):
    case = case_with_decision(office, WARNING, assignee=office.ombudsman)
    digest_send(today=TUESDAY)
    alert = DeadlineAlert.objects.get()
    assert (alert.deadline.case, alert.recipient, alert.state, alert.digest_on) == (
        case, office.ombudsman, "warning", TUESDAY)
    assert alert.end == date(2025, 10, 16)
    assert DigestSent.objects.get().items == 1
    entry = AuditEntry.objects.get(event="deadline.digest_sent")
    assert entry.details == {"recipient": office.ombudsman.pk, "items": 1}
    assert entry.action == "E"


def test_a_second_run_the_same_day_sends_nothing(office):
    case_with_decision(office, WARNING, assignee=office.ombudsman)
    assert digest_send(today=TUESDAY) == 1
    assert digest_send(today=TUESDAY) == 0
    assert len(mail.outbox) == 1


def test_a_new_event_later_the_same_day_waits_for_tomorrow(office):
    case_with_decision(office, WARNING, assignee=office.ombudsman)
    digest_send(today=TUESDAY)
    late = case_with_decision(office, PASSED, assignee=office.ombudsman)
    assert digest_send(today=TUESDAY) == 0  # at most one digest a day
    assert digest_send(today=date(2025, 10, 8)) == 1
    assert len(mail.outbox) == 2
    assert late.reference in mail.outbox[1].body
    assert "(1)" in mail.outbox[1].subject


def test_the_next_day_without_new_events_sends_nothing(office):
    case_with_decision(office, WARNING, assignee=office.ombudsman)
    case_with_decision(office, PASSED, assignee=office.ombudsman)
    digest_send(today=TUESDAY)
    assert digest_send(today=date(2025, 10, 8)) == 0
    assert len(mail.outbox) == 1


def test_a_deadline_that_becomes_urgent_is_reported_again(office):
    case = case_with_decision(office, WARNING, assignee=office.ombudsman)
    digest_send(today=TUESDAY)
    # Monday 13 October: 3 working days before Thursday 16 October.
    assert digest_send(today=date(2025, 10, 13)) == 1
    assert case.reference in mail.outbox[1].body and "Urgent:" in mail.outbox[1].body
    assert sorted(DeadlineAlert.objects.values_list("state", flat=True)) == ["urgent", "warning"]


def test_a_moved_end_is_a_new_event(office):
    case = case_with_decision(office, WARNING, assignee=office.ombudsman)
    digest_send(today=TUESDAY)
    decision_update(user=office.ombudsman, decision=case.decisions.get(),
                    made_known_on=date(2025, 9, 5))  # raw end Friday 17 October
    assert digest_send(today=date(2025, 10, 8)) == 1
    assert "vrijdag 17 oktober 2025" in mail.outbox[1].body


def test_a_handler_reassigned_hears_about_the_case_once_it_is_theirs(office):
    case = case_with_decision(office, WARNING, municipality=office.westerveld,
                              assignee=office.ombudsman)
    digest_send(today=TUESDAY)
    case_assign(user=office.coordinator, case=case, assignee=office.ombudsman_westerveld)
    assert digest_send(today=date(2025, 10, 8)) == 1
    assert mail.outbox[1].to == ["ombudsman-westerveld@ombuds.example"]


def test_a_person_without_an_email_address_keeps_their_events(office):
    office.ombudsman.email = ""
    office.ombudsman.save()
    case_with_decision(office, WARNING, assignee=office.ombudsman)
    assert digest_send(today=TUESDAY) == 0
    assert not DeadlineAlert.objects.exists() and not DigestSent.objects.exists()
    office.ombudsman.email = "ombudsman@ombuds.example"
    office.ombudsman.save()
    assert digest_send(today=date(2025, 10, 8)) == 1


def test_a_refused_send_records_nothing_so_the_next_run_sends_it(office, settings):
    case_with_decision(office, WARNING, assignee=office.ombudsman)
    # A real SMTP connection to a port nobody listens on: the connection is refused.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    with pytest.raises(DigestNotSent):
        digest_send(today=TUESDAY)
    assert not DeadlineAlert.objects.exists()
    assert not DigestSent.objects.exists()
    assert not AuditEntry.objects.filter(event="deadline.digest_sent").exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert digest_send(today=TUESDAY) == 1
    assert len(mail.outbox) == 1


def test_the_command_sends_todays_digests_now(office):
    case_with_decision(office, WARNING, assignee=office.ombudsman)
    out = StringIO()
    with time_machine.travel(datetime(2025, 10, 7, 7, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        call_command("deadline_digest", stdout=out)
    assert "Deadline digests sent: 1." in out.getvalue()
    assert DigestSent.objects.get().day == TUESDAY
    assert AuditEntry.objects.get(event="deadline.digest_sent").origin == "cli"


def test_the_command_queues_the_task_for_the_worker(office):
    case_with_decision(office, WARNING, assignee=office.ombudsman)
    out = StringIO()
    call_command("deadline_digest", "--enqueue", stdout=out)
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "ombuds.procedures.tasks.send_deadline_digests"
    assert queued.status == "READY"
    assert str(queued.id) in out.getvalue()
    assert mail.outbox == []


def test_the_offices_promise_of_first_contact_is_reported_as_a_promise_not_a_legal_term(office):
    with time_machine.travel(datetime(2025, 10, 1, 10, tzinfo=AMSTERDAM), tick=False):
        case = register_case(office, assignee=office.ombudsman)  # contact by Wed 8 October
    [item] = digest_collect(today=TUESDAY)[office.ombudsman]
    assert (item.deadline.case, item.deadline.kind, item.state) == (case, "eerste_contact",
                                                                     "urgent")

    digest_send(today=TUESDAY)

    body = mail.outbox[0].body
    assert ("- Eerste contact (belofte van het bureau) (Werkwijze van het bureau)\n"
            "  Urgent: nog enkele werkdagen, of de beloofde datum is al voorbij\n"
            "  Contact opnemen uiterlijk op: woensdag 8 oktober 2025\n"
            "  Dit is een belofte van het bureau aan de inwoner, geen wettelijke termijn.\n") in body
    assert "Wettelijke laatste dag" not in body and "wettelijke termijn is voorbij" not in body


def test_a_late_application_is_reported_and_the_penalty_as_it_would_run_is_not(office):
    from ombuds.procedures.applications import application_create

    case = first_contact(office, register_case(office, assignee=office.ombudsman))
    with time_machine.travel(datetime(2025, 10, 7, 10, tzinfo=AMSTERDAM), tick=False):
        application_create(user=office.ombudsman, case=case, kind="wmo_aanvraag",
                           subject="Scootmobiel", submitted_on=date(2025, 9, 1),
                           notice_of_default_on=date(2025, 9, 20))
    assert case.deadlines.get(kind="dwangsom").watched is False

    [item] = digest_collect(today=TUESDAY)[office.ombudsman]

    assert (item.deadline.kind, item.state) == ("beslistermijn_aanvraag", "passed")
    digest_send(today=TUESDAY)
    assert "Verlopen: de wettelijke termijn is voorbij" in mail.outbox[0].body
    assert "Dwangsom" not in mail.outbox[0].body
