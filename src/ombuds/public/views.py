"""Pages for residents, in Dutch at ``/`` and in English at ``/en/`` (i18n_patterns).

No account anywhere. The request form writes through ``services.web_request_submit``; the
status page is behind a private link whose token stays in the URL for one request only (the
entry view remembers the request in the session and redirects, as the partner pages do).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.loader import select_template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ombuds.core.private_links import not_found, quiet, remember, remembered
from ombuds.public import content, reminders, selectors, services, terms
from ombuds.public.forms import RequestForm

STATUS_SESSION = "ombuds_status_links"
SUBMITTED_SESSION = "ombuds_submitted"


def _municipality_context(municipality, municipalities=None) -> dict:
    return {
        "municipality": municipality, "office": municipality.office,
        "slug": selectors.municipality_slug(municipality),
        "variant": content.variant_text(municipality.workflow.variant),
        "municipalities": (selectors.public_municipalities() if municipalities is None
                           else municipalities),
    }


@require_GET
def home(request):
    """The start page: what the ombudsfunctie is, and a choice of municipality when the
    office serves several (with one, that municipality's page is the start page)."""
    municipalities = selectors.public_municipalities()
    if len(municipalities) == 1:
        return render(request, "public/municipality.html",
                      {**_municipality_context(municipalities[0]), "is_home": True})
    return render(request, "public/home.html", {
        "municipalities": [(m, selectors.municipality_slug(m)) for m in municipalities]})


@require_GET
def municipality(request, municipality: str):
    return render(request, "public/municipality.html",
                  _municipality_context(selectors.municipality_by_slug(municipality)))


@require_GET
def routes(request, municipality: str):
    place = selectors.municipality_by_slug(municipality)
    offered = selectors.organisations_by_route(place)
    items = [{"code": code, "title": title, "text": text, "organisations": offered[code]}
             for code, (title, text) in content.ROUTES.items()]
    return render(request, "public/routes.html", {**_municipality_context(place),
                                                  "routes": items})


@require_GET
def social_map(request, municipality: str):
    place = selectors.municipality_by_slug(municipality)
    return render(request, "public/social_map.html", {
        **_municipality_context(place),
        "organisations": list(selectors.public_organisations(place))})


@require_GET
def contact(request, municipality: str):
    return render(request, "public/contact.html",
                  _municipality_context(selectors.municipality_by_slug(municipality)))


def _content_page(request, name: str, context: dict | None = None):
    """A page of long prose: one template per language, so each reads as a whole."""
    template = select_template([f"public/pages/{get_language()}/{name}.html",
                                f"public/pages/nl/{name}.html"])
    return render(request, template.template.name, {
        "municipalities": selectors.public_municipalities(), **(context or {})})


@require_GET
def privacy(request):
    return _content_page(request, "privacy")


@require_GET
def accessibility(request):
    return _content_page(request, "accessibility")


@never_cache
@require_http_methods(["GET", "POST"])
def request_form(request, municipality: str):
    municipalities = selectors.public_municipalities()
    place = selectors.municipality_by_slug(municipality, municipalities)
    context = _municipality_context(place, municipalities)
    if request.method == "GET":
        return render(request, "public/request_form.html",
                      {**context, "form": RequestForm(municipality=place)})
    form = RequestForm(request.POST, request.FILES, municipality=place)
    status = 200
    limited = False
    term = None
    if request.POST.get("action") == "preview":
        # Only work out the objection term; nothing is checked or stored yet.
        form.is_valid()
        term = services.objection_advice(form.cleaned_data.get("decision_date"))
        decision_errors = form.errors.get("decision_date")
        form.suppress_errors()
        if decision_errors:
            form.add_error("decision_date", decision_errors)
            status = 400
    elif form.is_valid():
        term = services.objection_advice(form.cleaned_data.get("decision_date"))
        try:
            submitted = services.web_request_submit(
                data=_request_data(form, place, request), client=services.client_key(request))
        except services.RateLimited:
            limited, status = True, 429
        else:
            known = (request.session.get(SUBMITTED_SESSION) or {}).get("id")
            if submitted.token is not None or known != submitted.web_request.pk:
                request.session[SUBMITTED_SESSION] = {
                    "id": submitted.web_request.pk, "token": submitted.token or ""}
            remember(request, STATUS_SESSION, _grant(submitted.web_request))
            return redirect("public:request_sent", municipality=municipality)
    else:
        term = services.objection_advice(form.cleaned_data.get("decision_date"))
        status = 400
    return render(request, "public/request_form.html", {
        **context, "form": form, "term": term, "limited": limited,
        "files_dropped": [f.name for f in request.FILES.getlist("attachments")]
        if status != 200 or request.POST.get("action") == "preview" else [],
    }, status=status)


def _request_data(form: RequestForm, municipality, request) -> services.RequestData:
    data = form.cleaned_data
    return services.RequestData(
        municipality=municipality, submission_key=data["submission_key"],
        name=data["name"], story=data["story"], wish=data["wish"], email=data["email"],
        phone=data["phone"], street=data["street"], postcode=data["postcode"],
        city=data["city"], preferred_channel=data["preferred_channel"],
        avoid_channels=data["avoid_channels"], no_contact=data["no_contact"],
        for_someone_else=data["who"] == "ander",
        resident_name=data["resident_name"], relation=data["relation"],
        organisations=list(data["organisations"]),
        other_organisations=data["other_organisations"],
        decision_date=data["decision_date"] if data["decision"] != "nee" else None,
        files=data["attachments"], language=get_language() or "nl",
    )


@never_cache
@require_GET
def request_sent(request, municipality: str):
    """The confirmation: reference, the private status link, and the objection advice."""
    place = selectors.municipality_by_slug(municipality)
    sent = request.session.get(SUBMITTED_SESSION) or {}
    web_request = services.web_request_by_id(sent.get("id", 0)) if sent else None
    if web_request is None or web_request.case.municipality_id != place.pk:
        return not_found(request)
    case = web_request.case
    return quiet(render(request, "public/request_sent.html", {
        **_municipality_context(place), "case": case,
        "status_url": services.status_url(sent["token"], get_language(),
                                          request.build_absolute_uri("/"))
        if sent["token"] else "",
        "emailed": case.outbox.exists(),
        "term": services.objection_deadline(case),  # the watched row, as the e-mail words it
    }))


def _grant(web_request) -> str:
    """What a session remembers of a status link it opened: the request and a piece of the
    link's hash, so a replaced link stops working in sessions that opened the old one too."""
    return f"{web_request.pk}:{web_request.status_token_hash[:16]}"


@never_cache
@require_GET
def status_entry(request, token: str):
    web_request = services.web_request_by_token(token)
    if web_request is None:
        return not_found(request)
    remember(request, STATUS_SESSION, _grant(web_request))
    return quiet(redirect("public:status", request_id=web_request.pk))


@never_cache
@require_GET
def status(request, request_id: int):
    web_request = services.web_request_by_id(request_id)
    if web_request is None or not remembered(request, STATUS_SESSION, _grant(web_request)):
        return not_found(request)
    services.audit_status_viewed(web_request)
    case = web_request.case
    return quiet(render(request, "public/status.html", {
        **_municipality_context(case.municipality), "case": case,
        "phase": content.phase(case),
        "terms": reminders.status_terms(web_request, today=timezone.localdate()),
        "not_stopped": terms.NOT_STOPPED,
    }))


@never_cache
@require_POST
def status_reminder(request, request_id: int):
    """The resident asks for an e-mail before one of their terms ends."""
    web_request = services.web_request_by_id(request_id)
    if web_request is None or not remembered(request, STATUS_SESSION, _grant(web_request)):
        return not_found(request)
    try:
        reminder = reminders.term_reminder_request(
            web_request=web_request, deadline_id=_int(request.POST.get("deadline")),
            today=timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext(
            "Wij sturen u op %(day)s een e-mail als herinnering.") % {
            "day": terms.day_text(reminders.reminder_day(reminder))})
    return quiet(redirect(reverse("public:status", args=[web_request.pk]) + "#termijnen"))


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0

