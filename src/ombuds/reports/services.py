"""Making reports: at once (the command line, a dashboard) or in the task worker (a file).

Who may have which version: the ombudsperson and the coordinator of a municipality may have
the exact figures; ``beleid`` only the publishable, disclosure-controlled ones (DOMAIN.md §5).
Every report that is made as a file writes an audit entry ``report.exported``.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ombuds.core import selectors as core_selectors
from ombuds.core.audit import Action, audit_log
from ombuds.reports import render
from ombuds.reports.figures import Report, complaints_build, regional_build, report_build
from ombuds.reports.models import ReportRun
from ombuds.reports.periods import Period

#: The kinds of report made from figures: the general one and the annual complaint register
#: (Awb 9:12a). The annual report (``jaarverslag``) is written as well as counted: it is made
#: by ``reports.annual`` from an ``AnnualReport`` (``ANNUAL``).
KINDS = {"general": report_build, "complaints": complaints_build}
ANNUAL = "jaarverslag"


def report_municipalities(user):
    """The municipalities ``user`` may have reports of (the figures roles)."""
    return core_selectors.figures_municipalities(user)


def exact_allowed(user, municipality) -> bool:
    """Whether ``user`` may see the exact figures of ``municipality`` (``None``: the server's
    operator at the command line)."""
    if user is None:
        return True
    return (municipality in report_municipalities(user)
            and not core_selectors.figures_protected(user, municipality))


def _check(user, municipality, exact: bool) -> None:
    if user is not None and municipality not in report_municipalities(user):
        raise PermissionDenied
    if exact and not exact_allowed(user, municipality):
        raise PermissionDenied


def regional_allowed(user, office) -> bool:
    """Whether ``user`` may have the regional report of ``office``: the figures of every one
    of its municipalities (a regional report holds each municipality's part)."""
    if user is None:
        return True
    allowed = set(report_municipalities(user))
    return all(m in allowed for m in office.municipalities.all())


def _check_regional(user, office, exact: bool) -> None:
    if not regional_allowed(user, office):
        raise PermissionDenied
    for municipality in office.municipalities.all():
        _check(user, municipality, exact)


def report_view(*, user, municipality, period: Period, exact: bool) -> Report:
    """The report for a dashboard on screen (figures only, so no audit entry)."""
    _check(user, municipality, exact)
    return report_build(municipality=municipality, period=period, exact=exact)


def regional_view(*, user, office, period: Period, exact: bool) -> Report:
    """The regional report of ``office`` on screen: every municipality's part."""
    _check_regional(user, office, exact)
    return regional_build(office=office, period=period, exact=exact)


def report_export(*, user, municipality, period: Period, fmt: str, exact: bool,
                  progress=None, kind: str = "general",
                  regional: bool = False) -> tuple[bytes, str]:
    """Make the report (``kind``: general, complaints or jaarverslag) as a file; return its
    content and file name. ``regional``: the general report of ``municipality``'s office."""
    if kind == ANNUAL:
        from ombuds.reports.annual import annual_export

        return annual_export(user=user, municipality=municipality, year=period.start.year,
                             fmt=fmt, progress=progress)
    if regional:
        office = municipality.office
        _check_regional(user, office, exact)
        report = regional_build(office=office, period=period, exact=exact, progress=progress)
    else:
        _check(user, municipality, exact)
        report = KINDS[kind](municipality=municipality, period=period, exact=exact,
                             progress=progress)
    content = render.render(report, fmt)
    audit_log(user=user, action=Action.EXECUTE, event="report.exported",
              object_type="core.municipality", object_id=str(municipality.pk),
              object_label=municipality.cbs_code, municipality_code=municipality.cbs_code,
              details={"period": period.text, "format": fmt, "exact": exact, "kind": kind,
                       "regional": regional})
    return content, render.filename(report, fmt)


def report_run_request(*, user, municipality, period: Period, fmt: str, exact: bool,
                       kind: str = "general", regional: bool = False) -> ReportRun:
    """Queue a report file for the task worker; it starts once this transaction commits.
    For the annual report (``kind="jaarverslag"``) ``period`` is its year and ``fmt`` pdf
    or docx."""
    from ombuds.reports.tasks import make_report

    if kind == ANNUAL:
        from ombuds.reports.annual import ANNUAL_FORMATS, annual_check

        if fmt not in ANNUAL_FORMATS:
            raise ValueError(f"Unknown annual report format: {fmt}")
        annual_check(user=user, municipality=municipality)
    elif fmt not in render.FORMATS or kind not in KINDS:
        raise ValueError(f"Unknown report format or kind: {fmt}, {kind}")
    elif regional:
        _check_regional(user, municipality.office, exact)
    else:
        _check(user, municipality, exact)
    run = ReportRun.objects.create(user=user, municipality=municipality, period=period.text,
                                   format=fmt, exact=exact, kind=kind, regional=regional)
    transaction.on_commit(lambda: make_report.enqueue(run.pk))
    return run


def report_run_execute(*, run_id: int) -> ReportRun:
    """Make the file of a queued run, recording progress on the run as it goes."""
    run = ReportRun.objects.select_related("municipality", "user").get(pk=run_id)
    if run.is_finished:
        return run

    def progress(percent: int) -> None:
        # Scaled to 90: rendering the file is the last tenth.
        ReportRun.objects.filter(pk=run.pk).update(progress=min(90, percent * 9 // 10))

    ReportRun.objects.filter(pk=run.pk).update(status=ReportRun.Status.RUNNING, progress=1)
    try:
        content, name = report_export(user=run.user, municipality=run.municipality,
                                      period=Period.parse(run.period), fmt=run.format,
                                      exact=run.exact, progress=progress, kind=run.kind,
                                      regional=run.regional)
    except Exception as error:
        ReportRun.objects.filter(pk=run.pk).update(
            status=ReportRun.Status.FAILED, finished_at=timezone.now(),
            error=f"De rapportage kon niet worden gemaakt ({type(error).__name__}).")
        raise
    run.refresh_from_db()
    run.file.save(name, ContentFile(content), save=False)
    run.status, run.progress, run.finished_at = ReportRun.Status.DONE, 100, timezone.now()
    run.save(update_fields=["file", "status", "progress", "finished_at"])
    return run
