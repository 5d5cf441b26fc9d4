"""Intake: registering a case from every channel, with references per municipality and year."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ombuds.cases.models import Case, Channel, Person, TimelineEntry
from ombuds.cases.services import PersonData, case_register, reference_next
from ombuds.core.models import AuditEntry
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("channel", Channel.values)
def test_it_registers_a_case_from_every_channel(office, channel):
    case = register_case(office, channel=channel, referred_by="Huisarts" if channel == "verwijzing" else "")
    assert case.channel == channel
    assert case.status == "aangemeld"
    assert case.workflow.variant == 3


def test_it_records_everything_intake_asks_for(office):
    organisation = OrganisationFactory()
    organisation.municipalities.add(office.steenwijkerland)
    case = case_register(
        user=office.secretariaat, municipality=office.steenwijkerland, channel="inloop",
        title="Huishoudelijke hulp gestopt", story="Mijn hulp komt niet meer sinds april.",
        wish="Dat de hulp weer komt", route_tried="Gebeld met het Wmo-team",
        person_data=PersonData(name="Fatma Yılmaz", phone="06-12345678", preferred_channel="telefoon",
                               avoid_channels=["post"], interpreter_language="Turks",
                               easy_language=True),
        representative_data=PersonData(name="Emre Yılmaz", phone="06-87654321"),
        representative_relation="familie", urgency="hoog", themes=[office.theme],
        organisations=[organisation], sensitive_details="Heeft COPD.",
    )
    assert case.person.interpreter_language == "Turks"
    assert case.representative.name == "Emre Yılmaz"
    assert case.representative_relation == "familie"
    assert list(case.domains.all()) == [office.wmo]  # the theme's domain comes along
    assert case.organisations.get().organisation == organisation
    assert case.created_by == office.secretariaat
    entry = TimelineEntry.objects.get(case=case)
    assert entry.kind == "status" and entry.status_to == "aangemeld"
    audit = AuditEntry.objects.get(event="case.created")
    assert audit.person_id == case.person_id
    assert audit.action == "C"


def test_references_count_per_municipality_and_year(office):
    first = register_case(office)
    second = register_case(office)
    other = register_case(office, municipality=office.westerveld)
    year = timezone.localdate().year
    assert (first.reference, second.reference) == (f"STW-{year}-0001", f"STW-{year}-0002")
    assert other.reference == f"WSV-{year}-0001"


def test_a_new_year_starts_at_one(office):
    register_case(office)
    next_year = timezone.make_aware(dt.datetime(timezone.localdate().year + 1, 1, 2, 9, 0))
    case = register_case(office, opened_at=next_year)
    assert case.reference == f"STW-{next_year.year}-0001"


def test_reference_next_never_repeats(office):
    numbers = {reference_next(municipality=office.steenwijkerland, year=2030) for _ in range(25)}
    assert len(numbers) == 25


def test_an_existing_resident_gets_a_second_case_not_a_second_file(office):
    first = register_case(office)
    second = register_case(office, person=first.person)
    assert second.person == first.person
    assert Person.objects.count() == 1


def test_policy_and_admin_cannot_register(office):
    for user in (office.beleid, office.beheer):
        with pytest.raises(PermissionDenied):
            register_case(office, user=user)
    assert not Case.objects.exists()


def test_a_theme_of_another_municipality_is_refused_and_nothing_is_stored(office):
    with pytest.raises(ValidationError) as error:
        register_case(office, municipality=office.westerveld, themes=[office.theme])
    assert "themes" in error.value.message_dict
    assert not Case.objects.exists() and not Person.objects.exists()


def test_only_handlers_of_the_municipality_can_be_assigned_at_intake(office):
    with pytest.raises(ValidationError):
        register_case(office, assignee=office.ombudsman_westerveld)
    assert register_case(office, assignee=office.ombudsman).assignee == office.ombudsman


def test_an_organisation_outside_the_municipalitys_social_map_is_refused(office):
    elsewhere = OrganisationFactory()
    elsewhere.municipalities.add(office.westerveld)
    with pytest.raises(ValidationError) as error:
        register_case(office, organisations=[elsewhere])
    assert "organisations" in error.value.message_dict
    assert not Case.objects.exists()
