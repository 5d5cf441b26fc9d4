"""The version of a signal for publication (issue 16): texts written for the council, checked
for personal data before they may be marked publishable, withdrawn when edited, and the items
the reports publish."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ombuds.accounts.roles import Role
from ombuds.cases.models import CaseOrganisation
from ombuds.core.models import AuditEntry
from ombuds.reports.periods import Period
from ombuds.signals import publication, services
from ombuds.signals.models import Recommendation, Signal
from ombuds.tests.factories import (
    OrganisationFactory,
    municipality_in_variant,
    register_case,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 15)
GOOD = {"public_title": "Lange wachttijd voor hulpmiddelen",
        "public_text": "Inwoners wachten maanden op een besluit over een rolstoel of "
                       "scootmobiel, langer dan de wettelijke termijn van acht weken.",
        "public_response": ""}


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime(2026, 6, 15, 10, 0), tick=False):
        yield


@pytest.fixture
def organisation(office):
    return OrganisationFactory(name="Wmo-team", municipalities=[office.steenwijkerland])


@pytest.fixture
def case(office):
    return register_case(office, name="Geertje Zwiers-Hoogland")


@pytest.fixture
def signal(office, organisation, case):
    return services.signal_create(
        user=office.ombudsman, municipality=office.steenwijkerland,
        title="Wachttijd hulpmiddelen", description="Inwoners wachten lang.",
        organisation=organisation, cases=[case], raised_on=date(2026, 3, 2))


def write(office, signal, **texts):
    return publication.signal_publication_update(user=office.ombudsman, signal=signal,
                                                 **(GOOD | texts))


def refusal(call) -> publication.PublicationRefused:
    with pytest.raises(publication.PublicationRefused) as refused:
        call()
    return refused.value


# --- marking publishable --------------------------------------------------------------------

def test_it_refuses_a_residents_name_from_a_linked_case_and_says_so_on_the_field(office, signal):
    write(office, signal, public_text="Mevrouw Zwiers-Hoogland wachtte vijf maanden op een "
                                      "rolstoel.")
    refused = refusal(lambda: publication.signal_mark_publishable(user=office.ombudsman,
                                                                  signal=signal))
    message = refused.message_dict["public_text"][0]
    assert message.startswith("Er staan nog twee namen (Zwiers, Hoogland) in de tekst.")
    assert set(refused.message_dict) == {"public_text"}
    assert {f.kind for f in refused.found["public_text"]} == {"naam"}
    signal.refresh_from_db()
    assert signal.publishable_at is None
    assert not AuditEntry.objects.filter(event="signal.marked_publishable").exists()


def test_it_refuses_a_phone_number_without_repeating_it(office, signal):
    write(office, signal, public_text=GOOD["public_text"] + " Bel 06-12345678 voor uitleg.")
    refused = refusal(lambda: publication.signal_mark_publishable(user=office.ombudsman,
                                                                  signal=signal))
    message = refused.message_dict["public_text"][0]
    assert "telefoonnummer" in message and "12345678" not in message


def test_it_checks_the_contact_persons_of_parties_and_the_staff_of_the_municipality(
        office, signal, case, organisation):
    CaseOrganisation.objects.create(case=case, organisation=organisation,
                                    contact_person="Pieter Oosterbeek")
    office.coordinator.first_name, office.coordinator.last_name = "Henriëtte", "Kleinjan"
    office.coordinator.save()
    # not staff of Steenwijkerland
    office.beheer.memberships.filter(municipality=office.steenwijkerland).delete()
    office.beheer.first_name, office.beheer.last_name = "Wieteke", "Ottevanger"
    office.beheer.save()
    write(office, signal, public_text="Oosterbeek van het Wmo-team sprak met Kleinjan, en "
                                      "later met Ottevanger.")
    refused = refusal(lambda: publication.signal_mark_publishable(user=office.ombudsman,
                                                                  signal=signal))
    assert {f.text for f in refused.found["public_text"]} == {"Oosterbeek", "Kleinjan"}


def test_it_asks_for_every_text_and_for_the_response_once_the_organisation_answered(
        office, signal):
    write(office, signal, public_title=" ", public_text="")
    refused = refusal(lambda: publication.signal_mark_publishable(user=office.ombudsman,
                                                                  signal=signal))
    assert set(refused.message_dict) == {"public_title", "public_text"}
    Signal.objects.filter(pk=signal.pk).update(answer="Wij werven een extra consulent.")
    write(office, signal)
    refused = refusal(lambda: publication.signal_mark_publishable(user=office.ombudsman,
                                                                  signal=signal))
    assert refused.message_dict == {"public_response": [publication.EMPTY["public_response"]]}


def test_it_marks_a_checked_signal_publishable_and_audits_it(office, signal):
    write(office, signal)
    publication.signal_mark_publishable(user=office.coordinator, signal=signal)
    signal.refresh_from_db()
    assert signal.publishable_at == timezone.now() and signal.publishable_by == office.coordinator
    entry = AuditEntry.objects.get(event="signal.marked_publishable")
    assert entry.object_id == str(signal.pk) and entry.user == office.coordinator
    assert AuditEntry.objects.filter(event="signal.publication_updated",
                                     details__fields=["public_title", "public_text"]).exists()


def test_only_ombudspersons_and_coordinators_of_the_municipality_publish(office, signal):
    write(office, signal)
    for user in (office.beleid, office.secretariaat, office.ombudsman_westerveld):
        with pytest.raises(PermissionDenied):
            publication.signal_mark_publishable(user=user, signal=signal)
        with pytest.raises(PermissionDenied):
            publication.signal_publication_update(user=user, signal=signal, **GOOD)
    signal.refresh_from_db()
    assert signal.publishable_at is None


def test_changing_a_public_text_withdraws_publication_and_saving_it_unchanged_does_not(
        office, signal):
    write(office, signal)
    publication.signal_mark_publishable(user=office.ombudsman, signal=signal)
    write(office, signal)  # the same texts
    signal.refresh_from_db()
    assert signal.publishable_at is not None
    write(office, signal, public_text=GOOD["public_text"] + " Het gaat om tientallen inwoners.")
    signal.refresh_from_db()
    assert signal.publishable_at is None and signal.publishable_by is None
    assert AuditEntry.objects.filter(event="signal.publication_updated",
                                     details__withdrawn=True).count() == 1


def test_withdrawing_by_hand_is_audited(office, signal):
    write(office, signal)
    publication.signal_mark_publishable(user=office.ombudsman, signal=signal)
    publication.signal_unmark_publishable(user=office.ombudsman, signal=signal)
    signal.refresh_from_db()
    assert signal.publishable_at is None
    assert AuditEntry.objects.filter(event="signal.unmarked_publishable").count() == 1


# --- recommendations ----------------------------------------------------------------------

def recommend(office, signal, **values):
    return services.recommendation_add(user=office.ombudsman, signal=signal,
                                       **{"addressee": "Wmo-team", "text": "Bel terug.",
                                          "due_on": TODAY + timedelta(weeks=6), **values})


def test_a_recommendation_is_checked_with_the_names_of_its_signals_cases(office, signal):
    recommendation = recommend(office, signal)
    publication.recommendation_publication_update(
        user=office.ombudsman, recommendation=recommendation,
        public_text="Bel Geertje binnen twee weken terug.", public_response="")
    refused = refusal(lambda: publication.recommendation_mark_publishable(
        user=office.ombudsman, recommendation=recommendation))
    assert "naam (Geertje)" in refused.message_dict["public_text"][0]
    publication.recommendation_publication_update(
        user=office.ombudsman, recommendation=recommendation,
        public_text="Bel elke aanvrager binnen twee weken terug.", public_response="")
    publication.recommendation_mark_publishable(user=office.ombudsman,
                                                recommendation=recommendation)
    recommendation.refresh_from_db()
    assert recommendation.publishable_at is not None
    assert AuditEntry.objects.filter(event="recommendation.marked_publishable",
                                     object_id=str(signal.pk)).exists()


def test_publishing_a_signal_takes_its_recommendations_with_a_text_all_or_nothing(
        office, signal):
    named = recommend(office, signal, addressee="College")
    silent = recommend(office, signal, addressee="Zorgaanbieder")
    publication.signal_publication_update(
        user=office.ombudsman, signal=signal, **GOOD,
        recommendations={named.pk: ("Spreek mevrouw Zwiers-Hoogland aan.", "")})
    refused = refusal(lambda: publication.signal_publish(user=office.ombudsman, signal=signal))
    assert set(refused.message_dict) == {publication.recommendation_field(named.pk,
                                                                          "public_text")}
    signal.refresh_from_db()
    assert signal.publishable_at is None  # nothing was marked
    publication.signal_publication_update(
        user=office.ombudsman, signal=signal, **GOOD,
        recommendations={named.pk: ("Bel aanvragers binnen twee weken terug.", "")})
    publication.signal_publish(user=office.ombudsman, signal=signal)
    signal.refresh_from_db()
    named.refresh_from_db()
    silent.refresh_from_db()
    assert signal.publishable_at and named.publishable_at and silent.publishable_at is None


def test_a_case_recommendation_is_checked_with_the_names_of_its_case(office):
    municipality = municipality_in_variant(office, 6, roles={"coordinator": Role.COORDINATOR})
    case = register_case(office, municipality=municipality, name="Bartholomeus Wijnstok")
    recommendation = services.case_recommendation_add(
        user=office.ombudsman, case=case, addressee="Het college", text="Excuses aanbieden.",
        due_on=TODAY + timedelta(weeks=6))
    publication.recommendation_publication_update(
        user=office.ombudsman, recommendation=recommendation,
        public_text="Bied Wijnstok excuses aan.", public_response="")
    refused = refusal(lambda: publication.recommendation_mark_publishable(
        user=office.ombudsman, recommendation=recommendation))
    assert "naam (Wijnstok)" in refused.message_dict["public_text"][0]
    assert AuditEntry.objects.filter(event="recommendation.publication_updated",
                                     object_id=str(case.pk)).exists()


# --- the items of a report ------------------------------------------------------------------

def make_signal(office, organisation, title, raised, closed=None, municipality=None,
                publish=False):
    signal = services.signal_create(user=office.ombudsman,
                                    municipality=municipality or office.steenwijkerland,
                                    title=f"Intern: {title}", description=f"Intern over {title}.",
                                    organisation=organisation, raised_on=raised)
    Signal.objects.filter(pk=signal.pk).update(closed_on=closed, answer=f"Antwoord {title}.")
    publication.signal_publication_update(
        user=office.ombudsman, signal=signal, public_title=f"Publiek: {title}",
        public_text=f"Publieke tekst over {title}.", public_response=f"Reactie op {title}.")
    if publish:
        publication.signal_mark_publishable(user=office.ombudsman, signal=signal)
    return signal


def test_report_items_are_the_signals_open_in_the_period_oldest_first(office, organisation):
    westerveld = OrganisationFactory(municipalities=[office.westerveld])
    make_signal(office, organisation, "voor de periode dicht", date(2025, 3, 1),
                closed=date(2025, 12, 31), publish=True)
    make_signal(office, organisation, "oud en nog open", date(2025, 6, 1), publish=True)
    make_signal(office, organisation, "in de periode gesloten", date(2025, 9, 1),
                closed=date(2026, 1, 1), publish=True)
    make_signal(office, organisation, "nieuw", date(2026, 2, 1))
    make_signal(office, organisation, "na de periode", date(2026, 4, 1), publish=True)
    make_signal(office, westerveld, "andere gemeente", date(2026, 2, 1),
                municipality=office.westerveld, publish=True)
    period = Period.parse("2026-Q1")
    exact = publication.report_items([office.steenwijkerland.pk], period,
                                     publishable_only=False)
    assert [i.title for i in exact] == ["Publiek: oud en nog open",
                                        "Publiek: in de periode gesloten", "Publiek: nieuw"]
    published = publication.report_items([office.steenwijkerland.pk], period,
                                         publishable_only=True)
    assert [i.title for i in published] == ["Publiek: oud en nog open",
                                            "Publiek: in de periode gesloten"]
    item = published[0]
    assert item.text == "Publieke tekst over oud en nog open."
    assert item.response == "Reactie op oud en nog open."
    assert item.organisation == "Wmo-team" and item.status_label == "Gesignaleerd"
    assert item.raised_on == date(2025, 6, 1)
    both = publication.report_items([office.steenwijkerland.pk, office.westerveld.pk], period,
                                    publishable_only=True)
    assert "Publiek: andere gemeente" in [i.title for i in both]


def test_published_items_never_carry_an_internal_text_the_exact_ones_fall_back_to_it(
        office, organisation):
    signal = services.signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                                    title="Interne titel", description="Interne omschrijving",
                                    organisation=organisation, raised_on=date(2026, 2, 1))
    Signal.objects.filter(pk=signal.pk).update(answer="Intern antwoord", measure="Maatregel")
    kept = recommend(office, signal, text="Interne aanbeveling")
    recommend(office, signal, text="Nog niet publiceerbaar")
    period = Period.parse("2026")
    exact = publication.report_items([office.steenwijkerland.pk], period,
                                     publishable_only=False)
    assert (exact[0].title, exact[0].text, exact[0].response) == (
        "Interne titel", "Interne omschrijving", "Intern antwoord\n\nMaatregel")
    assert [r.text for r in exact[0].recommendations] == ["Interne aanbeveling",
                                                          "Nog niet publiceerbaar"]
    assert publication.report_items([office.steenwijkerland.pk], period,
                                    publishable_only=True) == []
    publication.signal_publication_update(
        user=office.ombudsman, signal=signal, public_title="Publieke titel",
        public_text="Publieke tekst", public_response="Publieke reactie",
        recommendations={kept.pk: ("Publieke aanbeveling", "")})
    publication.signal_publish(user=office.ombudsman, signal=signal)
    services.recommendation_record_response(user=office.ombudsman, recommendation=kept,
                                            adoption="overgenomen", response="Intern: ja")
    [item] = publication.report_items([office.steenwijkerland.pk], period,
                                      publishable_only=True)
    assert (item.title, item.text, item.response) == ("Publieke titel", "Publieke tekst",
                                                      "Publieke reactie")
    [r] = item.recommendations
    assert (r.addressee, r.text, r.response, r.adoption_label, r.responded_on) == (
        "Wmo-team", "Publieke aanbeveling", "", "Overgenomen", TODAY)


def test_recommendations_made_after_the_period_are_not_in_it(office, organisation):
    signal = make_signal(office, organisation, "lang", date(2025, 5, 1))
    early, late = recommend(office, signal, text="Vroeg"), recommend(office, signal, text="Laat")
    Recommendation.objects.filter(pk=early.pk).update(
        created_at=timezone.make_aware(datetime(2025, 12, 31, 23, 30)))
    Recommendation.objects.filter(pk=late.pk).update(
        created_at=timezone.make_aware(datetime(2026, 1, 1, 0, 30)))
    [item] = publication.report_items([office.steenwijkerland.pk], Period.parse("2025"),
                                      publishable_only=False)
    assert [r.text for r in item.recommendations] == ["Vroeg"]


def test_report_items_take_two_queries_however_many_signals(
        office, organisation, django_assert_num_queries):
    period = Period.parse("2026")
    for n in range(6):
        signal = make_signal(office, organisation, f"signaal {n}", date(2026, 1, 1 + n),
                             publish=True)
        recommend(office, signal)
        with django_assert_num_queries(2):
            items = publication.report_items([office.steenwijkerland.pk], period,
                                             publishable_only=False)
        assert len(items) == n + 1 and all(len(i.recommendations) == 1 for i in items)


def test_case_recommendation_items_are_those_made_in_the_period(office):
    municipality = municipality_in_variant(office, 6)
    case = register_case(office, municipality=municipality)
    made = [services.case_recommendation_add(user=office.ombudsman, case=case,
                                             addressee="Het college", text=text,
                                             due_on=TODAY + timedelta(weeks=6))
            for text in ("Vorig jaar", "Dit jaar, niet publiceerbaar", "Dit jaar")]
    Recommendation.objects.filter(pk=made[0].pk).update(
        created_at=timezone.make_aware(datetime(2025, 11, 3, 12, 0)))
    publication.recommendation_publication_update(
        user=office.ombudsman, recommendation=made[2], public_text="Publiek dit jaar",
        public_response="")
    publication.recommendation_mark_publishable(user=office.ombudsman, recommendation=made[2])
    period = Period.parse("2026")
    exact = publication.case_recommendation_items([municipality.pk], period,
                                                  publishable_only=False)
    assert [r.text for r in exact] == ["Dit jaar, niet publiceerbaar", "Publiek dit jaar"]
    published = publication.case_recommendation_items([municipality.pk], period,
                                                      publishable_only=True)
    assert [(r.addressee, r.text, r.adoption_label) for r in published] == [
        ("Het college", "Publiek dit jaar", "Nog niet bekend")]
    assert publication.case_recommendation_items([office.steenwijkerland.pk], period,
                                                 publishable_only=False) == []
