from django.apps import AppConfig


class MediationConfig(AppConfig):
    """Parties and consent, meetings and agreements, partner links, referral, resident survey."""

    name = "ombuds.mediation"
    label = "mediation"
    verbose_name = "Bemiddeling"
