from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "ombuds.cases"
    label = "cases"
