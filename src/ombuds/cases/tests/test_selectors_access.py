"""access_case and case_list: the only doors to cases, scoped by role and municipality."""

import pytest
from django.utils import timezone

from ombuds.cases.models import Case
from ombuds.cases.selectors import CaseFilter, CaseNotFound, access_case, case_list, similar_persons
from ombuds.cases.services import case_assign
from ombuds.tests.factories import register_case

pytestmark = pytest.mark.django_db


def test_an_ombudsperson_opens_cases_of_their_municipalities_only(office):
    steenwijkerland = register_case(office)
    westerveld = register_case(office, municipality=office.westerveld)
    assert access_case(office.ombudsman, steenwijkerland.reference) == steenwijkerland
    assert access_case(office.ombudsman_westerveld, westerveld.reference) == westerveld
    with pytest.raises(CaseNotFound):
        access_case(office.ombudsman_westerveld, steenwijkerland.reference)


@pytest.mark.parametrize("role", ["beleid", "beheer"])
def test_policy_and_admin_never_open_a_case(office, role):
    case = register_case(office)
    with pytest.raises(CaseNotFound):
        access_case(office.users()[role], case.reference)
    assert not case_list(office.users()[role], CaseFilter()).exists()


def test_the_secretariat_sees_the_intake_and_what_is_assigned_to_them(office):
    """PRODUCT.md: the intake (open cases nobody is assigned to) and the cases assigned to
    them — not every case they registered (issue 15: the demo's secretariat, who registers
    every intake, saw every open case)."""
    queued = register_case(office, user=office.ombudsman)
    registered = register_case(office, user=office.secretariaat)
    case_assign(user=office.secretariaat, case=registered, assignee=office.ombudsman)
    # A handler who moved to the secretariat keeps what is assigned to them.
    theirs = register_case(office, user=office.ombudsman)
    Case.objects.filter(pk=theirs.pk).update(assignee=office.secretariaat)
    closed_unassigned = register_case(office, user=office.secretariaat)
    Case.objects.filter(pk=closed_unassigned.pk).update(closed_at=timezone.now())

    visible = set(case_list(office.secretariaat, CaseFilter(open_only=False)))

    assert visible == {queued, theirs}
    for hidden in (registered, closed_unassigned):
        with pytest.raises(CaseNotFound):
            access_case(office.secretariaat, hidden.reference)


def test_an_unknown_reference_and_a_forbidden_one_look_the_same(office):
    case = register_case(office)
    with pytest.raises(CaseNotFound) as unknown:
        access_case(office.ombudsman_westerveld, "STW-1999-9999")
    with pytest.raises(CaseNotFound) as forbidden:
        access_case(office.ombudsman_westerveld, case.reference)
    assert type(unknown.value) is type(forbidden.value)


def test_worklist_filters_mine_and_new(office):
    mine = register_case(office)
    case_assign(user=office.ombudsman, case=mine, assignee=office.ombudsman)
    new = register_case(office)
    assert list(case_list(office.ombudsman, CaseFilter(view="mijn"))) == [mine]
    assert list(case_list(office.ombudsman, CaseFilter(view="nieuw"))) == [new]
    assert set(case_list(office.coordinator, CaseFilter(view="alle"))) == {mine, new}


def test_search_finds_a_story_word_on_every_database(office):
    register_case(office, story="Het gaat over de wachttijden bij het Wmo-loket.")
    register_case(office, story="Mijn uitkering is stopgezet.")
    found = list(case_list(office.ombudsman, CaseFilter(q="wachttijd")))
    assert len(found) == 1 and "wachttijden" in found[0].story


def test_search_by_reference(office):
    case = register_case(office)
    register_case(office)
    assert list(case_list(office.ombudsman, CaseFilter(q=case.reference))) == [case]


def test_the_duplicate_check_finds_earlier_cases_of_the_same_resident(office):
    earlier = register_case(office, name="Piet Jansen")
    register_case(office, name="Anna de Boer")
    matches = similar_persons(office.secretariaat, name="piet jansen")
    assert [p.pk for p in matches] == [earlier.person_id]
    assert matches[0].visible_cases == [earlier]


def test_the_duplicate_check_shows_no_cases_the_user_may_not_see(office):
    register_case(office, name="Piet Jansen")
    assert similar_persons(office.ombudsman_westerveld, name="Piet Jansen") == []
