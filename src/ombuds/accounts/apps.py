from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ombuds.accounts"
    label = "accounts"

    def ready(self) -> None:
        from ombuds.accounts import signals  # noqa: F401 - connects the audit receivers
