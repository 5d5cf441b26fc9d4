"""The beheer's own accessibility gaps, closed without touching its CSP (issue 15): every
input of a tabular inline has a name, the audit list's municipality filter has words for
entries without one, the organisation's municipalities are labelled boxes, and the links in
a line of text are underlined by admin.css. The browser crawl (tests/browser/
test_accessibility_crawl.py) checks the same pages with axe."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ombuds.core.audit import Action, audit_log


def page(client, user, url) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def inputs(html: str, prefix: str) -> list[str]:
    return re.findall(rf'<(?:input|select)[^>]*name="{prefix}-[^"]*"[^>]*>', html)


def test_every_membership_input_of_the_user_form_has_a_name(client, office):
    html = page(client, office.beheer, reverse("admin:accounts_user_add"))
    visible = [tag for tag in inputs(html, "memberships") if 'type="hidden"' not in tag]
    assert visible
    assert all("aria-label=" in tag for tag in visible), visible
    assert 'aria-label="Gemeente (lidmaatschap 1)"' in html
    assert 'aria-label="Rol (lidmaatschap 1)"' in html


def test_every_designated_day_input_has_a_name(client, office):
    from ombuds.procedures.models import DesignationDecree

    decree = DesignationDecree.objects.order_by("pk").first()
    html = page(client, office.beheer,
                reverse("admin:procedures_designationdecree_change", args=[decree.pk]))
    visible = [tag for tag in inputs(html, "days") if 'type="hidden"' not in tag]
    assert visible
    assert all("aria-label=" in tag for tag in visible), visible
    assert re.search(r'aria-label="Verwijderen \(gelijkgestelde dag 1\)"', html, re.I) or \
        re.search(r'aria-label="[^"]+ \([^"]*1\)"', html)


def test_the_audit_list_filter_names_the_entries_without_a_municipality(client, office):
    audit_log(user=office.beheer, action=Action.READ, event="test.nothing")  # no municipality
    audit_log(user=office.beheer, action=Action.READ, event="test.stw",
              municipality_code="GM1708")
    html = page(client, office.beheer, reverse("admin:core_auditentry_changelist"))
    links = {href: text.strip() for href, text in
             re.findall(r'<a href="(\?municipality_code=[^"]*)"[^>]*>([^<]*)</a>', html)}
    assert links["?municipality_code="] == "Zonder gemeente"
    assert links["?municipality_code=GM1708"] == "Steenwijkerland (GM1708)"
    assert all(links.values())


def test_an_organisation_lists_its_municipalities_as_labelled_boxes(client, office):
    html = page(client, office.beheer, reverse("admin:socialmap_organisation_add"))
    assert 'type="checkbox" name="municipalities"' in html
    assert "SelectFilter" not in html  # not the two-list filter with unnamed controls


@pytest.mark.parametrize("url", ["admin:index", "admin:accounts_user_add"])
def test_every_admin_page_loads_the_fixes_and_the_favicon(client, office, url):
    html = page(client, office.beheer, reverse(url))
    assert "/static/ombuds/css/admin.css" in html
    assert '<link rel="icon" href="/static/ombuds/root/favicon.ico"' in html
    assert "style=" not in html.replace("stylesheet", "")
