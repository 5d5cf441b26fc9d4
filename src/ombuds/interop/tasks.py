"""Background tasks of the interop app, run by the task worker (``ombuds db_worker``)."""

from __future__ import annotations

from django_tasks import task

from ombuds.core.audit import Origin, reset_origin, set_origin


@task()
def run_check(job_id: int) -> str:
    """Run the dry run of ``ImportJob`` ``job_id``; return the state it left the job in."""
    from ombuds.interop.services import import_check_run

    token = set_origin(Origin(channel="worker"))
    try:
        return import_check_run(job_id=job_id).state
    finally:
        reset_origin(token)


@task()
def run_import(job_id: int) -> int:
    """Run the real import of ``ImportJob`` ``job_id``; return how many cases it created."""
    from ombuds.interop.services import import_run

    token = set_origin(Origin(channel="worker"))
    try:
        return import_run(job_id=job_id).created_count
    finally:
        reset_origin(token)


@task()
def push_zaak(case_id: int) -> str:
    """Hand case ``case_id`` to the Zaken API; on failure queue the next attempt later."""
    from django.conf import settings
    from django.utils import timezone

    from ombuds.interop.models import ZaakPush
    from ombuds.interop.push import PushFailed, retry_delay, zaak_push

    token = set_origin(Origin(channel="worker"))
    try:
        return zaak_push(case_id=case_id).zaak_url
    except PushFailed:
        attempts = ZaakPush.objects.get(case_id=case_id).attempts
        if attempts < settings.ZGW_MAX_ATTEMPTS:
            push_zaak.using(run_after=timezone.now() + retry_delay(attempts)).enqueue(
                case_id=case_id)
        raise
    finally:
        reset_origin(token)
