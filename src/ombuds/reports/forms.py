"""The choice of a report: municipality, scope (this municipality or the whole office),
period, version and format."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from ombuds.reports.periods import Period, PeriodError, is_pilot
from ombuds.reports.render import FORMATS
from ombuds.reports.services import exact_allowed, regional_allowed, report_municipalities

FORMAT_LABELS = {"html": "Webpagina (HTML)", "pdf": "PDF", "csv": "Spreadsheet (CSV)",
                 "json": "Gegevens (JSON)"}
LOCAL, REGIONAL = "gemeente", "regio"


class ReportForm(forms.Form):
    gemeente = forms.ChoiceField(label="Gemeente")
    omvang = forms.ChoiceField(label="Omvang", required=False, choices=[
        (LOCAL, "Deze gemeente"),
        (REGIONAL, "Alle gemeenten van het bureau (regionaal)"),
    ], help_text="Regionaal: eerst de cijfers van alle gemeenten samen, daarna elke gemeente "
                 "apart.")
    periode = forms.CharField(
        label="Periode", max_length=30,
        help_text="Een jaar (2026), een kwartaal (2026-Q3), twee datums (2025-01-01..2026-12-31) "
                  "of pilot (de pilotperiode van de gemeente).")
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
        # The regional report holds every municipality of the office: offered only to those
        # who may see all of them.
        offices = {m.office_id: m.office for m in self.municipalities.values()}
        self.may_choose_regional = any(regional_allowed(user, o) for o in offices.values())
        for name, field in self.fields.items():
            field.widget.attrs["class"] = (
                "utrecht-select utrecht-select--html-select"
                if isinstance(field.widget, forms.Select)
                else "utrecht-textbox utrecht-textbox--html-input"
            )
            if field.help_text:  # the page shows it under this id
                field.widget.attrs["aria-describedby"] = f"id_{name}-uitleg"

    def clean_periode(self) -> str:
        """The text as written; read into a ``Period`` in ``clean``, where the municipality
        is known (``pilot`` is the chosen municipality's own pilot period)."""
        text = self.cleaned_data["periode"]
        if not is_pilot(text):
            try:
                Period.parse(text)
            except PeriodError as error:
                raise forms.ValidationError(str(error)) from None
        return text

    def clean(self):
        data = super().clean()
        municipality = self.municipalities.get(data.get("gemeente"))
        data["municipality"] = municipality
        data["format"] = data.get("formaat") or "pdf"
        data["kind"] = data.get("soort") or "general"
        data["regional"] = regional = data.get("omvang") == REGIONAL
        office = municipality.office if municipality else None
        if regional and office is not None and not regional_allowed(self.user, office):
            self.add_error("omvang", "U mag niet de cijfers van alle gemeenten van dit bureau "
                                     "zien. Kies 'Deze gemeente'.")
        if regional and data["kind"] != "general":
            self.add_error("omvang", "Het klachtenregister is er alleen per gemeente. Kies "
                                     "'Deze gemeente'.")
        if "periode" in data:
            try:
                data["periode"] = self._period(data["periode"], municipality, regional)
            except PeriodError as error:
                self.add_error("periode", str(error))
        # The exact version only where the user handles cases (in a regional report: in
        # every municipality of the office); otherwise always publishable.
        scope = (list(office.municipalities.all()) if regional and office is not None
                 else [municipality] if municipality else [])
        data["exact"] = bool(scope and data.get("versie") == "exact"
                             and all(exact_allowed(self.user, m) for m in scope))
        if data.get("versie") == "exact" and scope and not data["exact"]:
            self.add_error("versie", "U mag van deze gemeente alleen de publicatieversie zien."
                           if not regional else "U mag van deze gemeenten alleen de "
                           "publicatieversie zien.")
        return data

    @staticmethod
    def _period(text: str, municipality, regional: bool) -> Period:
        if not is_pilot(text) or municipality is None:
            return Period.parse(text)
        if regional:
            return Period.pilot(*municipality.office.municipalities.all())
        return Period.pilot(municipality)
