"""``POST /api/v1/suggestions/``: every domain and theme of a municipality for a text, most
probable first, for intake staff of that municipality, with precise errors."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from ombuds.core.models import AuditEntry, Domain, Theme
from ombuds.domain.textmodel import CERTAINTY_CAP
from ombuds.insights.models import SuggestionEvent, ThemeModel
from ombuds.insights.tests.factories import theme
from ombuds.tests.factories import api_as

pytestmark = pytest.mark.django_db

URL = "/api/v1/suggestions/"
STORY = "Mijn scootmobiel is al weken kapot en de leverancier komt niet langs."


@pytest.fixture
def themes(office):
    """Steenwijkerland keeps Wachttijd (from the office), Hulpmiddelen and Uitkering;
    Westerveld Hulpmiddelen only. No closed case anywhere."""
    participation = Domain.objects.get(code="participatie")
    return {
        "aids": theme(office, "Hulpmiddelen"),
        "benefit": Theme.objects.create(municipality=office.steenwijkerland,
                                        domain=participation, name="Uitkering"),
        "westerveld": theme(office, "Hulpmiddelen", municipality=office.westerveld),
    }


def suggest(user, municipality="GM1708", text=STORY):
    return api_as(user).post(URL, {"municipality": municipality, "text": text}, format="json")


def test_it_ranks_every_domain_and_theme_best_first(office, themes):
    response = suggest(office.secretariaat)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert [d["code"] for d in body["domains"]][0] == "wmo"
    assert {d["code"] for d in body["domains"]} == set(
        Domain.objects.values_list("code", flat=True))
    assert body["themes"][0] == {
        "id": themes["aids"].pk, "name": "Hulpmiddelen", "domain": "wmo",
        "probability": body["themes"][0]["probability"], "likelihood": "zeer waarschijnlijk"}
    assert {t["id"] for t in body["themes"]} == {office.theme.pk, themes["aids"].pk,
                                                 themes["benefit"].pk}
    for items in (body["domains"], body["themes"]):
        probabilities = [i["probability"] for i in items]
        assert probabilities == sorted(probabilities, reverse=True)
        assert all(0 < p <= CERTAINTY_CAP for p in probabilities)
    assert sum(d["probability"] for d in body["domains"]) == pytest.approx(1, abs=0.01)


def test_another_story_another_theme(office, themes):
    body = suggest(office.ombudsman, text="Mijn bijstandsuitkering is gestopt en ik kan de "
                   "huur niet betalen.").json()
    assert body["domains"][0]["code"] == "participatie"
    assert body["themes"][0]["id"] == themes["benefit"].pk


def test_westerveld_without_closed_cases_gets_a_suggestion(office, themes):
    response = suggest(office.ombudsman_westerveld, municipality="GM1701")
    assert response.status_code == 200
    assert [t["id"] for t in response.json()["themes"]] == [themes["westerveld"].pk]
    assert response.json()["themes"][0]["probability"] < 1
    assert ThemeModel.objects.get(municipality=office.westerveld).n_cases == 0


def test_nothing_of_the_text_is_kept(office, themes):
    audit_before = AuditEntry.objects.count()
    suggest(office.secretariaat)
    assert not SuggestionEvent.objects.exists()
    assert not AuditEntry.objects.filter(details__icontains="scootmobiel").exists()
    assert AuditEntry.objects.count() == audit_before


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"municipality": "GM9999", "text": STORY}, "municipality", "Onbekende gemeente: GM9999."),
        ({"municipality": "GM1708", "text": ""}, "text", "Dit veld mag niet leeg zijn."),
        ({"municipality": "GM1708", "text": "   "}, "text", "Dit veld mag niet leeg zijn."),
        ({"municipality": "GM1708", "text": "de het een"}, "text",
         "De tekst bevat geen woorden om een voorstel op te baseren."),
        ({"text": STORY}, "municipality", "Dit veld is vereist."),
        ({"municipality": "GM1708"}, "text", "Dit veld is vereist."),
        ({"municipality": "GM1708", "text": "x" * 20_001}, "text",
         "Zorg ervoor dat dit veld niet meer dan 20000 karakters bevat."),
    ],
)
def test_errors_name_the_field(office, themes, data, field, message):
    response = api_as(office.secretariaat).post(URL, data, format="json")
    assert response.status_code == 400
    assert response.json() == {field: [message]}


def test_only_staff_of_that_municipality_may_ask(office, themes):
    response = suggest(office.ombudsman_westerveld, municipality="GM1708")
    assert response.status_code == 403
    assert response.json() == {"detail": "U mag geen zaken registreren in deze gemeente."}
    assert suggest(office.beleid).status_code == 403
    assert suggest(office.beheer).status_code == 403
    assert APIClient().post(URL, {"municipality": "GM1708", "text": STORY},
                            format="json").status_code in (401, 403)


def test_the_operation_is_in_the_openapi_schema(office):
    schema = api_as(office.ombudsman).get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/suggestions/"]["post"]
    assert operation["operationId"] == "suggestions_create"
    assert set(operation["responses"]) == {"200", "400", "403"}
    output = schema["components"]["schemas"]["Suggestion"]["properties"]
    assert set(output) == {"domains", "themes"}
    theme_fields = schema["components"]["schemas"]["SuggestedTheme"]["properties"]
    assert {"id", "name", "domain", "probability"} <= set(theme_fields)
