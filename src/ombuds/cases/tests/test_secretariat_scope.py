"""The secretariat's scope on the pages (issue 15): the intake and what is assigned to it.
Handing a case on takes it out of the scope; the page says so instead of showing a 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ombuds.tests.factories import register_case

pytestmark = pytest.mark.django_db


def test_assigning_a_case_takes_the_secretariat_back_to_the_worklist(client, office):
    case = register_case(office, user=office.secretariaat)
    client.force_login(office.secretariaat)
    response = client.post(reverse("cases:assign", args=[case.reference]),
                           {"assignee": office.ombudsman.pk}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("cases:worklist")
    html = response.content.decode()
    assert f"Zaak {case.reference} is toegewezen aan {office.ombudsman.display_name}" in html
    assert f"Zaak {case.reference} staat niet meer in uw werklijst" in html
    assert client.get(reverse("cases:detail", args=[case.reference])).status_code == 404


def test_a_handler_who_assigns_stays_on_the_case_page(client, office):
    case = register_case(office)
    client.force_login(office.coordinator)
    response = client.post(reverse("cases:assign", args=[case.reference]),
                           {"assignee": office.ombudsman.pk})
    assert response["Location"] == reverse("cases:detail", args=[case.reference])


def test_the_secretariats_worklist_shows_the_intake_not_what_it_registered(client, office):
    intake = register_case(office)
    mine = register_case(office, user=office.secretariaat, assignee=office.ombudsman)
    client.force_login(office.secretariaat)
    for view in ("nieuw", "alle"):
        response = client.get(reverse("cases:worklist"), {"view": view})
        references = [c.reference for c in response.context["page"].object_list]
        assert references == [intake.reference], view
        assert mine.reference not in response.content.decode()
