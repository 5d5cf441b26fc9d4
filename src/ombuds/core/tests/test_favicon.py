"""Every page has a favicon, and /favicon.ico (which browsers ask for on their own, also on
the admin and API pages) is a file, not a 404 (issue 15)."""

from __future__ import annotations

import pytest
from django.test import Client


def test_it_serves_favicon_ico_at_the_site_root():
    response = Client().get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file's header


@pytest.mark.django_db
def test_every_page_links_its_favicon():
    html = Client().get("/").content.decode()
    assert '<link rel="icon" href="/static/ombuds/root/favicon.ico"' in html
    assert 'href="/static/ombuds/favicon.svg" type="image/svg+xml"' in html
