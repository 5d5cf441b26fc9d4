from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    """Django's login form with Dutch (B1) labels and messages."""

    error_messages = {
        "invalid_login": "De gebruikersnaam of het wachtwoord klopt niet. Let op hoofdletters.",
        "inactive": "Dit account is niet actief. Neem contact op met de beheerder.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Gebruikersnaam"
        self.fields["password"].label = "Wachtwoord"
        for name, field in self.fields.items():
            css = "utrecht-textbox utrecht-textbox--html-input"
            if name == "password":
                css += " utrecht-textbox--password"
            field.widget.attrs["class"] = css
