"""Forms of the letter pages: choose a letter, then check and edit its text."""

from __future__ import annotations

from django import forms

from ombuds.correspondence.context import respondent_party
from ombuds.correspondence.models import RESPONDENT_ONLY_LETTERS, Letter
from ombuds.correspondence.services import letter_kinds

RESIDENT = "inwoner"
RESPONDENT = "beklaagde"


def recipient_choices(case) -> list[tuple[str, str]]:
    choices = [(RESIDENT, f"De inwoner: {case.person.name}")]
    beklaagde = respondent_party(case)
    if beklaagde is not None:
        attention = f" (t.a.v. {beklaagde['contactpersoon']})" if beklaagde["contactpersoon"] else ""
        choices.append((RESPONDENT, f"Beklaagde: {beklaagde['naam']}{attention}"))
    for link in case.organisations.select_related("organisation").order_by("organisation__name"):
        contact = f" (t.a.v. {link.contact_person})" if link.contact_person else ""
        choices.append((f"partij-{link.pk}", f"Partij: {link.organisation.name}{contact}"))
    return choices


class LetterChoiceForm(forms.Form):
    kind = forms.ChoiceField(label="Soort brief")
    recipient = forms.ChoiceField(label="Aan wie?")
    channel = forms.ChoiceField(
        label="Hoe versturen?", choices=Letter.Channel.choices, widget=forms.RadioSelect,
        initial=Letter.Channel.POST,
        help_text="Per post: u drukt de PDF af. Per e-mail: de PDF gaat als bijlage mee.")

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["kind"].choices = [(k.value, k.label) for k in letter_kinds(case)]
        self.fields["recipient"].choices = recipient_choices(case)

    def clean(self):
        data = super().clean()
        if data.get("kind") in RESPONDENT_ONLY_LETTERS and data.get("recipient") == RESIDENT:
            self.add_error("recipient", "Het afschrift van de klacht gaat naar degene over wie "
                                        "is geklaagd (Awb 9:9). Kies de beklaagde als ontvanger.")
        return data

    def respondent(self) -> bool:
        """Whether the letter goes to the beklaagde of the complaint."""
        return self.cleaned_data["recipient"] == RESPONDENT

    def party(self):
        """Return the chosen party (a ``CaseOrganisation``) or None for the resident or the
        beklaagde."""
        value = self.cleaned_data["recipient"]
        if value in (RESIDENT, RESPONDENT):
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
