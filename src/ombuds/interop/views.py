"""Import pages and exports for the beheerder (``/werk/import/``, ``/werk/export/``)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ombuds.accounts.roles import IMPORT_ROLES
from ombuds.core.views import role_required
from ombuds.interop import exports, services
from ombuds.interop.forms import MappingForm, UploadForm
from ombuds.interop.models import ImportJob
from ombuds.interop.reader import UnreadableFile


def _job(request, pk: int) -> ImportJob:
    return get_object_or_404(ImportJob, pk=pk, created_by=request.user)


@require_http_methods(["GET", "POST"])
@role_required(IMPORT_ROLES)
def import_start(request):
    municipalities = services.importable_municipalities(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = services.import_job_create(
                user=request.user, filename=upload.name, content=upload.read(),
                municipality=form.cleaned_data["municipality"])
        except UnreadableFile as error:
            form.add_error("file", str(error))
        else:
            return redirect("interop:import_mapping", job_id=job.pk)
    jobs = ImportJob.objects.filter(created_by=request.user).defer("content")[:10]
    return render(request, "interop/import_start.html", {"form": form, "jobs": jobs})


@require_http_methods(["GET", "POST"])
@role_required(IMPORT_ROLES)
def import_mapping(request, job_id: int):
    job = _job(request, job_id)
    if (job.is_running and not job.is_stalled) or job.state == ImportJob.State.DONE:
        return redirect("interop:import_progress", job_id=job.pk)
    form = MappingForm(request.POST or None, initial=job.mapping, headers=job.headers,
                       needs_municipality=job.municipality is None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.import_mapping_set(user=request.user, job=job, mapping=form.cleaned_data)
                services.import_check_queue(user=request.user, job=job)
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(None if field == "__all__" else field, problems)
        else:
            return redirect("interop:import_progress", job_id=job.pk)
    return render(request, "interop/import_mapping.html", {"form": form, "job": job})


@require_GET
@role_required(IMPORT_ROLES)
def import_report(request, job_id: int):
    job = _job(request, job_id)
    if job.is_checking:
        return redirect("interop:import_progress", job_id=job.pk)
    if job.state == ImportJob.State.UPLOADED:
        return redirect("interop:import_mapping", job_id=job.pk)
    return render(request, "interop/import_report.html", {
        "job": job, "counts": services.report_counts(job.report),
        "problems": [r for r in job.report if r["problems"]],
        "can_import": job.state == ImportJob.State.CHECKED})


@require_POST
@role_required(IMPORT_ROLES)
def import_go(request, job_id: int):
    job = _job(request, job_id)
    try:
        services.import_queue(user=request.user, job=job)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("interop:import_report", job_id=job.pk)
    return redirect("interop:import_progress", job_id=job.pk)


@require_POST
@role_required(IMPORT_ROLES)
def import_retry(request, job_id: int):
    """Start a dry run or an import again whose worker stopped, or an import that failed."""
    job = _job(request, job_id)
    try:
        if job.is_checking:
            services.import_check_queue(user=request.user, job=job)
        else:
            services.import_queue(user=request.user, job=job)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("interop:import_progress", job_id=job.pk)


@require_GET
@role_required(IMPORT_ROLES)
def import_progress(request, job_id: int):
    job = _job(request, job_id)
    if job.state == ImportJob.State.CHECKED:
        return redirect("interop:import_report", job_id=job.pk)
    if job.state == ImportJob.State.UPLOADED:
        return redirect("interop:import_mapping", job_id=job.pk)
    return render(request, "interop/import_progress.html", {"job": job})


@require_GET
@role_required(IMPORT_ROLES)
def export_index(request):
    return render(request, "interop/export.html", {
        "municipalities": services.importable_municipalities(request.user)})


@require_GET
@role_required(IMPORT_ROLES)
def export_cases(request, fmt: str):
    return exports.cases_response(request.user, fmt)


@require_GET
@role_required(IMPORT_ROLES)
def export_signals(request, fmt: str):
    return exports.signals_response(request.user, fmt)
