"""Forms of the staff case pages. They only check input; every write goes through a service."""

from __future__ import annotations

import html
from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.utils import ErrorDict, flatatt
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from ombuds.cases import queries
from ombuds.cases.attachments import validate_upload
from ombuds.cases.models import (
    MANUAL_KINDS,
    Channel,
    ContactChannel,
    RepresentativeRelation,
    Urgency,
)
from ombuds.cases.services import Closure, PersonData, transition_date_label
from ombuds.cases.worklist_choices import worklist_choices
from ombuds.core.models import Theme
from ombuds.domain.contact import phone_display, postcode_normal

NEW_PERSON = "nieuw"

WIDGET_CLASSES = {
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.FileInput: "utrecht-textbox utrecht-textbox--html-input ombuds-file",
    forms.widgets.Input: "utrecht-textbox utrecht-textbox--html-input",
}


class StyledForm(forms.Form):
    """Adds the NL Design System classes to every widget. Browser validation is off: the
    server's error summary is the one place errors appear, the same with or without JS."""

    use_required_attribute = False
    #: Whether labels of optional fields say "(niet verplicht)".
    mark_optional = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            for widget_class, css in WIDGET_CLASSES.items():
                if isinstance(field.widget, widget_class):
                    field.widget.attrs.setdefault("class", css)
                    break

    def suppress_errors(self) -> None:
        """Show a bound form without validating it (the duplicate check re-renders a
        half-filled intake form; its missing fields are not errors yet)."""
        self._errors = ErrorDict()
        self.cleaned_data = {}

    def apply_service_error(self, error: ValidationError) -> None:
        """Put a service's ValidationError on the fields it names, the rest on the form."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            self.add_error(name if name in self.fields else None, errors)


def _choices(enum, empty: str | None = None) -> list[tuple[str, str]]:
    choices = [(value, str(label)) for value, label in enum.choices]
    return [("", empty), *choices] if empty is not None else choices


# --- worklist -------------------------------------------------------------------------------

VIEWS = {"mijn": "Mijn zaken", "nieuw": "Nieuwe aanmeldingen", "alle": "Alle zaken"}
STATES = [("open", "Open zaken"), ("gesloten", "Afgesloten zaken"), ("alle", "Open en afgesloten")]
FILTER_FIELDS = ("view", "gemeente", "status", "kanaal", "urgentie", "domein", "thema",
                 "behandelaar", "toestand", "q")


class WorklistFilterForm(StyledForm):
    """The GET filters of the worklist. Invalid values are dropped, never an error page."""

    view = forms.ChoiceField(choices=list(VIEWS.items()), required=False,
                             widget=forms.HiddenInput)
    q = forms.CharField(label="Zoeken", required=False, max_length=200,
                        help_text="Naam, telefoonnummer, e-mail of postcode van inwoner of "
                                  "vertegenwoordiger, (een deel van) het zaaknummer, of "
                                  "woorden uit onderwerp en verhaal.")
    gemeente = forms.TypedChoiceField(label="Gemeente", required=False, coerce=int)
    status = forms.ChoiceField(label="Status", required=False)
    kanaal = forms.ChoiceField(label="Kanaal", required=False,
                               choices=_choices(Channel, "Alle kanalen"))
    urgentie = forms.ChoiceField(label="Urgentie", required=False,
                                 choices=_choices(Urgency, "Alle"))
    domein = forms.TypedChoiceField(label="Domein", required=False, coerce=int)
    thema = forms.TypedChoiceField(label="Thema", required=False, coerce=int)
    behandelaar = forms.TypedChoiceField(label="Behandelaar", required=False, coerce=int)
    toestand = forms.ChoiceField(label="Open of afgesloten", required=False, choices=STATES)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if type(field.widget) is forms.Select:
                field.widget.__class__ = FastSelect
        municipalities = queries.case_municipalities(user)
        choices = worklist_choices(municipalities)
        #: Status labels of the current process variants, for the worklist's rows.
        self.status_labels = choices.status_labels
        self.fields["gemeente"].choices = [("", "Alle gemeenten")] + [
            (m.pk, m.name) for m in municipalities
        ]
        self.fields["status"].choices = [("", "Alle statussen"), *choices.statuses]
        self.fields["domein"].choices = [("", "Alle domeinen"), *choices.domains]
        self.fields["thema"].choices = [("", "Alle thema's"), *choices.themes]
        self.fields["behandelaar"].choices = [("", "Iedereen"), *choices.handlers]

    def values(self) -> dict:
        """Return the valid filter values; an invalid one is left out (and reported)."""
        if self.is_valid():
            return self.cleaned_data
        return {k: v for k, v in self.cleaned_data.items() if k not in self.errors}


class SavedFilterForm(StyledForm):
    name = forms.CharField(label="Naam van het filter", max_length=80)
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=1000)


# --- intake -------------------------------------------------------------------------------

class MultipleChoiceCheckboxes(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class IntakeForm(StyledForm):
    """The intake of a new case: the resident, an optional representative and the question.

    Themes, organisations and handlers are offered for all municipalities the user registers
    for; ``clean`` checks they fit the chosen one.
    """

    municipality = forms.ModelChoiceField(label="Gemeente", queryset=None,
                                          empty_label="Kies een gemeente",
                                          error_messages={"required": "Kies een gemeente."})
    channel = forms.ChoiceField(label="Kanaal", choices=_choices(Channel, "Kies een kanaal"),
                                error_messages={"required": "Kies hoe de inwoner contact opnam."})
    referred_by = forms.CharField(
        label="Verwezen door", required=False, max_length=200,
        help_text="Alleen bij een verwijzing: de organisatie of professional.",
    )
    # the resident; ``autocomplete`` names each field's purpose (WCAG 1.3.5), in a section of
    # its own per person so a browser never mixes the resident's and representative's details
    name = forms.CharField(label="Naam", max_length=200,
                           widget=forms.TextInput(attrs={"autocomplete": "section-inwoner name"}),
                           error_messages={"required": "Vul de naam van de inwoner in."})
    date_of_birth = forms.DateField(
        label="Geboortedatum", required=False,
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "section-inwoner bday"},
                               format="%Y-%m-%d"),
        help_text="Bijvoorbeeld 31-12-1960.",
    )
    email = forms.EmailField(
        label="E-mailadres", required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "section-inwoner email"}))
    phone = forms.CharField(
        label="Telefoonnummer", required=False, max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "section-inwoner tel"}))
    street = forms.CharField(
        label="Straat en huisnummer", required=False, max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "section-inwoner street-address"}))
    postcode = forms.CharField(
        label="Postcode", required=False, max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "section-inwoner postal-code"}))
    city = forms.CharField(
        label="Woonplaats", required=False, max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "section-inwoner address-level2"}))
    preferred_channel = forms.ChoiceField(
        label="Liefst bereikbaar via", required=False,
        choices=_choices(ContactChannel, "Geen voorkeur"),
    )
    avoid_channels = forms.MultipleChoiceField(
        label="Niet benaderen via", required=False, choices=_choices(ContactChannel),
        widget=forms.CheckboxSelectMultiple,
    )
    interpreter_language = forms.CharField(
        label="Tolk nodig in de taal", required=False, max_length=60,
        help_text="Laat leeg als er geen tolk nodig is.",
    )
    easy_language = forms.BooleanField(label="Wil informatie in eenvoudige taal",
                                       required=False)
    accessibility_needs = forms.CharField(
        label="Andere behoeften", required=False, max_length=300,
        help_text="Bijvoorbeeld: slechtziend, rolstoel, liever 's ochtends.",
    )
    # the representative
    rep_name = forms.CharField(label="Vertegenwoordiger", required=False, max_length=200,
                               widget=forms.TextInput(
                                   attrs={"autocomplete": "section-vertegenwoordiger name"}),
                               help_text="Volledige naam; laat leeg als er geen is.")
    rep_relation = forms.ChoiceField(
        label="Relatie tot de inwoner", required=False,
        choices=_choices(RepresentativeRelation, "Kies een relatie"),
    )
    rep_phone = forms.CharField(label="Telefoon vertegenwoordiger", required=False,
                                max_length=40, widget=forms.TextInput(attrs={
                                    "type": "tel",
                                    "autocomplete": "section-vertegenwoordiger tel"}))
    rep_email = forms.EmailField(label="E-mail vertegenwoordiger", required=False,
                                 widget=forms.EmailInput(
                                     attrs={"autocomplete": "section-vertegenwoordiger email"}))
    # the question
    title = forms.CharField(
        label="Onderwerp", max_length=160, error_messages={"required": "Vul een onderwerp in."},
        help_text="Kort, zonder namen of gezondheidsgegevens. Staat in de werklijst.",
    )
    story = forms.CharField(label="Verhaal van de inwoner", widget=forms.Textarea(attrs={"rows": 6}),
                            error_messages={"required": "Vul het verhaal van de inwoner in."},
                            help_text="Zo veel mogelijk in de eigen woorden van de inwoner.")
    wish = forms.CharField(label="Wat wil de inwoner bereiken?", required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))
    route_tried = forms.CharField(label="Welke route is al geprobeerd?", required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}),
                                  help_text="Bijvoorbeeld: gebeld met het Wmo-loket, bezwaar gemaakt.")
    domains = MultipleChoiceCheckboxes(label="Domeinen", queryset=None, required=False)
    themes = MultipleChoiceCheckboxes(label="Thema's", queryset=None, required=False)
    organisations = MultipleChoiceCheckboxes(label="Betrokken organisaties", queryset=None,
                                             required=False)
    urgency = forms.ChoiceField(label="Urgentie", choices=_choices(Urgency),
                                initial=Urgency.NORMAL)
    sensitive_details = forms.CharField(
        label="Gevoelige gegevens (gezondheid)", required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen wat nodig is. Het secretariaat ziet dit niet zonder toestemming.",
    )
    assignee = forms.ModelChoiceField(label="Behandelaar", queryset=None, required=False,
                                      empty_label="Nog niet toewijzen")
    existing_person = forms.ChoiceField(label="Hoort bij bestaande inwoner", required=False,
                                        widget=forms.RadioSelect)

    mark_optional = True
    PERSON_FIELDS = ("name", "date_of_birth", "email", "phone")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        municipalities = queries.intake_municipalities(user)
        ids = list(municipalities.values_list("pk", flat=True))
        self.many_municipalities = len(ids) > 1
        self.fields["municipality"].queryset = municipalities
        if len(ids) == 1 and not self.is_bound:
            self.initial.setdefault("municipality", ids[0])
        self.fields["domains"].queryset = queries.domains()
        self.fields["themes"].queryset = queries.themes(ids)
        self.fields["organisations"].queryset = queries.organisations(ids)
        self.fields["assignee"].queryset = queries.handlers(ids)
        self.fields["themes"].label_from_instance = self._theme_label
        self.fields["organisations"].label_from_instance = self._organisation_label
        self.fields["assignee"].label_from_instance = lambda u: u.display_name
        self.matches = []

    def _theme_label(self, theme) -> str:
        label = f"{theme.domain.name}: {theme.name}"
        return f"{label} ({theme.municipality.name})" if self.many_municipalities else label

    def _organisation_label(self, organisation) -> str:
        if not self.many_municipalities:
            return organisation.name
        names = ", ".join(m.name for m in organisation.municipalities.all())
        return f"{organisation.name} ({names})"

    # --- the duplicate check ---------------------------------------------------------------
    def person_lookup(self) -> dict:
        """Return what is typed about the resident, leniently parsed, for ``similar_persons``."""
        data = {name: (self.data.get(name) or "").strip()[:200] for name in self.PERSON_FIELDS}
        try:
            data["date_of_birth"] = self.fields["date_of_birth"].clean(data["date_of_birth"])
        except ValidationError:
            data["date_of_birth"] = None
        return data

    def set_matches(self, persons) -> None:
        """Offer the residents found by the duplicate check as a choice."""
        self.matches = list(persons)
        self.fields["existing_person"].choices = [
            (str(p.pk), p.name) for p in self.matches
        ] + [(NEW_PERSON, "Nieuwe inwoner")]

    def chosen_person(self):
        value = self.cleaned_data.get("existing_person")
        return next((p for p in self.matches if str(p.pk) == value), None)

    # --- validation ----------------------------------------------------------------------
    def _phone(self, name: str) -> str:
        value = self.cleaned_data.get(name, "").strip()
        if value and phone_display(value) is None:
            raise ValidationError("Vul een telefoonnummer in, zoals 06 12345678 of "
                                  "0521 123456.")
        return phone_display(value) if value else ""

    def clean_phone(self) -> str:
        return self._phone("phone")

    def clean_rep_phone(self) -> str:
        return self._phone("rep_phone")

    def clean_postcode(self) -> str:
        value = self.cleaned_data.get("postcode", "").strip()
        if value and postcode_normal(value) is None:
            raise ValidationError("Vul een postcode in zoals 1234 AB.")
        return postcode_normal(value) if value else ""

    def clean(self):
        data = super().clean()
        municipality = data.get("municipality")
        if data.get("channel") == Channel.REFERRAL and not data.get("referred_by", "").strip():
            self.add_error("referred_by", "Vul in wie de inwoner heeft doorverwezen.")
        if data.get("rep_relation") and not data.get("rep_name"):
            self.add_error("rep_name", "Vul de naam van de vertegenwoordiger in.")
        if self.matches and not data.get("existing_person"):
            self.add_error("existing_person",
                           "Er zijn dossiers gevonden. Kies de bestaande inwoner of "
                           "'Nieuwe inwoner'.")
        if municipality is not None:
            if any(t.municipality_id != municipality.pk for t in data.get("themes", [])):
                self.add_error("themes", f"Kies alleen thema's van {municipality.name}.")
            for organisation in data.get("organisations", []):
                if municipality not in organisation.municipalities.all():
                    self.add_error("organisations",
                                   f"{organisation.name} werkt niet voor {municipality.name}.")
        return data

    def person_data(self) -> PersonData:
        d = self.cleaned_data
        return PersonData(
            name=d["name"], date_of_birth=d["date_of_birth"], email=d["email"],
            phone=d["phone"], street=d["street"], postcode=d["postcode"], city=d["city"],
            preferred_channel=d["preferred_channel"], avoid_channels=d["avoid_channels"],
            interpreter_language=d["interpreter_language"], easy_language=d["easy_language"],
            accessibility_needs=d["accessibility_needs"],
        )

    def representative_data(self) -> PersonData | None:
        d = self.cleaned_data
        if not d["rep_name"]:
            return None
        return PersonData(name=d["rep_name"], phone=d["rep_phone"], email=d["rep_email"])

    def register_kwargs(self) -> dict:
        """Return the keyword arguments for ``services.case_register``."""
        d = self.cleaned_data
        person = self.chosen_person()
        return {
            "municipality": d["municipality"], "channel": d["channel"],
            "referred_by": d["referred_by"] if d["channel"] == Channel.REFERRAL else "",
            "person": person, "person_data": None if person else self.person_data(),
            "representative_data": self.representative_data(),
            "representative_relation": d["rep_relation"],
            "title": d["title"], "story": d["story"], "wish": d["wish"],
            "route_tried": d["route_tried"], "domains": d["domains"], "themes": d["themes"],
            "organisations": d["organisations"], "urgency": d["urgency"],
            "sensitive_details": d["sensitive_details"], "assignee": d["assignee"],
        }


class CaseDetailsForm(StyledForm):
    """Correct the intake details of an open case (the question, not the resident: their
    personal data is corrected through an AVG rectification request)."""

    title = IntakeForm.base_fields["title"]
    story = IntakeForm.base_fields["story"]
    wish = IntakeForm.base_fields["wish"]
    route_tried = IntakeForm.base_fields["route_tried"]
    referred_by = IntakeForm.base_fields["referred_by"]
    domains = IntakeForm.base_fields["domains"]
    themes = IntakeForm.base_fields["themes"]
    urgency = IntakeForm.base_fields["urgency"]
    sensitive_details = IntakeForm.base_fields["sensitive_details"]

    mark_optional = True

    def __init__(self, *args, case, may_see_health: bool, **kwargs):
        initial = {name: getattr(case, name) for name in
                   ("title", "story", "wish", "route_tried", "referred_by", "urgency",
                    "sensitive_details")}
        initial["domains"] = list(case.domains.all())
        initial["themes"] = list(case.themes.all())
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["domains"].queryset = queries.domains()
        # Retired themes the case has stay offered (and checked), so saving keeps them.
        self.fields["themes"].queryset = (
            Theme.objects.filter(Q(pk__in=queries.themes([case.municipality_id]))
                                 | Q(pk__in=case.themes.all()))
            .select_related("domain").order_by("domain__name", "name"))
        self.fields["themes"].label_from_instance = lambda t: f"{t.domain.name}: {t.name}"
        if case.channel != Channel.REFERRAL:
            del self.fields["referred_by"]
        if not may_see_health:
            del self.fields["sensitive_details"]

    def update_kwargs(self) -> dict:
        """Return the keyword arguments for ``services.case_update``."""
        return dict(self.cleaned_data)


class ReopenForm(StyledForm):
    reason = forms.CharField(
        label="Waarom gaat de zaak weer open?", widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000, error_messages={"required": "Schrijf op waarom de zaak weer open gaat."},
        help_text="Bijvoorbeeld: de inwoner belt terug, de afspraak is niet nagekomen.",
    )


# --- the case page ------------------------------------------------------------------------

class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files if f]


class TimelineEntryForm(StyledForm):
    mark_optional = True
    kind = forms.ChoiceField(label="Soort", choices=[(k.value, k.label) for k in MANUAL_KINDS])
    occurred_at = forms.DateTimeField(
        label="Datum en tijd",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
    )
    summary = forms.CharField(label="Samenvatting", max_length=200,
                              error_messages={"required": "Vul een samenvatting in."})
    body = forms.CharField(label="Tekst", required=False, widget=forms.Textarea(attrs={"rows": 5}))
    sensitive = forms.BooleanField(label="Bevat gezondheidsgegevens", required=False,
                                   help_text="De tekst is dan verborgen voor wie geen "
                                   "gezondheidsgegevens mag zien.")
    sent_to_resident = forms.BooleanField(label="Verstuurd aan de inwoner", required=False)
    files = MultipleFileField(label="Bijlagen", required=False,
                              help_text="Eén of meer bestanden: pdf, foto, Word, odt, tekst of e-mail.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("occurred_at", timezone.localtime().replace(second=0, microsecond=0))
        self.initial.setdefault("kind", "notitie")

    def clean_occurred_at(self):
        value = self.cleaned_data["occurred_at"]
        if value > timezone.now() + timedelta(minutes=5):
            raise ValidationError("Kies een datum en tijd die niet in de toekomst liggen.")
        return value

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        problems = []
        for upload in files:
            try:
                validate_upload(upload)
            except ValidationError as error:
                problems.extend(f"{upload.name}: {message}" for message in error.messages)
        if problems:
            raise ValidationError(problems)
        return files

    def clean(self):
        data = super().clean()
        if self.errors and self.files.getlist("files"):
            self.add_error("files", "Kies de bestanden opnieuw; een browser bewaart ze niet.")
        return data


class AssignForm(StyledForm):
    assignee = forms.ModelChoiceField(label="Toewijzen aan", queryset=None, required=False,
                                      empty_label="Niemand (terug naar nieuwe aanmeldingen)")

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = queries.handlers([case.municipality_id])
        self.fields["assignee"].widget.__class__ = FastSelect  # every handler, on every case page
        self.fields["assignee"].label_from_instance = lambda u: u.display_name
        self.initial.setdefault("assignee", case.assignee_id)


DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d-%m-%y"]


class TransitionForm(StyledForm):
    """One status move. The form only checks the values exist in the case's variant; the
    workflow (in the service) decides whether the move and outcome are allowed."""

    target = forms.ChoiceField(label="Nieuwe status", widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label="Uitkomst", required=False)
    note = forms.CharField(label="Toelichting", required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="Niet verplicht. Komt in de tijdlijn.")
    # What closing records for the reports (only when the move closes the case).
    procedure_avoided = forms.ChoiceField(
        label="Formele procedure voorkomen?", required=False, widget=forms.RadioSelect,
        choices=[("ja", "Ja"), ("nee", "Nee"), ("onbekend", "Onbekend")],
        help_text="Is een bezwaar, klacht of andere formele procedure niet nodig geweest "
                  "dankzij de ombudsfunctie?",
    )
    procedure_avoided_what = forms.ChoiceField(
        label="Welke procedure", required=False,
        choices=[("", "Kies een procedure"), ("bezwaar", "Bezwaar"), ("klacht", "Klacht"),
                 ("beroep", "Beroep"), ("ombudsman", "Nationale ombudsman"),
                 ("anders", "Anders")],
        help_text="Alleen als u ‘Ja’ kiest.",
    )
    minutes_spent = forms.IntegerField(
        label="Bestede tijd (minuten)", required=False, min_value=0, max_value=100_000,
        help_text="De totale tijd aan deze zaak, in minuten. Bijvoorbeeld 90.",
        error_messages={"invalid": "Vul een heel aantal minuten in, bijvoorbeeld 90.",
                        "min_value": "Vul 0 of meer minuten in.",
                        "max_value": "Vul ten hoogste 100000 minuten in."},
    )
    CLOSURE_FIELDS = ("procedure_avoided", "procedure_avoided_what", "minutes_spent")
    AVOIDED_FIELDS = ("procedure_avoided", "procedure_avoided_what")

    def __init__(self, *args, case, transition=None, open_items=(), formal_procedure="",
                 **kwargs):
        """``open_items`` (the closing check, ``cases.hooks.case_open_items``) adds the
        required reason to close anyway; ``formal_procedure`` (``case_formal_procedure``)
        drops the question whether a formal procedure was avoided: the case is one."""
        if transition is not None:
            kwargs.setdefault("auto_id", f"id_status_{transition.target}_%s")
        super().__init__(*args, **kwargs)
        workflow = case.workflow.workflow
        self.transition = transition
        self.closes = transition is not None and workflow.is_closed(transition.target)
        self.open_items = list(open_items) if self.closes else []
        self.formal_procedure = formal_procedure if self.closes else ""
        if not self.closes:
            for name in self.CLOSURE_FIELDS:
                del self.fields[name]
        elif formal_procedure:
            for name in self.AVOIDED_FIELDS:
                del self.fields[name]
        if self.open_items:
            self.fields["reason"] = forms.CharField(
                label="Toch afsluiten, omdat …", max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="Er staat nog iets open. Schrijf op waarom u de zaak toch afsluit. "
                          "Dit komt met de lijst van wat open staat in de tijdlijn.",
                error_messages={"required": "Schrijf op waarom u de zaak toch afsluit, of "
                                            "handel eerst af wat nog open staat."})
        # The date the move records, where it records one (a complaint's receipt, the
        # sending of an acknowledgement or of the findings): asked for, default today.
        label = transition_date_label(case=case, transition=transition) if transition else ""
        if label:
            self.fields["on"] = forms.DateField(
                label=label, initial=timezone.localdate, input_formats=DATE_INPUT_FORMATS,
                widget=forms.DateInput(attrs={"type": "date", "class": WIDGET_CLASSES[
                    forms.widgets.Input]}, format="%Y-%m-%d"),
                help_text="Vandaag, of de datum waarop het echt gebeurde. Niet in de toekomst.",
                error_messages={"required": "Vul de datum in.",
                                "invalid": "Vul een geldige datum in, bijvoorbeeld 24-03-2026."})
        self.asks_date = bool(label)
        self.fields["target"].choices = [(s.code, s.label) for s in workflow.statuses]
        outcomes = (transition.outcomes if transition is not None
                    else [o.code for o in workflow.outcomes])
        self.fields["outcome"].choices = [("", "Kies een uitkomst")] + [
            (code, workflow.outcome(code).label) for code in outcomes
        ]
        if transition is not None:
            self.initial["target"] = transition.target

    def clean(self):
        data = super().clean()
        if not self.closes:
            return data
        if not data.get("outcome") and "outcome" not in self.errors:
            self.add_error("outcome", "Kies een uitkomst om de zaak af te sluiten.")
        # A case that is itself a formal procedure is not asked whether one was avoided.
        if "procedure_avoided" in self.fields and not data.get("procedure_avoided") \
                and "procedure_avoided" not in self.errors:
            self.add_error("procedure_avoided",
                           "Kies of een formele procedure is voorkomen: ja, nee of onbekend.")
        if data.get("procedure_avoided") == "ja" and not data.get("procedure_avoided_what") \
                and "procedure_avoided_what" not in self.errors:
            self.add_error("procedure_avoided_what", "Kies welke formele procedure is voorkomen.")
        if data.get("minutes_spent") is None and "minutes_spent" not in self.errors:
            self.add_error("minutes_spent", "Vul de bestede tijd in minuten in.")
        return data

    def on(self):
        """The date the move records, or ``None`` (the service then takes today)."""
        return self.cleaned_data.get("on") if self.asks_date else None

    def closure(self) -> Closure | None:
        """Return what closing records, or ``None`` when the move does not close the case."""
        if not self.closes:
            return None
        d = self.cleaned_data
        avoided = d.get("procedure_avoided", "")
        return Closure(procedure_avoided=avoided,
                       procedure_avoided_what=(d["procedure_avoided_what"]
                                               if avoided == "ja" else ""),
                       minutes_spent=d["minutes_spent"])

    def close_anyway_reason(self) -> str:
        """Why the case closes although something is open ("" when nothing is)."""
        return self.cleaned_data.get("reason", "") if self.open_items else ""


def _escape(value) -> str:
    """``conditional_escape`` without its lazy-string wrapper (a few hundred options a page)."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return html.escape(value)
    return conditional_escape(value)


class FastSelect(forms.Select):
    """A ``<select>`` built in Python: the same markup as Django's template-rendered one,
    without a template render per option (the worklist filters list every theme and
    handler of the user's municipalities, on every page view). It also skips Django's
    ``optgroups``, which builds a dictionary of attributes per option."""

    def render(self, name, value, attrs=None, renderer=None):
        values = set(self.format_value(value))
        multiple = self.allow_multiple_selected
        attrs = self.build_attrs(self.attrs, attrs)
        if multiple:
            attrs["multiple"] = True
        has_selected = False
        parts = []
        for group_value, group_label in self.choices:
            grouped = isinstance(group_label, list | tuple)
            if grouped:
                parts.append(f'<optgroup label="{_escape(group_value)}">')
            for option_value, label in group_label if grouped else [(group_value, group_label)]:
                option_value = "" if option_value is None else str(option_value)
                # Like Django's: a single select marks only the first matching option.
                selected = (multiple or not has_selected) and option_value in values
                has_selected |= selected
                parts.append(f'<option value="{_escape(option_value)}"'
                             f'{" selected" if selected else ""}>{_escape(label)}</option>')
            if grouped:
                parts.append("</optgroup>")
        return format_html("<select name=\"{}\"{}>{}</select>", name, flatatt(attrs),
                           mark_safe("".join(parts)))  # noqa: S308 - every part escaped above
