"""Test fixtures shared by every app: a small office with two municipalities and one user
per role, the same shape as the demo data."""

from __future__ import annotations

import os

import pytest

from ombuds.tests.factories import OfficeSetup, make_office


@pytest.fixture
def office(db) -> OfficeSetup:
    return make_office()


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
    """On SQLite, PostgreSQL-only tests skip; in CI with OMBUDS_REQUIRE_ALL=1 they cannot."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


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
