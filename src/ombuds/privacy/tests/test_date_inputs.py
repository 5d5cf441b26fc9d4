"""The date inputs of the AVG pages hold ISO dates (yyyy-mm-dd): a browser shows a Dutch
"07-12-2026" in an <input type="date"> as an empty field (issue 15)."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from ombuds.privacy.forms import AvgRequestForm, ExtendForm, PersonAuditForm


def date_values(html: str) -> list[str]:
    return re.findall(r'<input type="date"[^>]*value="([^"]*)"', html)


@time_machine.travel("2026-12-07 10:00 +01:00")
@pytest.mark.django_db
def test_the_request_page_prefills_today_as_an_iso_date(avg_world):
    client = Client()
    client.force_login(avg_world.office.ombudsman)
    html = client.get(reverse("privacy:create") + f"?persoon={avg_world.anna.pk}").content.decode()
    assert date_values(html) == ["2026-12-07"]


@pytest.mark.parametrize("form,field", [
    (ExtendForm, "informed_on"), (PersonAuditForm, "date_from"), (PersonAuditForm, "date_to"),
])
def test_every_date_input_renders_iso(form, field):
    from datetime import date

    html = form(initial={field: date(2026, 12, 7)})[field].as_widget()
    assert 'value="2026-12-07"' in html


def test_the_request_form_renders_iso():
    from datetime import date

    from ombuds.core.models import Municipality

    form = AvgRequestForm(municipalities=Municipality.objects.none(),
                          initial={"received_on": date(2026, 12, 7)})
    assert 'value="2026-12-07"' in form["received_on"].as_widget()
