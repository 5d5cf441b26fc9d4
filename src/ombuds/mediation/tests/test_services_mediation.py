"""Parties and consent, meetings and agreements, referral: the services (issue 4)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ombuds.cases.models import TimelineEntry
from ombuds.core.models import AuditEntry
from ombuds.mediation import selectors, services
from ombuds.mediation.models import Agreement, Referral
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 20)  # a Monday


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime(2026, 4, 20, 10, 0), tick=False):
        yield


@pytest.fixture
def case(office):
    return register_case(office)


@pytest.fixture
def team(office):
    return OrganisationFactory(name="Wmo-team Steenwijkerland",
                               municipalities=[office.steenwijkerland], routes=["gebiedsteam"])


@pytest.fixture
def party(office, case, team):
    return services.party_add(user=office.ombudsman, case=case, organisation=team,
                              role="Wmo-consulent", contact_person="P. Jansen")


def consent(office, party, purpose="informatie_delen", **kwargs):
    values = {"scope": "De aanvraag en het besluit", "given_on": TODAY, "given_how": "mondeling",
              "given_by": "Jan de Vries", **kwargs}
    return services.consent_record(user=office.ombudsman, party=party, purpose=purpose, **values)


# --- parties ----------------------------------------------------------------------------

def test_it_adds_a_party_from_the_social_map_with_timeline_and_audit(office, case, party):
    assert party.case == case and party.contact_person == "P. Jansen"
    assert TimelineEntry.objects.filter(case=case, summary__contains="Partij toegevoegd").exists()
    assert AuditEntry.objects.filter(event="party.added", object_id=str(case.pk)).exists()


def test_it_refuses_an_organisation_outside_the_municipalitys_social_map(office, case):
    elsewhere = OrganisationFactory(municipalities=[office.westerveld])
    with pytest.raises(ValidationError) as error:
        services.party_add(user=office.ombudsman, case=case, organisation=elsewhere)
    assert "sociale kaart van Steenwijkerland" in str(error.value.message_dict["organisation"])


def test_it_refuses_the_same_party_twice(office, case, party, team):
    with pytest.raises(ValidationError) as error:
        services.party_add(user=office.ombudsman, case=case, organisation=team)
    assert "al een partij" in str(error.value.message_dict["organisation"])


def test_policy_may_not_add_a_party(office, case, team):
    with pytest.raises(PermissionDenied):
        services.party_add(user=office.beleid, case=case, organisation=team)


# --- consent ----------------------------------------------------------------------------

def test_nothing_is_shared_without_consent(party):
    assert not selectors.may_share(party, "informatie_delen")
    assert selectors.shared_fields(party) == set()


def test_a_valid_consent_allows_sharing_for_its_purpose_only(office, party):
    consent(office, party, shares_story=True)
    assert selectors.may_share(party, "informatie_delen")
    assert not selectors.may_share(party, "warme_overdracht")
    assert selectors.shared_fields(party) == {"story"}
    assert AuditEntry.objects.filter(event="consent.recorded").exists()


def test_a_revoked_consent_stops_sharing(office, party):
    given = consent(office, party, shares_story=True, shares_contact=True,
                    given_on=date(2026, 4, 1))
    services.consent_revoke(user=office.ombudsman, consent=given, revoked_on=TODAY)
    given.refresh_from_db()
    assert given.revoked_on == TODAY and not given.is_valid
    assert not selectors.may_share(party, "informatie_delen")
    assert selectors.shared_fields(party) == set()
    assert AuditEntry.objects.filter(event="consent.revoked").exists()
    assert TimelineEntry.objects.filter(summary__startswith="Toestemming ingetrokken").exists()


@pytest.mark.parametrize("revoked_on, message", [
    (date(2026, 3, 31), "niet vóór de toestemming"),
    (date(2026, 4, 21), "in de toekomst"),
])
def test_a_revocation_date_must_be_plausible(office, party, revoked_on, message):
    given = consent(office, party, given_on=date(2026, 4, 1))
    with pytest.raises(ValidationError) as error:
        services.consent_revoke(user=office.ombudsman, consent=given, revoked_on=revoked_on)
    assert message in str(error.value.message_dict["revoked_on"])


def test_a_consent_cannot_be_revoked_twice(office, party):
    given = consent(office, party)
    services.consent_revoke(user=office.ombudsman, consent=given, revoked_on=TODAY)
    with pytest.raises(ValidationError, match="al ingetrokken"):
        services.consent_revoke(user=office.ombudsman, consent=given, revoked_on=TODAY)


def test_a_consent_needs_scope_giver_and_a_date_not_in_the_future(office, party):
    with pytest.raises(ValidationError) as error:
        consent(office, party, scope=" ", given_by="", given_on=date(2026, 5, 1))
    assert set(error.value.message_dict) == {"scope", "given_by", "given_on"}


def test_the_vital_interest_override_is_logged_and_marked(office, case, party):
    services.consent_override_record(
        user=office.ombudsman, party=party,
        justification="Acuut gevaar: de inwoner is niet bereikbaar en de zorg stopt morgen.")
    entry = AuditEntry.objects.get(event="consent.overridden")
    assert entry.authorisation == "doorbreking: vitaal belang"
    assert entry.object_id == str(case.pk) and entry.person_id == case.person_id
    assert selectors.may_share(party, "informatie_delen")
    assert selectors.shared_fields(party) == {"story", "contact"}
    assert TimelineEntry.objects.filter(summary__startswith="Doorbreking zonder toestemming")\
        .exists()


def test_the_override_needs_a_real_justification(office, party):
    with pytest.raises(ValidationError) as error:
        services.consent_override_record(user=office.ombudsman, party=party, justification="nodig")
    assert "justification" in error.value.message_dict
    assert not AuditEntry.objects.filter(event="consent.overridden").exists()


def test_the_secretariat_may_not_override(office, party):
    with pytest.raises(PermissionDenied):
        services.consent_override_record(user=office.secretariaat, party=party,
                                         justification="Acuut gevaar voor de inwoner, echt waar.")


# --- meetings and agreements ------------------------------------------------------------

def meeting(office, case, party, agreements=()):
    return services.meeting_record(
        user=office.ombudsman, case=case, kind="gezamenlijk",
        starts_at=timezone.make_aware(datetime(2026, 4, 20, 9, 0)), place="Gemeentehuis",
        parties=[party], minutes="Besproken: de aanvraag.", agreements=agreements)


def test_a_joint_meeting_with_two_agreements_is_one_timeline_entry(office, case, party):
    recorded = meeting(office, case, party, [
        services.AgreementData("Besluit heroverwegen", date(2026, 5, 1), "partij", party),
        services.AgreementData("Stukken aanleveren", date(2026, 4, 24), "inwoner"),
    ])
    assert recorded.agreements.count() == 2
    entry = TimelineEntry.objects.get(case=case, kind="gesprek")
    assert "Wmo-team Steenwijkerland" in entry.summary
    assert "Besluit heroverwegen (uiterlijk 01-05-2026)" in entry.body
    assert AuditEntry.objects.filter(event="meeting.recorded").exists()


def test_an_agreement_owned_by_a_party_needs_the_party(office, case, party):
    with pytest.raises(ValidationError) as error:
        meeting(office, case, party, [services.AgreementData("Iets", TODAY, "partij", None)])
    assert "agreement-0-party" in error.value.message_dict


def test_a_joint_meeting_needs_parties(office, case):
    with pytest.raises(ValidationError) as error:
        services.meeting_record(user=office.ombudsman, case=case, kind="gezamenlijk",
                                starts_at=timezone.now(), place="Video")
    assert "parties" in error.value.message_dict


@pytest.mark.parametrize("status", ["nagekomen", "niet_nagekomen", "gewijzigd"])
def test_an_agreement_status_is_recorded_with_its_check_date(office, case, party, status):
    recorded = meeting(office, case, party,
                       [services.AgreementData("Bellen", TODAY, "ombudsfunctie")])
    agreement = recorded.agreements.get()
    services.agreement_status_change(user=office.ombudsman, agreement=agreement, status=status,
                                     note="Toelichting")
    agreement.refresh_from_db()
    assert (agreement.status, agreement.checked_on) == (status, TODAY)
    assert AuditEntry.objects.filter(event="agreement.status_changed").exists()
    assert TimelineEntry.objects.filter(summary__startswith="Afspraak ").exists()


def test_not_kept_needs_a_note(office, case, party):
    agreement = meeting(office, case, party,
                        [services.AgreementData("Bellen", TODAY, "ombudsfunctie")]).agreements.get()
    with pytest.raises(ValidationError) as error:
        services.agreement_status_change(user=office.ombudsman, agreement=agreement,
                                         status="niet_nagekomen")
    assert "status_note" in error.value.message_dict
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.OPEN


# --- referral ---------------------------------------------------------------------------

def test_a_referral_to_the_objection_procedure_without_organisation(office, case):
    referral = services.referral_create(user=office.ombudsman, case=case, route="bezwaar",
                                        referred_on=TODAY, check_on=date(2026, 5, 4))
    assert referral.route == "bezwaar" and referral.arrived == Referral.Arrived.UNKNOWN
    assert TimelineEntry.objects.filter(summary__startswith="Verwezen naar Bezwaarprocedure")\
        .exists()
    assert AuditEntry.objects.filter(event="referral.created").exists()


def test_a_referral_to_bezwaar_after_the_objection_term_warns_what_is_still_possible(office,
                                                                                    case):
    from ombuds.procedures.services import decision_create

    decision_create(user=office.ombudsman, case=case, subject="Scootmobiel afgewezen",
                    made_known_on=date(2026, 3, 3))  # objection term ended 14 April

    referral = services.referral_create(user=office.ombudsman, case=case, route="bezwaar",
                                        referred_on=TODAY, check_on=date(2026, 5, 4))

    assert "eindigde op dinsdag 14 april 2026" in referral.warning
    assert "Awb 6:11" in referral.warning and "Awb 9:8 lid 1 onder c" in referral.warning
    assert "klacht" in referral.warning and "ombudsman" in referral.warning
    note = TimelineEntry.objects.get(summary__startswith="Verwezen naar Bezwaarprocedure")
    assert referral.warning in note.body
    assert AuditEntry.objects.get(event="referral.created").details["term_passed"] is True


@pytest.mark.parametrize(("route", "facts"), [
    ("bezwaar", {"made_known_on": date(2026, 3, 24)}),  # the term runs until 6 May
    ("bezwaar", {"made_known_on": date(2026, 3, 3),
                 "objection_filed_on": date(2026, 4, 10)}),  # objected in time
    ("bezwaar", None),  # no decision recorded: nothing known to have passed
    ("gebiedsteam", {"made_known_on": date(2026, 3, 3)}),  # another route has no such term
])
def test_a_referral_warns_only_when_the_objection_term_has_passed(office, case, route, facts):
    from ombuds.procedures.services import decision_create

    if facts:
        decision_create(user=office.ombudsman, case=case, subject="Besluit", **facts)
    referral = services.referral_create(user=office.ombudsman, case=case, route=route,
                                        referred_on=TODAY, check_on=date(2026, 5, 4))
    assert referral.warning == ""
    assert AuditEntry.objects.get(event="referral.created").details["term_passed"] is False


def test_a_warm_handover_without_consent_is_refused(office, case, party, team):
    consent(office, party, purpose="informatie_delen")  # another purpose does not count
    with pytest.raises(ValidationError) as error:
        services.referral_create(user=office.ombudsman, case=case, route="gebiedsteam",
                                 organisation=team, warm_handover=True,
                                 handover_summary="Het verhaal", referred_on=TODAY,
                                 check_on=TODAY)
    assert "toestemming van de inwoner nodig" in str(error.value.message_dict["warm_handover"])
    assert not Referral.objects.exists()


def test_a_warm_handover_with_consent_records_the_consent(office, case, party, team):
    given = consent(office, party, purpose="warme_overdracht")
    referral = services.referral_create(
        user=office.ombudsman, case=case, route="gebiedsteam", organisation=team,
        warm_handover=True, handover_summary="Het verhaal en de aanvraag",
        referred_on=TODAY, check_on=date(2026, 5, 4))
    assert referral.handover_consent == given


def test_a_revoked_handover_consent_no_longer_allows_a_warm_handover(office, case, party, team):
    given = consent(office, party, purpose="warme_overdracht")
    services.consent_revoke(user=office.ombudsman, consent=given, revoked_on=TODAY)
    with pytest.raises(ValidationError):
        services.referral_create(user=office.ombudsman, case=case, route="gebiedsteam",
                                 organisation=team, warm_handover=True, handover_summary="x",
                                 referred_on=TODAY, check_on=TODAY)


def test_the_check_date_cannot_lie_before_the_referral(office, case):
    with pytest.raises(ValidationError) as error:
        services.referral_create(user=office.ombudsman, case=case, route="bezwaar",
                                 referred_on=TODAY, check_on=date(2026, 4, 1))
    assert "check_on" in error.value.message_dict


def test_whether_the_resident_arrived_is_recorded(office, case):
    referral = services.referral_create(user=office.ombudsman, case=case, route="bezwaar",
                                        referred_on=TODAY, check_on=TODAY)
    services.referral_arrival_record(user=office.ombudsman, referral=referral, arrived="ja")
    referral.refresh_from_db()
    assert (referral.arrived, referral.checked_on) == ("ja", TODAY)
    assert AuditEntry.objects.filter(event="referral.checked").exists()
