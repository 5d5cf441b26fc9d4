"""The municipalities a user works for, via /api/v1/municipalities/."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from ombuds.core.models import Theme
from ombuds.tests.factories import api_as

pytestmark = pytest.mark.django_db


def test_it_lists_the_municipalities_of_the_user_with_variant_and_themes(office):
    response = api_as(office.ombudsman).get("/api/v1/municipalities/")

    assert response.status_code == 200
    steenwijkerland, westerveld = response.json()
    assert steenwijkerland["name"] == "Steenwijkerland"
    assert steenwijkerland["cbs_code"] == "GM1708"
    assert steenwijkerland["reference_prefix"] == "STW"
    assert steenwijkerland["variant"]["number"] == 3
    assert steenwijkerland["variant"]["name"] == "Luisterend oor en bemiddeling"
    assert "aangemeld" in [s["code"] for s in steenwijkerland["variant"]["statuses"]]
    assert steenwijkerland["themes"] == [{"id": office.theme.pk, "name": "Wachttijd",
                                          "domain": "wmo", "domain_name": office.wmo.name,
                                          "active": True}]
    assert westerveld["cbs_code"] == "GM1701" and westerveld["variant"]["number"] == 5


def test_a_single_municipality_user_sees_only_that_one(office):
    response = api_as(office.ombudsman_westerveld).get("/api/v1/municipalities/")

    assert [m["cbs_code"] for m in response.json()] == ["GM1701"]


def test_policy_and_admin_roles_read_municipalities_too(office):
    for user in (office.beleid, office.beheer):
        assert len(api_as(user).get("/api/v1/municipalities/").json()) == 2


def test_it_shows_one_municipality_by_cbs_code(office):
    response = api_as(office.coordinator).get("/api/v1/municipalities/GM1708/")

    assert response.status_code == 200
    assert response.json()["name"] == "Steenwijkerland"


def test_a_municipality_the_user_does_not_work_for_is_404(office):
    client = api_as(office.ombudsman_westerveld)

    assert client.get("/api/v1/municipalities/GM1708/").status_code == 404
    assert client.get("/api/v1/municipalities/GM0000/").status_code == 404


def test_anonymous_callers_get_401(office):
    assert APIClient().get("/api/v1/municipalities/").status_code == 401


def test_the_list_costs_the_same_number_of_queries_whatever_the_number_of_themes(office):
    client = api_as(office.ombudsman)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/municipalities/").status_code == 200
        return len(queries)

    before = count()
    for n in range(10):
        Theme.objects.create(municipality=office.westerveld, domain=office.wmo, name=f"T{n}")

    assert count() == before
