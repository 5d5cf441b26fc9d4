"""Issue 15, letters: to any party of the case (the representative included), by post only with
a postal address, about the meeting chosen, on the office's letterhead, written in an editor
with the preview and the readability check beside it; and the API draft for all of that."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from ombuds.cases.services import PersonData
from ombuds.core.models import OutboxMessage
from ombuds.correspondence.models import Letter
from ombuds.correspondence.services import NO_POSTAL_ADDRESS, letter_create, letter_draft
from ombuds.correspondence.tests.factories import full_case
from ombuds.correspondence.tests.test_services_letters import pdf_of, pdf_text
from ombuds.mediation.models import Meeting
from ombuds.tests.factories import api_as, register_case

pytestmark = pytest.mark.django_db

MOTHER, DAUGHTER = "Greet Bosman", "Marieke Bosman"


def case_with_daughter(office, **resident):
    """The daughter called for her mother: the mother is the resident, the daughter the
    representative, with her own address and e-mail."""
    case = register_case(
        office, name=MOTHER,
        representative_data=PersonData(name=DAUGHTER, street="Molenweg 8", postcode="8332 AB",
                                       city="Steenwijk", email="marieke@example.nl"),
        representative_relation="familie")
    for name, value in resident.items():
        setattr(case.person, name, value)
    case.person.save()
    return case


def add_meeting(case, user, *, days: int, status=Meeting.Status.HELD, minutes=""):
    return Meeting.objects.create(case=case, kind=Meeting.Kind.JOINT, status=status,
                                  starts_at=timezone.now() + timedelta(days=days),
                                  place="het gemeentehuis", minutes=minutes, created_by=user)


# --- the addressee --------------------------------------------------------------------------

def test_the_draft_to_the_representative_greets_her_and_is_about_the_resident(office):
    case = case_with_daughter(office)
    draft = letter_draft(case=case, kind="ontvangstbevestiging", addressee="vertegenwoordiger")
    assert draft.body.startswith(f"Beste {DAUGHTER},")
    assert MOTHER in draft.body  # the letter says whom it is about
    to_resident = letter_draft(case=case, kind="ontvangstbevestiging")
    assert to_resident.body.startswith(f"Beste {MOTHER},")


@pytest.mark.pdf
def test_the_representative_gets_the_letter_at_her_address_and_e_mail(client, office):
    case = case_with_daughter(office)
    draft = letter_draft(case=case, kind="ontvangstbevestiging", addressee="vertegenwoordiger")
    letter = letter_create(user=office.ombudsman, case=case, kind="ontvangstbevestiging",
                           channel="email", subject=draft.subject, body=draft.body,
                           addressee="vertegenwoordiger")
    assert (letter.addressee, letter.recipient, letter.party) == ("vertegenwoordiger", DAUGHTER, None)
    assert OutboxMessage.objects.get().to == "marieke@example.nl"
    assert letter.entry.sent_to_resident
    _, text = pdf_text(pdf_of(letter))
    assert f"{DAUGHTER} Molenweg 8 8332 AB Steenwijk" in text
    assert f"Over: {MOTHER}" in text
    client.force_login(office.ombudsman)
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert f"{DAUGHTER} (vertegenwoordiger)" in page


def test_a_case_without_representative_has_none_to_write_to(office):
    case = register_case(office)
    with pytest.raises(ValidationError) as error:
        letter_create(user=office.ombudsman, case=case, kind="brief_partij", channel="post",
                      subject="Vraag", body="Tekst", addressee="vertegenwoordiger")
    assert "geen vertegenwoordiger" in str(error.value.message_dict["recipient"])
    assert Letter.objects.count() == 0


def test_post_is_refused_without_a_postal_address(office):
    # A town alone is no postal address: the PDF would show only a name and a town.
    case = case_with_daughter(office, city="Steenwijk", email="greet@example.nl")
    with pytest.raises(ValidationError) as error:
        letter_create(user=office.ombudsman, case=case, kind="brief_partij", channel="post",
                      subject="Vraag", body="Tekst")
    assert error.value.message_dict["channel"] == [NO_POSTAL_ADDRESS]
    assert Letter.objects.count() == 0


def test_the_page_lists_the_representative_and_refuses_post_without_address_keeping_input(
        client, office):
    case = case_with_daughter(office, city="Steenwijk")
    client.force_login(office.ombudsman)
    url = reverse("correspondence:letter_add", args=[case.reference])
    page = client.get(url).content.decode()
    assert f"De vertegenwoordiger: {DAUGHTER} (familielid of naaste), over {MOTHER}" in page
    assert f"De inwoner: {MOTHER} — geen postadres en geen e-mailadres bekend" in page

    refused = client.post(url, {"step": "kiezen", "kind": "ontvangstbevestiging",
                                "recipient": "inwoner", "channel": "post"})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Er is geen postadres bekend van deze ontvanger" in html
    assert '<option value="inwoner" selected>' in html  # the choice is kept

    to_daughter = client.post(url, {"step": "kiezen", "kind": "ontvangstbevestiging",
                                    "recipient": "vertegenwoordiger", "channel": "post"})
    assert to_daughter.status_code == 200
    assert f"Beste {DAUGHTER}," in to_daughter.content.decode()


# --- the meeting ----------------------------------------------------------------------------

def test_the_report_is_about_the_meeting_chosen_not_the_latest(office):
    case, _, planned = full_case(office, 3)  # its meeting is still planned
    held = add_meeting(case, office.ombudsman, days=-10, minutes="We spraken over de traplift.")
    later = add_meeting(case, office.ombudsman, days=5, status=Meeting.Status.PLANNED)
    draft = letter_draft(case=case, kind="verslag", meeting=held)
    assert "We spraken over de traplift." in draft.body
    with pytest.raises(ValidationError) as error:
        letter_create(user=office.ombudsman, case=case, kind="verslag", channel="email",
                      subject="Verslag", body=draft.body, meeting=later)
    assert "gehouden gesprek" in str(error.value.message_dict["meeting"])
    with pytest.raises(ValidationError) as error:
        letter_create(user=office.ombudsman, case=case, kind="uitnodiging", channel="email",
                      subject="Uitnodiging", body="Tekst")
    assert "Kies over welk gesprek" in str(error.value.message_dict["meeting"])


@pytest.mark.pdf
def test_the_letter_stores_the_meeting_it_is_about(client, office):
    case, _, _ = full_case(office, 3)
    held = add_meeting(case, office.ombudsman, days=-10, minutes="Verslag van het gesprek.")
    client.force_login(office.ombudsman)
    url = reverse("correspondence:letter_add", args=[case.reference])
    page = client.get(url).content.decode()
    assert "Over welk gesprek?" in page and "(gehouden)" in page and "(gepland)" in page
    missing = client.post(url, {"step": "kiezen", "kind": "verslag", "recipient": "inwoner",
                                "channel": "email"})
    assert missing.status_code == 400 and "Kies over welk gesprek" in missing.content.decode()
    editor = client.post(url, {"step": "kiezen", "kind": "verslag", "recipient": "inwoner",
                               "meeting": held.pk, "channel": "email"})
    assert "Verslag van het gesprek." in editor.content.decode()
    data = {**editor.context["form"].initial, "step": "versturen"}
    data = {k: v for k, v in data.items() if k not in ("addressee", "party")}
    assert client.post(url, data).status_code == 302
    assert Letter.objects.get().meeting == held


# --- the letterhead -------------------------------------------------------------------------

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9"
                       "awAAAABJRU5ErkJggg==")


@pytest.mark.pdf
def test_the_letterhead_is_the_office_serving_the_municipality_with_its_logo(
        office, settings, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    settings.LETTERHEAD_LOGO = str(logo)
    case, _, _ = full_case(office, 3)
    the_office = case.municipality.office
    the_office.address, the_office.phone = "Markt 12\n8331 HK Steenwijk", "0521 12 34 56"
    the_office.email = "ombuds@example.nl"
    the_office.save()
    letter = letter_create(user=office.ombudsman, case=case, kind="brief_partij", channel="post",
                           subject="Een vraag", body="Beste Jan de Vries,\n\nEen vraag.")
    reader, text = pdf_text(pdf_of(letter))
    assert text.startswith(f"{the_office.name} Sociale ombudsfunctie voor de gemeente "
                           f"{case.municipality.name}")
    for words in ("Markt 12", "0521 12 34 56", "ombuds@example.nl"):
        assert words in text.split("Jan de Vries")[0], words
    assert not text.startswith("Gemeente")
    assert reader.pages[0]["/Resources"]["/XObject"]  # the logo
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "nl"


@pytest.mark.pdf
def test_a_logo_that_is_not_there_leaves_a_letterhead_of_text(office, settings, tmp_path):
    settings.LETTERHEAD_LOGO = str(tmp_path / "missing.png")
    case, _, _ = full_case(office, 3)
    letter = letter_create(user=office.ombudsman, case=case, kind="brief_partij", channel="post",
                           subject="Een vraag", body="Beste Jan de Vries,\n\nEen vraag.")
    reader, text = pdf_text(pdf_of(letter))
    assert not reader.pages[0]["/Resources"].get("/XObject")
    assert text.startswith(case.municipality.office.name)


# --- the editor -----------------------------------------------------------------------------

HARD = ("Naar aanleiding van uw correspondentie betreffende de onderhavige aangelegenheid delen "
        "wij u mede dat de gemeentelijke organisatie voornemens is de desbetreffende beschikking "
        "dienaangaande te heroverwegen, onverminderd de bevoegdheden van het bestuursorgaan "
        "krachtens de toepasselijke wettelijke voorschriften inzake maatschappelijke "
        "ondersteuning.")


def test_the_editor_shows_the_preview_beside_the_text_with_the_readability(client, office):
    case, _, _ = full_case(office, 3)
    client.force_login(office.ombudsman)
    url = reverse("correspondence:letter_add", args=[case.reference])
    editor = client.post(url, {"step": "kiezen", "kind": "ontvangstbevestiging",
                               "recipient": "inwoner", "channel": "post"})
    html = editor.content.decode()
    assert editor.status_code == 200
    assert 'class="ombuds-letter-editor"' in html and 'id="brief-voorbeeld"' in html
    assert "utrecht-textarea utrecht-textarea--html-textarea ombuds-letter-editor__text" in html
    assert "ombuds/css/letters.css" in html and "<script>" not in html and "style=" not in html
    assert f"Sociale ombudsfunctie voor de gemeente {case.municipality.name}" in html
    assert "Leesbaarheid: " in html and "moeilijker dan taalniveau B1" not in html
    assert "Kerkstraat 1" in html  # the addressee as the letter gives it

    data = {"kind": "ontvangstbevestiging", "recipient": "inwoner", "channel": "post",
            "meeting": "", "subject": "Uw vraag", "body": f"Beste Jan,\n\n{HARD}"}
    update = client.post(url, {**data, "step": "bijwerken"})
    html = update.content.decode()
    assert update.status_code == 200
    assert "moeilijker dan taalniveau B1" in html and "Lange zinnen:" in html
    assert HARD in html.split('id="brief-voorbeeld"')[1]  # in the preview
    textarea = html.split('name="body"')[1].split("</textarea>")[0]
    assert textarea.endswith(f">\nBeste Jan,\n\n{HARD}")  # and kept in the editor
    assert Letter.objects.count() == 0

    live = client.post(url, {**data, "step": "bijwerken"}, HTTP_HX_REQUEST="true")
    part = live.content.decode()
    assert "<html" not in part and "moeilijker dan taalniveau B1" in part and HARD in part


def test_an_edit_without_text_keeps_the_choices_and_shows_the_error(client, office):
    case, _, _ = full_case(office, 3)
    client.force_login(office.ombudsman)
    url = reverse("correspondence:letter_add", args=[case.reference])
    response = client.post(url, {"step": "versturen", "kind": "ontvangstbevestiging",
                                 "recipient": "inwoner", "channel": "post", "subject": "Vraag",
                                 "body": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tekst van de brief" in html and 'value="Vraag"' in html


# --- the API --------------------------------------------------------------------------------

def draft_url(case, **query) -> str:
    from urllib.parse import urlencode

    return f"/api/v1/cases/{case.reference}/letters/draft/?{urlencode(query)}"


def test_the_api_drafts_a_letter_to_the_representative(office):
    case = case_with_daughter(office)
    response = api_as(office.ombudsman).get(draft_url(case, kind="ontvangstbevestiging",
                                                      addressee="vertegenwoordiger"))
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["addressee"] == "vertegenwoordiger" and data["recipient"] == DAUGHTER
    assert data["channels"] == ["post", "email"]
    assert data["body"].startswith(f"Beste {DAUGHTER},")
    assert data["readability"]["above_b1"] is False and data["readability"]["label"]


def test_the_api_drafts_the_report_of_the_meeting_asked_for(office):
    case, party, _ = full_case(office, 3)
    held = add_meeting(case, office.ombudsman, days=-10, minutes="We spraken over de traplift.")
    api = api_as(office.ombudsman)
    response = api.get(draft_url(case, kind="verslag", meeting=held.pk, addressee="partij",
                                 party=party.pk))
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["meeting"] == held.pk and "We spraken over de traplift." in data["body"]
    assert data["channels"] == ["email"]  # the party's organisation has no postal address

    assert "meeting" in api.get(draft_url(case, kind="verslag")).json()
    other, _, _ = full_case(office, 3)
    foreign = add_meeting(other, office.ombudsman, days=-3)
    response = api.get(draft_url(case, kind="verslag", meeting=foreign.pk))
    assert response.status_code == 400 and "meeting" in response.json()
    response = api.get(draft_url(case, kind="brief_partij", addressee="partij"))
    assert response.status_code == 400 and "party" in response.json()
    response = api.get(draft_url(register_case(office), kind="brief_partij",
                                 addressee="vertegenwoordiger"))
    assert response.status_code == 400 and "addressee" in response.json()
