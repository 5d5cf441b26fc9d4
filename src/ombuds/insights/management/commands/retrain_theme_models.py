"""``ombuds retrain_theme_models``: retrain the domain and theme suggestion, or queue it.

Schedule ``ombuds retrain_theme_models --enqueue`` nightly (cron or a systemd timer) with
``ombuds db_worker`` running; each municipality starts from the shipped vocabulary and
learns from its own closed cases only (docs/suggestions.md).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from ombuds.insights.services import theme_models_retrain
from ombuds.insights.tasks import retrain_theme_models


class Command(BaseCommand):
    help = ("Retrain the domain and theme suggestion of every municipality now, or with "
            "--enqueue queue it for the worker.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the task for `ombuds db_worker` instead of running it now.")

    def handle(self, *args, enqueue: bool = False, **options) -> None:
        if enqueue:
            result = retrain_theme_models.enqueue()
            self.stdout.write(f"Retraining of the theme models queued (task {result.id}).")
            return
        for code, n_cases in theme_models_retrain().items():
            self.stdout.write(f"{code}: trained on the vocabulary and {n_cases} closed cases")
