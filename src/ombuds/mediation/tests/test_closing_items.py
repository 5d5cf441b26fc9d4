"""What mediation leaves open at closure: planned meetings, open agreements, referrals whose
arrival nobody checked (``mediation.closing``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from ombuds.cases.models import CaseOrganisation
from ombuds.mediation.closing import MediationClosingHook
from ombuds.mediation.models import Agreement, Meeting, Referral
from ombuds.socialmap.models import Route
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db


def items(case):
    return MediationClosingHook().open_items(case)


@pytest.fixture
def case(office):
    return register_case(office)


def test_only_an_open_agreement_is_open(case):
    provider = OrganisationFactory(name="Wmo-team", municipalities=[case.municipality])
    party = CaseOrganisation.objects.create(case=case, organisation=provider)
    for status in Agreement.Status:
        Agreement.objects.create(case=case, party=party, description=f"Afspraak {status}",
                                 due_on=date(2026, 4, 1), status=status)
    Agreement.objects.create(case=case, owner=Agreement.Owner.RESIDENT, description="Zelf",
                             due_on=date(2026, 3, 1))
    found = items(case)
    assert [(i.kind, i.label, i.text) for i in found] == [
        ("afspraak", "Afspraak voor de inwoner", "Zelf"),
        ("afspraak", "Afspraak voor Wmo-team", "Afspraak open")]
    assert found[1].url == (f"/werk/zaken/{case.reference}/afspraken/"
                            f"{Agreement.objects.get(description='Afspraak open').pk}/status/")


def test_an_agreement_past_its_date_says_so(case):
    Agreement.objects.create(case=case, owner=Agreement.Owner.OMBUDS, description="Bellen",
                             due_on=timezone.localdate() - timedelta(days=1))
    (item,) = items(case)
    assert item.label == "Afspraak voor de ombudsfunctie"
    assert item.detail.endswith("(over tijd)")


def test_only_a_referral_with_unknown_arrival_is_open(office, case):
    today = timezone.localdate()
    for arrived in Referral.Arrived:
        Referral.objects.create(case=case, route=Route.CLIENT_SUPPORT, referred_on=today,
                                check_on=today + timedelta(days=7), arrived=arrived,
                                created_by=office.ombudsman)
    (item,) = items(case)
    referral = Referral.objects.get(arrived=Referral.Arrived.UNKNOWN)
    assert item.kind == "verwijzing"
    assert item.label == f"Verwijzing naar {referral.get_route_display()}"
    assert item.url == f"/werk/zaken/{case.reference}/verwijzingen/{referral.pk}/aankomst/"


def test_only_a_planned_meeting_is_open(office, case):
    when = timezone.make_aware(datetime(2026, 6, 2, 10, 30))
    for status in Meeting.Status:
        Meeting.objects.create(case=case, kind=Meeting.Kind.JOINT, starts_at=when,
                               status=status, created_by=office.ombudsman)
    (item,) = items(case)
    assert (item.kind, item.label, item.detail) == (
        "gesprek", "Gezamenlijk gesprek gepland", "op 2 juni 2026 om 10.30 uur")
    planned = Meeting.objects.get(status=Meeting.Status.PLANNED)
    assert item.url == f"/werk/zaken/{case.reference}/gesprekken/{planned.pk}/"


def test_a_case_without_mediation_has_nothing_open(case):
    assert items(case) == []
