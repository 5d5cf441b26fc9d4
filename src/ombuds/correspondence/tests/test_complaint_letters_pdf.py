"""The findings letter as sent: its PDF names the beklaagde, the judgment per element and the
statutory ombudsman with the 9:24 date; a letter to the beklaagde goes to its organisation."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ombuds.correspondence.models import Letter, LetterKind
from ombuds.correspondence.services import letter_create, letter_draft
from ombuds.correspondence.tests.test_complaint_letters import (  # noqa: F401 (fixture)
    TODAY,
    committee_complaint,
    judge,
    move,
    today,
    update,
    with_address,
)
from ombuds.correspondence.tests.test_services_letters import pdf_of, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.pdf]


def ruled(office):
    case = committee_complaint(office)
    move(office, case, "bevestigd")
    move(office, case, "hoor_wederhoor")
    update(office, case, hearing_on=TODAY, hearing_report="Beiden gehoord.")
    move(office, case, "oordeel")
    judge(office, case, ("Er is niet teruggebeld.", "gegrond", ""),
          ("De consulent was onvriendelijk.", "ongegrond", ""))
    update(office, case, findings="De consulent beloofde terug te bellen.",
           conclusions="De gemeente biedt excuses aan.")
    move(office, case, "afgesloten", "deels_gegrond")
    return case


def test_the_findings_pdf_names_the_beklaagde_the_judgments_and_the_ombudsman_date(office):
    case = ruled(office)
    with_address(case.person)
    draft = letter_draft(case=case, kind=LetterKind.COMPLAINT_FINDINGS)
    letter = letter_create(user=office.ombudsman, case=case, kind=LetterKind.COMPLAINT_FINDINGS,
                           channel="post", subject=draft.subject, body=draft.body)
    _, text = pdf_text(pdf_of(letter))
    for words in ("Ons oordeel over de klacht", "consulent P. Jansen, team Wmo, Gemeente Voorbeeld",
                  "Onderdeel 1: Er is niet teruggebeld.", "Ons oordeel: Gegrond.",
                  "Onderdeel 2: De consulent was onvriendelijk.", "Ons oordeel: Ongegrond.",
                  "Deels gegrond", "de Nationale ombudsman", "dinsdag 20 april 2027",
                  "artikel 9:24 lid 1 onder a"):
        assert words in text, words


def test_a_postponement_to_the_beklaagde_is_sent_from_the_letter_page(client, office):
    case = committee_complaint(office)
    update(office, case, postponed_on=TODAY)
    client.force_login(office.ombudsman)
    url = reverse("correspondence:letter_add", args=[case.reference])
    page = client.get(url).content.decode()
    assert "Beklaagde: Gemeente Voorbeeld (t.a.v. consulent P. Jansen, team Wmo)" in page
    assert "Verdaging afhandeling klacht" in page
    choice = {"kind": "klacht_verdaging", "recipient": "beklaagde", "channel": "post"}
    preview = client.post(url, {"step": "kiezen", **choice})
    assert preview.status_code == 200
    body = preview.context["form"].initial["body"]
    assert "Uiterlijk maandag 27 juli 2026" in body
    done = client.post(url, {"step": "versturen", **choice, "subject": "Verdaging", "body": body})
    assert done.status_code == 302
    letter = Letter.objects.get()
    assert (letter.recipient, letter.party, letter.entry.sent_to_resident) == (
        "Gemeente Voorbeeld", None, False)
    _, text = pdf_text(pdf_of(letter))
    assert "Postbus 1 1234 AB Dorp" in text or "Postbus 1\n1234 AB Dorp" in text
