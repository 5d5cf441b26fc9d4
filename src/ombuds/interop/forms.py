"""Forms of the import pages (beheerder)."""

from __future__ import annotations

from django import forms
from django.conf import settings

from ombuds.interop import columns

TEXT = "utrecht-textbox utrecht-textbox--html-input"
SELECT = "utrecht-select utrecht-select--html-select"


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Bestand", help_text="Een CSV-bestand (gescheiden door ; of ,) of een Excel-bestand "
        "(.xlsx). De eerste regel bevat de kolomnamen.",
        widget=forms.ClearableFileInput(attrs={"class": TEXT, "accept": ".csv,.xlsx"}))
    municipality = forms.ModelChoiceField(
        queryset=None, required=False, label="Gemeente",
        empty_label="Staat per regel in het bestand",
        help_text="Voor regels zonder gemeente.", widget=forms.Select(attrs={"class": SELECT}))

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                f"Het bestand is groter dan {settings.IMPORT_MAX_BYTES // (1024 * 1024)} MB.")
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("Kies een CSV- of Excel-bestand (.csv of .xlsx).")
        return upload


class MappingForm(forms.Form):
    """One choice per Ombuds field: which column of the file feeds it."""

    def __init__(self, *args, headers, needs_municipality, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "— niet gebruiken —")] + [(h, h) for h in headers if h]
        for column in columns.COLUMNS:
            required = column.required or (column.name == "municipality" and needs_municipality)
            self.fields[column.name] = forms.ChoiceField(
                label=column.label, choices=choices, required=required,
                widget=forms.Select(attrs={"class": SELECT}))
