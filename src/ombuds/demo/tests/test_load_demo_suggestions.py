"""``ombuds load_demo`` trains the domain and theme suggestion of every demo municipality,
so the intake suggests from the first page view and the API answers right after
``make demo``, for Westerveld as much as for Steenwijkerland."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from ombuds.accounts.models import User
from ombuds.cases.models import Case
from ombuds.demo.data import MUNICIPALITIES
from ombuds.insights.models import ThemeModel

pytestmark = pytest.mark.django_db


def test_load_demo_trains_every_municipality_and_the_api_answers():
    call_command("load_demo", stdout=io.StringIO())

    models = dict(ThemeModel.objects.values_list("municipality__cbs_code", "n_cases"))
    assert set(models) == set(MUNICIPALITIES)
    for code, n_cases in models.items():
        closed = Case.objects.filter(municipality__cbs_code=code, closed_at__isnull=False)
        assert n_cases == closed.count()

    client = APIClient()  # a demo account (it logs in only in demo mode)
    client.force_authenticate(User.objects.get(username="ombudsman"))
    for code in ("GM1708", "GM1701"):
        response = client.post("/api/v1/suggestions/", {
            "municipality": code,
            "text": "Mijn dochter van 15 is erg somber en staat al maanden op de wachtlijst "
                    "van de jeugd-ggz."}, format="json")
        assert response.status_code == 200, response.json()
        body = response.json()
        assert body["domains"][0]["code"] == "jeugd"
        assert body["themes"][0]["name"] == "Wachtlijst jeugdhulp"
        assert body["themes"][0]["probability"] < 1

    trained_at = ThemeModel.objects.get(municipality__cbs_code="GM1701").trained_at
    call_command("load_demo", stdout=io.StringIO())  # again: trained anew, nothing doubled
    assert ThemeModel.objects.count() == len(MUNICIPALITIES)
    assert ThemeModel.objects.get(municipality__cbs_code="GM1701").trained_at > trained_at
