from django.apps import AppConfig


class SocialmapConfig(AppConfig):
    name = "ombuds.socialmap"
    label = "socialmap"
