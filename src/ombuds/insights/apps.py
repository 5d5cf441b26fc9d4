from django.apps import AppConfig


class InsightsConfig(AppConfig):
    """Finding the pattern: related cases and signals, rising themes, theme suggestions."""

    name = "ombuds.insights"
    label = "insights"
    verbose_name = "Patronen"
