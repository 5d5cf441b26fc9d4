"""The public request form: one case per form, nothing lost, clear refusals (issue 6)."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ombuds.cases.models import Case, TimelineEntry
from ombuds.core.models import OutboxMessage
from ombuds.deadlines import objection_term
from ombuds.procedures.selectors import holiday_calendar
from ombuds.public.models import WebRequest

pytestmark = pytest.mark.django_db

URL = "/gemeente/steenwijkerland/hulp-vragen/"


def form_key(client, url=URL) -> str:
    html = client.get(url).content.decode()
    return re.search(r'name="submission_key" value="([0-9a-f]+)"', html).group(1)


def filled(key: str, **changes) -> dict:
    data = {
        "name": "Fenna Bosgraaf", "email": "fenna@example.nl", "phone": "", "who": "zelf",
        "story": "Mijn huishoudelijke hulp is gestopt zonder bericht.",
        "wish": "Dat de hulp weer komt.", "decision": "nee", "consent": "on",
        "submission_key": key, "action": "send",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_it_registers_a_web_case_in_the_intake_queue(client, office):
    response = client.post(URL, filled(form_key(client)))
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.channel == "web"
    assert case.municipality == office.steenwijkerland
    assert case.assignee is None  # the intake queue ("Nieuwe aanmeldingen")
    assert case.person.name == "Fenna Bosgraaf"
    assert case.person.email == "fenna@example.nl"
    assert case.created_by.username == "webformulier" and not case.created_by.is_active
    note = TimelineEntry.objects.get(case=case, kind="notitie")
    assert "toestemming" in note.body  # the consent is on file
    client.force_login(office.secretariaat)
    worklist = client.get(reverse("cases:worklist") + "?view=nieuw").content.decode()
    assert case.reference in worklist


def test_the_confirmation_shows_the_reference_and_a_working_status_link(client, office):
    response = client.post(URL, filled(form_key(client)), follow=True)
    case = Case.objects.get()
    html = response.content.decode()
    assert case.reference in html
    link = re.search(r'href="(http[^"]+/status/[^"]+/)"', html).group(1)
    path = link.split("://", 1)[1].split("/", 1)[1]
    other = type(client)()  # another browser: the link alone is the credential
    page = other.get("/" + path, follow=True)
    assert page.status_code == 200
    assert case.reference in page.content.decode()
    assert "huishoudelijke hulp" not in page.content.decode()  # no sensitive details
    assert WebRequest.objects.get().status_token_hash not in link  # only the hash is stored


def test_a_double_submit_creates_one_case(client, office):
    data = filled(form_key(client))
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first.status_code == second.status_code == 302
    assert Case.objects.count() == 1
    assert OutboxMessage.objects.count() == 1
    assert WebRequest.objects.count() == 1


def test_a_double_submit_from_another_session_also_creates_one_case(client, office):
    data = filled(form_key(client))
    client.post(URL, data)
    other = type(client)()
    response = other.post(URL, data, follow=True)
    assert Case.objects.count() == 1
    assert Case.objects.get().reference in response.content.decode()


def test_errors_keep_what_was_typed_and_list_each_field(client, office):
    response = client.post(URL, filled(form_key(client), name="", consent=None,
                                       story="Mijn verhaal blijft staan."))
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Fout:" in html
    assert 'id="error-summary"' in html and 'tabindex="-1"' in html
    assert 'href="#id_name"' in html and 'href="#id_consent"' in html
    assert "Mijn verhaal blijft staan." in html
    assert html.index('id="error-summary"') < html.index("<h1")
    assert not Case.objects.exists()


def test_someone_acting_for_a_resident_becomes_the_representative(client, office):
    client.post(URL, filled(form_key(client), who="ander", resident_name="Opa Bosgraaf",
                            relation="familie"))
    case = Case.objects.get()
    assert case.person.name == "Opa Bosgraaf"
    assert case.representative.name == "Fenna Bosgraaf"
    assert case.representative.email == "fenna@example.nl"
    assert case.representative_relation == "familie"


def test_no_email_when_the_resident_asks_not_to_be_emailed(client, office):
    client.post(URL, filled(form_key(client), phone="06 1234 5678", avoid_channels="email"))
    assert Case.objects.count() == 1
    assert not OutboxMessage.objects.exists()


def test_a_resident_must_leave_a_way_to_be_reached(client, office):
    response = client.post(URL, filled(form_key(client), email=""))
    assert response.status_code == 400
    assert "waarop wij u mogen bereiken" in response.content.decode()
    assert not Case.objects.exists()


@pytest.mark.parametrize("name,content,message", [
    ("groot.pdf", b"%PDF-1.7 " + b"x" * 2048, "is te groot"),
    ("virus.exe", b"MZ\x90\x00", "dit soort bestand kunnen wij niet ontvangen"),
    ("nep.pdf", b"GIF89a not a pdf", "lijkt niet te zijn wat de naam zegt"),
])
def test_a_wrong_attachment_is_refused_clearly_and_the_rest_is_kept(client, office, settings,
                                                                   name, content, message):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024 if name != "groot.pdf" else 1024
    data = filled(form_key(client), story="Alles wat ik typte blijft staan.")
    data["attachments"] = [SimpleUploadedFile(name, content),
                           SimpleUploadedFile("brief.pdf", b"%PDF-1.7 brief")]
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert name in html
    assert "kies uw bijlagen opnieuw" in html.lower()
    assert "Alles wat ik typte blijft staan." in html
    assert 'value="Fenna Bosgraaf"' in html
    assert not Case.objects.exists()


def test_good_attachments_are_stored_on_the_case(client, office):
    data = filled(form_key(client))
    data["attachments"] = [SimpleUploadedFile("brief.pdf", b"%PDF-1.7 brief")]
    client.post(URL, data)
    entry = TimelineEntry.objects.get(case=Case.objects.get(), kind="document")
    assert entry.attachments.get().original_name == "brief.pdf"


def test_the_honeypot_is_refused_with_a_message_not_dropped(client, office):
    response = client.post(URL, filled(form_key(client), website="http://spam.example"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Dit veld moet leeg blijven" in html
    assert "ombuds-hp--shown" in html  # the field is shown, so a person can empty it
    assert not Case.objects.exists()


def test_the_rate_limit_counts_in_the_database_and_says_so(client, office, settings):
    settings.PUBLIC_REQUESTS_PER_HOUR = 2
    for _ in range(2):
        assert client.post(URL, filled(form_key(client))).status_code == 302
    response = client.post(URL, filled(form_key(client), story="Derde verhaal."))
    html = response.content.decode()
    assert response.status_code == 429
    assert "veel verzoeken verstuurd" in html
    assert "Derde verhaal." in html
    assert Case.objects.count() == 2
    with time_machine.travel("2099-01-01"):
        assert client.post(URL, filled(form_key(client))).status_code == 302


@time_machine.travel("2026-04-20 10:00 +02:00")
@pytest.mark.parametrize("letter", [date(2026, 3, 24), date(2026, 3, 13), date(2026, 4, 1)])
def test_the_objection_deadline_shown_equals_objection_term(client, office, letter):
    term = objection_term(letter, holiday_calendar())
    response = client.post(URL, filled(form_key(client), decision="ja",
                                       decision_date=letter.isoformat(), action="preview"))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'data-objection-raw-end="{term.raw_end.isoformat()}"' in html
    assert f'data-objection-end="{term.end.isoformat()}"' in html
    assert not Case.objects.exists()  # a preview stores nothing
    # and the same term after sending, on the confirmation page and in the case file
    sent = client.post(URL, filled(form_key(client), decision="ja",
                                   decision_date=letter.strftime("%d-%m-%Y")), follow=True)
    assert f'data-objection-raw-end="{term.raw_end.isoformat()}"' in sent.content.decode()
    note = TimelineEntry.objects.get(case=Case.objects.get(), kind="notitie")
    assert term.basis in note.body


@time_machine.travel("2026-04-20 10:00 +02:00")
def test_the_objection_deadline_over_easter_is_the_atw_day_in_english_too(client, office):
    # 23 February + 42 days = Sunday 5 April (Easter); Easter Monday too: Tuesday 7 April.
    term = objection_term(date(2026, 2, 23), holiday_calendar())
    assert term.end == date(2026, 4, 7)
    url = "/en" + URL
    html = client.post(url, filled(form_key(client, url), decision="ja",
                                   decision_date="2026-02-23", action="preview")).content.decode()
    assert 'data-objection-end="2026-04-07"' in html
    assert "Tuesday 7 April 2026" in html or "probably ended" in html


def test_a_decision_date_is_asked_for_when_there_is_a_letter(client, office):
    response = client.post(URL, filled(form_key(client), decision="ja"))
    assert response.status_code == 400
    assert 'href="#id_decision_date"' in response.content.decode()
