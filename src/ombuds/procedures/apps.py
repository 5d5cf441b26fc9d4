from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    """Formal procedures around a case (disputed decisions, complaints) and their deadlines."""

    name = "ombuds.procedures"
    label = "procedures"
    verbose_name = "Procedures en termijnen"

    def ready(self) -> None:
        from ombuds.cases.hooks import register
        from ombuds.procedures.closing import ProceduresClosingHook
        from ombuds.procedures.complaints import ComplaintHook
        from ombuds.procedures.planning import FirstContactHook

        register(ComplaintHook())
        register(FirstContactHook())
        register(ProceduresClosingHook())
