from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ombuds.demo"
    label = "demo"
