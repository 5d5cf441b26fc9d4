"""Issue 8, done-when 5: the ZGW export of a case validates against the published Zaken API
schema (test data: data/zaken-api/, with its source and licence in SOURCE.md)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from jsonschema.exceptions import ValidationError
from openapi_schema_validator import (
    OAS30ReadValidator,
    OAS30WriteValidator,
    oas30_format_checker,
)
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from ombuds.cases.services import Closure, case_transition
from ombuds.domain.variants import VARIANTS
from ombuds.interop import zgw
from ombuds.tests.factories import register_case, satisfy_complaint_law

pytestmark = pytest.mark.django_db

SCHEMA_DIR = Path(__file__).parent / "data" / "zaken-api"
SPEC_URI = "urn:vng:zaken-api:1.3.0-rc3"
RSIN = "002564440"


def zaak_validator(kind=OAS30ReadValidator):
    """A validator for ``components/schemas/Zaak`` of the shipped Zaken API document."""
    spec = yaml.safe_load((SCHEMA_DIR / "zaken-api-1.3.0-rc3-zaak.yaml").read_text())
    registry = Registry().with_resource(
        SPEC_URI, Resource.from_contents(spec, default_specification=DRAFT4))
    return kind({"$ref": f"{SPEC_URI}#/components/schemas/Zaak"}, registry=registry,
                format_checker=oas30_format_checker)


def test_the_shipped_schema_says_where_it_comes_from():
    source = (SCHEMA_DIR / "SOURCE.md").read_text()
    assert "https://github.com/VNG-Realisatie/zaken-api" in source
    assert "EUPL-1.2" in source and "1.3.0-rc3" in source


def test_it_exports_an_open_case_as_a_valid_zaak(office, settings):
    settings.ZGW_RSIN = RSIN
    case = register_case(office, title="Wacht op besluit over een traplift voor de woning van "
                                       "mijn moeder, al sinds het voorjaar van dit jaar")
    zaak = zgw.zaak_from_case(case)
    zaak_validator().validate(zaak)
    assert zaak["identificatie"] == case.reference
    assert zaak["bronorganisatie"] == zaak["verantwoordelijkeOrganisatie"] == RSIN
    assert len(zaak["omschrijving"]) == 80
    assert zaak["zaaktype"] == "urn:ombuds:zaaktype:variant-3"
    assert zaak["einddatum"] is None and zaak["archiefnominatie"] is None
    assert "Jan de Vries" not in json.dumps(zaak), "no personal data in the export"


def test_a_closed_case_carries_its_retention_from_the_selectielijst(office, settings):
    settings.ZGW_RSIN = RSIN
    settings.ZGW_ZAAKTYPE_URL = "https://zaken.gemeente.example/catalogi/api/v1/zaaktypen/v{variant}"
    case = register_case(office, municipality=office.westerveld)  # variant 5
    for target in ("intake", "klacht", "hoor_wederhoor", "oordeel"):
        satisfy_complaint_law(office, case)
        case_transition(user=office.ombudsman, case=case, target=target)
    satisfy_complaint_law(office, case, "gegrond")
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="gegrond",
                    closure=Closure(procedure_avoided="nee"))
    zaak = zgw.zaak_from_case(case)
    zaak_validator().validate(zaak)
    closed = date.fromisoformat(zaak["einddatum"])
    assert zaak["zaaktype"] == "https://zaken.gemeente.example/catalogi/api/v1/zaaktypen/v5"
    assert zaak["archiefnominatie"] == "vernietigen"
    assert zaak["archiefactiedatum"] == closed.replace(year=closed.year + 5).isoformat()
    assert "Gegrond" in zaak["resultaattoelichting"]


def test_the_create_body_has_no_read_only_fields_and_validates_for_writing(office, settings):
    settings.ZGW_RSIN = RSIN
    body = zgw.zaak_create_body(register_case(office))
    zaak_validator(OAS30WriteValidator).validate(body)
    assert "url" not in body and "status" not in body


def test_the_validator_refuses_what_the_standard_refuses(office, settings):
    """The check can fail: a Zaak without bronorganisatie, or with too long a description."""
    settings.ZGW_RSIN = RSIN
    zaak = zgw.zaak_from_case(register_case(office))
    for broken in ({k: v for k, v in zaak.items() if k != "bronorganisatie"},
                   zaak | {"omschrijving": "x" * 81},
                   zaak | {"archiefnominatie": "bewaren"}):
        with pytest.raises(ValidationError):
            zaak_validator().validate(broken)


def test_every_outcome_of_every_variant_has_a_result_type_and_retention():
    for number, workflow in VARIANTS.items():
        for outcome in workflow.outcomes:
            kept = zgw.retention(number, outcome.code)
            assert kept is not None and kept.years in (1, 5, 10), (number, outcome.code)
    assert zgw.retention(6, "gegrond").years == 10  # handled by the ombudsman: Awb 9:27
    assert zgw.retention(4, "gegrond").years == 5
    assert zgw.retention(6, "niet_ontvankelijk").years == 1


def test_the_api_gives_the_zaak_to_whoever_may_open_the_case(office, client, settings):
    settings.ZGW_RSIN = RSIN
    case = register_case(office)
    url = f"/api/v1/cases/{case.reference}/zgw/"
    client.force_login(office.ombudsman)
    response = client.get(url)
    assert response.status_code == 200
    zaak_validator().validate(response.json())
    client.force_login(office.ombudsman_westerveld)
    assert client.get(url).status_code == 404
    client.force_login(office.beheer)
    assert client.get(url).status_code == 403
