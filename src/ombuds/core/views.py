"""Staff pages of the core app: the audit log search (beheerder) and the figures."""

from __future__ import annotations

import csv
from functools import wraps

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ombuds.accounts.roles import CONFIG_ROLES, FIGURES_ROLES, Role
from ombuds.core import selectors
from ombuds.core.audit import Action, audit_log
from ombuds.core.models import AuditEntry

AUDIT_PAGE_SIZE = 50
CSV_FIELDS = [
    ("timestamp", "tijdstip"), ("username", "gebruiker"), ("role", "rol"),
    ("on_behalf_of", "namens"), ("action", "actie"), ("event", "gebeurtenis"),
    ("object_type", "objecttype"), ("object_id", "object-id"), ("object_label", "object"),
    ("person_id", "persoon-id"), ("municipality_code", "gemeente"), ("origin", "herkomst"),
    ("authorisation", "grondslag"),
]


def role_required(roles):
    """Let in users holding one of ``roles`` somewhere; others get 403, anonymous the login."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_role(roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class AuditSearchForm(forms.Form):
    reference = forms.CharField(label="Zaaknummer", required=False, max_length=120,
                                help_text="Bijvoorbeeld STW-2026-0042: wie heeft deze zaak bekeken?")
    person_id = forms.IntegerField(label="Persoon-id", required=False, min_value=1)
    username = forms.CharField(label="Gebruiker", required=False, max_length=150)
    event = forms.ChoiceField(label="Gebeurtenis", required=False)
    action = forms.ChoiceField(label="Actie", required=False,
                               choices=[("", "Alle acties"), *AuditEntry.Action.choices])
    date_from = forms.DateField(label="Vanaf datum", required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="Tot en met datum", required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, events=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [("", "Alle gebeurtenissen")] + [(e, e) for e in events]
        for field in self.fields.values():
            field.widget.attrs["class"] = (
                "utrecht-select utrecht-select--html-select"
                if isinstance(field.widget, forms.Select)
                else "utrecht-textbox utrecht-textbox--html-input"
            )

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "De einddatum ligt voor de begindatum.")
        return data

    def filters(self) -> selectors.AuditFilter:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return selectors.AuditFilter(**{k: v for k, v in data.items() if v not in ("", None)})


def _audit_search(request) -> tuple[AuditSearchForm, selectors.AuditFilter]:
    events = selectors.audit_event_names(request.user)
    form = AuditSearchForm(request.GET or None, events=events)
    return form, form.filters()


def _log(request, event: str, filters: selectors.AuditFilter, **details):
    audit_log(
        user=request.user, action=Action.EXECUTE, event=event, object_type="core.auditentry",
        role=Role.ADMIN.value, authorisation="rol beheerder",
        details=filters.as_details() | details,
    )


@require_GET
@role_required(CONFIG_ROLES)
def audit_search(request):
    form, filters = _audit_search(request)
    entries = selectors.audit_entries(request.user, filters)
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("pagina"))
    _log(request, "audit.searched", filters, page=page.number)
    return render(request, "core/audit.html", {"form": form, "page": page})


@require_GET
@role_required(CONFIG_ROLES)
def audit_export(request):
    form, filters = _audit_search(request)
    entries = selectors.audit_entries(request.user, filters)
    _log(request, "audit.exported", filters, format="csv")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="auditlog.csv"'
    writer = csv.writer(response, delimiter=";")
    writer.writerow([label for _, label in CSV_FIELDS])
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow([
            timezone.localtime(entry.timestamp).isoformat() if name == "timestamp"
            else getattr(entry, name) if getattr(entry, name) is not None else ""
            for name, _ in CSV_FIELDS
        ])
    return response


@require_GET
@role_required(FIGURES_ROLES)
def figures(request):
    this_year = timezone.localdate().year
    years = list(range(this_year, this_year - 5, -1))
    try:
        year = int(request.GET.get("jaar", this_year))
    except ValueError:
        year = this_year
    if year not in years:
        year = this_year
    data = selectors.figures(request.user, year=year)
    return render(request, "core/figures.html", {
        "figures": data, "year": year, "years": years,
        "protected": any(selectors.figures_protected(request.user, f.municipality) for f in data),
    })
