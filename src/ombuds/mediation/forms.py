"""Forms of the mediation pages. They only check input (a date is a date, a choice exists);
everything about consent and the case is checked by the services, whose errors are put back
on the fields with ``apply_service_error``."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone

from ombuds.cases import queries
from ombuds.cases.forms import StyledForm
from ombuds.cases.models import CaseOrganisation
from ombuds.mediation.models import Agreement, ConsentForm, ConsentPurpose, Meeting, Referral
from ombuds.mediation.services import AgreementData
from ombuds.procedures.forms import date_field
from ombuds.socialmap.models import Route

#: Empty agreement rows the meeting form offers; "Meer afspraken" adds this many again.
AGREEMENT_ROWS = 2


def _parties(case):
    return CaseOrganisation.objects.filter(case=case).select_related("organisation").order_by(
        "organisation__name")


def _party_label(party) -> str:
    return party.organisation.name + (f" ({party.contact_person})" if party.contact_person else "")


class PartyForm(StyledForm):
    mark_optional = True

    organisation = forms.ModelChoiceField(
        label="Organisatie", queryset=None, empty_label="Kies een organisatie",
        help_text="Uit de sociale kaart van de gemeente.",
        error_messages={"required": "Kies een organisatie.",
                        "invalid_choice": "Kies een organisatie uit de lijst."},
    )
    role = forms.CharField(
        label="Rol in de zaak", max_length=120, required=False,
        help_text="Bijvoorbeeld: Wmo-consulent, zorgaanbieder, school, woningcorporatie.",
    )
    contact_person = forms.CharField(label="Contactpersoon", max_length=200, required=False)
    contact_email = forms.EmailField(
        label="E-mailadres contactpersoon", required=False,
        error_messages={"invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl."},
    )
    contact_phone = forms.CharField(label="Telefoon contactpersoon", max_length=40,
                                    required=False)

    FIELDS = ("organisation", "role", "contact_person", "contact_email", "contact_phone")

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        taken = CaseOrganisation.objects.filter(case=case).values("organisation_id")
        self.fields["organisation"].queryset = queries.organisations(
            [case.municipality_id]).exclude(pk__in=taken)

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.FIELDS}


class ConsentRecordForm(StyledForm):
    mark_optional = True

    purpose = forms.ChoiceField(
        label="Waarvoor geeft de inwoner toestemming?", choices=ConsentPurpose.choices,
        widget=forms.RadioSelect, error_messages={"required": "Kies waarvoor de toestemming is."},
    )
    given_on = date_field("Gegeven op", required=True,
                          missing="Vul in wanneer de toestemming is gegeven.")
    given_how = forms.ChoiceField(
        label="Hoe is de toestemming gegeven?", choices=ConsentForm.choices,
        widget=forms.RadioSelect, error_messages={"required": "Kies hoe de toestemming is gegeven."},
    )
    given_by = forms.CharField(
        label="Gegeven door", max_length=200,
        help_text="De inwoner of diens vertegenwoordiger.",
        error_messages={"required": "Vul in wie de toestemming gaf."},
    )
    scope = forms.CharField(
        label="Wat mag worden gedeeld", widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bijvoorbeeld: de aanvraag en het besluit; geen medische gegevens.",
        error_messages={"required": "Beschrijf wat gedeeld mag worden."},
    )
    shares_story = forms.BooleanField(label="Het verhaal van de inwoner mag worden gedeeld",
                                      required=False)
    shares_contact = forms.BooleanField(
        label="De contactgegevens van de inwoner mogen worden gedeeld", required=False)

    FIELDS = ("purpose", "given_on", "given_how", "given_by", "scope", "shares_story",
              "shares_contact")

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("given_on", timezone.localdate())
        self.initial.setdefault("given_by", case.person.name)

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.FIELDS}


class ConsentRevokeForm(StyledForm):
    revoked_on = date_field("Ingetrokken op", required=True,
                            missing="Vul in wanneer de toestemming is ingetrokken.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("revoked_on", timezone.localdate())

    def service_kwargs(self) -> dict:
        return {"revoked_on": self.cleaned_data["revoked_on"]}


class OverrideForm(StyledForm):
    justification = forms.CharField(
        label="Waarom is delen zonder toestemming nodig?",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Alleen bij een vitaal belang van de inwoner, bijvoorbeeld acuut gevaar "
                  "voor gezondheid of veiligheid, als toestemming vragen niet kan. Dit wordt "
                  "apart in het logboek gemarkeerd.",
        error_messages={"required": "Leg uit waarom het vitaal belang van de inwoner dit nodig "
                                    "maakt."},
    )

    def service_kwargs(self) -> dict:
        return {"justification": self.cleaned_data["justification"]}


class MeetingPlanForm(StyledForm):
    """Plan a meeting, or change or move a planned one (``meeting`` given)."""

    mark_optional = True

    kind = forms.ChoiceField(label="Soort gesprek", choices=Meeting.Kind.choices,
                             widget=forms.RadioSelect, initial=Meeting.Kind.JOINT,
                             error_messages={"required": "Kies de soort gesprek."})
    starts_at = forms.DateTimeField(
        label="Datum en begintijd",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        error_messages={"required": "Vul de datum en tijd van het gesprek in.",
                        "invalid": "Vul een geldige datum en tijd in, bijvoorbeeld "
                                   "24-03-2026 14:00."},
    )
    duration_minutes = forms.TypedChoiceField(
        label="Duur", coerce=int, initial=60,
        choices=[(m, label) for m, label in ((30, "30 minuten"), (45, "45 minuten"),
                                             (60, "1 uur"), (90, "1,5 uur"), (120, "2 uur"),
                                             (180, "3 uur"))],
        error_messages={"required": "Kies hoe lang het gesprek duurt.",
                        "invalid_choice": "Kies een duur uit de lijst."})
    place = forms.CharField(label="Plaats of kanaal", max_length=200, required=False,
                            help_text="Bijvoorbeeld: gemeentehuis Steenwijk, bij de inwoner "
                                      "thuis, telefoon. Leeg laten bij alleen video.")
    video_url = forms.URLField(
        label="Videolink", required=False, max_length=200, assume_scheme="https",
        help_text="Alleen bij een videogesprek; de link begint met https://.",
        error_messages={"invalid": "Vul een geldige link in, bijvoorbeeld "
                                   "https://video.example.nl/gesprek."})
    resident_invited = forms.BooleanField(label="De inwoner is uitgenodigd", required=False,
                                          initial=True)
    representative_invited = forms.BooleanField(label="De vertegenwoordiger is uitgenodigd",
                                                required=False)
    parties = forms.ModelMultipleChoiceField(
        label="Partijen die zijn uitgenodigd", queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple)
    other_participants = forms.CharField(
        label="Andere deelnemers", max_length=300, required=False,
        help_text="Bijvoorbeeld: een tolk of de cliëntondersteuner. Zij krijgen geen "
                  "uitnodiging van Ombuds.")

    FIELDS = ("kind", "starts_at", "duration_minutes", "place", "video_url", "parties",
              "resident_invited", "representative_invited", "other_participants")

    def __init__(self, *args, case, meeting: Meeting | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = _parties(case)
        self.fields["parties"].label_from_instance = _party_label
        if not case.representative_id:
            del self.fields["representative_invited"]
        if meeting is not None:
            durations = self.fields["duration_minutes"]
            if meeting.duration_minutes not in dict(durations.choices):
                durations.choices = sorted([*durations.choices, (
                    meeting.duration_minutes, f"{meeting.duration_minutes} minuten")])
            for name in self.fields:
                value = getattr(meeting, name)
                self.initial.setdefault(name, list(value.all()) if name == "parties"
                                        else timezone.localtime(value) if name == "starts_at"
                                        else value)
        else:
            start = (timezone.localtime() + timedelta(days=7)).replace(
                hour=10, minute=0, second=0, microsecond=0)
            self.initial.setdefault("starts_at", start)

    def service_kwargs(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.FIELDS if name in self.fields}
        data.setdefault("representative_invited", False)
        return data


class MeetingHoldForm(StyledForm):
    """Record that a planned meeting was held (the agreements come in a formset)."""

    mark_optional = True

    resident_present = forms.TypedChoiceField(
        label="Was de inwoner bij het gesprek?", choices=[("ja", "Ja"), ("nee", "Nee")],
        coerce=lambda value: value == "ja", widget=forms.RadioSelect,
        error_messages={"required": "Kies of de inwoner bij het gesprek was."})
    minutes = forms.CharField(label="Verslag", required=False,
                              widget=forms.Textarea(attrs={"rows": 6}),
                              help_text="Wat is er besproken? Het verslag komt in de tijdlijn "
                                        "en in de verslagbrief.")

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        if meeting.resident_invited:
            self.initial.setdefault("resident_present", "ja")

    def service_kwargs(self) -> dict:
        return {"resident_present": self.cleaned_data["resident_present"],
                "minutes": self.cleaned_data["minutes"]}


class MeetingCancelForm(StyledForm):
    reason = forms.CharField(label="Waarom gaat het gesprek niet door?", max_length=300,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="Bijvoorbeeld: de inwoner is ziek; de partij heeft de "
                                       "afspraak afgezegd.",
                             error_messages={"required": "Vul in waarom het gesprek niet "
                                                         "doorgaat."})

    def service_kwargs(self) -> dict:
        return {"reason": self.cleaned_data["reason"]}


class AgreementRowForm(StyledForm):
    """One agreement in the meeting form; an untouched row is skipped."""

    description = forms.CharField(label="Wat is afgesproken", max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}),
                                  error_messages={"required": "Beschrijf de afspraak."})
    owner = forms.ChoiceField(label="Wie komt de afspraak na", choices=Agreement.Owner.choices,
                              initial=Agreement.Owner.PARTY)
    party = forms.ModelChoiceField(label="Partij", queryset=None, required=False,
                                   empty_label="Geen partij")
    due_on = date_field("Uiterlijk", required=True,
                        missing="Vul in wanneer de afspraak uiterlijk nagekomen moet zijn.")

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = _parties(case)
        self.fields["party"].label_from_instance = _party_label
        number = self.prefix.rsplit("-", 1)[-1] if self.prefix else "0"
        self.number = int(number) + 1 if number.isdigit() else 1
        for name, field in self.fields.items():
            field.label = f"Afspraak {self.number}: {field.label[0].lower()}{field.label[1:]}"
            if name == "party":
                field.label = f"Afspraak {self.number}: partij"

    def agreement(self) -> AgreementData | None:
        if not self.has_changed() or not self.cleaned_data:
            return None
        d = self.cleaned_data
        return AgreementData(description=d["description"], due_on=d["due_on"],
                             owner=d["owner"], party=d["party"])


class BaseAgreementFormSet(forms.BaseFormSet):
    def agreements(self) -> list[AgreementData]:
        return [a for a in (f.agreement() for f in self.forms) if a is not None]

    def changed_forms(self) -> list:
        return [f for f in self.forms if f.has_changed()]


AgreementFormSet = forms.formset_factory(AgreementRowForm, formset=BaseAgreementFormSet,
                                         extra=AGREEMENT_ROWS, max_num=20, absolute_max=20)


class AgreementStatusForm(StyledForm):
    mark_optional = True

    status = forms.ChoiceField(label="Status", choices=Agreement.Status.choices,
                               widget=forms.RadioSelect,
                               error_messages={"required": "Kies een status."})
    status_note = forms.CharField(label="Toelichting", max_length=300, required=False,
                                  help_text="Verplicht bij ‘niet nagekomen’ en ‘gewijzigd’.")
    due_on = date_field("Nieuwe uiterste datum",
                        help_text="Alleen als de afspraak een nieuwe datum krijgt.")

    @classmethod
    def initial_for(cls, agreement: Agreement) -> dict:
        return {"status": agreement.status, "status_note": agreement.status_note}

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        return {"status": d["status"], "note": d["status_note"], "due_on": d["due_on"]}


class ReferralForm(StyledForm):
    mark_optional = True

    route = forms.ChoiceField(label="Route", choices=[("", "Kies een route"), *Route.choices],
                              error_messages={"required": "Kies de route waarnaar u verwijst."})
    organisation = forms.ModelChoiceField(
        label="Organisatie", queryset=None, required=False,
        empty_label="Geen organisatie of niet in de sociale kaart",
        help_text="Uit de sociale kaart. Organisaties die de gekozen route bieden staan bovenaan.",
        error_messages={"invalid_choice": "Kies een organisatie uit de lijst."},
    )
    warm_handover = forms.BooleanField(
        label="Warme overdracht: ik geef gegevens van de inwoner door", required=False,
        help_text="Alleen met toestemming van de inwoner voor ‘Warme overdracht bij "
                  "verwijzing’, vastgelegd bij deze organisatie als partij.",
    )
    handover_summary = forms.CharField(
        label="Wat draagt u over", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen bij een warme overdracht. Geen gezondheidsgegevens die niet nodig zijn.")
    referred_on = date_field("Verwezen op", required=True,
                             missing="Vul in wanneer is verwezen.")
    check_on = date_field("Nagaan op", required=True,
                          help_text="Wanneer u nagaat of de inwoner daar is aangekomen.",
                          missing="Vul in wanneer u nagaat of de inwoner is aangekomen.")

    FIELDS = ("route", "organisation", "warm_handover", "handover_summary", "referred_on",
              "check_on")

    def __init__(self, *args, case, route: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.initial.setdefault("referred_on", today)
        self.initial.setdefault("check_on", today + timedelta(days=14))
        if route:
            self.initial.setdefault("route", route)
        field = self.fields["organisation"]
        field.queryset = queries.organisations([case.municipality_id])
        chosen = (self.data.get("route") if self.is_bound else self.initial.get("route")) or ""
        if chosen in Route.values:
            offering = [(o.pk, o.name) for o in field.queryset if chosen in (o.routes or [])]
            others = [(o.pk, o.name) for o in field.queryset if chosen not in (o.routes or [])]
            label = dict(Route.choices)[chosen]
            field.choices = [("", field.empty_label)] + (
                [(f"Biedt: {label}", offering)] if offering else []) + (
                [("Andere organisaties", others)] if others else [])

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.FIELDS}


class ReferralArrivalForm(StyledForm):
    arrived = forms.ChoiceField(label="Is de inwoner aangekomen?",
                                choices=Referral.Arrived.choices, widget=forms.RadioSelect,
                                error_messages={"required": "Kies ja, nee of onbekend."})
    checked_on = date_field("Nagegaan op", required=True,
                            missing="Vul in wanneer u het heeft nagegaan.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("checked_on", timezone.localdate())

    def service_kwargs(self) -> dict:
        return {"arrived": self.cleaned_data["arrived"],
                "checked_on": self.cleaned_data["checked_on"]}
