"""The beheerder keeps the days designated equal to holidays (Atw art. 3 lid 3) at /beheer/;
every change recomputes the open deadlines at once."""

from datetime import date

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.urls import NoReverseMatch, reverse

from ombuds.accounts.roles import Role
from ombuds.core.models import AuditEntry
from ombuds.procedures.models import Deadline, DesignatedDay, DesignationDecree
from ombuds.procedures.planning import deadlines_recompute_open
from ombuds.procedures.services import decision_create
from ombuds.tests.factories import UserFactory, member, register_case

pytestmark = pytest.mark.django_db

# Made known Thursday 4 September 2025: the objection term's last day is Thursday 16 October.
MADE_KNOWN = date(2025, 9, 4)


@pytest.fixture
def decree():
    return DesignationDecree.objects.get(first_year=2023, last_year=2025)


@pytest.fixture
def objection(office):
    case = register_case(office)
    decision_create(user=office.ombudsman, case=case, subject="Besluit",
                    made_known_on=MADE_KNOWN)
    deadline = Deadline.objects.get(case=case, kind="bezwaar")
    assert deadline.end == date(2025, 10, 16)
    return deadline


@pytest.fixture
def stw_admin(office):
    """A beheerder of Steenwijkerland only: designated days are national, so they may."""
    return member(UserFactory(username="beheer-stw", is_staff=True), office.steenwijkerland,
                  Role.ADMIN)


def form_data(decree, *, add=(), delete=()):
    """The change form of ``decree`` as the browser posts it, with days added or deleted."""
    days = list(decree.days.order_by("day"))
    data = {
        "title": decree.title, "publication": decree.publication,
        "first_year": decree.first_year, "last_year": decree.last_year,
        "days-TOTAL_FORMS": len(days) + len(add), "days-INITIAL_FORMS": len(days),
        "days-MIN_NUM_FORMS": 0, "days-MAX_NUM_FORMS": 1000,
    }
    for i, day in enumerate(days):
        data |= {f"days-{i}-id": day.pk, f"days-{i}-decree": decree.pk,
                 f"days-{i}-day": day.day.isoformat(), f"days-{i}-description": day.description}
        if day.day in delete:
            data[f"days-{i}-DELETE"] = "on"
    for j, (day, description) in enumerate(add, start=len(days)):
        data |= {f"days-{j}-decree": decree.pk, f"days-{j}-day": day.isoformat(),
                 f"days-{j}-description": description}
    return data


def change_url(decree):
    return reverse("admin:procedures_designationdecree_change", args=[decree.pk])


def test_adding_a_designated_day_moves_an_open_deadline(client, stw_admin, decree, objection):
    client.force_login(stw_admin)
    response = client.post(change_url(decree), form_data(
        decree, add=[(date(2025, 10, 16), "gelijkgestelde dag (test)")]))
    assert response.status_code == 302, response.context and response.context["errors"]
    assert DesignatedDay.objects.filter(day=date(2025, 10, 16), decree=decree).exists()
    objection.refresh_from_db()
    assert (objection.raw_end, objection.end) == (date(2025, 10, 16), date(2025, 10, 17))
    assert "gelijkgestelde dag (test)" in objection.explanation
    objection.case.refresh_from_db()
    assert objection.case.next_deadline_end == date(2025, 10, 17)
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert "De termijnen van 1 zaak zijn opnieuw berekend." in shown
    entry = AuditEntry.objects.get(event="designated_days.changed")
    assert entry.details == {"decree": decree.pk, "cases_recomputed": 1}


def test_deleting_the_day_moves_it_back(client, office, decree, objection):
    DesignatedDay.objects.create(decree=decree, day=date(2025, 10, 16), description="fout")
    deadlines_recompute_open()
    objection.refresh_from_db()
    assert objection.end == date(2025, 10, 17)
    client.force_login(office.beheer)
    client.post(change_url(decree), form_data(decree))  # unchanged: nothing recomputed
    assert not AuditEntry.objects.filter(event="designated_days.changed").exists()
    response = client.post(change_url(decree), form_data(decree, delete=[date(2025, 10, 16)]))
    assert response.status_code == 302
    assert not DesignatedDay.objects.filter(day=date(2025, 10, 16)).exists()
    objection.refresh_from_db()
    assert objection.end == date(2025, 10, 16)
    assert AuditEntry.objects.filter(event="designated_days.changed").count() == 1


def test_deleting_a_decree_puts_the_caveat_on_deadlines_in_its_years(client, office, decree,
                                                                      objection):
    assert objection.caveat == ""
    client.force_login(office.beheer)
    delete_url = reverse("admin:procedures_designationdecree_delete", args=[decree.pk])
    response = client.post(delete_url, {"post": "yes"})
    assert response.status_code == 302
    objection.refresh_from_db()
    assert "2025" in objection.caveat


def test_a_beheerder_sees_the_decrees_with_their_days(client, stw_admin):
    client.force_login(stw_admin)
    response = client.get(reverse("admin:procedures_designationdecree_changelist"))
    assert response.status_code == 200
    assert {d.first_year for d in response.context["cl"].queryset} >= {2023, 2026}
    decree = DesignationDecree.objects.get(first_year=2026)
    page = client.get(change_url(decree)).content.decode()
    assert "2027-05-07" in page or "07-05-2027" in page


@pytest.mark.parametrize("username", ["ombudsman", "secretariaat", "coordinator", "beleid"])
def test_staff_without_the_beheerder_role_are_refused(client, office, decree, objection,
                                                      username):
    user = office.users()[username]
    user.is_staff = True
    user.save()
    client.force_login(user)
    assert client.get(change_url(decree)).status_code == 302
    response = client.post(change_url(decree), form_data(
        decree, add=[(date(2025, 10, 16), "gelijkgestelde dag (test)")]))
    assert response.status_code == 302 and reverse("admin:login") in response.url
    assert not DesignatedDay.objects.filter(day=date(2025, 10, 16)).exists()
    objection.refresh_from_db()
    assert objection.end == date(2025, 10, 16)


def test_deadlines_decisions_and_complaints_are_not_in_the_admin():
    registered = {model._meta.label for model in admin.site._registry}
    assert "procedures.DesignationDecree" in registered
    assert not registered & {"procedures.Deadline", "procedures.DisputedDecision",
                             "procedures.Complaint", "procedures.DeadlineAlert",
                             "procedures.DigestSent"}
    with pytest.raises(NoReverseMatch):
        reverse("admin:procedures_deadline_changelist")
