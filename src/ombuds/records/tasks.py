"""The retention job as a background task (``ombuds retention --enqueue``)."""

from __future__ import annotations

from django_tasks import task

from ombuds.core.audit import Origin, reset_origin, set_origin
from ombuds.records.services import retention_run


@task()
def run_retention() -> dict:
    """Destroy the cases whose term has ended and prune the old audit entries; return counts."""
    token = set_origin(Origin(channel="worker"))
    try:
        result = retention_run(dry_run=False)
    finally:
        reset_origin(token)
    return {"destroyed": len(result.destroyed), "held": len(result.held),
            "failed": len(result.failed), "audit_pruned": result.audit_pruned}
