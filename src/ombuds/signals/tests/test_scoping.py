"""Who sees which signal: the municipality's ombudspersons and coordinators everything,
``beleid`` only shared signals and never their cases, everyone else nothing (issue 5)."""

from __future__ import annotations

import pytest
from django.test import Client

from ombuds.core.models import AuditEntry
from ombuds.signals import links, services
from ombuds.signals.selectors import SignalNotFound, access_signal, signal_list
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db

NAME = "Geertje Zwiers-Hoogland"


@pytest.fixture
def signals(office):
    organisation = OrganisationFactory(name="Zorggroep Noord",
                                       municipalities=[office.steenwijkerland])
    case = register_case(office, name=NAME)
    raised = services.signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                                    title="Nog niet gedeeld patroon", description="x",
                                    organisation=organisation, cases=[case])
    shared = services.signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                                    title="Gedeeld patroon", description="y",
                                    organisation=organisation, cases=[case])
    links.signal_link_create(user=office.ombudsman, signal=shared)
    return case, raised, shared


def client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_the_westerveld_only_ombudsperson_gets_a_404(office, signals):
    case, raised, shared = signals
    for signal in (raised, shared):
        with pytest.raises(SignalNotFound):
            access_signal(office.ombudsman_westerveld, signal.pk)
        assert client(office.ombudsman_westerveld).get(
            f"/werk/signalen/{signal.pk}/").status_code == 404
        assert client(office.ombudsman_westerveld).get(
            f"/api/v1/signals/{signal.pk}/").status_code == 404
    assert not signal_list(office.ombudsman_westerveld).exists()


def test_policy_staff_see_only_shared_signals_and_no_case_references(office, signals):
    case, raised, shared = signals
    beleid = client(office.beleid)
    listing = beleid.get("/werk/signalen/").content.decode()
    assert "Gedeeld patroon" in listing and "Nog niet gedeeld patroon" not in listing
    assert beleid.get(f"/werk/signalen/{raised.pk}/").status_code == 404
    page = beleid.get(f"/werk/signalen/{shared.pk}/")
    body = page.content.decode()
    assert page.status_code == 200 and "Gedeeld patroon" in body
    assert case.reference not in body and NAME not in body
    assert "&lt;10 zaken" in body  # a count of persons under 10 is never shown to beleid
    assert "Status" not in body or "Delen met" not in body  # no lifecycle buttons
    api = beleid.get(f"/api/v1/signals/{shared.pk}/").json()
    assert api["cases"] is None and api["case_count"] is None
    assert case.reference not in str(api)
    titles = [s["title"] for s in beleid.get("/api/v1/signals/").json()["results"]]
    assert titles == ["Gedeeld patroon"]
    # Reading is audited with the policy role.
    entry = AuditEntry.objects.filter(event="signal.viewed", user=office.beleid).latest("id")
    assert entry.role == "beleid" and entry.object_id == str(shared.pk)


def test_policy_staff_may_not_change_a_signal(office, signals):
    case, raised, shared = signals
    beleid = client(office.beleid)
    assert beleid.get("/werk/signalen/nieuw/").status_code == 403
    assert beleid.get(f"/werk/signalen/{shared.pk}/aanbevelingen/nieuw/").status_code == 403
    response = beleid.post(f"/werk/signalen/{shared.pk}/status/", {"target": "beantwoord"})
    assert response.status_code == 403
    shared.refresh_from_db()
    assert shared.status == "gedeeld"


def test_the_ombudsperson_sees_the_cases_and_the_secretariat_no_signals(office, signals):
    case, raised, shared = signals
    page = client(office.ombudsman).get(f"/werk/signalen/{raised.pk}/").content.decode()
    assert case.reference in page
    secretariaat = client(office.secretariaat)
    assert secretariaat.get("/werk/signalen/").status_code == 403
    assert secretariaat.get(f"/api/v1/signals/{raised.pk}/").status_code == 403
    assert "Signaal maken" not in secretariaat.get(
        f"/werk/zaken/{case.reference}/").content.decode()


def test_the_list_filters_by_status_theme_and_organisation(office, signals):
    case, raised, shared = signals
    c = client(office.coordinator)
    assert "Nog niet gedeeld" not in c.get("/werk/signalen/?status=gedeeld").content.decode()
    other = OrganisationFactory(municipalities=[office.steenwijkerland])
    body = c.get(f"/werk/signalen/?organisatie={other.pk}").content.decode()
    assert "Gedeeld patroon" not in body and "Er zijn geen signalen" in body
    body = c.get(f"/werk/signalen/?thema={office.theme.pk}").content.decode()
    assert "Er zijn geen signalen" in body
    api = c.get("/api/v1/signals/?status=gesignaleerd").json()
    assert [s["id"] for s in api["results"]] == [raised.pk]
    assert AuditEntry.objects.filter(event="signal.searched", user=office.coordinator).exists()
