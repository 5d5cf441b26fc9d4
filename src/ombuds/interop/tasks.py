"""Background tasks of the interop app, run by the task worker (``ombuds db_worker``)."""

from __future__ import annotations

from django_tasks import task

from ombuds.core.audit import Origin, reset_origin, set_origin


@task()
def run_import(job_id: int) -> int:
    """Run the real import of ``ImportJob`` ``job_id``; return how many cases it created."""
    from ombuds.interop.services import import_run

    token = set_origin(Origin(channel="worker"))
    try:
        return import_run(job_id=job_id).created_count
    finally:
        reset_origin(token)
