from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """Requests of data subjects under the AVG (access, correction, erasure, …) and the
    answer to "who saw this person?"."""

    name = "ombuds.privacy"
    label = "privacy"
    verbose_name = "AVG-verzoeken"
