"""Staff pages for AVG requests and "who saw this person?"."""

from __future__ import annotations

import csv
import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ombuds.accounts.roles import AVG_ROLES, PERSON_AUDIT_ROLES
from ombuds.core.audit import Action, audit_log
from ombuds.core.views import CSV_FIELDS, role_required
from ombuds.correspondence.rendering import pdf_available
from ombuds.domain import avg as rules
from ombuds.privacy import export, forms, selectors, services
from ombuds.privacy.models import AvgRequestKind

PAGE_SIZE = 50


@require_GET
@role_required(AVG_ROLES)
def request_list(request):
    return render(request, "privacy/list.html", {
        "open_requests": selectors.avg_requests(request.user),
        "done_requests": selectors.avg_requests(request.user, open_only=False)
        .exclude(status="open")[:20],
        "today": timezone.localdate(),
    })


@require_http_methods(["GET", "POST"])
@role_required(AVG_ROLES)
def request_create(request):
    # The search is a POST so that a name never ends up in a URL (or a proxy's access log).
    searching = request.POST.get("stap") == "zoeken"
    search = forms.PersonSearchForm(request.POST if searching else None)
    persons = selectors.avg_person_search(request.user, search.cleaned_data["q"]) \
        if search.is_valid() else []
    person = None
    if request.GET.get("persoon"):
        if not request.GET["persoon"].isdigit():
            raise Http404
        person = selectors.avg_person(request.user, int(request.GET["persoon"]))
    form = forms.AvgRequestForm(request.POST if request.method == "POST" and not searching
                                else None,
                                municipalities=selectors.avg_municipalities(request.user))
    if form.is_bound and person is not None and form.is_valid():
        try:
            created = services.avg_request_create(user=request.user, person=person,
                                                  **form.cleaned_data)
        except services.AvgRequestError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Verzoek {created.label} is geregistreerd.")
            return redirect("privacy:detail", request_id=created.pk)
    return render(request, "privacy/create.html",
                  {"search": search, "persons": persons, "person": person, "form": form})


@require_GET
@role_required(AVG_ROLES)
def request_detail(request, request_id: int):
    with transaction.atomic():
        avg_request = selectors.access_avg_request(request.user, request_id)
    person = avg_request.person
    mine = selectors.avg_municipality_ids(request.user)
    cases = [c for c in selectors.person_cases(person) if c.municipality_id in mine] \
        if person else []
    elsewhere = selectors.cases_outside_scope(request.user, person) if person else 0
    today = timezone.localdate()
    return render(request, "privacy/detail.html", {
        "avg": avg_request, "cases": cases, "elsewhere": elsewhere, "today": today,
        "term": rules.avg_term(avg_request.received_on, extended=avg_request.extended),
        "may_extend": avg_request.is_open and not avg_request.extended
        and rules.may_extend(avg_request.received_on, today),
        "extend_form": forms.ExtendForm(initial={"informed_on": today}),
        "decide_form": forms.DecideForm(),
        "pdf_available": pdf_available(),
        "Kind": AvgRequestKind,
    })


def _step(request, request_id: int, action):
    """Run one POST step on a request and go back to its page with the outcome."""
    avg_request = selectors.access_avg_request(request.user, request_id,
                                               event="avg_request.opened_for_change",
                                               action=Action.READ)
    try:
        message = action(avg_request)
    except services.AvgRequestError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, message)
    return redirect("privacy:detail", request_id=request_id)


@require_POST
@role_required(AVG_ROLES)
def request_extend(request, request_id: int):
    form = forms.ExtendForm(request.POST)

    def extend(avg_request):
        if not form.is_valid():
            raise services.AvgRequestError("Vul de reden en de datum van het bericht in.")
        services.avg_request_extend(user=request.user, request=avg_request, **form.cleaned_data)
        return "De termijn is met twee maanden verlengd."
    return _step(request, request_id, extend)


@require_POST
@role_required(AVG_ROLES)
def request_decide(request, request_id: int):
    form = forms.DecideForm(request.POST)

    def decide(avg_request):
        if not form.is_valid():
            raise services.AvgRequestError("Kies een besluit.")
        services.avg_request_decide(user=request.user, request=avg_request, **form.cleaned_data)
        return "Het verzoek is afgehandeld."
    return _step(request, request_id, decide)


@require_POST
@role_required(AVG_ROLES)
def request_erase(request, request_id: int):
    def erase(avg_request):
        refusals = services.person_erase(user=request.user, request=avg_request)
        return ("Wissen is geweigerd; de reden en de grondslag staan bij het verzoek."
                if refusals else "De gegevens van de persoon zijn gewist.")
    return _step(request, request_id, erase)


@require_http_methods(["GET", "POST"])
@role_required(AVG_ROLES)
def person_correct(request, request_id: int):
    avg_request = selectors.access_avg_request(request.user, request_id)
    if avg_request.kind != AvgRequestKind.RECTIFICATION or avg_request.person is None:
        raise Http404
    form = forms.CorrectionForm(request.POST or None, instance=avg_request.person)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.person_correct(
                user=request.user, request=avg_request,
                changes={f: form.cleaned_data[f] for f in services.CORRECTABLE_FIELDS})
        except services.AvgRequestError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{len(changed)} gegeven(s) verbeterd." if changed
                             else "Er is niets gewijzigd.")
            return redirect("privacy:detail", request_id=avg_request.pk)
    return render(request, "privacy/correct.html", {"avg": avg_request, "form": form})


class ExportRefused(Exception):
    pass


def _access_export(request, request_id: int, fmt: str):
    """The access export, audited as an export of the request and of every case in it."""
    with transaction.atomic():  # a refused export raises, so its audit entry is not kept
        avg_request = selectors.access_avg_request(
            request.user, request_id, event="avg_access.exported", action=Action.EXECUTE)
        if avg_request.person is None:
            raise Http404
        if selectors.cases_outside_scope(request.user, avg_request.person):
            raise ExportRefused
        data = export.subject_access_data(avg_request)
        for case in selectors.person_cases(avg_request.person):
            audit_log(user=request.user, action=Action.EXECUTE, event="case.exported_avg",
                      obj=case, object_label=case.reference, person_id=avg_request.person_number,
                      municipality_code=case.municipality.cbs_code, role="ombudsfunctionaris",
                      authorisation=f"{avg_request.label}; AVG art. 15",
                      details={"format": fmt, "request": avg_request.pk})
    return avg_request, data


REFUSED = ("Deze persoon heeft ook zaken bij een gemeente waarvoor u geen AVG-verzoeken "
           "behandelt. Het overzicht moet volledig zijn: laat het maken door een "
           "ombudsfunctionaris van alle betrokken gemeenten.")


def _refused(request, request_id: int):
    messages.error(request, REFUSED)
    return redirect("privacy:detail", request_id=request_id)


@require_GET
@role_required(AVG_ROLES)
def access_json(request, request_id: int):
    try:
        avg_request, data = _access_export(request, request_id, "json")
    except ExportRefused:
        return _refused(request, request_id)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inzage-{avg_request.label}.json"'
    return response


@require_GET
@role_required(AVG_ROLES)
def access_pdf(request, request_id: int):
    if not pdf_available():
        messages.error(request, "PDF maken kan niet op deze server (Pango ontbreekt); gebruik JSON.")
        return redirect("privacy:detail", request_id=request_id)
    try:
        avg_request, data = _access_export(request, request_id, "pdf")
    except ExportRefused:
        return _refused(request, request_id)
    response = HttpResponse(export.subject_access_pdf(avg_request, data),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="inzage-{avg_request.label}.pdf"'
    return response


@require_GET
@role_required(AVG_ROLES)
def access_attachments(request, request_id: int):
    try:
        avg_request, _data = _access_export(request, request_id, "zip")
    except ExportRefused:
        return _refused(request, request_id)
    response = HttpResponse(export.subject_attachments_zip(avg_request),
                            content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="bijlagen-{avg_request.label}.zip"'
    return response


# --- who saw this person? ------------------------------------------------------------------


def _person_audit(request, person_id: int):
    codes = selectors.person_audit_codes(request.user, person_id)
    if not codes:
        raise Http404
    form = forms.PersonAuditForm(request.GET or None)
    filters = form.filters()
    return form, filters, selectors.person_audit_entries(codes, person_id, filters)


def _log_person_audit(request, person_id: int, event: str, filters, **details):
    audit_log(user=request.user, action=Action.EXECUTE, event=event, object_type="cases.person",
              object_id=str(person_id), object_label=f"persoon {person_id}", person_id=person_id,
              authorisation="wie heeft deze persoon ingezien (NEN 7513)",
              details=filters.as_details() | details)


@require_GET
@role_required(PERSON_AUDIT_ROLES)
def person_audit(request, person_id: int):
    form, filters, entries = _person_audit(request, person_id)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("pagina"))
    _log_person_audit(request, person_id, "person.audit_viewed", filters, page=page.number)
    return render(request, "privacy/person_audit.html",
                  {"form": form, "page": page, "person_id": person_id,
                   "caption": f"Auditregels over persoon {person_id}"})


@require_GET
@role_required(PERSON_AUDIT_ROLES)
def person_audit_export(request, person_id: int):
    _form, filters, entries = _person_audit(request, person_id)
    _log_person_audit(request, person_id, "person.audit_exported", filters, format="csv")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ingezien-persoon-{person_id}.csv"'
    writer = csv.writer(response, delimiter=";")
    writer.writerow([label for _, label in CSV_FIELDS])
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow([
            timezone.localtime(entry.timestamp).isoformat() if name == "timestamp"
            else getattr(entry, name) if getattr(entry, name) is not None else ""
            for name, _ in CSV_FIELDS
        ])
    return response
