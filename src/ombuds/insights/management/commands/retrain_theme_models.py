"""``ombuds retrain_theme_models``: retrain the theme suggestion models, or queue it.

Schedule ``ombuds retrain_theme_models --enqueue`` nightly (cron or a systemd timer) with
``ombuds db_worker`` running; each municipality learns from its own closed cases only.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from ombuds.insights.services import theme_models_retrain
from ombuds.insights.tasks import retrain_theme_models


class Command(BaseCommand):
    help = "Retrain the theme suggestion models now, or with --enqueue queue it for the worker."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the task for `ombuds db_worker` instead of running it now.")

    def handle(self, *args, enqueue: bool = False, **options) -> None:
        if enqueue:
            result = retrain_theme_models.enqueue()
            self.stdout.write(f"Retraining of the theme models queued (task {result.id}).")
            return
        for code, n_cases in theme_models_retrain().items():
            state = f"trained on {n_cases} closed cases" if n_cases else "too few closed cases"
            self.stdout.write(f"{code}: {state}")
