"""Writing signals: raising, linking cases, the lifecycle, recommendations (issue 5)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ombuds.cases.models import EntryKind, TimelineEntry
from ombuds.core.models import AuditEntry, Theme
from ombuds.domain.signals import SignalMoveRefused
from ombuds.signals import services
from ombuds.signals.models import Recommendation, Signal
from ombuds.signals.selectors import recommendation_counts, signal_counts
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(office):
    return OrganisationFactory(name="Wmo-team Steenwijkerland", email="wmo@example.org",
                               municipalities=[office.steenwijkerland])


def raise_signal(office, organisation, **kwargs):
    defaults = {"user": office.ombudsman, "municipality": office.steenwijkerland,
                "title": "Lange wachttijd voor een keukentafelgesprek",
                "description": "Inwoners wachten vaak meer dan acht weken op een gesprek.",
                "organisation": organisation, "theme": office.theme}
    return services.signal_create(**(defaults | kwargs))


def test_it_raises_a_signal_with_cases_and_notes_it_in_their_timelines(office, organisation):
    cases = [register_case(office), register_case(office)]
    signal = raise_signal(office, organisation, cases=cases)
    assert signal.status == "gesignaleerd" and signal.raised_on == timezone.localdate()
    assert signal.domain == office.wmo  # taken from the theme
    assert set(signal.cases.all()) == set(cases)
    for case in cases:
        assert TimelineEntry.objects.filter(case=case, kind=EntryKind.NOTE,
                                            summary__startswith="Gekoppeld aan signaal").exists()
        assert AuditEntry.objects.filter(event="case.signal_linked", object_id=str(case.pk)).exists()
    assert AuditEntry.objects.filter(event="signal.created", object_id=str(signal.pk)).exists()


def test_it_refuses_cases_theme_and_organisation_of_another_municipality(office, organisation):
    westerveld_case = register_case(office, municipality=office.westerveld)
    other_theme = Theme.objects.create(municipality=office.westerveld, domain=office.wmo,
                                       name="Vervoer")
    stranger = OrganisationFactory(municipalities=[office.westerveld])
    with pytest.raises(ValidationError) as error:
        raise_signal(office, stranger, theme=other_theme, cases=[westerveld_case], title=" ")
    assert set(error.value.message_dict) == {"organisation", "theme", "cases", "title"}
    assert not Signal.objects.exists()


def test_only_ombudspersons_and_coordinators_of_the_municipality_raise_signals(
        office, organisation):
    for user in (office.secretariaat, office.beleid, office.beheer, office.ombudsman_westerveld):
        with pytest.raises(PermissionDenied):
            raise_signal(office, organisation, user=user)
    assert raise_signal(office, organisation, user=office.coordinator).pk


def test_a_refused_move_changes_nothing(office, organisation):
    signal = raise_signal(office, organisation)
    before = AuditEntry.objects.count()
    with pytest.raises(SignalMoveRefused) as refused:
        services.signal_transition(user=office.ombudsman, signal=signal,
                                   target="gecontroleerd", text="Gecontroleerd")
    assert "kan niet naar" in refused.value.message
    signal.refresh_from_db()
    assert signal.status == "gesignaleerd" and signal.checked_on is None
    assert signal.check_result == ""
    assert AuditEntry.objects.count() == before


def test_a_move_that_needs_a_text_is_refused_without_one(office, organisation):
    signal = raise_signal(office, organisation)
    services.signal_transition(user=office.ombudsman, signal=signal, target="gedeeld")
    with pytest.raises(ValidationError) as error:
        services.signal_transition(user=office.ombudsman, signal=signal, target="beantwoord")
    assert "text" in error.value.message_dict
    signal.refresh_from_db()
    assert signal.status == "gedeeld"


def test_a_second_measure_after_a_check_keeps_the_first(office, organisation):
    signal = raise_signal(office, organisation)
    for target, text in [("gedeeld", ""), ("beantwoord", "We zoeken uit wat er misgaat."),
                         ("maatregel_genomen", "Extra consulent."),
                         ("gecontroleerd", "Wachttijd nog steeds te lang."),
                         ("maatregel_genomen", "Tweede extra consulent.")]:
        signal = services.signal_transition(user=office.ombudsman, signal=signal,
                                            target=target, text=text)
    assert "Extra consulent." in signal.measure and "Tweede extra consulent." in signal.measure


def test_recommendations_take_a_response_and_an_adoption(office, organisation):
    signal = raise_signal(office, organisation)
    rec = services.recommendation_add(user=office.ombudsman, signal=signal,
                                      addressee="College van B&W", text="Plan binnen 4 weken.",
                                      due_on=timezone.localdate() + timedelta(days=30))
    assert rec.adoption == "onbekend" and rec.responded_on is None
    with pytest.raises(ValidationError):
        services.recommendation_record_response(user=office.ombudsman, recommendation=rec,
                                                adoption="onbekend")
    services.recommendation_record_response(user=office.ombudsman, recommendation=rec,
                                            adoption="deels", response="Binnen 6 weken.")
    rec.refresh_from_db()
    assert (rec.adoption, rec.responded_on) == ("deels", timezone.localdate())


def test_no_recommendation_on_a_closed_signal(office, organisation):
    signal = raise_signal(office, organisation)
    services.signal_transition(user=office.ombudsman, signal=signal, target="afgesloten")
    with pytest.raises(ValidationError):
        services.recommendation_add(user=office.ombudsman, signal=signal, addressee="College",
                                    text="Iets", due_on=timezone.localdate())
    assert not Recommendation.objects.exists()


def test_the_counts_are_per_state_and_adoption_in_one_query_each(
        office, organisation, django_assert_num_queries):
    first = raise_signal(office, organisation)
    raise_signal(office, organisation)
    services.signal_transition(user=office.ombudsman, signal=first, target="gedeeld")
    for adoption in ("overgenomen", "niet"):
        rec = services.recommendation_add(user=office.ombudsman, signal=first, addressee="X",
                                          text="Y", due_on=timezone.localdate())
        services.recommendation_record_response(user=office.ombudsman, recommendation=rec,
                                                adoption=adoption)
    ids = [office.steenwijkerland.pk]
    with django_assert_num_queries(1):
        counts = signal_counts(ids)
    assert counts == {"gesignaleerd": 1, "gedeeld": 1, "beantwoord": 0,
                      "maatregel_genomen": 0, "gecontroleerd": 0, "afgesloten": 0}
    with django_assert_num_queries(1):
        adopted = recommendation_counts(ids)
    assert adopted == {"overgenomen": 1, "deels": 0, "niet": 1, "onbekend": 0}
    assert sum(signal_counts([office.westerveld.pk]).values()) == 0
    last_year = (date(2000, 1, 1), date(2000, 12, 31))
    assert sum(signal_counts(ids, period=last_year).values()) == 0
    assert sum(recommendation_counts(ids, period=last_year).values()) == 0
