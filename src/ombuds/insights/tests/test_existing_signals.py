"""Drafting a signal from a case shows the open signals that case may already belong to."""

import pytest

from ombuds.signals.services import signal_create
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db


def test_drafting_a_signal_from_a_case_lists_a_matching_open_signal(client, office):
    wmo = OrganisationFactory(name="Wmo-team", municipalities=[office.steenwijkerland])
    earlier = register_case(office, story="Lange wachttijden voor een traplift bij het Wmo-team.")
    signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                  title="Wachttijden trapliften", description="Trapliften komen maanden te laat.",
                  organisation=wmo, cases=[earlier])
    case = register_case(office, story="Mijn traplift laat al maanden op zich wachten.",
                         organisations=[wmo])
    client.force_login(office.ombudsman)
    html = client.get("/werk/signalen/nieuw/", {"zaak": case.reference}).content.decode()
    assert "Bestaat dit signaal al?" in html and "Wachttijden trapliften" in html


def test_without_a_case_nothing_is_suggested(client, office):
    client.force_login(office.ombudsman)
    html = client.get("/werk/signalen/nieuw/").content.decode()
    assert "Bestaat dit signaal al?" not in html
