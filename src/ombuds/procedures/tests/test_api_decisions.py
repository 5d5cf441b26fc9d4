"""Disputed decisions through /api/v1/cases/{reference}/decisions/: their terms, recomputed
when a date changes, with precise errors and the same scope as the case itself."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ombuds.cases.models import Case
from ombuds.core.models import AuditEntry
from ombuds.procedures.models import Deadline, DisputedDecision
from ombuds.procedures.services import decision_create
from ombuds.tests.factories import OrganisationFactory, api_as, first_contact, register_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(date(2026, 4, 20), tick=False):
        yield


def url(case, decision=None) -> str:
    base = f"/api/v1/cases/{case.reference}/decisions/"
    return f"{base}{decision if isinstance(decision, int) else decision.pk}/" if decision else base


def terms(client, case) -> dict[str, dict]:
    response = client.get(f"/api/v1/cases/{case.reference}/deadlines/")
    assert response.status_code == 200, response.json()
    return {t["kind"]: t for t in response.json()}


def test_it_records_a_decision_on_a_case_made_through_the_api_and_shows_the_objection_term(office):
    client = api_as(office.ombudsman)
    created = client.post("/api/v1/cases/", {
        "municipality": "GM1708", "channel": "telefoon", "title": "Scootmobiel afgewezen",
        "story": "De gemeente wil mij geen scootmobiel geven.", "person": {"name": "Jan Smit"},
    }, format="json")
    assert created.status_code == 201, created.json()
    case = Case.objects.get(reference=created.json()["reference"])
    wmo_team = OrganisationFactory(name="Wmo-team", municipalities=[office.steenwijkerland])

    response = client.post(url(case), {"organisation": wmo_team.pk, "subject": "Scootmobiel "
                                       "afgewezen", "made_known_on": "2026-03-24"}, format="json")

    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["organisation"] == {"id": wmo_team.pk, "name": "Wmo-team"}
    assert data["made_known_on"] == "2026-03-24" and data["objection_filed_on"] is None
    [term] = data["deadlines"]
    assert term["kind"] == "bezwaar"
    objection = terms(client, case)["bezwaar"]
    assert objection["name"] == "Bezwaartermijn" and objection["kind_label"] == "Bezwaartermijn"
    assert "Awb 6:7, 6:8" in objection["basis"] and "Atw" in objection["basis"]
    # 24 March + 42 days = 5 May, Bevrijdingsdag: the legal last day is the 6th.
    assert (objection["start"], objection["raw_end"], objection["end"]) == (
        "2026-03-25", "2026-05-05", "2026-05-06")
    assert "Bevrijdingsdag" in objection["explanation"]
    assert objection["decision"] == data["id"] and objection["complaint"] is None
    assert objection["watched"] is True and objection["met_on"] is None
    assert AuditEntry.objects.filter(event="decision.created", object_label=case.reference).exists()


def test_patching_the_date_recomputes_the_terms_at_once(office):
    case = register_case(office)
    client = api_as(office.ombudsman)
    decision = client.post(url(case), {"subject": "Terugvordering bijstand",
                                       "made_known_on": "2026-03-24"}, format="json").json()
    assert terms(client, case)["bezwaar"]["end"] == "2026-05-06"

    response = client.patch(url(case, decision["id"]), {"made_known_on": "2026-03-03"},
                            format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["subject"] == "Terugvordering bijstand"  # untouched by the PATCH
    [term] = response.json()["deadlines"]
    assert (term["start"], term["raw_end"], term["end"]) == ("2026-03-04", "2026-04-14",
                                                             "2026-04-14")
    objection = terms(client, case)["bezwaar"]
    assert (objection["raw_end"], objection["end"], objection["state"]) == (
        "2026-04-14", "2026-04-14", "passed")
    case.refresh_from_db()
    assert case.next_deadline_end == date(2026, 4, 14)


def test_an_objection_meets_its_term_and_starts_the_decision_term(office):
    case = register_case(office)
    client = api_as(office.ombudsman)
    decision = client.post(url(case), {"subject": "Beschikking jeugdhulp",
                                       "made_known_on": "2026-03-03"}, format="json").json()

    response = client.patch(url(case, decision["id"]),
                            {"objection_filed_on": "2026-04-01", "committee": True}, format="json")

    assert response.status_code == 200, response.json()
    found = terms(client, case)
    assert found["bezwaar"]["met_on"] == "2026-04-01" and found["bezwaar"]["state"] == "met"
    assert found["beslissing_bezwaar"]["end"] == "2026-07-07"  # 14 April + 12 weeks
    assert "Awb 7:10" in found["beslissing_bezwaar"]["basis"]

    cleared = client.patch(url(case, decision["id"]), {"objection_filed_on": None,
                                                       "committee": False}, format="json")

    assert cleared.status_code == 200, cleared.json()
    assert set(terms(client, case)) == {"bezwaar", "eerste_contact"}


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"made_known_on": "2026-02-30"}, "made_known_on", "verkeerde formaat"),
    ({"made_known_on": "2026-05-01"}, "made_known_on", "Deze datum ligt in de toekomst."),
    ({"objection_filed_on": "2026-03-01"}, "objection_filed_on",
     "Het bezwaar kan niet vóór de bekendmaking zijn ingediend."),
    ({"postponed_on": "2026-04-01"}, "postponed_on",
     "Verdagen kan alleen als er bezwaar is gemaakt."),
    ({"subject": "  "}, "subject", ""),
    ({"made_known_on": None}, "made_known_on", ""),
])
def test_an_invalid_date_is_a_400_naming_the_field_and_changes_nothing(office, body, field,
                                                                        message):
    case = register_case(office)
    client = api_as(office.ombudsman)

    response = client.post(url(case), {"subject": "Besluit", "made_known_on": "2026-03-24"} | body,
                           format="json")

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert message in response.json()[field][0]
    assert not DisputedDecision.objects.exists()
    assert not Deadline.objects.filter(decision__isnull=False).exists()


def test_an_invalid_patch_is_a_400_and_keeps_the_terms(office):
    case = register_case(office)
    decision = decision_create(user=office.ombudsman, case=case, subject="Besluit",
                               made_known_on=date(2026, 3, 24))

    response = api_as(office.ombudsman).patch(url(case, decision), {"made_known_on": "2026-12-01"},
                                              format="json")

    assert response.status_code == 400
    assert response.json() == {"made_known_on": ["Deze datum ligt in de toekomst."]}
    decision.refresh_from_db()
    assert decision.made_known_on == date(2026, 3, 24)
    assert Deadline.objects.get(decision=decision).end == date(2026, 5, 6)


def test_an_organisation_off_the_municipalitys_social_map_is_a_400(office):
    case = register_case(office)
    elsewhere = OrganisationFactory(municipalities=[office.westerveld])

    response = api_as(office.ombudsman).post(url(case), {
        "organisation": elsewhere.pk, "subject": "Besluit", "made_known_on": "2026-03-24",
    }, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["organisation"]


def test_it_lists_the_decisions_with_their_terms(office):
    case = register_case(office)
    decision_create(user=office.ombudsman, case=case, subject="Later",
                    made_known_on=date(2026, 4, 1))
    decision_create(user=office.ombudsman, case=case, subject="Eerder",
                    made_known_on=date(2026, 1, 5), objection_filed_on=date(2026, 1, 20))

    response = api_as(office.ombudsman).get(url(case))

    assert response.status_code == 200
    assert [d["subject"] for d in response.json()] == ["Eerder", "Later"]
    assert [t["kind"] for t in response.json()[0]["deadlines"]] == ["bezwaar",
                                                                   "beslissing_bezwaar"]


def test_the_list_costs_the_same_number_of_queries_for_one_or_ten_decisions(office):
    case = register_case(office)
    client = api_as(office.ombudsman)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(case)).status_code == 200
        return len(queries)

    decision_create(user=office.ombudsman, case=case, subject="Besluit 0",
                    made_known_on=date(2026, 1, 5), objection_filed_on=date(2026, 1, 20))
    one = count()
    for n in range(1, 10):
        decision_create(user=office.ombudsman, case=case, subject=f"Besluit {n}",
                        made_known_on=date(2026, 3, n), objection_filed_on=date(2026, 3, 20))
    assert count() == one


def test_deleting_a_decision_removes_its_terms(office):
    case = first_contact(office, register_case(office))
    decision = decision_create(user=office.ombudsman, case=case, subject="Besluit",
                               made_known_on=date(2026, 3, 24))

    response = api_as(office.ombudsman).delete(url(case, decision))

    assert response.status_code == 204
    assert not DisputedDecision.objects.exists()
    assert list(Deadline.objects.values_list("kind", flat=True)) == ["eerste_contact"]  # met
    case.refresh_from_db()
    assert case.next_deadline_end is None
    assert AuditEntry.objects.filter(event="decision.deleted", object_label=case.reference).exists()


def test_a_decision_of_another_case_is_a_404(office):
    case = register_case(office)
    other = register_case(office, name="Piet Post")
    decision = decision_create(user=office.ombudsman, case=other, subject="Besluit",
                               made_known_on=date(2026, 3, 24))
    client = api_as(office.ombudsman)

    assert client.get(url(case, decision)).status_code == 404
    assert client.patch(url(case, decision), {"made_known_on": "2026-03-03"},
                        format="json").status_code == 404
    assert client.delete(url(case, decision)).status_code == 404
    assert client.get(url(case, 999999)).status_code == 404
    decision.refresh_from_db()
    assert decision.made_known_on == date(2026, 3, 24)


def test_an_ombudsperson_of_westerveld_only_gets_a_404_for_a_steenwijkerland_case(office):
    case = register_case(office)
    decision = decision_create(user=office.ombudsman, case=case, subject="Besluit",
                               made_known_on=date(2026, 3, 24))
    client = api_as(office.ombudsman_westerveld)

    assert client.get(url(case)).status_code == 404
    # The case is checked before the body: even an invalid one gives 404, not 400.
    assert client.post(url(case), {"made_known_on": "nonsense"}, format="json").status_code == 404
    assert client.get(url(case, decision)).status_code == 404
    assert client.patch(url(case, decision), {"made_known_on": "2026-03-03"},
                        format="json").status_code == 404
    assert client.delete(url(case, decision)).status_code == 404
    assert DisputedDecision.objects.get().made_known_on == date(2026, 3, 24)


def test_policy_staff_get_a_403(office):
    case = register_case(office)
    decision = decision_create(user=office.ombudsman, case=case, subject="Besluit",
                               made_known_on=date(2026, 3, 24))
    client = api_as(office.beleid)

    assert client.get(url(case)).status_code == 403
    assert client.post(url(case), {"subject": "Besluit", "made_known_on": "2026-03-24"},
                       format="json").status_code == 403
    assert client.get(url(case, decision)).status_code == 403
    assert client.delete(url(case, decision)).status_code == 403
    assert DisputedDecision.objects.count() == 1


def test_a_posted_objection_is_judged_in_time_by_its_postmark(office):
    case = register_case(office)
    client = api_as(office.ombudsman)
    decision = client.post(url(case), {"subject": "Besluit", "made_known_on": "2026-03-03"},
                           format="json").json()  # objection term ends 14 April

    response = client.patch(url(case, decision["id"]), {
        "objection_posted_on": "2026-04-13", "objection_filed_on": "2026-04-16"}, format="json")

    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["objection_posted_on"] == "2026-04-13"
    assert data["receipt"]["in_time"] is True and data["receipt"]["basis"] == "Awb 6:9 lid 2"
    objection = terms(client, case)["bezwaar"]
    assert objection["met_on"] == "2026-04-13" and "op tijd" in objection["caveat"]


def test_a_late_objection_says_what_6_11_allows_and_keeps_the_reason(office):
    case = register_case(office)
    client = api_as(office.ombudsman)
    decision = client.post(url(case), {"subject": "Besluit", "made_known_on": "2026-03-03"},
                           format="json").json()

    response = client.patch(url(case, decision["id"]), {
        "objection_filed_on": "2026-04-17", "lateness_reason": "In het ziekenhuis opgenomen."},
        format="json")

    assert response.status_code == 200, response.json()
    receipt = response.json()["receipt"]
    assert receipt["in_time"] is False and receipt["basis"] == "Awb 6:9, 6:11"
    assert "te laat" in receipt["explanation"] and "Awb 6:11" in receipt["explanation"]
    assert response.json()["lateness_reason"] == "In het ziekenhuis opgenomen."
    caveat = terms(client, case)["bezwaar"]["caveat"]
    assert "Awb 6:11" in caveat and "In het ziekenhuis opgenomen." in caveat


def test_a_decision_without_an_objection_has_no_receipt(office):
    case = register_case(office)
    response = api_as(office.ombudsman).post(url(case), {
        "subject": "Besluit", "made_known_on": "2026-03-24"}, format="json")
    assert response.status_code == 201 and response.json()["receipt"] is None


def test_a_postponement_after_the_term_is_a_400_and_further_delay_needs_consent(office):
    case = register_case(office)
    client = api_as(office.ombudsman)
    decision = client.post(url(case), {  # decision term on the objection ends 30 March
        "subject": "Besluit", "made_known_on": "2026-01-05",
        "objection_filed_on": "2026-01-20"}, format="json").json()

    late = client.patch(url(case, decision["id"]), {"postponed_on": "2026-04-01"}, format="json")

    assert late.status_code == 400
    assert "Awb 7:10 lid 3" in late.json()["postponed_on"][0]
    without_consent = client.patch(url(case, decision["id"]),
                                   {"delay_consented_until": "2026-06-01"}, format="json")
    assert without_consent.status_code == 400
    assert "Awb 7:10 lid 4" in without_consent.json()["delay_consent_on"][0]

    agreed = client.patch(url(case, decision["id"]), {
        "delay_consent_on": "2026-04-02", "delay_consented_until": "2026-06-01"}, format="json")

    assert agreed.status_code == 200, agreed.json()
    assert agreed.json()["delay_consented_until"] == "2026-06-01"
    term = terms(client, case)["beslissing_bezwaar"]
    assert term["end"] == "2026-06-01" and "lid 4" in term["basis"]
    assert term["state"] != "passed"


def test_a_date_the_resident_gave_is_marked_until_staff_check_it(office):
    from ombuds.procedures.services import decision_from_resident

    case = register_case(office)
    decision = decision_from_resident(case=case, made_known_on=date(2026, 3, 24))
    client = api_as(office.ombudsman)
    data = client.get(url(case, decision)).json()
    assert data["given_by_resident"] is True and data["checked_on"] is None
    assert "nog niet gecontroleerd" in terms(client, case)["bezwaar"]["caveat"]

    response = client.patch(url(case, decision), {"checked_on": "2026-04-20"}, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["checked_on"] == "2026-04-20"
    assert "nog niet gecontroleerd" not in terms(client, case)["bezwaar"]["caveat"]
