"""Background tasks of the pattern finder, run by the task worker (``ombuds db_worker``)."""

from __future__ import annotations

from django_tasks import task

from ombuds.core.audit import Origin, reset_origin, set_origin
from ombuds.insights.services import theme_models_retrain


@task()
def retrain_theme_models() -> dict[str, int]:
    """Retrain every municipality's domain and theme suggestion: the shipped vocabulary
    refined by its own closed cases (nothing leaves the server); return the number of
    closed cases learned from per CBS code."""
    token = set_origin(Origin(channel="worker"))
    try:
        return theme_models_retrain()
    finally:
        reset_origin(token)
