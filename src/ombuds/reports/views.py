"""The reports pages: a dashboard per municipality and period, files at once or from the worker.

Ombudspersons and coordinators see exact figures by default; ``beleid`` only ever the
publishable, disclosure-controlled version (``services.exact_allowed``).
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from ombuds.accounts.roles import FIGURES_ROLES
from ombuds.core.views import role_required
from ombuds.reports import render as report_render
from ombuds.reports.annual import ANNUAL_FORMATS
from ombuds.reports.forms import ReportForm
from ombuds.reports.models import ReportRun
from ombuds.reports.services import (
    exact_allowed,
    regional_view,
    report_export,
    report_run_request,
    report_view,
)

RECENT_RUNS = 10


def _choice(request):
    """The bound form of the query string, defaulting to the first municipality alone, this
    year and (for those allowed) the exact version."""
    probe = ReportForm(None, user=request.user)
    if not probe.municipalities:
        return probe, None
    first = next(iter(probe.municipalities.values()))
    data = {
        "gemeente": request.GET.get("gemeente", first.cbs_code),
        "periode": request.GET.get("periode", probe.fields["periode"].initial),
        "versie": request.GET.get("versie", "exact" if exact_allowed(request.user, first)
                                  else "publicatie"),
        "formaat": request.GET.get("formaat", "pdf"),
        "soort": request.GET.get("soort", "general"),
        "omvang": request.GET.get("omvang", "gemeente"),
    }
    form = ReportForm(data, user=request.user)
    return form, (form.cleaned_data if form.is_valid() else None)


@require_GET
@role_required(FIGURES_ROLES)
def index(request):
    form, choice = _choice(request)
    shown = {}
    if choice and choice["regional"]:
        shown = report_render.context(regional_view(
            user=request.user, office=choice["municipality"].office, period=choice["periode"],
            exact=choice["exact"]))
    elif choice:
        shown = report_render.context(report_view(
            user=request.user, municipality=choice["municipality"], period=choice["periode"],
            exact=choice["exact"]))
    runs = ReportRun.objects.filter(user=request.user).select_related(
        "municipality__office")[:RECENT_RUNS]
    return render(request, "reports/index.html", {**shown, "form": form, "runs": runs})


@require_GET
@role_required(FIGURES_ROLES)
def export(request):
    """The file at once (small reports; the worker is for long ones)."""
    form, choice = _choice(request)
    if not choice:
        return render(request, "reports/index.html", {"form": form, "runs": []}, status=400)
    content, name = report_export(user=request.user, municipality=choice["municipality"],
                                  period=choice["periode"], fmt=choice["format"],
                                  exact=choice["exact"], kind=choice["kind"],
                                  regional=choice["regional"])
    response = HttpResponse(content, content_type=report_render.FORMATS[choice["format"]])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@role_required(FIGURES_ROLES)
def run_create(request):
    form = ReportForm(request.POST, user=request.user)
    if not form.is_valid():
        runs = ReportRun.objects.filter(user=request.user).select_related(
            "municipality__office")[:RECENT_RUNS]
        return render(request, "reports/index.html", {"form": form, "runs": runs}, status=400)
    data = form.cleaned_data
    run = report_run_request(user=request.user, municipality=data["municipality"],
                             period=data["periode"], fmt=data["format"], exact=data["exact"],
                             kind=data["kind"], regional=data["regional"])
    return redirect("reports:run", uuid=run.uuid)


def _own_run(request, uuid) -> ReportRun:
    """A run is only ever seen by the user who asked for it; anyone else gets a 404."""
    return get_object_or_404(ReportRun.objects.select_related("municipality__office"),
                             uuid=uuid, user=request.user)


@require_GET
@role_required(FIGURES_ROLES)
def run(request, uuid):
    return render(request, "reports/run.html", {"run": _own_run(request, uuid)})


@require_GET
@role_required(FIGURES_ROLES)
def run_download(request, uuid):
    item = _own_run(request, uuid)
    if item.status != ReportRun.Status.DONE or not item.file:
        raise Http404
    return FileResponse(item.file.open("rb"), as_attachment=True,
                        filename=item.file.name.rsplit("/", 1)[-1],
                        content_type={**report_render.FORMATS, **ANNUAL_FORMATS}[item.format])
