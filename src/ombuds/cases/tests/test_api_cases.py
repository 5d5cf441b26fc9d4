"""The case register through /api/v1/cases/: scoping, intake, the case file, assignment."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from ombuds.accounts.roles import Role
from ombuds.cases.models import Case
from ombuds.cases.services import case_transition
from ombuds.core.models import AuditEntry
from ombuds.tests.factories import OrganisationFactory, UserFactory, api_as, member, register_case

pytestmark = pytest.mark.django_db


def intake(**overrides) -> dict:
    body = {
        "municipality": "GM1708", "channel": "telefoon",
        "title": "Wacht op besluit over traplift",
        "story": "Ik wacht al vier maanden op een besluit over mijn traplift.",
        "wish": "Een besluit binnen twee weken.", "urgency": "hoog", "domains": ["wmo"],
        "person": {"name": "Fatima el Amrani", "date_of_birth": "1951-03-14",
                   "email": "f.elamrani@example.nl", "phone": "06-12345678",
                   "preferred_channel": "telefoon", "avoid_channels": ["email"],
                   "interpreter_language": "Arabisch", "easy_language": True},
        "representative": {"name": "Youssef el Amrani", "relation": "familie",
                           "phone": "06-87654321"},
    }
    return body | overrides


def test_it_refuses_anonymous_callers_with_401():
    response = APIClient().get("/api/v1/cases/")

    assert response.status_code == 401


def test_policy_and_admin_roles_get_403_on_every_case_endpoint(office):
    case = register_case(office)
    for user in (office.beleid, office.beheer):
        client = api_as(user)
        assert client.get("/api/v1/cases/").status_code == 403
        assert client.post("/api/v1/cases/", intake(), format="json").status_code == 403
        assert client.get(f"/api/v1/cases/{case.reference}/").status_code == 403
        assert client.get(f"/api/v1/cases/{case.reference}/timeline/").status_code == 403


def test_the_list_shows_only_the_cases_a_user_may_see(office):
    steenwijk = register_case(office)
    westerveld = register_case(office, municipality=office.westerveld)
    assigned = register_case(office, assignee=office.ombudsman)

    def references(user, query=""):
        response = api_as(user).get(f"/api/v1/cases/{query}")
        assert response.status_code == 200
        return {c["reference"] for c in response.json()["results"]}

    assert references(office.ombudsman) == {steenwijk.reference, westerveld.reference,
                                            assigned.reference}
    assert references(office.ombudsman_westerveld) == {westerveld.reference}
    # The secretariat sees the intake queue, not a case assigned to someone else.
    assert references(office.secretariaat) == {steenwijk.reference, westerveld.reference}
    assert references(office.ombudsman, "?view=nieuw") == {steenwijk.reference,
                                                           westerveld.reference}
    assert references(office.ombudsman, "?view=mijn") == {assigned.reference}
    assert references(office.ombudsman, "?municipality=GM1701") == {westerveld.reference}
    assert references(office.ombudsman, "?assignee=ombudsman") == {assigned.reference}


def test_the_list_filters_on_status_channel_urgency_search_and_open(office):
    phoned = register_case(office, story="De wachttijden bij de Wmo zijn veel te lang.")
    mailed = register_case(office, channel="email", urgency="spoed", story="Energie afgesloten.")
    case_transition(user=office.ombudsman, case=mailed, target="afgesloten", outcome="ingetrokken")
    client = api_as(office.ombudsman)

    def references(query):
        return {c["reference"] for c in client.get(f"/api/v1/cases/{query}").json()["results"]}

    assert references("?channel=telefoon") == {phoned.reference}
    assert references("?status=afgesloten") == {mailed.reference}
    assert references("?open=false&urgency=spoed") == {mailed.reference}
    assert references("?urgency=spoed") == set()  # closed cases are hidden by default
    assert references("?q=wachttijden") == {phoned.reference}
    assert references(f"?q={mailed.reference}&open=false") == {mailed.reference}


def test_the_list_refuses_unknown_filter_values_by_field(office):
    response = api_as(office.ombudsman_westerveld).get(
        "/api/v1/cases/?municipality=GM1708&channel=duif&assignee=niemand&view=iedereen"
    )

    assert response.status_code == 400
    assert set(response.json()) == {"municipality", "channel", "assignee", "view"}
    assert "GM1708" in response.json()["municipality"][0]


def test_the_list_is_paginated_and_shows_no_person(office):
    register_case(office)
    body = api_as(office.ombudsman).get("/api/v1/cases/").json()

    assert body["count"] == 1
    case = body["results"][0]
    assert case["status"] == "aangemeld" and case["status_label"] == "Aangemeld"
    assert case["municipality"] == "GM1708" and case["variant"] == 3
    assert "person" not in case and "story" not in case


def test_the_list_costs_the_same_number_of_queries_for_1_and_30_cases(office):
    client = api_as(office.ombudsman)
    register_case(office)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/cases/?open=false")
        assert response.status_code == 200
        return len(queries), response.json()["count"]

    one = count_queries()
    for n in range(29):
        register_case(office, assignee=office.ombudsman if n % 2 else None,
                      municipality=office.westerveld if n % 3 else office.steenwijkerland)
    thirty = count_queries()

    assert (one[1], thirty[1]) == (1, 30)
    assert one[0] == thirty[0]


def test_intake_registers_a_case_with_resident_and_representative(office):
    organisation = OrganisationFactory()
    organisation.municipalities.add(office.steenwijkerland)
    body = intake(themes=[office.theme.pk], organisations=[organisation.pk],
                  sensitive_details="Heeft COPD.", assignee="ombudsman")

    response = api_as(office.secretariaat).post("/api/v1/cases/", body, format="json")

    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["reference"].startswith("STW-") and data["reference"].endswith("-0001")
    assert data["status"] == "aangemeld" and data["workflow"]["number"] == 3
    assert data["person"]["name"] == "Fatima el Amrani"
    assert data["person"]["avoid_channels"] == ["email"]
    assert data["representative"]["name"] == "Youssef el Amrani"
    assert data["representative_relation"] == "familie"
    assert [d["code"] for d in data["domains"]] == ["wmo"]
    assert [t["id"] for t in data["themes"]] == [office.theme.pk]
    assert [o["id"] for o in data["organisations"]] == [organisation.pk]
    assert data["assignee"] == "ombudsman" and data["created_by"] == "secretariaat"
    # The secretariat registered the health detail but may not read it back.
    assert data["sensitive_details"] is None
    case = Case.objects.get(reference=data["reference"])
    assert case.sensitive_details == "Heeft COPD." and case.urgency == "hoog"
    assert AuditEntry.objects.filter(event="case.created", object_label=case.reference).exists()


def test_intake_errors_name_the_fields_that_are_wrong(office):
    body = intake(channel="duif", story="", domains=["onbekend"], urgency="morgen")
    body["person"] = {"name": "", "email": "geen-adres", "date_of_birth": "14-03-1951"}
    body["representative"] = {"name": "Youssef", "relation": "buurman"}

    response = api_as(office.ombudsman).post("/api/v1/cases/", body, format="json")

    assert response.status_code == 400
    errors = response.json()
    assert set(errors) == {"channel", "story", "domains", "urgency", "person", "representative"}
    assert set(errors["person"]) == {"name", "email", "date_of_birth"}
    assert set(errors["representative"]) == {"relation"}
    assert not Case.objects.exists()


def test_intake_needs_an_intake_role_in_the_municipality(office):
    response = api_as(office.ombudsman_westerveld).post("/api/v1/cases/", intake(), format="json")

    assert response.status_code == 400
    assert response.json()["municipality"] == ["U mag in deze gemeente geen zaken registreren."]


def test_intake_refuses_a_theme_of_another_municipality_and_an_unfit_handler(office):
    westerveld_theme = office.westerveld.themes.create(domain=office.wmo, name="Vervoer")
    client = api_as(office.ombudsman)

    wrong_theme = client.post("/api/v1/cases/", intake(themes=[westerveld_theme.pk]),
                              format="json")
    wrong_handler = client.post("/api/v1/cases/", intake(assignee="secretariaat"), format="json")

    assert wrong_theme.status_code == 400 and set(wrong_theme.json()) == {"themes"}
    assert wrong_handler.status_code == 400 and set(wrong_handler.json()) == {"assignee"}
    assert not Case.objects.exists()


def test_the_detail_shows_the_case_file_header_and_the_allowed_moves(office):
    case = register_case(office, sensitive_details="Gebruikt zuurstof.")

    response = api_as(office.ombudsman).get(f"/api/v1/cases/{case.reference}/")

    assert response.status_code == 200
    data = response.json()
    assert data["reference"] == case.reference
    assert data["person"]["name"] == "Jan de Vries" and data["representative"] is None
    assert data["sensitive_details"] == "Gebruikt zuurstof."
    assert data["workflow"] == {"number": 3, "name": "Luisterend oor en bemiddeling",
                                "version": case.workflow.version}
    assert {t["to"] for t in data["available_transitions"]} == {"intake", "afgesloten"}
    assert data["permissions"] == {"assign": True, "transition": True,
                                   "sees_health_details": True}
    assert AuditEntry.objects.filter(event="case.viewed", object_label=case.reference).exists()


def test_the_detail_hides_health_details_from_the_secretariat(office):
    case = register_case(office, sensitive_details="Gebruikt zuurstof.")

    data = api_as(office.secretariaat).get(f"/api/v1/cases/{case.reference}/").json()

    assert data["sensitive_details"] is None
    assert data["available_transitions"] == []
    assert data["permissions"]["sees_health_details"] is False


def test_a_westerveld_only_ombudsperson_gets_404_for_a_steenwijkerland_case(office):
    case = register_case(office)
    client = api_as(office.ombudsman_westerveld)

    for path in ("", "timeline/", "transitions/"):
        assert client.get(f"/api/v1/cases/{case.reference}/{path}").status_code == 404
    assert client.post(f"/api/v1/cases/{case.reference}/assign/",
                       {"assignee": "ombudsman-westerveld"}, format="json").status_code == 404
    # Out of scope is 404 before the body is even looked at, so nothing can be probed.
    for path in ("assign/", "timeline/", "transitions/"):
        assert client.post(f"/api/v1/cases/{case.reference}/{path}", {},
                           format="json").status_code == 404
    assert api_as(office.ombudsman).get("/api/v1/cases/STW-1999-0001/").status_code == 404


def test_the_detail_costs_the_same_number_of_queries_whatever_the_case_holds(office):
    client = api_as(office.ombudsman)
    small = register_case(office)
    organisations = OrganisationFactory.create_batch(5, municipalities=[office.steenwijkerland])
    big = register_case(office, themes=[office.theme], organisations=organisations,
                        representative_data=None)

    def count(case):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/cases/{case.reference}/").status_code == 200
        return len(queries)

    assert count(small) == count(big)


def test_assigning_makes_a_handler_and_null_returns_the_case_to_the_queue(office):
    case = register_case(office, user=office.secretariaat)
    client = api_as(office.coordinator)

    assigned = client.post(f"/api/v1/cases/{case.reference}/assign/", {"assignee": "ombudsman"},
                           format="json")
    returned = client.post(f"/api/v1/cases/{case.reference}/assign/", {"assignee": None},
                           format="json")

    assert assigned.status_code == 200 and assigned.json()["assignee"] == "ombudsman"
    assert returned.status_code == 200 and returned.json()["assignee"] is None


def test_assigning_refuses_an_unfit_handler_by_field_and_a_closed_case_with_409(office):
    case = register_case(office)
    outsider = member(UserFactory(username="elders"), office.westerveld, Role.OMBUDSPERSON)
    client = api_as(office.ombudsman)

    unfit = client.post(f"/api/v1/cases/{case.reference}/assign/", {"assignee": "elders"},
                        format="json")
    unknown = client.post(f"/api/v1/cases/{case.reference}/assign/", {"assignee": "niemand"},
                          format="json")
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="geen_contact")
    closed = client.post(f"/api/v1/cases/{case.reference}/assign/", {"assignee": "ombudsman"},
                         format="json")

    assert unfit.status_code == 400
    assert "Steenwijkerland" in unfit.json()["assignee"][0]
    assert unknown.status_code == 400 and "assignee" in unknown.json()
    assert closed.status_code == 409 and closed.json()["code"] == "case_closed"
    assert Case.objects.get(pk=case.pk).assignee is None
    assert outsider.pk
