from django.apps import AppConfig


class InteropConfig(AppConfig):
    name = "ombuds.interop"
    label = "interop"
    verbose_name = "Ombuds: import, export en ZGW"
