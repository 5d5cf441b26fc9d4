from django.apps import AppConfig


class CorrespondenceConfig(AppConfig):
    """Letter and e-mail templates per municipality, letters as PDF, and the e-mail outbox."""

    name = "ombuds.correspondence"
    label = "correspondence"
    verbose_name = "Correspondentie"

    def ready(self) -> None:
        from ombuds.cases.hooks import register
        from ombuds.correspondence.closing import CorrespondenceClosingHook

        register(CorrespondenceClosingHook())  # the closing check (issue 15)
