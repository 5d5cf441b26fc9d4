from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Dashboards and periodic reports; reads everything, writes nothing but report files."""

    name = "ombuds.reports"
    label = "reports"
    verbose_name = "Rapportages"
