"""Forms of the procedures pages: disputed decisions and complaints of a case.

They only check input (a date is a date, a required field is filled in); the order of the
dates and everything the law says is checked by the services, whose errors are put back on
the fields with ``apply_service_error``.
"""

from __future__ import annotations

from django import forms

from ombuds.cases import queries
from ombuds.cases.forms import StyledForm
from ombuds.procedures.models import Complaint

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d-%m-%y"]
INVALID_DATE = "Vul een geldige datum in, bijvoorbeeld 24-03-2026."


def date_field(label: str, *, required: bool = False, help_text: str = "",
               missing: str = "") -> forms.DateField:
    """A date input: the browser's date picker where there is one, typed dates accepted too."""
    return forms.DateField(
        label=label, required=required, help_text=help_text, input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": INVALID_DATE, "required": missing or "Vul een datum in."},
    )


class DecisionForm(StyledForm):
    """A decision the resident disagrees with; the terms are computed from its dates."""

    mark_optional = True

    subject = forms.CharField(
        label="Wat is besloten", max_length=200,
        help_text="Kort, zonder gezondheidsgegevens. Bijvoorbeeld: aanvraag scootmobiel afgewezen.",
        error_messages={"required": "Beschrijf kort wat er is besloten."},
    )
    organisation = forms.ModelChoiceField(
        label="Organisatie die besliste", queryset=None, required=False,
        empty_label="Onbekend of niet in de sociale kaart",
        help_text="Uit de sociale kaart van de gemeente.",
    )
    made_known_on = date_field(
        "Bekendgemaakt op", required=True,
        help_text="De datum waarop het besluit is verstuurd of uitgereikt. Meestal de datum "
                  "op de brief. De termijn loopt ook als de brief later of nooit aankwam.",
        missing="Vul in wanneer het besluit is bekendgemaakt.",
    )
    objection_filed_on = date_field("Bezwaar ingediend op",
                                    help_text="Laat leeg zolang er geen bezwaar is gemaakt.")
    committee = forms.BooleanField(
        label="Een bezwaarschriftencommissie adviseert over het bezwaar", required=False,
        help_text="Dan is de beslistermijn 12 weken in plaats van 6 (Awb 7:10, 7:13).",
    )
    postponed_on = date_field(
        "Beslissing op bezwaar verdaagd op",
        help_text="De datum van de brief waarin de beslissing met 6 weken is uitgesteld "
                  "(Awb 7:10 lid 3).",
    )
    objection_decided_on = date_field("Beslissing op bezwaar bekendgemaakt op")
    appeal_filed_on = date_field("Beroep bij de rechter ingesteld op")

    FIELDS = ("organisation", "subject", "made_known_on", "objection_filed_on", "committee",
              "postponed_on", "objection_decided_on", "appeal_filed_on")

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = queries.organisations([case.municipality_id])

    @classmethod
    def initial_for(cls, decision) -> dict:
        return {name: getattr(decision, name) for name in cls.FIELDS}

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.FIELDS}


class ComplaintForm(StyledForm):
    """A written complaint (Awb 9.1) or a request to the ombudsman (Awb 9.2)."""

    mark_optional = True

    kind = forms.ChoiceField(
        label="Soort", choices=Complaint.Kind.choices, initial=Complaint.Kind.COMPLAINT,
        widget=forms.RadioSelect,
        help_text="Een verzoek aan de ombudsman kan pas als de interne klachtbehandeling "
                  "klaar is (Awb 9:20).",
    )
    subject = forms.CharField(
        label="Waarover gaat de klacht", max_length=200,
        help_text="Kort, zonder gezondheidsgegevens.",
        error_messages={"required": "Beschrijf kort waarover de klacht gaat."},
    )
    received_on = date_field("Ontvangen op", required=True,
                             missing="Vul in wanneer de klacht is ontvangen.")
    conduct_on = date_field(
        "Datum van de gedraging",
        help_text="Was dat meer dan een jaar geleden, dan hoeft de klacht niet behandeld te "
                  "worden (Awb 9:8 lid 1 onder b).",
    )
    internal_findings_on = date_field(
        "Interne klachtbehandeling afgerond op",
        help_text="Alleen bij een verzoek aan de ombudsman: de datum van de bevindingen van "
                  "de organisatie.",
    )
    committee = forms.BooleanField(
        label="Een klachtadviescommissie adviseert", required=False,
        help_text="Dan is de afhandeltermijn 10 weken in plaats van 6 (Awb 9:11, 9:14).",
    )
    acknowledged_on = date_field("Ontvangst bevestigd op",
                                 help_text="Schriftelijke ontvangstbevestiging (Awb 9:6).")
    not_handled_notice_on = date_field(
        "Bericht ‘klacht wordt niet behandeld’ verstuurd op",
        help_text="Alleen als de klacht niet in behandeling wordt genomen (Awb 9:8).")
    hearing_on = date_field("Hoorzitting op", help_text="Hoor en wederhoor (Awb 9:10).")
    postponed_on = date_field(
        "Afhandeling verdaagd op",
        help_text="Schriftelijke verdaging met ten hoogste 4 weken (Awb 9:11 lid 2).")
    delay_consented_until = date_field(
        "Verder uitstel met instemming tot",
        help_text="Alleen met schriftelijke instemming van de klager (Awb 9:11 lid 2).")
    findings_on = date_field("Oordeel verstuurd op",
                             help_text="De schriftelijke bevindingen en het oordeel (Awb 9:12).")

    FIELDS = ("kind", "subject", "received_on", "conduct_on", "internal_findings_on",
              "committee", "acknowledged_on", "not_handled_notice_on", "hearing_on",
              "postponed_on", "delay_consented_until", "findings_on")

    @classmethod
    def initial_for(cls, complaint) -> dict:
        return {name: getattr(complaint, name) for name in cls.FIELDS}

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.FIELDS}


class ConfirmDeleteForm(StyledForm):
    """Removing a decision or complaint also removes its terms: ask once, without JS."""

    confirm = forms.BooleanField(
        label="Ja, verwijder dit en de termijnen die erbij horen",
        error_messages={"required": "Vink aan dat u het echt wilt verwijderen."},
    )
