"""The resident survey: invited after closure, answered once, stored without case or person."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from ombuds.cases.models import Case, Person
from ombuds.core.models import OutboxMessage
from ombuds.mediation.models import SurveyInvitation, SurveyResponse
from ombuds.mediation.survey import survey_invite
from ombuds.tests.factories import register_case

ANSWERS = {"felt_heard": "ja", "problem_solved": "deels", "grade": "8",
           "remark": "Fijn dat er iemand luisterde."}


@pytest.fixture
def closed_case(office):
    person = Person.objects.create(office=office.office, name="Hendrik Mulder-Bakker",
                                   email="hendrik@example.org")
    case = register_case(office, person=person)
    Case.objects.filter(pk=case.pk).update(closed_at=timezone.now(), status="afgesloten")
    case.refresh_from_db()
    return case


def answer(token, data=None, client=None):
    client = client or Client()
    first = client.get(f"/enquete/{token}/")
    if first.status_code != 302:
        return client, first
    assert token not in first["Location"]
    return client, client.post(first["Location"], data or ANSWERS)


@pytest.mark.django_db
def test_it_is_not_sent_before_closure(office):
    case = register_case(office)
    with pytest.raises(ValidationError):
        survey_invite(case=case, user=office.ombudsman)
    assert not SurveyInvitation.objects.exists()


@pytest.mark.django_db
def test_it_mails_the_resident_without_names(office, closed_case):
    invitation, token, emailed = survey_invite(case=closed_case, user=office.ombudsman)
    assert emailed
    mail = OutboxMessage.objects.get(to="hendrik@example.org")
    assert f"/enquete/{token}/" in mail.body and "Mulder" not in mail.subject + mail.body
    assert closed_case.reference not in mail.subject


@pytest.mark.django_db
def test_it_does_not_mail_a_resident_who_avoids_email(office, closed_case):
    Person.objects.filter(pk=closed_case.person_id).update(avoid_channels=["email"])
    closed_case.refresh_from_db()
    _, _, emailed = survey_invite(case=closed_case, user=office.ombudsman)
    assert not emailed and not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_the_answer_keeps_no_case_or_person(office, closed_case):
    _, token, _ = survey_invite(case=closed_case, user=office.ombudsman)
    client, response = answer(token)
    assert response.status_code == 302
    assert "Bedankt" in client.get(response["Location"]).content.decode()
    row = SurveyResponse.objects.get()
    fields = {f.name for f in SurveyResponse._meta.concrete_fields}
    assert fields == {"id", "municipality", "variant", "closed_month", "felt_heard",
                      "problem_solved", "grade", "remark"}
    assert row.municipality_id == closed_case.municipality_id
    assert row.variant == closed_case.workflow.variant == 3
    assert row.closed_month == timezone.localtime(closed_case.closed_at).date().replace(day=1)
    assert (row.felt_heard, row.problem_solved, row.grade) == ("ja", "deels", 8)
    assert SurveyInvitation.objects.get().answered


@pytest.mark.django_db
def test_it_takes_one_answer(office, closed_case):
    _, token, _ = survey_invite(case=closed_case, user=office.ombudsman)
    answer(token)
    _, again = answer(token)
    assert again.status_code == 410
    assert "al beantwoord" in again.content.decode()
    assert SurveyResponse.objects.count() == 1


@pytest.mark.django_db
def test_a_second_post_in_the_same_session_is_refused(office, closed_case):
    _, token, _ = survey_invite(case=closed_case, user=office.ombudsman)
    client = Client()
    form_url = client.get(f"/enquete/{token}/")["Location"]
    assert client.post(form_url, ANSWERS).status_code == 302
    assert client.post(form_url, ANSWERS).status_code == 404
    assert SurveyResponse.objects.count() == 1


@pytest.mark.django_db
def test_missing_answers_show_the_error_summary(office, closed_case):
    _, token, _ = survey_invite(case=closed_case, user=office.ombudsman)
    _, response = answer(token, {"felt_heard": "ja", "grade": "11"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Er ontbreekt nog een antwoord" in body and "Kies ja, een beetje of nee." in body
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_an_expired_or_unknown_link_is_polite(office, closed_case):
    invitation, token, _ = survey_invite(case=closed_case, user=office.ombudsman)
    SurveyInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1))
    response = Client().get(f"/enquete/{token}/")
    assert response.status_code == 410 and "werkt niet meer" in response.content.decode()
    assert closed_case.reference not in response.content.decode()
    assert Client().get("/enquete/verzonnen/").status_code == 404


@pytest.mark.django_db
def test_inviting_again_replaces_the_old_link(office, closed_case):
    _, old, _ = survey_invite(case=closed_case, user=office.ombudsman)
    _, new, _ = survey_invite(case=closed_case, user=office.ombudsman)
    assert Client().get(f"/enquete/{old}/").status_code == 404
    assert Client().get(f"/enquete/{new}/").status_code == 302
