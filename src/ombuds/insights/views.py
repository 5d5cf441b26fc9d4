"""Staff pages of the pattern finder: rising themes, the related cases of a case, and the
domain and theme suggestion at intake."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from ombuds.accounts.roles import ALL_CASES_ROLES
from ombuds.cases import queries
from ombuds.cases.forms import IntakeForm
from ombuds.cases.views.common import case_role_required, is_htmx
from ombuds.core.models import Municipality
from ombuds.core.views import role_required
from ombuds.insights import selectors, services

EVENT_FIELD = "insights_event"


@role_required(ALL_CASES_ROLES)
def patterns(request):
    """"Stijgende thema's": cases per theme and party per month, the fastest rising first."""
    return render(request, "insights/patterns.html", {
        "rising": selectors.rising_themes(request.user),
        "acceptance": selectors.suggestion_acceptance(request.user),
    })


@require_GET
@role_required(ALL_CASES_ROLES)
def workload(request):
    """"Werkverdeling": the open work per handler, for dividing it (counts only)."""
    from ombuds.insights.workload import workload as workload_of

    return render(request, "insights/workload.html", {"workload": workload_of(request.user)})


def _suggestion(request):
    """Suggest themes and domains for the intake form in ``request.POST`` (None if there
    is nothing to suggest yet)."""
    try:
        municipality = queries.intake_municipalities(request.user).get(
            pk=int(request.POST.get("municipality") or 0))
    except (ValueError, Municipality.DoesNotExist):
        municipalities = list(queries.intake_municipalities(request.user)[:2])
        if len(municipalities) != 1:
            return None
        municipality = municipalities[0]
    text = f"{request.POST.get('title', '')}\n{request.POST.get('story', '')}"
    return services.theme_suggest(user=request.user, municipality=municipality, text=text,
                                  event_id=request.POST.get(EVENT_FIELD))


@case_role_required
@require_GET
@vary_on_headers("HX-Request")
def case_related(request, reference: str):
    """"Verwante zaken en signalen" of a case: the list HTMX loads into the case page, or
    without JavaScript a page of its own (the case page links to it)."""
    panel = selectors.related_panel(request.user, reference)
    context = {"case": panel.case, "related": panel.related, "signals": panel.signals}
    if is_htmx(request):
        return render(request, "insights/includes/related_body.html", context)
    return render(request, "insights/related.html", context)


@case_role_required
@require_POST
def theme_suggest(request):
    """The theme suggestion for the story typed so far: the HTMX partial, or without
    JavaScript the whole intake page again with the suggestion and everything typed kept."""
    if not queries.intake_municipalities(request.user).exists():
        raise PermissionDenied("U mag geen zaken registreren.")
    suggestion = _suggestion(request)
    chosen = set(request.POST.getlist("themes"))
    if is_htmx(request):
        return render(request, "insights/includes/theme_suggestion_body.html",
                      {"suggestion": suggestion, "chosen": chosen, "asked": True,
                       "chosen_domains": set(request.POST.getlist("domains"))})
    form = IntakeForm(request.POST, user=request.user)
    form.suppress_errors()
    return render(request, "cases/register.html",
                  {"form": form, "theme_suggestion": suggestion, "suggestion_asked": True})


@case_role_required
@require_POST
def suggestion_record(request):
    """Record which themes the intake was registered with (posted by the intake form's
    submit through HTMX). Nothing to show: 204."""
    services.suggestion_record(user=request.user, event_id=request.POST.get(EVENT_FIELD),
                               chosen_theme_ids=request.POST.getlist("themes"))
    return HttpResponse(status=204)
