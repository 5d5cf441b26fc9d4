"""The worklist filter's choices: read once per set of municipalities, fresh after a change."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.contrib.auth.models import update_last_login
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ombuds.accounts.models import User
from ombuds.accounts.roles import Role
from ombuds.cases.worklist_choices import CHOICES_SECONDS
from ombuds.core.models import Domain, Municipality, Theme
from ombuds.tests.factories import UserFactory, member, workflow

URL = "/werk/zaken/"


def page(client) -> str:
    response = client.get(URL, {"view": "alle"})
    assert response.status_code == 200
    return response.content.decode()


def choice_queries(client) -> list[str]:
    """The queries of a worklist view that read themes, domains or handlers."""
    with CaptureQueriesContext(connection) as queries:
        page(client)
    return [q["sql"] for q in queries
            if 'FROM "core_theme"' in q["sql"] or 'FROM "core_domain"' in q["sql"]
            or 'DISTINCT "accounts_user"' in q["sql"]]


def test_it_reads_the_choices_once_for_colleagues_with_the_same_municipalities(client, office):
    client.force_login(office.ombudsman)
    assert choice_queries(client)  # the first view reads them
    assert choice_queries(client) == []
    client.force_login(office.coordinator)  # the same two municipalities
    assert choice_queries(client) == []


def test_it_offers_only_the_themes_and_handlers_of_the_users_municipalities(client, office):
    member(UserFactory(first_name="Alleen", last_name="Steenwijk"), office.steenwijkerland,
           Role.OMBUDSPERSON)
    client.force_login(office.ombudsman)  # both municipalities: fills the cache first
    both = page(client)
    assert "Alleen Steenwijk" in both and "Wachttijd" in both
    client.force_login(office.ombudsman_westerveld)
    html = page(client)
    assert "Alleen Steenwijk" not in html
    assert "Wachttijd" not in html  # a theme of Steenwijkerland


def test_a_new_theme_shows_at_once(client, office):
    client.force_login(office.ombudsman)
    page(client)
    Theme.objects.create(municipality=office.steenwijkerland, domain=office.wmo,
                         name="Trapliften")
    assert "Trapliften" in page(client)


def test_a_renamed_domain_shows_at_once(client, office):
    client.force_login(office.ombudsman)
    page(client)
    office.wmo.name = "Wet maatschappelijke ondersteuning"
    office.wmo.save()
    assert "Wet maatschappelijke ondersteuning" in page(client)


def test_a_new_handler_shows_and_a_deactivated_one_goes_at_once(client, office):
    client.force_login(office.ombudsman)
    page(client)
    newcomer = member(UserFactory(first_name="Nieuwe", last_name="Collega"),
                      office.westerveld, Role.OMBUDSPERSON)
    assert "Nieuwe Collega" in page(client)
    newcomer.is_active = False
    newcomer.save(update_fields=["is_active"])
    assert "Nieuwe Collega" not in page(client)


def test_a_handler_who_leaves_a_municipality_goes_at_once(client, office):
    leaver = member(UserFactory(first_name="Vertrekkende", last_name="Collega"),
                    office.westerveld, Role.OMBUDSPERSON)
    client.force_login(office.ombudsman)
    assert "Vertrekkende Collega" in page(client)
    leaver.memberships.get().delete()
    assert "Vertrekkende Collega" not in page(client)


def test_a_log_in_keeps_the_choices(client, office):
    client.force_login(office.ombudsman)
    page(client)
    update_last_login(None, office.coordinator)  # what every log-in saves
    assert choice_queries(client) == []


def test_a_change_no_signal_announces_shows_after_the_cache_time(client, office):
    # Another app process (with its own memory) saved it: this one did not hear of it.
    client.force_login(office.ombudsman)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        page(client)
        User.objects.filter(pk=office.coordinator.pk).update(first_name="Hernoemde")
        Domain.objects.filter(pk=office.wmo.pk).update(name="Zorg en ondersteuning")
        assert "Hernoemde" not in page(client)
        traveller.shift(timedelta(seconds=CHOICES_SECONDS + 1))
        html = page(client)
    assert "Hernoemde" in html and "Zorg en ondersteuning" in html


def test_a_municipality_moved_to_another_process_variant_offers_its_statuses(client, office):
    client.force_login(office.ombudsman)
    assert '<optgroup label="Ombudsman (tweede lijn)">' not in page(client)
    # Moved by another app process (no signal here): the key holds the municipalities'
    # variants, which every request reads afresh with the user's memberships.
    Municipality.objects.filter(pk=office.westerveld.pk).update(workflow=workflow(6))
    assert '<optgroup label="Ombudsman (tweede lijn)">' in page(client)
