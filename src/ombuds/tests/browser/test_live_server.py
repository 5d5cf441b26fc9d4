"""The live server the browser tests drive must behave like runserver and gunicorn: one
database connection per request thread, never the test's own connection shared between
overlapping requests (which failed a run with "database table is locked")."""

import threading

import pytest
from django.db import connection


@pytest.mark.django_db(transaction=True)
def test_the_live_server_does_not_share_the_tests_connection(live_server):
    assert not live_server.thread.connections_override
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True)
def test_overlapping_requests_are_all_served(live_server, office):
    import urllib.request

    statuses, errors = [], []

    def fetch(url):
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                statuses.append(response.status)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))

    url = f"{live_server.url}/gemeente/steenwijkerland/sociale-kaart/"
    threads = [threading.Thread(target=fetch, args=(url,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert statuses == [200] * 8
