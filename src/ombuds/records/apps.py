from django.apps import AppConfig


class RecordsConfig(AppConfig):
    """Records management: retention terms, legal holds, destruction and its tombstones."""

    name = "ombuds.records"
    label = "records"
    verbose_name = "Archief en bewaartermijnen"
