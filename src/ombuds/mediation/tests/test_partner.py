"""A party opens its link: it sees the question, and personal data only as consent allows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from ombuds.cases.models import CaseOrganisation, EntryKind, Person, TimelineEntry
from ombuds.core.models import AuditEntry, OutboxMessage
from ombuds.mediation.models import Consent, ConsentOverride, PartnerLink
from ombuds.mediation.partner import partner_link_create, partner_link_revoke, token_hash
from ombuds.tests.factories import OrganisationFactory, register_case

NAME = "Geertje Zwiers-Hoogland"
STORY = "Mijn thuiszorg komt al drie weken niet opdagen."
EMAIL = "geertje@example.org"
PHONE = "06-12345678"
PERSONAL = [NAME, STORY, EMAIL, PHONE, "Zwiers"]
QUESTION = "Wanneer kan de thuiszorg weer beginnen?"


@pytest.fixture
def world(office):
    person = Person.objects.create(office=office.office, name=NAME, email=EMAIL, phone=PHONE)
    case = register_case(office, person=person, story=STORY)
    organisation = OrganisationFactory(name="Zorggroep Noord", municipalities=[office.steenwijkerland])
    party = CaseOrganisation.objects.create(case=case, organisation=organisation,
                                            contact_person="Mw. De Boer",
                                            contact_email="zorg@example.org")
    return office, case, party


def make_link(world, **kwargs):
    office, case, party = world
    return partner_link_create(user=office.ombudsman, case=case, party=party,
                               purpose=kwargs.pop("purpose", "informatie"),
                               question=QUESTION, **kwargs)


def consent(world, **kwargs):
    office, case, party = world
    defaults = {"purpose": "informatie_delen", "scope": "het verhaal", "given_on": date.today(),
                "given_how": "mondeling", "given_by": "de inwoner",
                "recorded_by": office.ombudsman}
    return Consent.objects.create(case=case, party=party, **(defaults | kwargs))


def open_link(token: str, client: Client | None = None):
    """Open the link as a party would: the token page redirects to the request page."""
    client = client or Client()
    first = client.get(f"/partner/{token}/")
    assert first.status_code == 302
    assert token not in first["Location"]
    return client, client.get(first["Location"])


def text(response) -> str:
    return response.content.decode()


@pytest.mark.django_db
def test_it_stores_only_the_hash_of_the_token_and_mails_the_link(world):
    link, token = make_link(world)
    assert link.token_hash == token_hash(token) and token not in link.token_hash
    mail = OutboxMessage.objects.get(to="zorg@example.org")
    assert mail.subject == f"Verzoek van de sociale ombudsfunctie ({world[1].reference})"
    assert f"/partner/{token}/" in mail.body
    for secret in PERSONAL:
        assert secret not in mail.subject and secret not in mail.body
    assert not AuditEntry.objects.filter(details__icontains=token).exists()
    entry = TimelineEntry.objects.filter(case=world[1], kind=EntryKind.EMAIL_OUT).get()
    assert "Zorggroep Noord" in entry.summary and token not in entry.body


@pytest.mark.django_db
def test_a_party_without_consent_sees_nothing_personal(world):
    link, token = make_link(world)
    client, page = open_link(token)
    body = text(page)
    assert page.status_code == 200
    assert QUESTION in body and world[1].reference in body
    for secret in PERSONAL:
        assert secret not in body
    assert "geen toestemming" in body
    entry = AuditEntry.objects.filter(event="partner.viewed").get()
    assert entry.user is None and entry.action == "R"
    assert entry.details["party"] == world[2].pk and entry.details["link"] == link.pk
    assert entry.details["shared"] == []
    assert token not in str(entry.details)


@pytest.mark.django_db
def test_a_consent_for_story_and_contact_shows_them(world):
    given = consent(world, shares_story=True, shares_contact=True)
    link, token = make_link(world)
    _, page = open_link(token)
    body = text(page)
    for secret in (NAME, STORY, EMAIL, PHONE):
        assert secret in body
    entry = AuditEntry.objects.filter(event="partner.viewed").get()
    assert entry.authorisation == f"toestemming {given.pk}"


@pytest.mark.django_db
def test_a_consent_for_the_story_only_keeps_the_name_and_contact_back(world):
    consent(world, shares_story=True, shares_contact=False)
    _, token = make_link(world)
    body = text(open_link(token)[1])
    assert STORY in body
    for secret in (NAME, EMAIL, PHONE):
        assert secret not in body


@pytest.mark.django_db
def test_a_consent_for_another_purpose_shares_nothing(world):
    consent(world, purpose="gesprek", shares_story=True, shares_contact=True)
    _, token = make_link(world)
    body = text(open_link(token)[1])
    for secret in PERSONAL:
        assert secret not in body


@pytest.mark.django_db
def test_a_revoked_consent_stops_personal_data_at_once(world):
    given = consent(world, shares_story=True, shares_contact=True)
    _, token = make_link(world)
    client, page = open_link(token)
    assert STORY in text(page)
    Consent.objects.filter(pk=given.pk).update(revoked_on=date.today())
    page = client.get(page.request["PATH_INFO"])
    body = text(page)
    assert page.status_code == 200
    for secret in PERSONAL:
        assert secret not in body
    assert "ingetrokken" in body


@pytest.mark.django_db
def test_the_override_shows_story_and_name_and_marks_the_audit_entry(world):
    office, case, party = world
    override = ConsentOverride.objects.create(case=case, party=party, decided_by=office.ombudsman,
                                              justification="Dreigende uithuisplaatsing")
    _, token = make_link(world)
    body = text(open_link(token)[1])
    assert NAME in body and STORY in body
    assert EMAIL not in body and PHONE not in body
    assert "vitaal belang" in body
    entry = AuditEntry.objects.filter(event="partner.viewed").get()
    assert entry.authorisation == "doorbreking: vitaal belang"
    assert entry.details["override"] == override.pk


@pytest.mark.django_db
def test_an_expired_link_is_gone_without_case_data(world):
    consent(world, shares_story=True, shares_contact=True)
    link, token = make_link(world)
    PartnerLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = Client().get(f"/partner/{token}/")
    assert response.status_code == 410
    body = text(response)
    assert "werkt niet meer" in body and "Sociale ombudsfunctie" in body
    for secret in [*PERSONAL, QUESTION, world[1].reference]:
        assert secret not in body
    assert not AuditEntry.objects.filter(event="partner.viewed").exists()


@pytest.mark.django_db
def test_a_link_expiring_while_open_stops_on_the_next_page(world):
    link, token = make_link(world)
    client, page = open_link(token)
    PartnerLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    again = client.get(page.request["PATH_INFO"])
    assert again.status_code == 410 and QUESTION not in text(again)


@pytest.mark.django_db
def test_a_revoked_link_is_gone_without_case_data(world):
    office, case, _ = world
    consent(world, shares_story=True, shares_contact=True)
    link, token = make_link(world)
    client, page = open_link(token)
    partner_link_revoke(user=office.ombudsman, case=case, link=link)
    for response in (client.get(page.request["PATH_INFO"]), Client().get(f"/partner/{token}/")):
        assert response.status_code == 410
        body = text(response)
        assert "ingetrokken" in body
        for secret in [*PERSONAL, QUESTION, case.reference]:
            assert secret not in body


@pytest.mark.django_db
def test_an_unknown_token_is_not_found(world):
    make_link(world)
    assert Client().get("/partner/verzonnen-token/").status_code == 404


@pytest.mark.django_db
def test_the_request_page_needs_the_token_first(world):
    link, _ = make_link(world)
    response = Client().get(f"/partner/verzoek/{link.pk}/")
    assert response.status_code == 404
    assert QUESTION not in text(response)


@pytest.mark.django_db
def test_the_answer_lands_in_the_timeline(world):
    office, case, party = world
    link, token = make_link(world)
    client, page = open_link(token)
    response = client.post(page.request["PATH_INFO"], {
        "text": "De thuiszorg start maandag weer.",
        "attachment": SimpleUploadedFile("planning.txt", b"maandag 9 uur"),
    })
    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Bedankt voor uw antwoord" in text(thanks)
    entry = TimelineEntry.objects.get(case=case, kind=EntryKind.PARTNER_ANSWER)
    assert entry.author == office.ombudsman
    assert entry.summary == "Antwoord van Zorggroep Noord"
    assert "De thuiszorg start maandag weer." in entry.body
    assert entry.attachments.get().original_name == "planning.txt"
    audit = AuditEntry.objects.get(event="partner.answered")
    assert audit.action == "C" and audit.user is None
    assert audit.details["link"] == link.pk and audit.details["party"] == party.pk


@pytest.mark.django_db
def test_an_empty_answer_shows_the_error_summary(world):
    _, token = make_link(world)
    client, page = open_link(token)
    response = client.post(page.request["PATH_INFO"], {"text": "  "})
    assert response.status_code == 400
    assert "Schrijf uw antwoord." in text(response)
    assert not TimelineEntry.objects.filter(kind=EntryKind.PARTNER_ANSWER).exists()


@pytest.mark.django_db
def test_a_link_takes_one_answer(world):
    _, token = make_link(world)
    client, page = open_link(token)
    path = page.request["PATH_INFO"]
    assert client.post(path, {"text": "Eerste antwoord"}).status_code == 302
    second = client.post(path, {"text": "Tweede antwoord"})
    assert second.status_code == 410
    assert "al beantwoord" in text(second)
    again = Client().get(f"/partner/{token}/")
    assert again.status_code == 410 and QUESTION not in text(again)
    assert TimelineEntry.objects.filter(kind=EntryKind.PARTNER_ANSWER).count() == 1


@pytest.mark.django_db
def test_the_token_stays_out_of_the_request_log(world, caplog):
    link, token = make_link(world)
    PartnerLink.objects.filter(pk=link.pk).update(revoked_at=timezone.now())
    Client().get(f"/partner/{token}/")
    Client().get("/partner/onbekend-token-123/")
    assert token not in caplog.text and "onbekend-token-123" not in caplog.text
