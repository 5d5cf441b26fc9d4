"""The beheer at /beheer/: beheerder only, scoped to their municipalities, audit read-only."""

import pytest
from django.urls import reverse

from ombuds.accounts.models import Membership
from ombuds.accounts.roles import Role
from ombuds.core.audit import Action, audit_log
from ombuds.core.models import AuditEntry, Theme
from ombuds.tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
    member,
    register_case,
)


@pytest.fixture
def stw_admin(office):
    """A beheerder of Steenwijkerland only."""
    return member(UserFactory(username="beheer-stw", is_staff=True), office.steenwijkerland,
                  Role.ADMIN)


@pytest.fixture
def elsewhere(office):
    """A municipality of another office, with its own theme, organisation and user."""
    other = MunicipalityFactory(name="Meppel", cbs_code="GM0119", reference_prefix="MEP")
    theme = Theme.objects.create(municipality=other, domain=office.wmo, name="Vervoer")
    organisation = OrganisationFactory(name="Zorg Meppel")
    organisation.municipalities.add(other)
    user = member(UserFactory(username="ombuds-meppel"), other, Role.OMBUDSPERSON)
    return other, theme, organisation, user


def test_the_site_header_says_ombuds_beheer(client, office):
    client.force_login(office.beheer)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Ombuds beheer" in response.content.decode()


@pytest.mark.parametrize("username", ["ombudsman", "secretariaat", "coordinator", "beleid"])
def test_staff_without_the_beheerder_role_are_refused(client, office, username):
    user = office.users()[username]
    user.is_staff = True
    user.save()
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response.url
    assert client.get(reverse("admin:core_municipality_changelist")).status_code == 302


def test_a_beheerder_who_is_not_staff_is_refused(client, stw_admin):
    stw_admin.is_staff = False
    stw_admin.save()
    client.force_login(stw_admin)
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_beheerder_sees_only_their_municipalities_data(client, office, stw_admin, elsewhere):
    other, theme, organisation, user = elsewhere
    client.force_login(stw_admin)
    municipalities = client.get(reverse("admin:core_municipality_changelist"))
    assert list(municipalities.context["cl"].queryset) == [office.steenwijkerland]
    themes = client.get(reverse("admin:core_theme_changelist")).context["cl"].queryset
    assert theme not in themes and office.theme in themes
    organisations = client.get(reverse("admin:socialmap_organisation_changelist"))
    assert organisation not in organisations.context["cl"].queryset
    users = client.get(reverse("admin:accounts_user_changelist")).context["cl"].queryset
    assert user not in users
    assert office.ombudsman_westerveld not in users
    assert office.ombudsman in users
    assert client.get(reverse("admin:core_theme_change", args=[theme.pk])).status_code == 302
    assert client.get(
        reverse("admin:socialmap_organisation_change", args=[organisation.pk])
    ).status_code == 302


def test_the_workflow_select_shows_the_variants_by_name(client, office, stw_admin):
    client.force_login(stw_admin)
    html = client.get(
        reverse("admin:core_municipality_change", args=[office.steenwijkerland.pk])
    ).content.decode()
    assert "3. Luisterend oor en bemiddeling (v1)" in html


def test_a_beheerder_changes_the_variant_of_their_municipality(client, office, stw_admin):
    from ombuds.tests.factories import workflow

    client.force_login(stw_admin)
    stw = office.steenwijkerland
    response = client.post(reverse("admin:core_municipality_change", args=[stw.pk]), {
        "name": stw.name, "workflow": workflow(5).pk, "phone": "", "email": "",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    stw.refresh_from_db()
    assert stw.workflow.variant == 5


def test_a_membership_outside_the_admins_municipalities_cannot_be_given(
    client, office, stw_admin, elsewhere
):
    other, *_ = elsewhere
    target = office.secretariaat
    client.force_login(stw_admin)
    url = reverse("admin:accounts_user_change", args=[target.pk])
    form = client.get(url).context["inline_admin_formsets"][0].formset
    municipality_choices = list(form.empty_form.fields["municipality"].queryset)
    assert municipality_choices == [office.steenwijkerland]


def test_a_user_with_access_elsewhere_is_read_only_for_the_beheerder(client, office, stw_admin):
    # the secretariaat also works in Westerveld, which beheer-stw does not administer
    client.force_login(stw_admin)
    url = reverse("admin:accounts_user_change", args=[office.secretariaat.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    password = reverse("admin:auth_user_password_change", args=[office.secretariaat.pk])
    assert client.get(password).status_code in (403, 302, 404)


def test_a_beheerder_adds_a_user_with_a_membership_in_their_municipality(
    client, office, stw_admin
):
    client.force_login(stw_admin)
    response = client.post(reverse("admin:accounts_user_add"), {
        "username": "nieuw", "password1": "een lang wachtwoord 42", "password2":
        "een lang wachtwoord 42", "usable_password": "true",
        "memberships-TOTAL_FORMS": "1", "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "1", "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-municipality": office.steenwijkerland.pk,
        "memberships-0-role": Role.SECRETARIAT.value,
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Membership.objects.filter(user__username="nieuw",
                                     municipality=office.steenwijkerland).exists()


def test_organisation_routes_are_a_multiple_choice(client, office, stw_admin):
    client.force_login(stw_admin)
    html = client.get(reverse("admin:socialmap_organisation_add")).content.decode()
    assert 'type="checkbox" name="routes" value="bezwaar"' in html
    response = client.post(reverse("admin:socialmap_organisation_add"), {
        "name": "MEE", "type": "clientondersteuning", "routes": ["clientondersteuning"],
        "municipalities": [office.steenwijkerland.pk], "public": "on", "active": "on",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    from ombuds.socialmap.models import Organisation

    assert Organisation.objects.get(name="MEE").routes == ["clientondersteuning"]


def test_saving_an_organisation_keeps_municipalities_the_admin_cannot_see(
    client, office, stw_admin
):
    organisation = OrganisationFactory(name="Gedeeld")
    organisation.municipalities.add(office.steenwijkerland, office.westerveld)
    client.force_login(stw_admin)
    response = client.post(
        reverse("admin:socialmap_organisation_change", args=[organisation.pk]),
        {"name": "Gedeeld", "type": "zorgaanbieder",
         "municipalities": [office.steenwijkerland.pk], "public": "on", "active": "on"},
    )
    assert response.status_code == 302
    assert set(organisation.municipalities.all()) == {office.steenwijkerland, office.westerveld}


def test_audit_entries_cannot_be_added_changed_or_deleted_in_the_admin(client, office):
    register_case(office)
    entry = AuditEntry.objects.filter(municipality_code="GM1708").first()
    client.force_login(office.beheer)
    assert client.get(reverse("admin:core_auditentry_changelist")).status_code == 200
    change = client.get(reverse("admin:core_auditentry_change", args=[entry.pk]))
    assert change.status_code == 200
    assert change.context["has_change_permission"] is False
    assert client.get(reverse("admin:core_auditentry_add")).status_code == 403
    assert client.get(reverse("admin:core_auditentry_delete", args=[entry.pk])).status_code == 403
    client.post(reverse("admin:core_auditentry_change", args=[entry.pk]), {"event": "x"})
    entry.refresh_from_db()
    assert entry.event != "x"


def test_audit_entries_are_searchable_by_user_reference_person_and_event(client, office):
    case = register_case(office)
    audit_log(user=office.beheer, action=Action.EXECUTE, event="audit.searched")
    client.force_login(office.beheer)
    url = reverse("admin:core_auditentry_changelist")
    for term in ("ombudsman", case.reference, str(case.person_id), "case.created"):
        result = client.get(url, {"q": term})
        assert result.status_code == 200
        assert result.context["cl"].result_count >= 1, term
    assert client.get(url, {"q": "geen-getal"}).status_code == 200


def test_cases_and_persons_are_not_in_the_admin(client, office):
    client.force_login(office.beheer)
    html = client.get(reverse("admin:index")).content.decode()
    assert "/beheer/cases/" not in html
    from django.contrib import admin

    from ombuds.cases.models import Case, Person, TimelineEntry

    for model in (Case, Person, TimelineEntry):
        assert not admin.site.is_registered(model)
