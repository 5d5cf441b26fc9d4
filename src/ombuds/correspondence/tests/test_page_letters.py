"""The letter pages: choose, preview and edit, send; the Brieven section and the PDF download."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ombuds.core.models import OutboxMessage
from ombuds.correspondence.models import Letter
from ombuds.correspondence.tests.factories import full_case

pytestmark = [pytest.mark.django_db, pytest.mark.pdf]


def test_it_previews_lets_the_text_be_edited_and_sends_the_edited_letter(client, office):
    case, party, _ = full_case(office, 3)
    client.force_login(office.ombudsman)
    url = reverse("correspondence:letter_add", args=[case.reference])
    page = client.get(url)
    assert "Soort brief" in page.content.decode() and "Brief schrijven" in page.content.decode()

    preview = client.post(url, {"step": "kiezen", "kind": "afsluiting", "recipient": "inwoner",
                                "channel": "email"})
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Brief schrijven: Afsluitbrief" in html and "Wij sluiten uw zaak af" in html
    assert "Brief versturen" in html and "Bezwaar maken tegen het besluit" in html

    body = preview.context["form"].initial["body"] + "\nP.S. Een extra zin van de ombudsman."
    done = client.post(url, {"step": "versturen", "kind": "afsluiting", "recipient": "inwoner",
                             "channel": "email", "subject": "Wij sluiten uw zaak af", "body": body})
    assert done.status_code == 302 and done["Location"].endswith("#brieven")
    letter = Letter.objects.get()
    assert "Een extra zin van de ombudsman." in letter.body
    assert "Een extra zin van de ombudsman." in OutboxMessage.objects.get().body

    detail = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert 'id="brieven"' in detail and "Afsluitbrief" in detail and "Wacht op verzending" in detail
    pdf_url = reverse("cases:attachment", args=[case.reference, letter.entry.attachments.get().uuid])
    assert pdf_url in detail
    download = client.get(pdf_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content if download.streaming else [download.content]
                    ).startswith(b"%PDF-")


def test_a_letter_to_a_party_by_post(client, office):
    case, party, _ = full_case(office, 5)
    party.organisation.address = "Lindelaan 4\n8331 BB Steenwijk"
    party.organisation.save()
    client.force_login(office.ombudsman)
    url = reverse("correspondence:letter_add", args=[case.reference])
    preview = client.post(url, {"step": "kiezen", "kind": "brief_partij",
                                "recipient": f"partij-{party.pk}", "channel": "post"})
    assert "Beste Petra de Boer" in preview.content.decode()
    data = {**preview.context["form"].initial, "step": "versturen"}
    assert client.post(url, data).status_code == 302
    letter = Letter.objects.get()
    assert (letter.party, letter.channel, letter.entry.kind) == (party, "post", "brief")
    assert OutboxMessage.objects.count() == 0
    # Nothing went by e-mail: the case page does not read the outbox for a send state.
    with CaptureQueriesContext(connection) as queries:
        detail = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert not any("core_outboxmessage" in q["sql"] for q in queries)
    assert '<td class="utrecht-table__cell">Per post (PDF)</td>' in detail


def test_an_empty_text_is_refused_with_the_input_kept(client, office):
    case, _, _ = full_case(office, 3)
    client.force_login(office.ombudsman)
    url = reverse("correspondence:letter_add", args=[case.reference])
    response = client.post(url, {"step": "versturen", "kind": "afsluiting", "recipient": "inwoner",
                                 "channel": "post", "subject": "Afsluiting", "body": ""})
    assert response.status_code == 400
    assert Letter.objects.count() == 0


def test_another_municipalitys_ombudsperson_gets_a_404(client, office):
    case, _, _ = full_case(office, 3)
    client.force_login(office.ombudsman_westerveld)
    assert client.get(reverse("correspondence:letter_add", args=[case.reference])).status_code == 404
