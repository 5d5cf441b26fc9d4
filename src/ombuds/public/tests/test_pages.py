"""Every resident page is reachable by links from the start page, in Dutch and in English."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

EXPECTED = {
    "/", "/privacy/", "/toegankelijkheid/",
    "/gemeente/steenwijkerland/", "/gemeente/steenwijkerland/hulp-vragen/",
    "/gemeente/steenwijkerland/waar-terecht/", "/gemeente/steenwijkerland/sociale-kaart/",
    "/gemeente/steenwijkerland/contact/",
    "/gemeente/westerveld/", "/gemeente/westerveld/hulp-vragen/",
    "/gemeente/westerveld/waar-terecht/", "/gemeente/westerveld/sociale-kaart/",
    "/gemeente/westerveld/contact/",
}


def crawl(client, start: str) -> dict[str, str]:
    """Follow every same-site link from ``start``; return path → html of each page."""
    seen, todo = {}, [start]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        response = client.get(path)
        assert response.status_code == 200, path
        seen[path] = html = response.content.decode()
        for href in re.findall(r'href="(/[^"#]*)"', html):
            if not href.startswith(("/static/", "/inloggen/")) and href not in seen:
                todo.append(href)
    return seen


@pytest.mark.parametrize("prefix,lang", [("", "nl"), ("/en", "en")])
def test_every_public_page_is_linked_from_the_start_page(client, office, prefix, lang):
    pages = crawl(client, prefix + "/")
    expected = {prefix + path for path in EXPECTED}
    assert expected <= set(pages)
    for path, html in pages.items():
        if path.startswith(prefix + "/") and (prefix or not path.startswith("/en/")):
            assert f'<html lang="{lang}"' in html, path
            assert len(re.findall(r"<h1[ >]", html)) == 1, path
            assert "<main" in html and "<nav" in html, path


def test_each_page_links_to_its_other_language(client, office):
    html = client.get("/gemeente/westerveld/contact/").content.decode()
    assert 'href="/en/gemeente/westerveld/contact/" lang="en" hreflang="en"' in html
    html = client.get("/en/privacy/").content.decode()
    assert 'href="/privacy/" lang="nl" hreflang="nl"' in html
    assert "What information do we keep?" in html


def test_the_municipality_page_explains_its_own_variant(client, office):
    stw = client.get("/gemeente/steenwijkerland/").content.decode()
    wsv = client.get("/gemeente/westerveld/").content.decode()
    assert "Luisteren en bemiddelen" in stw and "klacht indienen" not in stw
    assert "Luisteren, bemiddelen en klachten behandelen" in wsv and "binnen 6 weken" in wsv


def test_an_unknown_municipality_is_a_404(client, office):
    assert client.get("/gemeente/atlantis/").status_code == 404


def test_with_one_municipality_the_start_page_is_its_page(client, office):
    office.westerveld.delete()
    html = client.get("/").content.decode()
    assert "Sociale ombudsfunctie in Steenwijkerland" in html
    assert "In welke gemeente woont u?" not in html
