"""The beheer (the Django admin at /beheer/) in Chromium (issue 15, done-when 3): its index,
every app index, every model's list and add form and a change form of each, at 1280 and
375 px: axe finds no WCAG 2.1 A/AA violation, the page does not scroll sideways, and the
browser logs no Content-Security-Policy refusal (``crawl.Crawler``)."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from ombuds.accounts.models import User
from ombuds.tests.browser.conftest import login
from ombuds.tests.browser.crawl import Crawler
from ombuds.tests.factories import OrganisationFactory


@pytest.fixture
def beheer_world(office):
    """The test office with what the beheer lists: an organisation on the social map, a
    theme, users with memberships, the seeded variants and designated days."""
    organisation = OrganisationFactory(name="Thuiszorg De Linde")
    organisation.municipalities.add(office.steenwijkerland, office.westerveld)
    return office


def beheer_pages(user) -> list[str]:
    """What ``user`` may open in the beheer: the index, each app's index, and per model its
    list, its add form and the change form of its first row."""
    request = RequestFactory().get("/beheer/")
    request.user = user
    urls, apps = [reverse("admin:index")], set()
    for model, model_admin in sorted(admin.site._registry.items(),
                                     key=lambda item: item[0]._meta.label):
        if not model_admin.has_view_permission(request):
            continue  # e.g. API tokens, the task queue: the installation's, not the beheer's
        apps.add(model._meta.app_label)
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls.append(reverse(f"{prefix}_changelist"))
        if model_admin.has_add_permission(request):
            urls.append(reverse(f"{prefix}_add"))
        first = model_admin.get_queryset(request).order_by("pk").first()
        if first is not None:
            urls.append(reverse(f"{prefix}_change", args=[first.pk]))
    return urls[:1] + [reverse("admin:app_list", kwargs={"app_label": label})
                       for label in sorted(apps)] + urls[1:]


@pytest.mark.django_db(transaction=True)
def test_every_beheer_page_passes_axe_and_the_csp(chromium, live_server, beheer_world):
    crawler = Crawler(chromium, live_server.url)
    try:
        login(crawler.page, "beheer")
        for url in beheer_pages(User.objects.get(username="beheer")):
            crawler.visit(url)
        # An add form after a failed save: the error note and the marked fields.
        crawler.page.goto(reverse("admin:core_theme_add"))
        crawler.page.locator("input[name=_save]").click()
        crawler.page.wait_for_load_state()
        assert crawler.page.locator(".errornote").count() == 1
        crawler.check(reverse("admin:core_theme_add") + " (fouten)")
    finally:
        crawler.close()
    assert len(crawler.visited) >= 25, crawler.visited
    assert not crawler.problems, "\n".join(crawler.problems)
