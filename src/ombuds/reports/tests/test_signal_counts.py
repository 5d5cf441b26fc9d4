"""The dashboard's signal and recommendation counts follow a signal through its lifecycle
(issue 5, done-when 1: the dashboard part)."""

from datetime import date

import pytest
from django.utils import timezone

from ombuds.reports.figures import report_build
from ombuds.reports.periods import Period
from ombuds.signals.services import (
    recommendation_add,
    recommendation_record_response,
    signal_create,
    signal_transition,
)
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db


def counts(office, key):
    report = report_build(municipality=office.steenwijkerland,
                          period=Period.parse(str(timezone.localdate().year)))
    return {row.category: row.value for row in report.table(key).rows}


def test_the_counts_move_with_the_signal_and_its_recommendations(office):
    wmo = OrganisationFactory(name="Wmo-team", municipalities=[office.steenwijkerland])
    cases = [register_case(office), register_case(office)]
    signal = signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                           title="Lange wachttijd hulpmiddelen", description="Steeds weer.",
                           organisation=wmo, cases=cases)
    assert counts(office, "signals")["Gesignaleerd"] == 1
    first = recommendation_add(user=office.ombudsman, signal=signal, addressee="Wmo-team",
                               text="Beslis binnen twee weken", due_on=date.today())
    second = recommendation_add(user=office.ombudsman, signal=signal, addressee="Wmo-team",
                                text="Bel de inwoner bij vertraging", due_on=date.today())
    steps = [("gedeeld", ""), ("beantwoord", "We passen de planning aan."),
             ("maatregel_genomen", "Extra adviseur."), ("gecontroleerd", "Wachttijd 3 weken."),
             ("afgesloten", "")]
    for target, text in steps:
        signal_transition(user=office.ombudsman, signal=signal, target=target, text=text)
        signals = counts(office, "signals")
        assert signals[{"gedeeld": "Gedeeld", "beantwoord": "Beantwoord",
                        "maatregel_genomen": "Maatregel genomen",
                        "gecontroleerd": "Gecontroleerd", "afgesloten": "Afgesloten"}[target]] == 1
        assert sum(v for v in signals.values() if isinstance(v, int)) == 1
    recommendation_record_response(user=office.ombudsman, recommendation=first,
                                   adoption="overgenomen", response="Ja.",
                                   responded_on=date.today())
    recommendation_record_response(user=office.ombudsman, recommendation=second,
                                   adoption="niet", response="Nee.", responded_on=date.today())
    recommendations = counts(office, "recommendations")
    assert sorted(v for v in recommendations.values() if v) == [1, 1]
