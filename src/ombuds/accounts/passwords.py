"""The password policy: Django's validators, with Dutch messages where Django's own Dutch
translation lacks one (the minimum length; its wording changed in Django 5)."""

from django.contrib.auth.password_validation import MinimumLengthValidator


class DutchMinimumLengthValidator(MinimumLengthValidator):
    def get_error_message(self):
        return f"Dit wachtwoord is te kort. Het moet minimaal {self.min_length} tekens bevatten."

    def get_help_text(self):
        return f"Uw wachtwoord moet minimaal {self.min_length} tekens bevatten."
