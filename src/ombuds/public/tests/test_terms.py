"""A decision date on the web form is a watched term at once, and every channel gives the
resident the same date: its legal last day (issue 14)."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.test import Client

from ombuds.cases.models import Case, TimelineEntry
from ombuds.core.models import OutboxMessage
from ombuds.core.outbox import outbox_send_pending
from ombuds.correspondence.context import letter_context
from ombuds.correspondence.rendering import render_letter, template_for
from ombuds.procedures.applications import application_create
from ombuds.procedures.models import Deadline, DeadlineKind
from ombuds.public.tests.test_request_form import URL, filled, form_key

pytestmark = pytest.mark.django_db

#: Made known Friday 20 November 2026: six weeks end on New Year's Day (Friday 1 January
#: 2027); the Atw moves the legal last day past the weekend to Monday 4 January 2027.
LETTER = "2026-11-20"
SENTENCE = "Maak bezwaar uiterlijk op maandag 4 januari 2027."


def send(client, url=URL, **changes):
    response = client.post(url, filled(form_key(client, url), decision="ja",
                                       decision_date=LETTER, **changes), follow=True)
    assert response.status_code == 200
    return Case.objects.get(), response.content.decode()


def status_link(html: str) -> str:
    return re.search(r'href="https?://[^/"]+(/(?:en/)?status/[^"]+/)"', html).group(1)


def status_page(html: str) -> tuple[Client, str, str]:
    """Open the status link in another browser: (that browser, the page's URL, the page)."""
    visitor = Client()
    entry = visitor.get(status_link(html))
    return visitor, entry["Location"], visitor.get(entry["Location"]).content.decode()


@time_machine.travel("2026-12-07 10:00 +01:00")
def test_a_decision_date_from_the_form_is_watched_at_once_with_the_atw_date(client, office):
    case, _html = send(client)
    objection = Deadline.objects.get(case=case, kind=DeadlineKind.OBJECTION)
    assert (objection.raw_end, objection.end) == (date(2027, 1, 1), date(2027, 1, 4))
    assert objection.decision.given_by_resident and objection.decision.checked_on is None
    assert "nog niet gecontroleerd" in objection.caveat
    assert objection.is_open  # on the worklist and in the digest like any watched term


@time_machine.travel("2026-12-07 10:00 +01:00")
def test_page_e_mail_note_and_status_page_give_the_same_date_as_the_case(client, office):
    case, html = send(client)
    end = Deadline.objects.get(case=case, kind=DeadlineKind.OBJECTION).end
    assert end == date(2027, 1, 4)
    # the page after sending
    assert SENTENCE in html and 'data-objection-end="2027-01-04"' in html
    assert "1 januari" not in html
    # the confirmation e-mail, as it leaves the outbox
    assert outbox_send_pending() == 1
    [message] = mail.outbox
    assert SENTENCE in message.body and "1 januari" not in message.body
    # the staff note says what the resident was told
    note = TimelineEntry.objects.get(case=case, kind="notitie")
    assert SENTENCE in note.body and "Termijnen" in note.body
    # the status page
    _visitor, _url, status = status_page(html)
    assert SENTENCE in status
    assert 'data-term-kind="bezwaar" data-term-end="2027-01-04"' in status
    assert "praten met de ombudsfunctie stopt geen van deze termijnen" in status
    assert "U gaf de datum van de brief zelf op" in status


@time_machine.travel("2026-12-07 10:00 +01:00")
def test_the_english_channels_give_the_same_date_in_english(client, office):
    case, html = send(client, url="/en" + URL)
    sentence = "Object no later than Monday 4 January 2027."
    assert sentence in html
    assert sentence in OutboxMessage.objects.get(case=case).body
    _visitor, _url, status = status_page(html)
    assert sentence in status and "Your terms" in status
    note = TimelineEntry.objects.get(case=case, kind="notitie")
    assert SENTENCE in note.body  # staff read Dutch


@time_machine.travel("2026-12-07 10:00 +01:00")
def test_the_status_page_lists_the_residents_terms_not_the_offices(client, office):
    case, html = send(client)
    application_create(user=office.ombudsman, case=case, kind="schuldhulp",
                       subject="Schulden", submitted_on=date(2026, 12, 1))
    kinds = set(Deadline.objects.filter(case=case).values_list("kind", flat=True))
    assert DeadlineKind.FIRST_CONTACT in kinds  # the office's own promise is watched …
    _visitor, _url, status = status_page(html)
    assert "Eerste contact" not in status  # … but is not the resident's term
    assert "Eerste gesprek over schuldhulp" in status
    assert 'data-term-kind="beslistermijn_aanvraag"' in status
    assert "Schulden" not in status  # what staff typed stays off the page
    assert status.index('data-term-kind="beslistermijn_aanvraag"') < status.index(
        'data-term-kind="bezwaar"'), "nearest first"


@time_machine.travel("2026-12-07 10:00 +01:00")
def test_a_met_term_leaves_the_status_page_and_a_passed_one_says_so(client, office):
    from ombuds.procedures.services import decision_update

    case, html = send(client)
    with time_machine.travel("2027-01-05 10:00 +01:00"):
        _visitor, _url, passed = status_page(html)
        assert "De termijn voor bezwaar is voorbij" in passed
    decision_update(user=office.ombudsman, decision=case.decisions.get(),
                    objection_filed_on=date(2026, 12, 7))
    _visitor, _url, status = status_page(html)
    assert 'data-term-kind="bezwaar"' not in status


@time_machine.travel("2026-12-07 10:00 +01:00")
def test_the_office_promise_of_first_contact_comes_from_its_setting(client, office):
    office.office.first_contact_days = 3
    office.office.save()
    case, html = send(client)
    assert "Binnen 3 werkdagen neemt een medewerker contact met u op" in html
    assert "Binnen 3 werkdagen" in OutboxMessage.objects.get(case=case).body
    _visitor, _url, status = status_page(html)
    assert "Binnen 3 werkdagen" in status and "5 werkdagen" not in status
    other = Client()
    other.post("/en" + URL, filled(form_key(other, "/en" + URL)))
    english = other.get("/en/gemeente/steenwijkerland/hulp-vragen/verstuurd/").content.decode()
    assert "Within 3 working days" in english
    letter = render_letter(template_for(case.municipality, "ontvangstbevestiging"),
                           letter_context(case))
    assert "Wij nemen binnen 3 werkdagen contact met u op." in letter.body
    first_contact = Deadline.objects.get(case=case, kind=DeadlineKind.FIRST_CONTACT)
    assert first_contact.end == date(2026, 12, 10)  # the promise watched: 3 working days
