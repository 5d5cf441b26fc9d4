"""Test fixtures shared by every app: a small office with two municipalities and one user
per role, the same shape as the demo data."""

from __future__ import annotations

import os

import pytest
from django.test import Client

from ombuds.tests.factories import OfficeSetup, make_office

#: Django's own ``Client.force_login``: logged in, but without the second factor.
force_login_without_second_factor = Client.force_login


def force_login_with_second_factor(self, user, backend=None):
    """``client.force_login(user)`` in every test: logs in and, like a real log-in, completes
    the second factor with a real TOTP device of the user, marked in the session through
    django-otp's own session key. Tests of the second factor itself log in with
    ``force_login_without_second_factor(client, user)`` or through the login form."""
    from ombuds.tests.otp import complete_second_factor

    force_login_without_second_factor(self, user, backend)
    complete_second_factor(self, user)


Client.force_login = force_login_with_second_factor


@pytest.fixture
def office(db) -> OfficeSetup:
    return make_office()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings_parallel_suffix,
                                 tmp_path_factory):
    """Browser tests on SQLite get a database file instead of Django's in-memory test database.

    With the in-memory database the live server hands every request thread the test's one
    connection, so two overlapping requests (a case page and the panel htmx loads after it)
    interleave their transactions on it and fail with "database table is locked". With a file,
    every request has a connection of its own, as under runserver and gunicorn."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    browser_run = any("browser" in item.keywords for item in request.session.items)
    if (browser_run and database["ENGINE"] == "django.db.backends.sqlite3"
            and not database.get("TEST", {}).get("NAME")):
        path = tmp_path_factory.mktemp("browser-db") / "test.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(path)


@pytest.fixture(autouse=True)
def _empty_cache():
    # Every test starts with an empty cache (the worklist keeps its filter choices there),
    # as the database it held entries for was rolled back.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    # Attachments go to a per-test directory, never to the developer's var/.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private-media")},
        },
    }


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests skip on SQLite, PDF tests without the Pango libraries; in CI with
    OMBUDS_REQUIRE_ALL=1 a skip fails the run."""
    from django.db import connection

    from ombuds.correspondence.rendering import pdf_available

    skip_pg = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    skip_pdf = pytest.mark.skip(
        reason="needs the Pango libraries for PDF (apt-get install libpango-1.0-0 libpangoft2-1.0-0)")
    for item in items:
        if "postgres" in item.keywords and connection.vendor != "postgresql":
            item.add_marker(skip_pg)
        if "pdf" in item.keywords and not pdf_available():
            item.add_marker(skip_pdf)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if os.environ.get("OMBUDS_REQUIRE_ALL") == "1" and terminalreporter.stats.get("skipped"):
        terminalreporter.write_line(
            "OMBUDS_REQUIRE_ALL=1: skipped tests count as failures in CI.", red=True
        )
        terminalreporter._session.exitstatus = 1
        config._ombuds_skips = True


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("OMBUDS_REQUIRE_ALL") == "1":
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None and reporter.stats.get("skipped"):
            session.exitstatus = 1
