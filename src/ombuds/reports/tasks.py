"""Background tasks of the reports app, run by the task worker (``ombuds db_worker``)."""

from __future__ import annotations

from django_tasks import task

from ombuds.core.audit import Origin, reset_origin, set_origin


@task()
def make_report(run_id: int) -> int:
    """Make the file of the report run ``run_id``; return its id."""
    from ombuds.reports.services import report_run_execute

    token = set_origin(Origin(channel="worker"))
    try:
        return report_run_execute(run_id=run_id).pk
    finally:
        reset_origin(token)
