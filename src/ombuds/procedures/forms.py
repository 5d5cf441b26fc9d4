"""Forms of the procedures pages: disputed decisions of a case and the steps of its complaint.

They only check input (a date is a date, a required field is filled in); the order of the
dates and everything the law says is checked by the services, whose errors are put back on
the fields with ``apply_service_error``.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone

from ombuds.cases import queries
from ombuds.cases.forms import StyledForm
from ombuds.domain import complaints as rules

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
    objection_filed_on = date_field("Bezwaar ontvangen op",
                                    help_text="De dag waarop de gemeente het bezwaar ontving. "
                                              "Laat leeg zolang er geen bezwaar is gemaakt.")
    objection_posted_on = date_field(
        "Bezwaar op de post gedaan op",
        help_text="Alleen bij een bezwaar per post: de datum van het poststempel. Op de post "
                  "gedaan vóór het einde van de termijn en binnen een week daarna ontvangen, "
                  "is op tijd (Awb 6:9 lid 2).")
    lateness_reason = forms.CharField(
        label="Waarom was het bezwaar te laat?", required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen bij een te laat bezwaar. Het wordt toch behandeld als de inwoner de "
                  "te late indiening redelijkerwijs niet te verwijten is (Awb 6:11).")
    committee = forms.BooleanField(
        label="Een bezwaarschriftencommissie adviseert over het bezwaar", required=False,
        help_text="Dan is de beslistermijn 12 weken in plaats van 6 (Awb 7:10, 7:13).",
    )
    postponed_on = date_field(
        "Beslissing op bezwaar verdaagd op",
        help_text="De datum van de brief waarin de beslissing met 6 weken is uitgesteld "
                  "(Awb 7:10 lid 3). Dat kan alleen zolang de beslistermijn loopt.",
    )
    delay_consent_on = date_field(
        "Inwoner stemde in met verder uitstel op",
        help_text="Langer uitstel dan de verdaging mag alleen als de bezwaarmaker instemt "
                  "(Awb 7:10 lid 4).")
    delay_consented_until = date_field("Verder uitgesteld tot en met")
    objection_decided_on = date_field("Beslissing op bezwaar bekendgemaakt op")
    appeal_filed_on = date_field("Beroep bij de rechter ingesteld op")
    checked = forms.BooleanField(
        label="Gecontroleerd: de datum van het besluit klopt", required=False,
        help_text="De inwoner gaf deze datum op in het webformulier. Vink aan als u hem met de "
                  "brief van het besluit hebt vergeleken.")

    FIELDS = ("organisation", "subject", "made_known_on", "objection_filed_on",
              "objection_posted_on", "lateness_reason", "committee", "postponed_on",
              "delay_consent_on", "delay_consented_until", "objection_decided_on",
              "appeal_filed_on")

    def __init__(self, *args, case, decision=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = queries.organisations([case.municipality_id])
        self.decision = decision
        if decision is None or not decision.given_by_resident:
            del self.fields["checked"]  # only a date the resident gave needs checking

    @classmethod
    def initial_for(cls, decision) -> dict:
        initial = {name: getattr(decision, name) for name in cls.FIELDS}
        return initial | {"checked": decision.checked_on is not None}

    def service_kwargs(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.FIELDS}
        data["lateness_reason"] = data["lateness_reason"] or ""
        if "checked" in self.fields:
            # Checked keeps the day it was first checked; unchecking clears it.
            checked = self.cleaned_data["checked"]
            data["checked_on"] = ((self.decision.checked_on or timezone.localdate())
                                  if checked else None)
        return data


class ComplaintStepForm(StyledForm):
    """One step of a complaint's handling: a short form, each with the article it records.

    ``FIELDS`` are passed to ``services.complaint_update``; the service checks the order of
    the dates and what the law ties together and its errors land on these fields."""

    mark_optional = True
    FIELDS: tuple[str, ...] = ()
    #: The page's heading and the sentence under it (B1: what this step is and why).
    title = ""
    lead = ""

    def __init__(self, *args, complaint, **kwargs):
        super().__init__(*args, **kwargs)
        self.complaint = complaint

    @classmethod
    def initial_for(cls, complaint) -> dict:
        return {name: getattr(complaint, name) for name in cls.FIELDS}

    def service_kwargs(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.FIELDS}
        # Text fields store "" for empty; an empty choice or text is never None.
        return {name: "" if value is None and isinstance(self.fields[name], forms.CharField)
                else value for name, value in data.items()}


def _text(label: str, *, help_text: str = "", rows: int = 0, max_length: int | None = None,
          required: bool = False, missing: str = "") -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    errors = {"required": missing} if missing else {}
    return forms.CharField(label=label, required=required, help_text=help_text, widget=widget,
                           max_length=max_length, error_messages=errors)


def _grounds(grounds: dict[str, tuple[str, str]], *, none: str) -> list[tuple[str, str]]:
    """Radio choices of legal grounds, each naming its article."""
    return [("", none)] + [(code, f"{label[0].upper()}{label[1:]} ({article})")
                           for code, (article, label) in grounds.items()]


class ComplaintAboutForm(ComplaintStepForm):
    """(a) The complaint and the beklaagde (Awb 9:1, 9:9)."""

    title = "Klacht en beklaagde"
    lead = ("Waarover gaat de klacht, en over wie? De beklaagde is de organisatie, afdeling of "
            "medewerker over wiens gedraging wordt geklaagd. Die krijgt een afschrift van de "
            "klacht (Awb 9:9) en wordt gehoord (Awb 9:10).")

    subject = forms.CharField(
        label="Waarover gaat de klacht", max_length=200,
        help_text="Kort, zonder gezondheidsgegevens.",
        error_messages={"required": "Beschrijf kort waarover de klacht gaat."},
    )
    received_on = date_field(
        "Ontvangen op", required=True,
        help_text="De afhandeltermijn van 6 weken (10 met een klachtadviescommissie) begint de "
                  "dag hierna (Awb 9:11 lid 1).",
        missing="Vul in wanneer de klacht is ontvangen.")
    conduct = _text("De gedraging waarover wordt geklaagd", rows=4,
                    help_text="Wat is er gebeurd, wanneer, en wat vindt de klager daarvan "
                              "(Awb 9:1, 9:4 lid 2 onder c)?")
    conduct_on = date_field(
        "Datum van de gedraging",
        help_text="Was dat meer dan een jaar vóór de klacht, dan hoeft de klacht niet "
                  "behandeld te worden (Awb 9:8 lid 1 onder b).",
    )
    respondent_organisation = forms.ModelChoiceField(
        label="Organisatie waarover wordt geklaagd", queryset=None, required=False,
        empty_label="Onbekend of niet in de sociale kaart",
        help_text="Uit de sociale kaart van de gemeente.",
    )
    respondent_department = _text("Afdeling", max_length=200)
    respondent_official = _text(
        "Medewerker of functie", max_length=200,
        help_text="Degene op wiens gedraging de klacht betrekking heeft (Awb 9:9, 9:10).")
    committee = forms.BooleanField(
        label="Een klachtadviescommissie adviseert", required=False,
        help_text="Dan is de afhandeltermijn 10 weken in plaats van 6 (Awb 9:11 lid 1, 9:14).",
    )

    FIELDS = ("subject", "received_on", "conduct", "conduct_on", "respondent_organisation",
              "respondent_department", "respondent_official", "committee")

    def __init__(self, *args, complaint, **kwargs):
        super().__init__(*args, complaint=complaint, **kwargs)
        self.fields["respondent_organisation"].queryset = queries.organisations(
            [complaint.case.municipality_id])


class ComplaintRequirementsForm(ComplaintStepForm):
    """(b) The written complaint's requirements (Awb 9:4) and their repair (Awb 4:5)."""

    title = "Vereisten van de klacht (Awb 9:4)"
    lead = ("Een schriftelijke klacht is ondertekend en heeft naam en adres van de klager, een "
            "datum en een omschrijving van de gedraging (Awb 9:4 lid 2). Ontbreekt iets, vraag "
            "de klager dan om dat binnen een termijn aan te vullen (Awb 4:5 lid 1).")

    signed = forms.BooleanField(label="De klacht is ondertekend", required=False,
                                help_text="Awb 9:4 lid 2, aanhef.")
    has_name_address = forms.BooleanField(label="Naam en adres van de klager staan erin",
                                          required=False, help_text="Awb 9:4 lid 2 onder a.")
    dated = forms.BooleanField(label="De klacht heeft een datum", required=False,
                               help_text="Awb 9:4 lid 2 onder b.")
    described = forms.BooleanField(label="De gedraging is omschreven", required=False,
                                   help_text="Awb 9:4 lid 2 onder c.")
    repair_requested_on = date_field("Om aanvulling gevraagd op",
                                     help_text="Alleen als er iets ontbreekt (Awb 4:5 lid 1).")
    repair_until = date_field("Aanvullen tot en met",
                              help_text="De hersteltermijn die u de klager gaf (Awb 4:5 lid 1).")
    repaired_on = date_field("Aangevuld op", help_text="Wanneer de klager het aanvulde.")

    FIELDS = ("signed", "has_name_address", "dated", "described", "repair_requested_on",
              "repair_until", "repaired_on")


class ComplaintHandlingForm(ComplaintStepForm):
    """(c) Acknowledgement, copy, forwarding, postponement and delay (Awb 9:6, 9:7, 9:9,
    9:11)."""

    title = "Behandeling en termijn"
    lead = "Vul alleen in wat al is gebeurd. Uit de datums berekent Ombuds de afhandeltermijn."

    acknowledged_on = date_field("Ontvangst schriftelijk bevestigd op",
                                 help_text="De ontvangstbevestiging (Awb 9:6).")
    copy_sent_on = date_field("Afschrift aan de beklaagde verstuurd op",
                              help_text="Een afschrift van de klacht en de stukken (Awb 9:9).")
    forwarded_to = _text("Doorgezonden aan", max_length=200,
                         help_text="De organisatie die bevoegd is de klacht te behandelen "
                                   "(Awb 9:7).")
    forwarded_on = date_field("Doorgezonden op", help_text="Awb 9:7 lid 1.")
    postponed_on = date_field(
        "Afhandeling verdaagd op",
        help_text="De datum van de brief aan de klager én de beklaagde. Die moet vóór het "
                  "einde van de termijn verstuurd zijn (Awb 9:11 lid 2).")
    postponement_weeks = forms.TypedChoiceField(
        label="Verdaagd met", coerce=int, initial=4,
        choices=[(n, f"{n} {'week' if n == 1 else 'weken'}") for n in range(1, 5)],
        help_text="Ten hoogste 4 weken (Awb 9:11 lid 2).")
    delay_consent_on = date_field(
        "Klager stemde schriftelijk in met verder uitstel op",
        help_text="Verder uitstel mag alleen met schriftelijke instemming (Awb 9:11 lid 3).")
    delay_consented_until = date_field("Verder uitgesteld tot en met",
                                       help_text="Awb 9:11 lid 3.")

    FIELDS = ("acknowledged_on", "copy_sent_on", "forwarded_to", "forwarded_on", "postponed_on",
              "postponement_weeks", "delay_consent_on", "delay_consented_until")


class ComplaintNotHandledForm(ComplaintStepForm):
    """(d) The ground to leave the complaint unhandled (Awb 9:8, or forwarding under 9:7)."""

    title = "Klacht niet behandelen (Awb 9:8)"
    lead = ("Een klacht hoeft soms niet behandeld te worden. Kies de grond uit de wet. De "
            "klager krijgt binnen 4 weken na ontvangst schriftelijk bericht (Awb 9:8 lid 3). "
            "Daarna sluit u de zaak af met ‘Niet in behandeling genomen’.")

    not_handled_ground = forms.ChoiceField(
        label="Grond om de klacht niet te behandelen", required=False, widget=forms.RadioSelect,
        choices=_grounds(rules.NOT_HANDLED_GROUNDS, none="Geen: de klacht wordt behandeld"),
        help_text="Awb 9:8 lid 1 onder a tot en met f, lid 2, of doorzenden (Awb 9:7).")
    not_handled_reasons = _text("Toelichting", rows=4,
                                help_text="Waarom deze grond geldt. Dit komt in de brief aan de "
                                          "klager (Awb 9:8 lid 3).")

    FIELDS = ("not_handled_ground", "not_handled_reasons")


class ComplaintHearingForm(ComplaintStepForm):
    """(e) Hearing the complainant and the beklaagde, or the ground not to (Awb 9:10)."""

    title = "Horen (Awb 9:10)"
    lead = ("De klager en de beklaagde krijgen de gelegenheid hun kant te vertellen "
            "(Awb 9:10 lid 1). Van het horen maakt u een verslag (Awb 9:10 lid 3). Alleen om een "
            "reden uit de wet hoeft u de klager niet te horen (Awb 9:10 lid 2).")

    hearing_invited_on = date_field("Uitgenodigd voor het horen op",
                                    help_text="De datum van de uitnodiging.")
    hearing_on = date_field("Gehoord op", help_text="Awb 9:10 lid 1.")
    hearing_heard = _text("Wie zijn gehoord", max_length=300,
                          help_text="Bijvoorbeeld: de klager en de consulent.")
    hearing_report = _text("Verslag van het horen", rows=8, help_text="Awb 9:10 lid 3.")
    hearing_skipped_ground = forms.ChoiceField(
        label="Grond om de klager niet te horen", required=False, widget=forms.RadioSelect,
        choices=_grounds(rules.HEARING_SKIP_GROUNDS, none="Geen: de klager wordt gehoord"),
        help_text="Alleen als er niet is gehoord (Awb 9:10 lid 2).")

    FIELDS = ("hearing_invited_on", "hearing_on", "hearing_heard", "hearing_report",
              "hearing_skipped_ground")


class ComplaintSettlementForm(ComplaintStepForm):
    """(f) Resolved to the complainant's satisfaction (Awb 9:5)."""

    title = "Informeel opgelost (Awb 9:5)"
    lead = ("Is de klacht naar tevredenheid van de klager opgelost, dan hoeft de klacht niet "
            "verder behandeld te worden (Awb 9:5). Leg vast wat is afgesproken. Daarna sluit u "
            "de zaak af met ‘Naar tevredenheid opgelost’.")

    settled_on = date_field("Opgelost op", help_text="Awb 9:5.")
    settlement = _text("Hoe is de klacht opgelost", rows=5,
                       help_text="Wat is afgesproken, en dat de klager tevreden is (Awb 9:5).")

    FIELDS = ("settled_on", "settlement")


class ComplaintFindingsForm(ComplaintStepForm):
    """(g) The written findings, conclusions and measures (Awb 9:12 lid 1)."""

    title = "Bevindingen, conclusies en maatregelen (Awb 9:12)"
    lead = ("Het oordeel is schriftelijk en gemotiveerd: wat is er gebeurd, wat vindt u "
            "daarvan per klachtonderdeel, en welke conclusies en maatregelen volgen eruit "
            "(Awb 9:12 lid 1). Het oordeel per klachtonderdeel legt u vast bij de "
            "klachtonderdelen.")

    findings = _text("Bevindingen", rows=8,
                     help_text="Wat is er gebeurd, volgens het onderzoek (Awb 9:12 lid 1).")
    conclusions = _text("Conclusies", rows=5, help_text="Awb 9:12 lid 1.")
    measures = _text("Maatregelen", rows=4,
                     help_text="Niet verplicht. Wat de organisatie gaat doen (Awb 9:12 lid 1).")

    FIELDS = ("findings", "conclusions", "measures")


class ComplaintMunicipalityForm(ComplaintStepForm):
    """(h) Variant 6: the municipality's own handling first (Awb 9:20, 9:24 lid 1)."""

    title = "Klachtbehandeling door de gemeente"
    lead = ("De ombudsfunctie onderzoekt een verzoek pas als de gemeente de klacht zelf heeft "
            "afgehandeld, of dat had moeten doen (Awb 9:20 lid 1, 9:24 lid 1). De inwoner "
            "heeft daarna een jaar om naar de ombudsman te gaan.")

    internal_received_on = date_field(
        "Klacht door de gemeente ontvangen op",
        help_text="Daaruit volgt wanneer de afhandeling door de gemeente had moeten eindigen "
                  "(Awb 9:11, 9:24 lid 1 onder b).")
    internal_committee = forms.BooleanField(
        label="De gemeente heeft een klachtadviescommissie", required=False,
        help_text="Dan had de gemeente 10 weken in plaats van 6 (Awb 9:11 lid 1, 9:14).")
    internal_postponed = forms.BooleanField(label="De gemeente heeft de afhandeling verdaagd",
                                            required=False, help_text="Awb 9:11 lid 2.")
    internal_findings_on = date_field(
        "Oordeel van de gemeente bekendgemaakt op",
        help_text="De datum van de brief met het oordeel van de gemeente "
                  "(Awb 9:12, 9:24 lid 1 onder a).")
    inadmissible_ground = forms.ChoiceField(
        label="Grond waarom het verzoek niet ontvankelijk is", required=False,
        widget=forms.RadioSelect,
        choices=_grounds(rules.INADMISSIBLE_GROUNDS, none="Geen: het verzoek is ontvankelijk"),
        help_text="Alleen als de ombudsfunctie het verzoek niet onderzoekt (Awb 9:20, 9:22, "
                  "9:23, 9:24).")

    FIELDS = ("internal_received_on", "internal_committee", "internal_postponed",
              "internal_findings_on", "inadmissible_ground")


#: The steps of the handling, by the slug in their URL, in the order of the law.
COMPLAINT_STEPS: dict[str, type[ComplaintStepForm]] = {
    "klacht": ComplaintAboutForm,
    "vereisten": ComplaintRequirementsForm,
    "behandeling": ComplaintHandlingForm,
    "niet-behandelen": ComplaintNotHandledForm,
    "horen": ComplaintHearingForm,
    "opgelost": ComplaintSettlementForm,
    "bevindingen": ComplaintFindingsForm,
    "gemeente": ComplaintMunicipalityForm,
}
#: The steps that belong to one kind of procedure only.
VARIANT_6_STEPS = {"gemeente"}


def complaint_steps(variant: int) -> list[tuple[str, type[ComplaintStepForm]]]:
    """The steps a complaint of ``variant`` has: the municipality's handling only in 6."""
    return [(slug, form) for slug, form in COMPLAINT_STEPS.items()
            if variant == 6 or slug not in VARIANT_6_STEPS]


class ElementForm(StyledForm):
    """One element of a complaint and the judgment on it (Awb 9:12 lid 1); in variant 6 also
    the standard of proper conduct it is judged by."""

    mark_optional = True

    description = _text("Klachtonderdeel", rows=3, required=True,
                        missing="Beschrijf het klachtonderdeel.",
                        help_text="Eén gedraging waarover de klager klaagt, in eigen woorden.")
    judgment = forms.ChoiceField(
        label="Oordeel", required=False, widget=forms.RadioSelect,
        choices=[("", "Nog geen oordeel")] + list(rules.JUDGMENTS.items()),
        help_text="Per klachtonderdeel een oordeel (Awb 9:12 lid 1).")
    reasons = _text("Motivering", rows=5,
                    help_text="Waarom dit oordeel. Verplicht als u een oordeel kiest: het "
                              "oordeel is gemotiveerd (Awb 9:12 lid 1).")
    norm = forms.ChoiceField(
        label="Behoorlijkheidsnorm", required=False,
        help_text="De norm waaraan de gedraging is getoetst (Behoorlijkheidswijzer van de "
                  "Nationale ombudsman).")

    FIELDS = ("description", "judgment", "reasons", "norm")

    def __init__(self, *args, variant: int, **kwargs):
        super().__init__(*args, **kwargs)
        if variant == 6:
            groups: dict[str, list[tuple[str, str]]] = {}
            for code, (value, label) in rules.NORMS.items():
                groups.setdefault(value, []).append((code, label))
            self.fields["norm"].choices = [("", "Kies een norm")] + list(groups.items())
        else:
            del self.fields["norm"]

    @classmethod
    def initial_for(cls, element) -> dict:
        return {name: getattr(element, name) for name in cls.FIELDS}

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.FIELDS if name in self.fields}


class ConfirmDeleteForm(StyledForm):
    """Removing a decision (and its terms) or an element of a complaint: ask once, without JS."""

    confirm = forms.BooleanField(
        label="Ja, verwijder dit en de termijnen die erbij horen",
        error_messages={"required": "Vink aan dat u het echt wilt verwijderen."},
    )

    def __init__(self, *args, kind: str = "decision", **kwargs):
        super().__init__(*args, **kwargs)
        if kind == "element":
            self.fields["confirm"].label = "Ja, verwijder dit klachtonderdeel en het oordeel erover"
