"""Shared plumbing of the pages behind private links (partner requests, survey, signals).

The token is in the URL of the first request only: the entry view remembers the link's id
in the session and redirects to a token-free page. Responses are kept out of Django's
request log so a token never lands in it.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

#: How many links one browser session remembers at most.
REMEMBERED = 20


def quiet(response: HttpResponse) -> HttpResponse:
    """Keep the URL (which may hold a token) out of Django's request log."""
    response._has_been_logged = True
    # No "no-referrer" here: browsers then send "Origin: null" with the answer form, which
    # the CSRF check refuses. The token is gone from the URL after the first redirect anyway.
    return response


def not_found(request) -> HttpResponse:
    return quiet(render(request, "404.html", status=404))


def remember(request, key: str, pk: int) -> None:
    """Let this session open the token-free page of link ``pk`` (kept under ``key``)."""
    ids = [i for i in request.session.get(key, []) if i != pk]
    request.session[key] = [*ids, pk][-REMEMBERED:]


def remembered(request, key: str, pk: int) -> bool:
    return pk in request.session.get(key, [])
