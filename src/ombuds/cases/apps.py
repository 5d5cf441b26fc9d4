from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "ombuds.cases"
    label = "cases"

    def ready(self):
        from ombuds.cases.worklist_choices import connect_signals

        connect_signals()
