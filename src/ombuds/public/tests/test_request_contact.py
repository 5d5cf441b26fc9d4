"""How the resident can be reached: a real phone number or postcode, at least one way to be
reached or an explicit "wil niet benaderd worden", and fields the browser can fill in
(issue 15; WCAG 1.3.5)."""

from __future__ import annotations

import re

import pytest

from ombuds.cases.models import Case, TimelineEntry
from ombuds.core.models import OutboxMessage
from ombuds.public.tests.test_request_form import URL, filled, form_key

pytestmark = pytest.mark.django_db


def test_a_junk_phone_number_is_refused_and_kept_to_correct(client, office):
    response = client.post(URL, filled(form_key(client), email="", phone="abc<script>"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vul een telefoonnummer in zoals 06 12345678" in html
    assert 'href="#id_phone"' in html
    assert 'value="abc&lt;script&gt;"' in html  # kept, escaped, to correct
    assert not Case.objects.exists()


def test_a_junk_postcode_is_refused(client, office):
    response = client.post(URL, filled(form_key(client), postcode="abc<sc>"))
    assert response.status_code == 400
    assert "Vul een postcode in zoals 1234 AB." in response.content.decode()
    assert not Case.objects.exists()


def test_phone_and_postcode_are_stored_in_one_spelling(client, office):
    response = client.post(URL, filled(form_key(client), email="", phone="+31 (0)6-1234 5678",
                                       street="Markt 1", postcode="8331hk", city="Steenwijk"))
    assert response.status_code == 302
    person = Case.objects.get().person
    assert person.phone == "06 12345678"
    assert person.postcode == "8331 HK"


def test_an_address_without_a_postcode_is_no_way_to_reach_the_resident(client, office):
    response = client.post(URL, filled(form_key(client), email="", street="Markt 1",
                                       city="Steenwijk"))
    assert response.status_code == 400
    assert "Of kies ‘Ik wil niet benaderd worden’" in response.content.decode()
    assert not Case.objects.exists()
    response = client.post(URL, filled(form_key(client), email="", street="Markt 1",
                                       postcode="8331 HK", city="Steenwijk"))
    assert response.status_code == 302


def test_a_resident_who_wants_no_contact_may_leave_every_way_out(client, office):
    response = client.post(URL, filled(form_key(client), email="", no_contact="on"))
    assert response.status_code == 302
    case = Case.objects.get()
    assert sorted(case.person.avoid_channels) == ["email", "persoonlijk", "post", "telefoon"]
    assert case.person.preferred_channel == ""
    note = TimelineEntry.objects.get(case=case, kind="notitie")
    assert "wil niet benaderd worden" in note.body


def test_no_confirmation_email_to_a_resident_who_wants_no_contact(client, office):
    client.post(URL, filled(form_key(client), no_contact="on"))
    assert Case.objects.count() == 1
    assert not OutboxMessage.objects.exists()


def test_no_contact_and_a_preferred_channel_contradict(client, office):
    response = client.post(URL, filled(form_key(client), no_contact="on",
                                       preferred_channel="telefoon"))
    assert response.status_code == 400
    assert 'href="#id_preferred_channel_0"' in response.content.decode()
    assert not Case.objects.exists()


def test_the_english_form_says_it_in_english(client, office):
    url = "/en" + URL
    response = client.post(url, filled(form_key(client, url), email="", phone="123"))
    assert "Enter a phone number such as 06 12345678" in response.content.decode()
    assert "I do not want to be contacted" in response.content.decode()


@pytest.mark.parametrize("field,token", [
    ("name", "name"), ("email", "email"), ("phone", "tel"), ("street", "street-address"),
    ("postcode", "postal-code"), ("city", "address-level2"),
])
def test_personal_fields_say_what_the_browser_may_fill_in(client, office, field, token):
    html = client.get(URL).content.decode()
    tag = re.search(rf'<input[^>]*name="{field}"[^>]*>', html).group(0)
    assert f'autocomplete="{token}"' in tag
    if field == "phone":
        assert 'type="tel"' in tag


def test_the_name_of_someone_else_is_not_filled_in_with_ones_own(client, office):
    html = client.get(URL).content.decode()
    tag = re.search(r'<input[^>]*name="resident_name"[^>]*>', html).group(0)
    assert 'autocomplete="off"' in tag
