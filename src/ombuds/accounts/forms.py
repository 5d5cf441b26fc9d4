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


class PasswordChangeForm(forms.Form):
    """The current password and the new one twice, checked by the configured policy."""

    old_password = forms.CharField(label="Huidig wachtwoord", strip=False,
                                   widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    new_password1 = forms.CharField(label="Nieuw wachtwoord", strip=False,
                                    widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    new_password2 = forms.CharField(label="Nieuw wachtwoord nog een keer", strip=False,
                                    widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, user, *args, **kwargs):
        from django.contrib.auth import password_validation

        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["new_password1"].help_text = " ".join(
            password_validation.password_validators_help_texts())
        for field in self.fields.values():
            field.widget.attrs["class"] = ("utrecht-textbox utrecht-textbox--html-input "
                                           "utrecht-textbox--password")

    def clean_old_password(self):
        old = self.cleaned_data["old_password"]
        if not self.user.check_password(old):
            raise forms.ValidationError("Dit is niet uw huidige wachtwoord.",
                                        code="password_incorrect")
        return old

    def clean(self):
        from django.contrib.auth import password_validation

        cleaned = super().clean()
        new1, new2 = cleaned.get("new_password1"), cleaned.get("new_password2")
        if new1 and new2 and new1 != new2:
            self.add_error("new_password2", "De twee nieuwe wachtwoorden zijn niet gelijk.")
        elif new1 and cleaned.get("old_password") and new1 == cleaned["old_password"]:
            self.add_error("new_password1", "Kies een ander wachtwoord dan het huidige.")
        elif new1:
            try:
                password_validation.validate_password(new1, self.user)
            except forms.ValidationError as error:
                self.add_error("new_password1", error)
        return cleaned


class RecoveryCodesForm(forms.Form):
    token = forms.CharField(
        label="Code uit uw authenticator-app", max_length=12,
        help_text="Ter bevestiging: de zescijferige code die de app nu toont.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _textbox(self.fields["token"])
        self.fields["token"].widget.attrs["inputmode"] = "numeric"
