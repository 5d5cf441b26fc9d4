"""Forms of the AVG pages. They validate input only; the services decide."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from ombuds.cases.models import Person
from ombuds.privacy.models import AvgDecision, AvgRequestKind
from ombuds.privacy.selectors import PersonAuditFilter
from ombuds.privacy.services import CORRECTABLE_FIELDS

# A date input takes and shows ISO dates (yyyy-mm-dd) whatever the locale: with the Dutch
# format ("07-12-2026") the browser shows an empty field.
DATE = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class UtrechtForm(forms.Form):
    """Puts the NL Design System classes on every widget."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


def style(form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"
        elif isinstance(widget, forms.Select):
            widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
        elif isinstance(widget, forms.Textarea):
            widget.attrs.update({"class": "utrecht-textarea utrecht-textarea--html-textarea",
                                 "rows": 4})
        else:
            widget.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"


class PersonSearchForm(UtrechtForm):
    q = forms.CharField(label="Zoek de inwoner", max_length=200, min_length=2,
                        help_text="Naam (of een deel ervan), e-mailadres, telefoonnummer of persoon-id.")


class AvgRequestForm(UtrechtForm):
    municipality = forms.ModelChoiceField(label="Gemeente", queryset=None, empty_label=None)
    kind = forms.ChoiceField(label="Soort verzoek", choices=AvgRequestKind.choices)
    received_on = forms.DateField(label="Ontvangen op", **DATE,
                                  help_text="De termijn van een maand begint de dag erna.")
    description = forms.CharField(
        label="Wat vraagt de inwoner", required=False, widget=forms.Textarea,
        help_text="Kort en zonder gezondheidsgegevens.")

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["received_on"].initial = timezone.localdate()


class ExtendForm(UtrechtForm):
    reason = forms.CharField(label="Reden van de verlenging", widget=forms.Textarea,
                             help_text="Bijvoorbeeld: veel zaken, veel documenten, meerdere verzoeken.")
    informed_on = forms.DateField(
        label="Inwoner geïnformeerd op", **DATE,
        help_text="Vertel de inwoner binnen de eerste maand over de verlenging en de reden.")


class DecideForm(UtrechtForm):
    decision = forms.ChoiceField(label="Besluit", choices=AvgDecision.choices)
    reason = forms.CharField(label="Motivering", required=False, widget=forms.Textarea)
    rule = forms.CharField(label="Wettelijke grondslag bij afwijzing", required=False,
                           max_length=300,
                           help_text="Bijvoorbeeld: AVG art. 17 lid 3 onder b; Archiefwet 1995 art. 3.")


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = CORRECTABLE_FIELDS
        widgets = {"date_of_birth": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


class PersonAuditForm(UtrechtForm):
    date_from = forms.DateField(label="Vanaf datum", required=False, **DATE)
    date_to = forms.DateField(label="Tot en met datum", required=False, **DATE)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "De einddatum ligt voor de begindatum.")
        return data

    def filters(self) -> PersonAuditFilter:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return PersonAuditFilter(**{k: v for k, v in data.items() if v is not None})
