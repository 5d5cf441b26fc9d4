"""Forms of the staff side of partner links and the survey. They only check input."""

from __future__ import annotations

from django import forms

from ombuds.cases.forms import StyledForm
from ombuds.mediation.models import PartnerLink
from ombuds.mediation.partner import MAX_VALID_DAYS, disclosure_from, partner_disclosure


def consent_label(party) -> str:
    """The party's name with what the resident's consent lets it see through a link.

    A party read with its consents and overrides (``prefetch_related``, as the case page's
    mediation file does) is judged on those; any other party is read.
    """
    prefetched = getattr(party, "_prefetched_objects_cache", {})
    if "consents" in prefetched and "overrides" in prefetched:
        disclosure = disclosure_from(party.consents.all(), party.overrides.all())
    else:
        disclosure = partner_disclosure(party)
    if disclosure.override is not None:
        seen = "doorbreking: verhaal, naam"
    elif disclosure.personal:
        parts = (["verhaal"] if disclosure.story else []) + (
            ["naam, contact"] if disclosure.contact else [])
        seen = "toestemming: " + ", ".join(parts)
    else:
        seen = "geen toestemming: niets persoonlijks"
    return f"{party.organisation.name} — {seen}"


class PartnerLinkForm(StyledForm):
    #: The case page holds other forms with a party and a question; keep the ids unique.
    prefix = "verzoek"

    party = forms.TypedChoiceField(label="Aan welke partij?", coerce=int,
                                   error_messages={"required": "Kies de partij."})
    purpose = forms.ChoiceField(label="Soort verzoek", choices=PartnerLink.Purpose.choices,
                                widget=forms.RadioSelect, initial=PartnerLink.Purpose.INFORMATION,
                                error_messages={"required": "Kies het soort verzoek."})
    question = forms.CharField(
        label="Vraag aan de partij", widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Schrijf geen gegevens van de inwoner in de vraag: de partij ziet alleen "
        "wat de toestemming toestaat.",
        error_messages={"required": "Schrijf de vraag aan de partij."})
    valid_days = forms.IntegerField(
        label="Geldig (dagen)", initial=14, min_value=1, max_value=MAX_VALID_DAYS,
        error_messages={"required": "Vul in hoeveel dagen de link werkt.",
                        "min_value": f"Kies 1 tot en met {MAX_VALID_DAYS} dagen.",
                        "max_value": f"Kies 1 tot en met {MAX_VALID_DAYS} dagen.",
                        "invalid": "Vul een heel getal in."})

    def __init__(self, *args, case, parties=None, **kwargs):
        """``parties``: the case's parties if the caller read them already (with their
        organisation, consents and overrides), in any order; otherwise they are read."""
        super().__init__(*args, **kwargs)
        if parties is None:
            parties = case.organisations.select_related("organisation")
        self.parties = {p.pk: p for p in sorted(parties, key=lambda p: p.pk)}
        self.fields["party"].choices = [("", "Kies een partij")] + [
            (pk, consent_label(p)) for pk, p in self.parties.items()]
        self.fields["valid_days"].widget.attrs.update({"inputmode": "numeric", "size": 4})

    def clean_party(self):
        party = self.parties.get(self.cleaned_data["party"])
        if party is None:
            raise forms.ValidationError("Kies een partij van deze zaak.")
        return party
