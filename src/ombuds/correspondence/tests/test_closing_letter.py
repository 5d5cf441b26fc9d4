"""The closing letter lists the routes still open to the resident with their dates, and in
variants 4–6 names the ombudsman and the term to turn to it (Awb 9:12)."""

from __future__ import annotations

import pytest

from ombuds.correspondence.context import letter_context
from ombuds.correspondence.rendering import default_template, render_letter
from ombuds.correspondence.tests.factories import full_case
from ombuds.domain.deadlines import nl_date
from ombuds.procedures.models import Deadline, DeadlineKind
from ombuds.socialmap.models import OrganisationType, Route
from ombuds.tests.factories import OrganisationFactory

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


@pytest.mark.parametrize("variant", [4, 5, 6])
def test_with_complaint_handling_it_names_the_ombudsman_and_the_computed_term(office, variant):
    case, _, _ = full_case(office, variant)
    year = Deadline.objects.get(case=case, kind=DeadlineKind.OMBUDSMAN_YEAR)
    body = closing_letter(case)
    assert "## Niet eens met ons oordeel?" in body
    assert "de Nationale ombudsman" in body
    assert f"tot en met {nl_date(year.end, weekday=True)}" in body


def test_the_ombudsman_comes_from_the_social_map_and_a_local_one_goes_first(office):
    case, _, _ = full_case(office, 5)
    OrganisationFactory(name="Nationale ombudsman", type=OrganisationType.OMBUDSMAN,
                        routes=[Route.NATIONAL_OMBUDSMAN], website="https://www.nationaleombudsman.nl",
                        municipalities=[case.municipality])
    assert "naar Nationale ombudsman gaan" in closing_letter(case)
    OrganisationFactory(name="Ombudscommissie Steenwijkerland", type=OrganisationType.OMBUDSMAN,
                        routes=[Route.LOCAL_OMBUDSMAN], municipalities=[case.municipality])
    assert "naar Ombudscommissie Steenwijkerland gaan" in closing_letter(case)


def test_without_a_computed_term_it_explains_the_year_after_the_findings(office):
    case, _, _ = full_case(office, 4)
    Deadline.objects.filter(case=case, kind=DeadlineKind.OMBUDSMAN_YEAR).delete()
    assert "binnen een jaar na dit oordeel" in closing_letter(case)


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
