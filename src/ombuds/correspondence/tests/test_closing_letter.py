"""The closing letter lists the routes still open to the resident with their dates, and in
variants 4–6 names the ombudsman and the term to turn to it (Awb 9:12)."""

from __future__ import annotations

import pytest

from ombuds.correspondence.context import letter_context
from ombuds.correspondence.rendering import default_template, render_letter
from ombuds.correspondence.tests.factories import full_case
from ombuds.domain.deadlines import nl_date
from ombuds.procedures.models import Deadline, DeadlineKind

pytestmark = pytest.mark.django_db


def closing_letter(case) -> str:
    return render_letter(default_template("afsluiting"), letter_context(case)).body


@pytest.mark.parametrize("variant", [1, 2, 3, 4, 5, 6])
def test_it_lists_the_open_objection_term_with_both_dates(office, variant):
    case, _, _ = full_case(office, variant)
    objection = Deadline.objects.get(case=case, kind=DeadlineKind.OBJECTION)
    body = closing_letter(case)
    assert "## Wat kunt u nog doen?" in body
    assert "Bezwaar maken tegen het besluit over Traplift afgewezen" in body
    assert f"uiterlijk {nl_date(objection.raw_end, weekday=True)}" in body
    assert f"wettelijke laatste dag is {nl_date(objection.end, weekday=True)}" in body


@pytest.mark.parametrize("variant", [1, 2, 3])
def test_without_complaint_handling_it_points_to_the_complaint_procedure_not_the_ombudsman(
        office, variant):
    case, _, _ = full_case(office, variant)
    body = closing_letter(case)
    assert "klacht indienen" in body
    assert "ombudsman" not in body.lower()


@pytest.mark.parametrize("variant", [4, 5])
def test_with_complaint_handling_it_names_the_ombudsman_and_the_computed_term(office, variant):
    case, _, _ = full_case(office, variant)
    year = Deadline.objects.get(case=case, kind=DeadlineKind.OMBUDSMAN_YEAR)
    body = closing_letter(case)
    assert "## Niet eens met ons oordeel?" in body
    assert "naar de Nationale ombudsman gaan" in body
    assert (f"uiterlijk op {nl_date(year.end, weekday=True)} (artikel 9:24 lid 1 onder a "
            "van de Algemene wet bestuursrecht)") in body
    assert "Postbus 93122, 2509 AC Den Haag" in body


def test_in_variant_6_it_names_the_year_after_the_municipality_findings_with_the_warning(office):
    case, _, _ = full_case(office, 6)
    year = Deadline.objects.get(case=case, kind=DeadlineKind.OMBUDSMAN_YEAR)
    body = closing_letter(case)
    assert "## Verder naar de Nationale ombudsman?" in body
    assert (f"uiterlijk op {nl_date(year.end, weekday=True)} (artikel 9:24 lid 1 onder a "
            "van de Algemene wet bestuursrecht)") in body
    assert "ook terwijl wij uw verzoek behandelen, loopt deze termijn door" in body
    assert "na dit oordeel" not in body


def test_the_ombudsman_is_the_municipalitys_statutory_one_as_configured(office):
    case, _, _ = full_case(office, 5)
    municipality = case.municipality
    municipality.ombudsman_name = "de Ombudsman Metropool Amsterdam"
    municipality.ombudsman_address = "Postbus 202\n1000 AE Amsterdam"
    municipality.ombudsman_website = "www.ombudsmanmetropool.nl"
    municipality.save()
    case.refresh_from_db()
    body = closing_letter(case)
    assert "naar de Ombudsman Metropool Amsterdam gaan" in body
    assert "Adres: Postbus 202, 1000 AE Amsterdam." in body
    assert "Nationale ombudsman" not in body and "0800 33 55 555" not in body


@pytest.mark.parametrize("variant", [4, 6])
def test_without_a_computed_term_it_says_so_and_how_the_year_is_computed(office, variant):
    case, _, _ = full_case(office, variant)
    Deadline.objects.filter(case=case, kind=DeadlineKind.OMBUDSMAN_YEAR).delete()
    body = closing_letter(case)
    assert "De precieze datum weten wij nog niet" in body
    assert "Awb 9:24" not in body and "artikel 9:24 lid 1" in body
    assert "na dit oordeel" not in body


def test_a_route_already_taken_is_not_listed(office):
    case, _, _ = full_case(office, 3)
    Deadline.objects.filter(case=case, kind=DeadlineKind.OBJECTION).update(met_on="2020-01-01")
    body = closing_letter(case)
    assert "Bezwaar maken" not in body
    assert "geen termijn voor bezwaar of beroep meer" in body


def test_it_is_signed_with_the_handlers_name_not_their_username(office):
    case = full_case(office, 3)[0]
    case.assignee = office.ombudsman
    case.save(update_fields=["assignee"])
    letter = closing_letter(case)
    assert office.ombudsman.display_name in letter
    assert f"\n{office.ombudsman.username}\n" not in letter
