"""Forms of the application pages: an application or report of need of a case (melding,
aanvraag, request for debt help) and the confirmation to remove one.

They only check input; the order of the dates and what the law says (a notice of default
counts only after the term, Awb 4:17 lid 3) are checked by ``procedures.applications``, whose
errors are put back on the fields with ``apply_service_error``.
"""

from __future__ import annotations

from django import forms

from ombuds.cases import queries
from ombuds.cases.forms import StyledForm
from ombuds.domain import not_in_time
from ombuds.procedures.applications import APPLICATION_FIELDS
from ombuds.procedures.forms import ConfirmDeleteForm, date_field


class ApplicationForm(StyledForm):
    """What the resident asked for, when and from whom; the term is computed from it."""

    mark_optional = True

    kind = forms.ChoiceField(
        label="Soort", choices=[("", "Kies een soort")] + list(not_in_time.APPLICATION_KINDS.items()),
        help_text="De wet bepaalt de termijn: een melding Wmo 6 weken onderzoek, een aanvraag Wmo "
                  "2 weken, schuldhulp 4 weken tot het eerste gesprek, andere aanvragen "
                  "hoogstens 8 weken.",
        error_messages={"required": "Kies wat voor aanvraag of melding het is."},
    )
    subject = forms.CharField(
        label="Waarvoor", max_length=200,
        help_text="Kort, zonder gezondheidsgegevens. Bijvoorbeeld: scootmobiel, begeleiding, "
                  "bijzondere bijstand.",
        error_messages={"required": "Beschrijf kort waarvoor de aanvraag is."},
    )
    organisation = forms.ModelChoiceField(
        label="Ingediend bij", queryset=None, required=False,
        empty_label="De gemeente, of niet in de sociale kaart",
        help_text="Uit de sociale kaart van de gemeente.",
    )
    submitted_on = date_field(
        "Ingediend op", required=True,
        help_text="De dag waarop de gemeente de aanvraag of melding ontving. De termijn begint "
                  "de dag erna.",
        missing="Vul in wanneer de aanvraag of melding is ontvangen.",
    )
    urgent = forms.BooleanField(
        label="Dreigende uitzetting, afsluiting van energie of water, of opzegging van de "
              "zorgverzekering", required=False,
        help_text="Alleen bij schuldhulp: dan binnen drie werkdagen een eerste gesprek "
                  "(Wgs art. 4 lid 2).",
    )
    decided_on = date_field("Besluit of eerste gesprek op",
                            help_text="Laat leeg zolang er geen besluit of gesprek is geweest.")
    notice_of_default_on = date_field(
        "Ingebrekestelling ontvangen op",
        help_text="De dag waarop de gemeente de ingebrekestelling ontving. Die telt pas na het "
                  "einde van de beslistermijn (Awb 4:17 lid 3).",
    )
    appeal_filed_on = date_field("Beroep niet tijdig beslissen ingesteld op",
                                 help_text="Bij de rechtbank (Awb 6:12 lid 2).")

    FIELDS = APPLICATION_FIELDS

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = queries.organisations([case.municipality_id])

    @classmethod
    def initial_for(cls, application) -> dict:
        return {name: getattr(application, name) for name in cls.FIELDS}

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.FIELDS}


class ApplicationDeleteForm(ConfirmDeleteForm):
    """Removing an application and its terms: ask once, without JS."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm"].label = "Ja, verwijder deze aanvraag en de termijnen die erbij horen"
