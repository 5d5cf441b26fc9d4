"""The landing page, the worklists with their filters, and saved filters.

The search text never travels in an address (issue 7: no personal data in URLs, and so none
in browser history, proxy or server logs, or Referer headers): the filter form is posted,
the text is kept in the user's session under a random id, and the worklist is shown at an
address with that id (``?zoek=…``). A saved filter with a search text is linked by its id
(``?bewaard=…``). Codes such as a status or municipality stay in the address.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ombuds.accounts.roles import CASE_ROLES, CONFIG_ROLES, FIGURES_ROLES, HANDLER_ROLES
from ombuds.cases import queries, selectors
from ombuds.cases.filters_services import saved_filter_delete, saved_filter_save
from ombuds.cases.forms import FILTER_FIELDS, VIEWS, SavedFilterForm, WorklistFilterForm
from ombuds.cases.models import SavedFilter
from ombuds.cases.views.common import case_role_required
from ombuds.cases.views.worklist_filters import active_filters
from ombuds.cases.views.worklist_rows import COLUMNS, worklist_cases, worklist_rows
from ombuds.core.paging import CappedPaginator

PAGE_SIZE = 50
SEARCHES_KEY = "ombuds_worklist_searches"
SEARCHES_KEPT = 20
SEARCH_PARAM = "zoek"
SAVED_PARAM = "bewaard"


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


def search_remember(session, text: str) -> str:
    """Keep a search text in the session; return the id that stands for it in addresses."""
    searches = dict(session.get(SEARCHES_KEY, {}))
    for key, known in searches.items():
        if known == text:
            return key
    key = secrets.token_urlsafe(6)
    searches[key] = text
    while len(searches) > SEARCHES_KEPT:
        searches.pop(next(iter(searches)))  # the oldest
    session[SEARCHES_KEY] = searches
    return key


def worklist_location(request, values: dict) -> str:
    """The worklist's address for these filter values, with the search text replaced by its id."""
    pairs = [(name, values[name]) for name in FILTER_FIELDS
             if name != "q" and values.get(name) not in ("", None)]
    if values.get("q"):
        pairs.append((SEARCH_PARAM, search_remember(request.session, values["q"])))
    return f"{reverse('cases:worklist')}?{urlencode(pairs)}" if pairs else reverse("cases:worklist")


def saved_filter_href(saved: SavedFilter) -> str:
    """A saved filter's link: its codes, and its id instead of a search text it holds."""
    query = QueryDict(saved.query, mutable=True)
    if query.get("q"):
        del query["q"]
        query[SAVED_PARAM] = str(saved.pk)
    return f"{reverse('cases:worklist')}?{query.urlencode()}"


def search_text(request) -> tuple[str, bool]:
    """The search text an address stands for, and whether its id was no longer known."""
    key = request.GET.get(SEARCH_PARAM)
    if key:
        text = request.session.get(SEARCHES_KEY, {}).get(key)
        return text or "", text is None
    saved_id = request.GET.get(SAVED_PARAM, "")
    if saved_id.isdigit():
        saved = SavedFilter.objects.filter(user=request.user, pk=int(saved_id)).first()
        if saved is None:
            return "", True
        return QueryDict(saved.query).get("q", ""), False
    return "", False


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
    if request.method == "POST" or request.GET.get("q"):
        # The filter form is posted; an old link or bookmark may still carry the search text.
        # Either way the text moves into the session and the browser goes to a clean address.
        form = WorklistFilterForm(request.POST if request.method == "POST" else request.GET,
                                  user=request.user)
        return redirect(worklist_location(request, form.values()))
    data = request.GET.copy()
    text, expired = search_text(request)
    if expired:
        messages.warning(request, "Deze zoekopdracht is verlopen. Zoek opnieuw.")
    if text:
        data["q"] = text
    form = WorklistFilterForm(data, user=request.user)
    values = dict(form.values())
    values["view"] = values.get("view") or default_view(request.user, values)
    cases, outcome = selectors.case_search(request.user, case_filter(request.user, values))
    if values.get("toestand") == "gesloten" and not values.get("status"):
        cases = cases.filter(closed_at__isnull=False)
    number = request.GET.get("page")
    # Only the columns a row shows, as values (see worklist_rows). The status labels of the
    # municipalities' current process variants come with the filter's choices; cases on an
    # earlier variant cost one query.
    # (The count stays on the cases themselves: it reads only their ids, from the index.)
    page = CappedPaginator(cases, PAGE_SIZE, number=number).get_page(number)
    page.object_list = worklist_cases(page.object_list.values_list(*COLUMNS))
    labels = form.status_labels | queries.status_labels(
        {case.workflow_id for case in page.object_list} - form.status_labels.keys())
    query = filter_query(values)
    return render(request, "cases/worklist.html", {
        "form": form, "page": page, "rows": worklist_rows(page.object_list, labels),
        "view": values["view"], "views": VIEWS,
        "view_label": VIEWS[values["view"]],
        "query": query, "filtered": any(values.get(f) for f in FILTER_FIELDS[1:]),
        "active_filters": active_filters(request.GET, form, values, outcome),
        "search_notes": outcome.notes(),
        "saved_filters": [
            {"filter": saved, "href": saved_filter_href(saved), "current": saved.query == query}
            for saved in SavedFilter.objects.filter(user=request.user)
        ],
        "save_form": SavedFilterForm(initial={"query": query}),
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
        return redirect(worklist_location(request, values.values()))
    messages.error(request, "Geef het filter een naam (hoogstens 80 tekens).")
    values = WorklistFilterForm(QueryDict(form.data.get("query", "")[:1000]), user=request.user)
    return redirect(worklist_location(request, values.values()))


@require_POST
@case_role_required
def saved_filter_delete_view(request, pk: int):
    if saved_filter_delete(user=request.user, saved_filter_id=pk):
        messages.success(request, "Het filter is verwijderd.")
    else:
        messages.error(request, "Dit filter bestaat niet meer.")
    return redirect("cases:worklist")
