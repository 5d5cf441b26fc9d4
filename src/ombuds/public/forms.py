"""The resident's request form. It only checks input; ``services.web_request_submit`` writes.

Labels and messages are Dutch msgids translated to English in ``public/locale``. Browser
validation is off (``StyledForm``): the server's error summary is the one place errors appear.
"""

from __future__ import annotations

import uuid
from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ombuds.cases.attachments import validate_upload
from ombuds.cases.forms import StyledForm
from ombuds.cases.models import ContactChannel, RepresentativeRelation
from ombuds.domain.contact import phone_display, postcode_normal
from ombuds.public.selectors import public_organisations

STORY_MAX = 10_000
SHORT_MAX = 2_000

CHANNELS = [
    (ContactChannel.PHONE.value, _("Telefoon")),
    (ContactChannel.EMAIL.value, _("E-mail")),
    (ContactChannel.LETTER.value, _("Post")),
    (ContactChannel.IN_PERSON.value, _("Een gesprek")),
]
RELATIONS = [
    (RepresentativeRelation.RELATIVE.value, _("Familielid of iemand die dichtbij staat")),
    (RepresentativeRelation.INFORMAL_CARER.value, _("Mantelzorger")),
    (RepresentativeRelation.CLIENT_SUPPORT.value, _("Cliëntondersteuner")),
    (RepresentativeRelation.GUARDIAN.value, _("Curator, bewindvoerder of mentor")),
    (RepresentativeRelation.PARENT.value, _("Ouder of voogd")),
    (RepresentativeRelation.OTHER.value, _("Iemand anders")),
]
WHO = [("zelf", _("Voor mijzelf")), ("ander", _("Voor iemand anders"))]
DECISION = [("ja", _("Ja")), ("nee", _("Nee")), ("weet_niet", _("Ik weet het niet"))]

#: The Dutch messages of ``cases.attachments.validate_upload`` by code, so they can be given
#: in the page's language; the file's name is added, as the resident must choose it again.
UPLOAD_MESSAGES = {
    "attachment_type": _("%(name)s: dit soort bestand kunnen wij niet ontvangen. "
                         "Stuur een pdf, Word- of odt-bestand, een foto (jpg of png) of tekst."),
    "attachment_size": _("%(name)s is te groot. Een bestand mag hoogstens %(max)s MB zijn."),
    "attachment_empty": _("%(name)s is leeg."),
    "attachment_content": _("%(name)s lijkt niet te zijn wat de naam zegt. "
                            "Kies het bestand opnieuw of stuur een ander bestand."),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class RequestForm(StyledForm):
    mark_optional = True

    # Who you are and how we reach you
    # ``autocomplete`` lets the browser fill in the resident's own details (WCAG 1.3.5).
    name = forms.CharField(
        label=_("Uw naam"), max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Vul uw naam in.")})
    email = forms.EmailField(
        label=_("E-mailadres"), required=False, max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Dan sturen wij u een bevestiging met een link om uw verzoek te volgen."),
        error_messages={"invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl.")})
    phone = forms.CharField(
        label=_("Telefoonnummer"), required=False, max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    street = forms.CharField(
        label=_("Straat en huisnummer"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}))
    postcode = forms.CharField(
        label=_("Postcode"), required=False, max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8}))
    city = forms.CharField(
        label=_("Woonplaats"), required=False, max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}))
    no_contact = forms.BooleanField(
        label=_("Ik wil niet benaderd worden"), required=False,
        help_text=_("Dan lezen wij uw verhaal, maar bellen, mailen of schrijven wij u niet. "
                    "Wij kunnen u dan ook niet helpen met uw eigen situatie."))
    preferred_channel = forms.ChoiceField(
        label=_("Hoe wilt u het liefst contact?"), required=False, choices=CHANNELS,
        widget=forms.RadioSelect)
    avoid_channels = forms.MultipleChoiceField(
        label=_("Neem geen contact met mij op via"), required=False, choices=CHANNELS,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Bijvoorbeeld als iemand anders uw post of e-mail leest."))

    # Acting for someone else
    who = forms.ChoiceField(
        label=_("Voor wie vraagt u hulp?"), choices=WHO, initial="zelf",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies voor wie u hulp vraagt.")})
    resident_name = forms.CharField(
        label=_("Naam van de persoon om wie het gaat"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("Alleen invullen als u voor iemand anders hulp vraagt."))
    relation = forms.ChoiceField(
        label=_("Wat bent u van deze persoon?"), required=False,
        choices=[("", _("Kies…")), *RELATIONS],
        help_text=_("Alleen invullen als u voor iemand anders hulp vraagt."))

    # The request
    story = forms.CharField(
        label=_("Wat is er gebeurd?"), max_length=STORY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Vertel het in uw eigen woorden. Schrijf alleen over uw gezondheid als "
                    "dat nodig is om uw vraag te begrijpen."),
        error_messages={"required": _("Vertel wat er is gebeurd."),
                        "max_length": _("Uw verhaal is te lang: hoogstens %(limit_value)d "
                                        "tekens. U kunt de rest later vertellen.")})
    wish = forms.CharField(
        label=_("Wat wilt u bereiken?"), max_length=SHORT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf wat u wilt bereiken."),
                        "max_length": _("Dit is te lang: hoogstens %(limit_value)d tekens.")})
    organisations = forms.ModelMultipleChoiceField(
        label=_("Met welke organisaties heeft u te maken?"), required=False,
        queryset=None, widget=forms.CheckboxSelectMultiple)
    other_organisations = forms.CharField(
        label=_("Andere organisatie"), required=False, max_length=300,
        help_text=_("Staat de organisatie er niet bij? Schrijf hier de naam."))

    # A decision letter
    decision = forms.ChoiceField(
        label=_("Heeft u een brief met een besluit gekregen?"), choices=DECISION,
        widget=forms.RadioSelect, required=False,
        help_text=_("Bijvoorbeeld een brief van de gemeente over hulp, geld of zorg."))
    decision_date = forms.DateField(
        label=_("Datum van de brief"), required=False,
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("De datum die bovenaan de brief staat."),
        error_messages={"invalid": _("Vul de datum in als dag-maand-jaar, "
                                     "bijvoorbeeld 3-2-2026.")})

    attachments = MultipleFileField(
        label=_("Bijlagen"), required=False,
        help_text=_("Bijvoorbeeld de brief. Pdf, Word, odt, foto of tekst, hoogstens "
                    "%(count)s bestanden van elk hoogstens %(max)s MB."))

    consent = forms.BooleanField(
        label=_("Ik geef toestemming dat de ombudsfunctie mijn gegevens gebruikt om mij te "
                "helpen. Ik heb de privacyverklaring gelezen."),
        error_messages={"required": _("Geef toestemming, anders kunnen wij u niet helpen.")})

    # Not shown to people: a honeypot for robots, and the key that makes a double submit one.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["organisations"].queryset = public_organisations(municipality)
        self.fields["attachments"].help_text = self.fields["attachments"].help_text % {
            "count": settings.PUBLIC_MAX_ATTACHMENTS,
            "max": settings.ATTACHMENT_MAX_BYTES // 1_048_576}
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4().hex)

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("Dit veld moet leeg blijven. Haal de tekst weg en "
                                    "verstuur opnieuw."))
        return ""

    def clean_phone(self):
        text = self.cleaned_data.get("phone", "").strip()
        if not text:
            return ""
        number = phone_display(text)
        if number is None:
            raise ValidationError(_("Vul een telefoonnummer in zoals 06 12345678 of "
                                    "0521 123456."))
        return number

    def clean_postcode(self):
        text = self.cleaned_data.get("postcode", "").strip()
        if not text:
            return ""
        postcode = postcode_normal(text)
        if postcode is None:
            raise ValidationError(_("Vul een postcode in zoals 1234 AB."))
        return postcode

    def clean_decision_date(self):
        day: date | None = self.cleaned_data.get("decision_date")
        if day is not None and day > timezone.localdate():
            raise ValidationError(_("Deze datum ligt in de toekomst. Vul de datum van de brief in."))
        if day is not None and day.year < 1990:
            raise ValidationError(_("Vul de datum van de brief in, bijvoorbeeld 3-2-2026."))
        return day

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        limit = settings.PUBLIC_MAX_ATTACHMENTS
        if len(files) > limit:
            raise ValidationError(ngettext(
                "U kunt hoogstens %(count)d bestand meesturen.",
                "U kunt hoogstens %(count)d bestanden meesturen.", limit) % {"count": limit})
        errors = []
        for upload in files:
            try:
                validate_upload(upload)
            except ValidationError as error:
                message = UPLOAD_MESSAGES.get(error.code)
                errors.append(message % {"name": upload.name[-80:],
                                         "max": settings.ATTACHMENT_MAX_BYTES // 1_048_576}
                              if message else error.messages[0])
        if errors:
            raise ValidationError(errors)
        return files

    def clean(self):
        data = super().clean()
        avoid = set(data.get("avoid_channels") or [])
        # Only details that passed their own check count: a junk number reaches no one.
        reachable = [
            data.get("email") and ContactChannel.EMAIL not in avoid,
            data.get("phone") and ContactChannel.PHONE not in avoid,
            data.get("street") and data.get("postcode") and data.get("city")
            and ContactChannel.LETTER not in avoid,
        ]
        checked = not any(self.has_error(name) for name in ("email", "phone", "postcode"))
        if data.get("no_contact"):
            if data.get("preferred_channel"):
                self.add_error("preferred_channel", _(
                    "U kiest dat wij u niet benaderen, en ook hoe u het liefst contact heeft. "
                    "Kies één van de twee."))
        elif not any(reachable) and checked:
            self.add_error("email", _(
                "Vul een e-mailadres, telefoonnummer of adres (straat, postcode en woonplaats) "
                "in waarop wij u mogen bereiken. Of kies ‘Ik wil niet benaderd worden’."))
        if data.get("preferred_channel") and data["preferred_channel"] in avoid:
            self.add_error("avoid_channels", _("U kiest hetzelfde bij ‘het liefst’ en bij "
                                               "‘geen contact’. Kies één van de twee."))
        if data.get("who") == "ander":
            if not data.get("resident_name"):
                self.add_error("resident_name", _("Vul de naam in van de persoon om wie het gaat."))
            if not data.get("relation"):
                self.add_error("relation", _("Kies wat u van deze persoon bent."))
        if data.get("decision") == "ja" and not data.get("decision_date") \
                and not self.has_error("decision_date"):
            self.add_error("decision_date", _("Vul de datum van de brief in, dan zeggen wij "
                                              "tot wanneer u bezwaar kunt maken."))
        return data
