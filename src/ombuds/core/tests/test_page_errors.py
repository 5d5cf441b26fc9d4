"""Dutch error pages that give nothing of the request away."""

from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error


def test_a_missing_page_says_so_in_dutch_without_repeating_the_address(client, db):
    response = client.get("/werk/zaken-van/jan-de-vries-geheim/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Pagina niet gevonden" in html
    assert "jan-de-vries-geheim" not in html
    assert '<html lang="nl"' in html


def test_a_refused_page_says_so_in_dutch(client, office):
    client.force_login(office.beleid)
    response = client.get(reverse("core:audit"), {"reference": "STW-2026-0001"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Geen toegang" in html
    assert "STW-2026-0001" not in html


def test_a_server_error_page_is_dutch_and_static(db):
    request = RequestFactory().get("/werk/zaken/STW-2026-0042/?naam=Jan")
    response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html
    assert "STW-2026-0042" not in html and "Jan" not in html
