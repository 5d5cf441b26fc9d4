from django.apps import AppConfig


class MediationConfig(AppConfig):
    """Parties and consent, meetings and agreements, partner links, referral, resident survey."""

    name = "ombuds.mediation"
    label = "mediation"
    verbose_name = "Bemiddeling"

    def ready(self) -> None:
        from ombuds.cases.hooks import register
        from ombuds.mediation.closing import MediationClosingHook

        register(MediationClosingHook())  # the closing check (issue 15)
