"""One recommendation concept for signals and for the ombudsfunctie's report on a complaint
(variant 6, issue 13): a recommendation hangs from a signal or from a case, never both; the
staff record it and the municipality's response on the case, and are reminded when the
response is late, also after the case was closed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.test import RequestFactory

from ombuds.accounts.roles import Role
from ombuds.cases.services import case_transition
from ombuds.core.models import AuditEntry, OutboxMessage
from ombuds.signals import services
from ombuds.signals.models import Recommendation, Signal
from ombuds.signals.tasks import send_signal_reminders
from ombuds.tests.factories import (
    OrganisationFactory,
    municipality_in_variant,
    register_case,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 20)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


def municipality(office, variant: int):
    return municipality_in_variant(office, variant, roles={"secretariaat": Role.SECRETARIAT})


@pytest.fixture
def request_to_ombudsfunctie(office):
    """A variant-6 case: a request to the ombudsfunctie after the municipality's handling."""
    return register_case(office, municipality=municipality(office, 6))


def add(office, case, **values):
    return services.case_recommendation_add(
        user=office.ombudsman, case=case, **{"addressee": "Het college", "text": "Bel terug.",
                                             "due_on": TODAY + timedelta(weeks=6), **values})


def close(office, case):
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="ingetrokken")


# --- the model -------------------------------------------------------------------------------

def test_a_recommendation_hangs_from_a_signal_or_a_case_never_both_or_neither(
        office, request_to_ombudsfunctie):
    organisation = OrganisationFactory(municipalities=[office.steenwijkerland])
    signal = services.signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                                    title="Patroon", description="Steeds hetzelfde",
                                    organisation=organisation)
    values = {"addressee": "College", "text": "Doe iets", "due_on": TODAY,
              "created_by": office.ombudsman}
    for owners in ({}, {"signal": signal, "case": request_to_ombudsfunctie}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Recommendation.objects.create(**owners, **values)
    Recommendation.objects.create(signal=signal, **values)
    Recommendation.objects.create(case=request_to_ombudsfunctie, **values)
    assert Recommendation.objects.count() == 2


# --- the services ----------------------------------------------------------------------------

def test_the_report_of_a_variant_6_case_carries_a_recommendation_audited_on_the_case(
        office, request_to_ombudsfunctie):
    case = request_to_ombudsfunctie
    recommendation = add(office, case, text="  Bel de inwoner binnen een week terug. ")
    assert (recommendation.case, recommendation.signal) == (case, None)
    assert recommendation.text == "Bel de inwoner binnen een week terug."
    assert list(case.recommendations.all()) == [recommendation]
    entry = AuditEntry.objects.get(event="recommendation.added")
    assert (entry.object_type, entry.object_id) == ("cases.case", str(case.pk))
    assert entry.details == {"recommendation": recommendation.pk}
    assert case.timeline.filter(summary="Aanbeveling aan Het college").exists()


def test_only_a_variant_6_case_with_its_complaint_carries_recommendations(office):
    for case in (register_case(office), register_case(office, municipality=municipality(office, 4))):
        with pytest.raises(ValidationError, match="variant 6"):
            add(office, case)
    assert not Recommendation.objects.exists()


def test_the_input_is_checked_with_a_dutch_message_per_field(office, request_to_ombudsfunctie):
    with pytest.raises(ValidationError) as refused:
        add(office, request_to_ombudsfunctie, addressee=" ", text="", due_on=None)
    assert set(refused.value.message_dict) == {"addressee", "text", "due_on"}


def test_a_closed_case_takes_no_new_recommendation_but_its_response_comes_later(
        office, request_to_ombudsfunctie):
    case = request_to_ombudsfunctie
    recommendation = add(office, case)
    close(office, case)
    case.refresh_from_db()
    with pytest.raises(ValidationError, match="afgesloten"):
        add(office, case)
    services.recommendation_record_response(user=office.ombudsman, recommendation=recommendation,
                                            adoption="deels", response="Alleen bij Wmo.")
    recommendation.refresh_from_db()
    assert (recommendation.adoption, recommendation.responded_on) == ("deels", TODAY)
    entry = AuditEntry.objects.get(event="recommendation.response_recorded")
    assert (entry.object_type, entry.object_id) == ("cases.case", str(case.pk))


def test_the_secretariat_records_no_recommendation(office, request_to_ombudsfunctie):
    with pytest.raises(PermissionDenied):
        services.case_recommendation_add(user=office.secretariaat, case=request_to_ombudsfunctie,
                                         addressee="College", text="Tekst", due_on=TODAY)
    recommendation = add(office, request_to_ombudsfunctie)
    with pytest.raises(PermissionDenied):
        services.recommendation_record_response(user=office.secretariaat,
                                                recommendation=recommendation, adoption="niet")


# --- the pages and the tag -------------------------------------------------------------------

def url(case, step):
    return f"/werk/zaken/{case.reference}/aanbevelingen/{step}/"


def test_the_ombudsperson_adds_a_recommendation_and_the_response_on_the_case(
        client, office, request_to_ombudsfunctie):
    case = request_to_ombudsfunctie
    client.force_login(office.ombudsman)
    page = client.get(url(case, "nieuw"))
    assert page.status_code == 200
    assert "Het college van burgemeester en wethouders" in page.content.decode()
    refused = client.post(url(case, "nieuw"), {"addressee": "Het college", "text": "",
                                                "due_on": "1-6-2026"})
    assert refused.status_code == 400
    body = refused.content.decode()
    assert "Schrijf de aanbeveling." in body and 'value="Het college"' in body
    done = client.post(url(case, "nieuw"), {"addressee": "Het college", "text": "Bel terug.",
                                             "due_on": "1-6-2026"})
    assert done.status_code == 302
    assert done["Location"] == f"/werk/zaken/{case.reference}/#aanbevelingen"
    recommendation = Recommendation.objects.get(case=case)
    assert recommendation.due_on == date(2026, 6, 1)

    form = client.get(url(case, "reactie"), {"aanbeveling": recommendation.pk})
    assert form.status_code == 200 and "Bel terug." in form.content.decode()
    saved = client.post(url(case, "reactie"), {"aanbeveling": recommendation.pk,
                                               "adoption": "overgenomen",
                                               "response": "Wordt gedaan."})
    assert saved.status_code == 302
    recommendation.refresh_from_db()
    assert (recommendation.adoption, recommendation.response) == ("overgenomen", "Wordt gedaan.")


def test_the_pages_are_not_there_for_other_cases_or_other_users(client, office,
                                                                request_to_ombudsfunctie):
    client.force_login(office.ombudsman)
    assert client.get(url(register_case(office), "nieuw")).status_code == 404
    other = Recommendation.objects.create(case=register_case(
        office, municipality=request_to_ombudsfunctie.municipality), addressee="X", text="Y",
        due_on=TODAY, created_by=office.ombudsman)
    response = client.get(url(request_to_ombudsfunctie, "reactie"), {"aanbeveling": other.pk})
    assert response.status_code == 302  # another case's recommendation: back to the case
    client.force_login(office.secretariaat)
    assert client.get(url(request_to_ombudsfunctie, "nieuw")).status_code == 403
    client.force_login(office.beleid)
    assert client.get(url(request_to_ombudsfunctie, "nieuw")).status_code in (403, 404)


def render_tag(user, case) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return Template("{% load signals %}{% case_recommendations case %}").render(
        Context({"case": case, "request": request}))


def test_the_tag_lists_the_recommendations_with_links_only_for_variant_6(
        office, request_to_ombudsfunctie):
    case = request_to_ombudsfunctie
    recommendation = add(office, case, text="Bel de inwoner terug.")
    html = render_tag(office.ombudsman, case)
    assert "Aanbevelingen aan de gemeente" in html and "Bel de inwoner terug." in html
    assert f"{url(case, 'reactie')}?aanbeveling={recommendation.pk}" in html
    assert url(case, "nieuw") in html
    assert "Nog niet bekend" in html
    secretariat = render_tag(office.secretariaat, case)
    assert "Bel de inwoner terug." in secretariat and url(case, "reactie") not in secretariat
    assert render_tag(office.ombudsman, register_case(office)).strip() == ""


# --- reminders -------------------------------------------------------------------------------

def test_a_late_response_to_a_case_recommendation_is_reminded_once_also_after_closure(
        office, request_to_ombudsfunctie):
    office.ombudsman.email = "ombudsman@example.org"
    office.ombudsman.save()
    case = request_to_ombudsfunctie
    late = add(office, case, due_on=TODAY - timedelta(days=1))
    add(office, case, due_on=TODAY + timedelta(days=1), text="Nog niet over tijd")
    close(office, case)
    organisation = OrganisationFactory(municipalities=[office.steenwijkerland])
    signal = services.signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                                    title="Stil signaal", description="Patroon",
                                    organisation=organisation)
    on_signal = services.recommendation_add(user=office.ombudsman, signal=signal,
                                            addressee="College", text="Plan",
                                            due_on=TODAY - timedelta(days=2))
    OutboxMessage.objects.all().delete()

    assert send_signal_reminders.call(today=TODAY.isoformat()) == 1
    mail = OutboxMessage.objects.get()
    assert mail.subject == "Ombuds: 2 punten bij signalen en aanbevelingen om op te volgen"
    assert f"Zaak {case.reference}, aan Het college" in mail.body
    assert f"/werk/zaken/{case.reference}/aanbevelingen/reactie/?aanbeveling={late.pk}" in mail.body
    assert f"#aanbeveling-{on_signal.pk}" in mail.body
    assert "Nog niet over tijd" not in mail.body
    assert send_signal_reminders.call(today=TODAY.isoformat()) == 0
    Signal.objects.filter(pk=signal.pk).update(status="afgesloten")
    late.due_on = TODAY - timedelta(days=3)
    late.save()
    assert send_signal_reminders.call(today=TODAY.isoformat()) == 1


def test_an_answered_case_recommendation_is_not_reminded(office, request_to_ombudsfunctie):
    office.ombudsman.email = "ombudsman@example.org"
    office.ombudsman.save()
    recommendation = add(office, request_to_ombudsfunctie, due_on=TODAY - timedelta(days=5))
    services.recommendation_record_response(user=office.ombudsman, recommendation=recommendation,
                                            adoption="niet")
    assert send_signal_reminders.call(today=TODAY.isoformat()) == 0
