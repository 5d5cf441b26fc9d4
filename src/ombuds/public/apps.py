from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "ombuds.public"
    label = "public"
