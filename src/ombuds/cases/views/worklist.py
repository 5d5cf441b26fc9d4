"""The landing page, the worklists with their filters, and saved filters."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ombuds.accounts.roles import CASE_ROLES, CONFIG_ROLES, FIGURES_ROLES, HANDLER_ROLES
from ombuds.cases import selectors
from ombuds.cases.filters_services import saved_filter_delete, saved_filter_save
from ombuds.cases.forms import FILTER_FIELDS, VIEWS, SavedFilterForm, WorklistFilterForm
from ombuds.cases.models import SavedFilter
from ombuds.cases.views.common import case_role_required

PAGE_SIZE = 50


@login_required
def home(request):
    """Send each user to where their role starts: cases, figures or the audit log."""
    user = request.user
    if user.has_role(CASE_ROLES):
        return redirect("cases:worklist")
    if user.has_role(FIGURES_ROLES):
        return redirect("core:figures")
    if user.has_role(CONFIG_ROLES):
        return redirect("core:audit")
    raise PermissionDenied("U heeft nog geen rol in een gemeente. Vraag de beheerder.")


def default_view(user, values: dict) -> str:
    """Handlers start at their own cases, intake staff at new ones; a search looks at all."""
    if values.get("q"):
        return "alle"
    return "mijn" if user.has_role(HANDLER_ROLES) else "nieuw"


def filter_query(values: dict) -> str:
    """Return the canonical query string of the filters (what a saved filter stores)."""
    pairs = [(name, values[name]) for name in FILTER_FIELDS if values.get(name) not in ("", None)]
    return urlencode(pairs)


def case_filter(user, values: dict) -> selectors.CaseFilter:
    return selectors.CaseFilter(
        view=values["view"], municipality=values.get("gemeente") or None,
        status=values.get("status", ""), channel=values.get("kanaal", ""),
        urgency=values.get("urgentie", ""), domain=values.get("domein") or None,
        theme=values.get("thema") or None, assignee=values.get("behandelaar") or None,
        q=values.get("q", ""), open_only=values.get("toestand", "open") in ("", "open"),
    )


@case_role_required
def worklist(request):
    form = WorklistFilterForm(request.GET, user=request.user)
    values = dict(form.values())
    values["view"] = values.get("view") or default_view(request.user, values)
    cases = selectors.case_list(request.user, case_filter(request.user, values))
    if values.get("toestand") == "gesloten" and not values.get("status"):
        cases = cases.filter(closed_at__isnull=False)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "cases/worklist.html", {
        "form": form, "page": page, "view": values["view"], "views": VIEWS,
        "view_label": VIEWS[values["view"]],
        "query": filter_query(values), "filtered": any(values.get(f) for f in FILTER_FIELDS[1:]),
        "saved_filters": SavedFilter.objects.filter(user=request.user),
        "save_form": SavedFilterForm(initial={"query": filter_query(values)}),
    })


@require_POST
@case_role_required
def saved_filter_save_view(request):
    form = SavedFilterForm(request.POST)
    if form.is_valid():
        # Only known filter fields are stored, re-checked like a worklist request.
        values = WorklistFilterForm(QueryDict(form.cleaned_data["query"]), user=request.user)
        query = filter_query(values.values())
        try:
            saved, created = saved_filter_save(user=request.user, name=form.cleaned_data["name"],
                                               query=query)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            verb = "bewaard" if created else "bijgewerkt"
            messages.success(request, f"Filter ‘{saved.name}’ is {verb}.")
        return redirect(f"{reverse('cases:worklist')}?{query}")
    messages.error(request, "Geef het filter een naam (hoogstens 80 tekens).")
    return redirect(f"{reverse('cases:worklist')}?{form.data.get('query', '')}")


@require_POST
@case_role_required
def saved_filter_delete_view(request, pk: int):
    if saved_filter_delete(user=request.user, saved_filter_id=pk):
        messages.success(request, "Het filter is verwijderd.")
    else:
        messages.error(request, "Dit filter bestaat niet meer.")
    return redirect("cases:worklist")
