"""Forms of the signal pages. They only check input; every write goes through a service."""

from __future__ import annotations

from django import forms

from ombuds.accounts.roles import ALL_CASES_ROLES, Role
from ombuds.cases.forms import WIDGET_CLASSES, StyledForm
from ombuds.cases.models import Case
from ombuds.cases.selectors import REFERENCE_PATTERN, visible_cases
from ombuds.core.models import Municipality, Theme
from ombuds.domain.signals import STATES
from ombuds.signals.models import Recommendation
from ombuds.signals.publication import recommendation_field
from ombuds.socialmap.models import Organisation


def _date(label: str, required: bool = True, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, required=required,
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                           **kwargs)


def _references(text: str) -> list[str]:
    return [r.upper() for r in text.replace(",", " ").split() if r.strip()]


class CaseReferencesField(forms.CharField):
    """Case references separated by spaces, commas or new lines."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
        kwargs.setdefault("help_text", "Zaaknummers, gescheiden door een spatie of komma, "
                                       "bijvoorbeeld STW-2026-0042.")
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        wrong = [r for r in _references(value or "") if not REFERENCE_PATTERN.match(r)]
        if wrong:
            raise forms.ValidationError(f"Dit is geen zaaknummer: {', '.join(wrong)}.")
        return _references(value or "")


def cases_for(user, references: list[str]) -> tuple[list[Case], list[str]]:
    """Return the cases with ``references`` that ``user`` may open, and the unknown ones."""
    found = {c.reference: c for c in visible_cases(user).filter(reference__in=references)}
    return [found[r] for r in references if r in found], [r for r in references if r not in found]


def grouped_themes(field: forms.ModelChoiceField, empty: str) -> None:
    """Give ``field`` its themes once each: a theme is kept per municipality, so a user of
    several municipalities sees them grouped under the municipality's name (otherwise
    "Wmo: Vervoer" appears once per municipality, indistinguishable)."""
    themes = list(field.queryset.order_by("municipality__name", "domain__name", "name"))
    groups: dict[str, list[tuple[int, str]]] = {}
    for theme in themes:
        groups.setdefault(theme.municipality.name, []).append((theme.pk, str(theme)))
    if len(groups) == 1:
        field.choices = [("", empty), *next(iter(groups.values()))]
    else:
        field.choices = [("", empty), *groups.items()]


class SignalFilterForm(StyledForm):
    status = forms.ChoiceField(label="Status", required=False,
                               choices=[("", "Alle statussen"), *STATES.items()])
    thema = forms.ModelChoiceField(label="Thema", required=False, queryset=Theme.objects.none(),
                                   empty_label="Alle thema's")
    organisatie = forms.ModelChoiceField(label="Organisatie", required=False,
                                         queryset=Organisation.objects.none(),
                                         empty_label="Alle organisaties")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        ids = user.municipality_ids(ALL_CASES_ROLES | {Role.POLICY})
        self.fields["thema"].queryset = Theme.objects.filter(
            municipality_id__in=ids).select_related("domain", "municipality")
        grouped_themes(self.fields["thema"], "Alle thema's")
        self.fields["organisatie"].queryset = Organisation.objects.filter(
            municipalities__in=ids).distinct().order_by("name")


class SignalForm(StyledForm):
    mark_optional = True

    municipality = forms.ModelChoiceField(label="Gemeente", queryset=Municipality.objects.none(),
                                          error_messages={"required": "Kies de gemeente."})
    title = forms.CharField(label="Titel", max_length=160,
                            help_text="Het patroon in een paar woorden. Geen namen, geen "
                                      "zaaknummers.",
                            error_messages={"required": "Geef het signaal een titel."})
    description = forms.CharField(
        label="Omschrijving", widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Wat gaat er steeds mis? Schrijf over het patroon, niet over personen. "
                  "De organisatie leest deze tekst.",
        error_messages={"required": "Beschrijf het signaal."})
    organisation = forms.ModelChoiceField(
        label="Verantwoordelijke organisatie", queryset=Organisation.objects.none(),
        error_messages={"required": "Kies de organisatie die het probleem kan oplossen."})
    theme = forms.ModelChoiceField(label="Thema", required=False, queryset=Theme.objects.none())
    cases = CaseReferencesField(label="Zaken waarop het signaal berust", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        ids = user.municipality_ids(ALL_CASES_ROLES)
        self.fields["municipality"].queryset = Municipality.objects.filter(pk__in=ids)
        if len(ids) == 1:
            self.fields["municipality"].initial = next(iter(ids))
        self.fields["organisation"].queryset = Organisation.objects.filter(
            municipalities__in=ids, active=True).distinct().order_by("name")
        self.fields["theme"].queryset = Theme.objects.filter(
            municipality_id__in=ids, active=True).select_related("domain", "municipality")
        grouped_themes(self.fields["theme"], "Geen thema")
        if len(ids) > 1:
            self.fields["theme"].help_text = "Kies een thema van de gemeente van het signaal."

    def clean(self):
        data = super().clean()
        cases, unknown = cases_for(self.user, data.get("cases") or [])
        if unknown:
            self.add_error("cases", f"Deze zaken kent u niet: {', '.join(unknown)}.")
        data["cases"] = cases
        return data

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in
                ("municipality", "title", "description", "organisation", "theme", "cases")}


class LinkCasesForm(StyledForm):
    cases = CaseReferencesField(label="Zaken toevoegen",
                                error_messages={"required": "Vul een of meer zaaknummers in."})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        data = super().clean()
        cases, unknown = cases_for(self.user, data.get("cases") or [])
        if unknown:
            self.add_error("cases", f"Deze zaken kent u niet: {', '.join(unknown)}.")
        data["cases"] = cases
        return data

    def service_kwargs(self) -> dict:
        return {"cases": self.cleaned_data["cases"]}


class TransitionForm(StyledForm):
    target = forms.ChoiceField(choices=list(STATES.items()), widget=forms.HiddenInput)
    text = forms.CharField(label="Toelichting", required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))


class RecommendationForm(StyledForm):
    addressee = forms.CharField(label="Aan wie", max_length=200,
                                help_text="Bijvoorbeeld het college of de zorgaanbieder.",
                                error_messages={"required": "Vul in aan wie de aanbeveling is gericht."})
    text = forms.CharField(label="Aanbeveling", widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": "Schrijf de aanbeveling."})
    due_on = _date("Reactie verwacht uiterlijk",
                   error_messages={"required": "Vul in wanneer u een reactie verwacht.",
                                   "invalid": "Vul een geldige datum in."})

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("addressee", "text", "due_on")}


class ResponseForm(StyledForm):
    mark_optional = True

    adoption = forms.ChoiceField(label="Overgenomen?", widget=forms.RadioSelect,
                                 choices=Recommendation.Adoption.choices,
                                 error_messages={"required": "Kies of de aanbeveling is overgenomen."})
    response = forms.CharField(label="Reactie", required=False,
                               widget=forms.Textarea(attrs={"rows": 4}))
    responded_on = _date("Reactie ontvangen op", required=False,
                         error_messages={"invalid": "Vul een geldige datum in."})

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("adoption", "response", "responded_on")}


class SignalLinkForm(StyledForm):
    mark_optional = True

    email = forms.EmailField(label="E-mailadres van de organisatie", required=False,
                             help_text="Leeg: het adres van de sociale kaart.",
                             error_messages={"invalid": "Vul een geldig e-mailadres in."})
    question = forms.CharField(label="Uw vraag aan de organisatie", required=False,
                               widget=forms.Textarea(attrs={"rows": 4}))
    valid_days = forms.IntegerField(label="Geldig (dagen)", initial=28, min_value=1,
                                    max_value=90,
                                    error_messages={"required": "Vul in hoe lang de link werkt.",
                                                    "min_value": "Kies 1 tot en met 90 dagen.",
                                                    "max_value": "Kies 1 tot en met 90 dagen."})

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("email", "question", "valid_days")}


class SignalAnswerForm(StyledForm):
    text = forms.CharField(label="Uw antwoord", widget=forms.Textarea(attrs={"rows": 8}),
                           help_text="Wat herkent u, wat gaat u doen, en wanneer? Schrijf geen "
                                     "namen van inwoners.",
                           error_messages={"required": "Schrijf uw antwoord."})


class PublicationForm(StyledForm):
    """The texts for publication of a signal and of each of its recommendations (their
    fields named by ``publication.recommendation_field``)."""

    public_title = forms.CharField(
        label="Titel voor publicatie", max_length=160, required=False,
        help_text="Het probleem in een paar woorden, voor de gemeenteraad en inwoners.",
        error_messages={"max_length": "Maak de titel korter: ten hoogste 160 tekens."})
    public_text = forms.CharField(
        label="Tekst voor publicatie", required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Wat ging er mis, en waarom is het een signaal? Geen namen, adressen, "
                  "datums, leeftijden of zaaknummers.")
    public_response = forms.CharField(
        label="Reactie en maatregelen voor publicatie", required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Wat de organisatie antwoordde en deed, in eigen woorden samengevat.")

    def __init__(self, *args, recommendations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.recommendations = []
        for r in recommendations:
            text = recommendation_field(r.pk, "public_text")
            response = recommendation_field(r.pk, "public_response")
            self.fields[text] = forms.CharField(
                label="Aanbeveling voor publicatie", required=False,
                widget=forms.Textarea(attrs={"rows": 3}))
            self.fields[response] = forms.CharField(
                label="Reactie voor publicatie", required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="Leeg zolang er geen reactie is.")
            self.initial.setdefault(text, r.public_text)
            self.initial.setdefault(response, r.public_response)
            self.recommendations.append((r, text, response))
            for name in (text, response):
                self.fields[name].widget.attrs.setdefault("class",
                                                          WIDGET_CLASSES[forms.Textarea])

    def refresh(self, recommendations) -> None:
        """Show the current state of the recommendations (after a save that was refused)."""
        fresh = {r.pk: r for r in recommendations}
        self.recommendations = [(fresh.get(r.pk, r), text, response)
                                for r, text, response in self.recommendations]

    def recommendation_rows(self) -> list[dict]:
        """Each recommendation with its two bound fields, for the template."""
        return [{"recommendation": r, "text": self[text], "response": self[response]}
                for r, text, response in self.recommendations]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {"public_title": data["public_title"], "public_text": data["public_text"],
                "public_response": data["public_response"],
                "recommendations": {r.pk: (data[text], data[response])
                                    for r, text, response in self.recommendations}}


class RecommendationPublicationForm(StyledForm):
    """The texts for publication of one recommendation of a case's report."""

    public_text = forms.CharField(
        label="Aanbeveling voor publicatie", required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="De aanbeveling zoals de gemeenteraad en inwoners haar lezen. Geen namen, "
                  "adressen, datums, leeftijden of zaaknummers.")
    public_response = forms.CharField(
        label="Reactie voor publicatie", required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Wat de gemeente met de aanbeveling deed, samengevat. Leeg zolang er geen "
                  "reactie is.")

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("public_text", "public_response")}
