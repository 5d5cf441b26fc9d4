"""What the mediation sections of the case page read: nothing per party, and nothing of a
kind of record the case has none of."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ombuds.cases.models import CaseOrganisation
from ombuds.mediation.models import ConsentOverride, Meeting, Referral
from ombuds.mediation.partner import disclosure_from, partner_disclosure
from ombuds.mediation.selectors import case_mediation
from ombuds.mediation.staff_forms import PartnerLinkForm, consent_label
from ombuds.mediation.tests import test_partner as base
from ombuds.tests.factories import OrganisationFactory

world = base.world


def add_party(world, name: str) -> CaseOrganisation:
    office, case, _ = world
    organisation = OrganisationFactory(name=name, municipalities=[office.steenwijkerland])
    return CaseOrganisation.objects.create(case=case, organisation=organisation)


def consent(world, party, **kwargs):
    office, case, _ = world
    return base.consent((office, case, party), **kwargs)


def override(world, party, days_ago: int = 0) -> ConsentOverride:
    office, case, _ = world
    made = ConsentOverride.objects.create(case=case, party=party, justification="Acuut gevaar",
                                          decided_by=office.ombudsman)
    ConsentOverride.objects.filter(pk=made.pk).update(
        decided_at=timezone.now() - timedelta(days=days_ago))  # auto_now_add otherwise
    return made


def every_kind_of_consent(world) -> list[CaseOrganisation]:
    """Parties with each combination the disclosure rules distinguish."""
    office, case, party = world
    consent(world, party, shares_story=True, shares_contact=False)
    story_and_contact = add_party(world, "Woningstichting")
    consent(world, story_and_contact, shares_story=True, shares_contact=False,
                 given_on=date.today() - timedelta(days=3))
    consent(world, story_and_contact, shares_story=False, shares_contact=True)
    other_purpose = add_party(world, "Sociaal team")
    consent(world, other_purpose, purpose="warme_overdracht", shares_story=True)
    revoked = add_party(world, "Schuldhulp")
    consent(world, revoked, shares_story=True, shares_contact=True,
                 revoked_on=date.today())
    overridden = add_party(world, "Huisarts")
    override(world, overridden, days_ago=2)
    override(world, overridden)
    consent(world, overridden, shares_contact=True)
    add_party(world, "Zonder toestemming")
    return list(case_mediation(case).parties)


@pytest.mark.django_db
def test_the_disclosure_from_the_read_file_is_the_one_read_per_party(world):
    parties = every_kind_of_consent(world)
    assert len(parties) == 6
    for party in parties:
        fresh = CaseOrganisation.objects.select_related("organisation").get(pk=party.pk)
        assert disclosure_from(party.consents.all(), party.overrides.all()) \
            == partner_disclosure(fresh)
        assert consent_label(party) == consent_label(fresh)


@pytest.mark.django_db
def test_the_request_form_offers_the_same_parties_and_labels_without_a_query(world):
    office, case, _ = world
    parties = every_kind_of_consent(world)
    with CaptureQueriesContext(connection) as queries:
        from_file = PartnerLinkForm(case=case, parties=parties)
    assert len(queries) == 0
    read = PartnerLinkForm(case=case)
    assert from_file.fields["party"].choices == read.fields["party"].choices
    assert [label for _, label in read.fields["party"].choices] == [
        "Kies een partij", "Zorggroep Noord — toestemming: verhaal",
        "Woningstichting — toestemming: verhaal, naam, contact", "Sociaal team — geen "
        "toestemming: niets persoonlijks", "Schuldhulp — geen toestemming: niets persoonlijks",
        "Huisarts — doorbreking: verhaal, naam", "Zonder toestemming — geen toestemming: "
        "niets persoonlijks"]


@pytest.mark.django_db
def test_a_case_never_mediated_costs_two_queries(world, django_assert_num_queries):
    office, case, _ = world
    with django_assert_num_queries(2):  # which records exist; the parties
        file = case_mediation(case)
    assert [p.organisation.name for p in file.parties] == ["Zorggroep Noord"]
    assert file.parties[0].consents.all().count() == 0  # answered from the prefetch
    assert file.meetings == file.loose_agreements == file.referrals == []
    assert not file.has_partner_links and not file.has_survey


@pytest.mark.django_db
def test_a_case_reads_the_kinds_of_record_it_has(world, django_assert_num_queries):
    office, case, party = world
    base.consent(world)
    Referral.objects.create(case=case, route="gebiedsteam", organisation=party.organisation,
                            referred_on=date.today(), check_on=date.today(),
                            created_by=office.ombudsman)
    with django_assert_num_queries(4):  # which exist; parties; their consents; referrals
        file = case_mediation(case)
    assert len(file.parties[0].consents.all()) == 1 and len(file.referrals) == 1
    assert file.meetings == []


@pytest.mark.django_db
def test_the_case_page_reads_nothing_per_party(world, client):
    office, case, _ = world
    client.force_login(office.ombudsman)
    url = f"/werk/zaken/{case.reference}/"
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    every_kind_of_consent(world)
    with CaptureQueriesContext(connection) as six:
        html = client.get(url).content.decode()
    # Consents and overrides now exist: one query each, whatever the number of parties.
    assert len(six) == len(one) + 2
    assert "Huisarts — doorbreking: verhaal, naam</option>" in html
    assert html.count("Gedeeld zonder toestemming (vitaal belang)") == 2


@pytest.mark.django_db
def test_a_meeting_shows_with_its_parties(world, client):
    office, case, party = world
    meeting = Meeting.objects.create(case=case, kind="gezamenlijk", starts_at=timezone.now(),
                                     place="Gemeentehuis", created_by=office.ombudsman,
                                     status=Meeting.Status.HELD, resident_present=True)
    meeting.parties.add(party)
    client.force_login(office.ombudsman)
    html = client.get(f"/werk/zaken/{case.reference}/").content.decode()
    assert "Partijen: Zorggroep Noord." in html


@pytest.mark.django_db
def test_the_request_form_written_by_fast_widgets_is_the_same_markup(world):
    from django.template.loader import render_to_string

    from ombuds.cases.rendering import fast_widgets

    office, case, _ = world
    parties = every_kind_of_consent(world)

    def section(form) -> str:
        return render_to_string("partner/includes/case_partner_links.html", {
            "available": True, "case": case, "may_send": True, "links": [], "form": form,
            "create_url": "/verzoek/", "survey_state": "niet_verstuurd",
            "survey_label": "Nog niet verstuurd", "csrf_token": "t"})

    fast = section(PartnerLinkForm(case=case, parties=parties, renderer=fast_widgets))
    assert fast == section(PartnerLinkForm(case=case))
    assert '<option value="' in fast and 'type="radio"' in fast and "<textarea" in fast
