"""The private status page: plain words, no details, revocable by staff (issue 6)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from ombuds.cases.models import Case
from ombuds.cases.services import case_transition
from ombuds.core.models import AuditEntry
from ombuds.public.tests.test_request_form import URL, filled, form_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(client, office):
    html = client.post(URL, filled(form_key(client)), follow=True).content.decode()
    link = re.search(r'href="https?://[^/"]+(/status/[^"]+/)"', html).group(1)
    return Case.objects.get(), link


def test_it_shows_the_state_in_plain_words_without_details(office, sent):
    case, link = sent
    visitor = Client()
    response = visitor.get(link)
    assert response.status_code == 302 and "/status/verzoek/" in response["Location"]
    html = visitor.get(response["Location"]).content.decode()
    assert "Ontvangen" in html and "Binnen 5 werkdagen" in html
    for secret in ("Fenna", "huishoudelijke hulp", "fenna@example.nl"):
        assert secret not in html
    assert AuditEntry.objects.filter(event="status_link.viewed", object_label=case.reference)
    case_transition(user=office.ombudsman, case=case, target="intake")
    html = visitor.get(response["Location"]).content.decode()
    assert "In gesprek" in html


def test_it_is_english_under_en(office, sent):
    case, link = sent
    visitor = Client()
    html = visitor.get("/en" + link, follow=True).content.decode()
    assert '<html lang="en"' in html and "How is my request going?" in html


def test_a_wrong_token_is_a_quiet_404(client, office):
    assert client.get("/status/niet-goed/").status_code == 404


def test_staff_revoke_the_link_and_it_stops_working(office, sent):
    case, link = sent
    staff = Client()
    staff.force_login(office.ombudsman)
    page = staff.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "Statuslink intrekken" in page
    response = staff.post(reverse("public-staff:status_link_revoke", args=[case.reference]))
    assert response.status_code == 302
    assert Client().get(link).status_code == 404
    assert case.timeline.filter(summary="Statuslink van de inwoner ingetrokken").exists()
    outsider = Client()
    outsider.force_login(office.ombudsman_westerveld)
    refused = outsider.post(reverse("public-staff:status_link_revoke", args=[case.reference]))
    assert refused.status_code == 404


def _path(url: str) -> str:
    return re.search(r"https?://[^/]+(/.*)$", url).group(1)


def test_staff_make_a_link_for_a_phone_case_and_see_it_once(office):
    from ombuds.public.models import WebRequest
    from ombuds.tests.factories import register_case

    case = register_case(office, name="Bram Hofstede")
    staff = Client()
    staff.force_login(office.ombudsman)
    detail = reverse("cases:detail", args=[case.reference])
    page = staff.get(detail).content.decode()
    assert "De inwoner heeft nog geen statuslink." in page
    assert "Statuslink e-mailen" not in page, "no e-mail address"

    response = staff.post(reverse("public-staff:status_link_issue", args=[case.reference]),
                          {"how": "show"})
    assert response["Location"] == detail + "#statuslink"
    page = staff.get(detail).content.decode()
    link = re.search(r'<code class="ombuds-status-link">([^<]+)</code>', page).group(1)
    assert "U ziet hem maar één keer" in page
    assert "ombuds-status-link" not in staff.get(detail).content.decode(), "shown once"

    visitor = Client()
    status = visitor.get(_path(link), follow=True).content.decode()
    assert case.reference in status and "Bram" not in status
    web_request = WebRequest.objects.get(case=case)
    assert web_request.issued_by == office.ombudsman
    from ombuds.public.services import token_hash

    assert web_request.status_token_hash == token_hash(link.split("/status/")[1].strip("/"))
    assert case.timeline.filter(summary="Statuslink gemaakt voor de inwoner").exists()
    assert AuditEntry.objects.filter(event="status_link.issued",
                                     details__emailed=False).count() == 1


def test_a_new_link_replaces_the_old_one_even_after_a_revoke(office, sent):
    case, old_link = sent
    staff = Client()
    staff.force_login(office.ombudsman)
    staff.post(reverse("public-staff:status_link_revoke", args=[case.reference]))
    staff.post(reverse("public-staff:status_link_issue", args=[case.reference]), {"how": "show"})
    page = staff.get(reverse("cases:detail", args=[case.reference])).content.decode()
    new_link = re.search(r'<code class="ombuds-status-link">([^<]+)</code>', page).group(1)
    assert Client().get(old_link).status_code == 404
    assert Client().get(_path(new_link)).status_code == 302
    assert "Nieuwe statuslink maken" in page and "Statuslink intrekken" in page


def test_staff_e_mail_the_link_unless_the_resident_wants_no_e_mail(office):
    from ombuds.cases.services import PersonData, case_register
    from ombuds.core.models import OutboxMessage

    def case_of(**person):
        return case_register(user=office.ombudsman, municipality=office.steenwijkerland,
                             channel="telefoon", title="Vervoer", story="Verhaal.",
                             person_data=PersonData(name="Iris Kamphuis", **person))

    staff = Client()
    staff.force_login(office.ombudsman)
    mailed = case_of(email="iris@example.nl")
    page = staff.get(reverse("cases:detail", args=[mailed.reference])).content.decode()
    assert "Statuslink e-mailen aan de inwoner" in page
    staff.post(reverse("public-staff:status_link_issue", args=[mailed.reference]),
               {"how": "email"})
    message = OutboxMessage.objects.get()
    assert message.to == "iris@example.nl" and "Iris" not in message.subject
    assert "/status/" in message.body and mailed.reference in message.body
    assert AuditEntry.objects.filter(event="status_link.issued", details__emailed=True).exists()

    no_mail = case_of(email="iris@example.nl", avoid_channels=["email"])
    response = staff.post(reverse("public-staff:status_link_issue", args=[no_mail.reference]),
                          {"how": "email"}, follow=True)
    assert "wil niet gemaild worden" in response.content.decode()
    assert OutboxMessage.objects.count() == 1
    assert not no_mail.timeline.filter(summary__startswith="Statuslink").exists()


def test_a_replaced_link_also_stops_in_a_browser_that_opened_it(office, sent):
    case, old_link = sent
    visitor = Client()
    status_page = visitor.get(old_link)["Location"]
    assert visitor.get(status_page).status_code == 200
    staff = Client()
    staff.force_login(office.ombudsman)
    staff.post(reverse("public-staff:status_link_issue", args=[case.reference]), {"how": "show"})
    assert visitor.get(status_page).status_code == 404, "the old link's session is void"
    staff.post(reverse("public-staff:status_link_revoke", args=[case.reference]))
    staff.post(reverse("public-staff:status_link_issue", args=[case.reference]), {"how": "show"})
    assert visitor.get(status_page).status_code == 404, "also after a revoke and a new link"


def test_a_second_e_mail_right_after_the_first_is_refused(office):
    from ombuds.cases.services import PersonData, case_register
    from ombuds.core.models import OutboxMessage

    case = case_register(user=office.secretariaat, municipality=office.steenwijkerland,
                         channel="telefoon", title="Vervoer", story="Verhaal.",
                         person_data=PersonData(name="Iris Kamphuis", email="iris@example.nl"))
    staff = Client()
    staff.force_login(office.secretariaat)
    url = reverse("public-staff:status_link_issue", args=[case.reference])
    staff.post(url, {"how": "email"})
    again = staff.post(url, {"how": "email"}, follow=True).content.decode()
    assert "al een statuslink" in again
    assert OutboxMessage.objects.count() == 1
    entry = case.timeline.get(summary__startswith="Statuslink gemaakt")
    assert (entry.kind, entry.sent_to_resident) == ("email_uit", True)
