from django import forms
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


def _textbox(field, autocomplete="one-time-code"):
    field.widget.attrs.update({
        "class": "utrecht-textbox utrecht-textbox--html-input ombuds-code-input",
        "autocomplete": autocomplete, "inputmode": "text", "spellcheck": "false",
    })
    return field


class SecondFactorForm(forms.Form):
    """The second step: a six-digit code from the app, or a recovery code."""

    token = forms.CharField(
        label="Code", max_length=32,
        help_text="De zescijferige code uit uw authenticator-app, of een van uw herstelcodes.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _textbox(self.fields["token"])


class TOTPSetupForm(forms.Form):
    token = forms.CharField(
        label="Code uit de app", max_length=12,
        help_text="Scan de QR-code met uw authenticator-app en vul de zescijferige code in die "
        "de app daarna toont.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _textbox(self.fields["token"])
        self.fields["token"].widget.attrs["inputmode"] = "numeric"
