"""The organisation's page for a signal, without an account (``/signaal/<token>/``).

As with partner links (``mediation.public_views``): the token is the only credential and
stays in a URL for one request only. The first page checks it, remembers the link in the
session and redirects to a URL without it. Responses are kept out of Django's request log,
so a token never reaches the application log. A closed link gets a polite 410 page.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from ombuds.core.private_links import not_found as _not_found
from ombuds.core.private_links import quiet as _quiet
from ombuds.core.private_links import remember, remembered
from ombuds.signals import links
from ombuds.signals.forms import SignalAnswerForm
from ombuds.signals.models import SignalLink

SIGNAL_SESSION = "ombuds_signal_links"




def _gone(request, link: SignalLink, state: str) -> HttpResponse:
    return _quiet(render(request, "signals/public/gone.html", {
        "state": state, "expires_at": link.expires_at,
        "office": link.signal.municipality.office}, status=410))


def _remember(request, pk: int) -> None:
    remember(request, SIGNAL_SESSION, pk)


def _remembered(request, pk: int) -> bool:
    return remembered(request, SIGNAL_SESSION, pk)


@never_cache
@require_GET
def signal_entry(request, token: str):
    try:
        link = links.signal_link_by_token(token)
    except links.LinkNotFound:
        return _not_found(request)
    except links.LinkGone as gone:
        return _gone(request, gone.link, gone.state)
    _remember(request, link.pk)
    return _quiet(redirect("signal-public:page", link_id=link.pk))


@never_cache
@require_http_methods(["GET", "POST"])
def signal_page(request, link_id: int):
    if not _remembered(request, link_id):
        return _not_found(request)
    try:
        link = links.signal_link_by_id(link_id)
    except links.LinkNotFound:
        return _not_found(request)
    except links.LinkGone as gone:
        return _gone(request, gone.link, gone.state)
    form = SignalAnswerForm()
    if request.method == "POST":
        form = SignalAnswerForm(request.POST)
        if form.is_valid():
            try:
                links.signal_answer_submit(link=link, text=form.cleaned_data["text"])
            except links.AlreadyAnswered:
                return _gone(request, link, links.LinkState.ANSWERED)
            except ValidationError as error:
                form.apply_service_error(error)
            else:
                return _quiet(redirect("signal-public:thanks", link_id=link.pk))
    data = links.signal_request_view(link)
    return _quiet(render(request, "signals/public/answer.html", {"req": data, "form": form},
                         status=400 if form.errors else 200))


@never_cache
@require_GET
def signal_thanks(request, link_id: int):
    link = SignalLink.objects.select_related("signal__municipality__office").filter(
        pk=link_id, answered_at__isnull=False).first()
    if link is None or not _remembered(request, link_id):
        return _not_found(request)
    return _quiet(render(request, "signals/public/thanks.html",
                         {"office": link.signal.municipality.office}))
