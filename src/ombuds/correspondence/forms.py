"""Forms of the letter pages: choose a letter, then check and edit its text."""

from __future__ import annotations

from django import forms

from ombuds.correspondence.models import Letter, LetterKind

RESIDENT = "inwoner"


def recipient_choices(case) -> list[tuple[str, str]]:
    choices = [(RESIDENT, f"De inwoner: {case.person.name}")]
    for link in case.organisations.select_related("organisation").order_by("organisation__name"):
        contact = f" (t.a.v. {link.contact_person})" if link.contact_person else ""
        choices.append((f"partij-{link.pk}", f"Partij: {link.organisation.name}{contact}"))
    return choices


class LetterChoiceForm(forms.Form):
    kind = forms.ChoiceField(label="Soort brief", choices=LetterKind.choices)
    recipient = forms.ChoiceField(label="Aan wie?")
    channel = forms.ChoiceField(
        label="Hoe versturen?", choices=Letter.Channel.choices, widget=forms.RadioSelect,
        initial=Letter.Channel.POST,
        help_text="Per post: u drukt de PDF af. Per e-mail: de PDF gaat als bijlage mee.")

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["recipient"].choices = recipient_choices(case)

    def party(self):
        """Return the chosen party (a ``CaseOrganisation``) or None for the resident."""
        value = self.cleaned_data["recipient"]
        if value == RESIDENT:
            return None
        return self.case.organisations.select_related("organisation").get(
            pk=int(value.removeprefix("partij-")))


class LetterEditForm(LetterChoiceForm):
    subject = forms.CharField(label="Onderwerp", max_length=200)
    body = forms.CharField(
        label="Tekst van de brief", widget=forms.Textarea(attrs={"rows": 24}),
        help_text="Pas de tekst aan als dat nodig is. Schrijf eenvoudig (taalniveau B1). Een regel "
                  "die begint met ## wordt een kopje, een regel die begint met - een opsomming.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("kind", "recipient", "channel"):
            self.fields[name].widget = forms.HiddenInput()
