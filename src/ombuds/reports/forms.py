"""The choice of a report: municipality, period, version and format."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from ombuds.reports.periods import Period, PeriodError
from ombuds.reports.render import FORMATS
from ombuds.reports.services import exact_allowed, report_municipalities

FORMAT_LABELS = {"html": "Webpagina (HTML)", "pdf": "PDF", "csv": "Spreadsheet (CSV)"}


class ReportForm(forms.Form):
    gemeente = forms.ChoiceField(label="Gemeente")
    periode = forms.CharField(
        label="Periode", max_length=30,
        help_text="Een jaar (2026), een kwartaal (2026-Q3), twee datums (2025-01-01..2026-12-31) "
                  "of pilot (de pilotperiode).")
    versie = forms.ChoiceField(label="Versie", required=False, choices=[
        ("publicatie", "Publicatieversie (voor raad en beleid)"),
        ("exact", "Exacte aantallen (alleen intern)"),
    ])
    soort = forms.ChoiceField(label="Soort rapportage", required=False, choices=[
        ("general", "Jaarverslag en dashboard"),
        ("complaints", "Klachtenregister (Awb 9:12a)"),
    ])
    formaat = forms.ChoiceField(label="Bestand", required=False,
                                choices=[(f, FORMAT_LABELS[f]) for f in sorted(FORMATS)])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.municipalities = {m.cbs_code: m for m in report_municipalities(user)}
        self.fields["gemeente"].choices = [(c, m.name) for c, m in self.municipalities.items()]
        self.fields["periode"].initial = str(timezone.localdate().year)
        self.may_choose_exact = any(exact_allowed(user, m) for m in self.municipalities.values())
        for field in self.fields.values():
            field.widget.attrs["class"] = (
                "utrecht-select utrecht-select--html-select"
                if isinstance(field.widget, forms.Select)
                else "utrecht-textbox utrecht-textbox--html-input"
            )

    def clean_periode(self) -> Period:
        try:
            return Period.parse(self.cleaned_data["periode"])
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from None

    def clean(self):
        data = super().clean()
        municipality = self.municipalities.get(data.get("gemeente"))
        data["municipality"] = municipality
        data["format"] = data.get("formaat") or "pdf"
        data["kind"] = data.get("soort") or "general"
        # The exact version only where the user handles cases; otherwise always publishable.
        data["exact"] = bool(municipality and data.get("versie") == "exact"
                             and exact_allowed(self.user, municipality))
        if data.get("versie") == "exact" and municipality and not data["exact"]:
            self.add_error("versie", "U mag van deze gemeente alleen de publicatieversie zien.")
        return data
