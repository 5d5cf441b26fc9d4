from django.apps import AppConfig


class SignalsConfig(AppConfig):
    """Signalen: recurring problems raised with the responsible organisation, and the quality
    cycle around them (response, measures, recommendations, follow-up)."""

    name = "ombuds.signals"
    label = "signals"
    verbose_name = "Signalen"
