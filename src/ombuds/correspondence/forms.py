"""Forms of the letter pages: choose a letter (kind, addressee, meeting, channel), then write
it in the editor beside its preview."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from ombuds.cases.forms import StyledForm
from ombuds.correspondence.context import respondent_party
from ombuds.correspondence.models import RESPONDENT_ONLY_LETTERS, Addressee, Letter
from ombuds.correspondence.services import (
    channel_problem,
    check_meeting,
    letter_kinds,
    letter_recipient,
)
from ombuds.domain.deadlines import nl_date

RESIDENT = Addressee.RESIDENT.value
REPRESENTATIVE = Addressee.REPRESENTATIVE.value
RESPONDENT = Addressee.RESPONDENT.value
PARTY_PREFIX = "partij-"


def _reach(postal: bool, email: str) -> str:
    """What the label says about how a letter can reach them."""
    if postal and email:
        return ""
    if postal:
        return " — geen e-mailadres bekend"
    if email:
        return " — geen postadres bekend"
    return " — geen postadres en geen e-mailadres bekend"


def recipient_choices(case) -> list[tuple[str, str]]:
    """Everyone a letter of ``case`` can go to: the resident, the representative, the
    beklaagde of the complaint and every party, each saying what is missing to reach them."""
    person = case.person
    resident = letter_recipient(case=case)
    choices = [(RESIDENT, f"De inwoner: {person.name}{_reach(resident.postal, resident.email)}")]
    if case.representative_id:
        representative = letter_recipient(case=case, addressee=REPRESENTATIVE)
        relation = (f" ({case.get_representative_relation_display().lower()})"
                    if case.representative_relation else "")
        choices.append((REPRESENTATIVE, f"De vertegenwoordiger: {case.representative.name}"
                                        f"{relation}, over {person.name}"
                                        f"{_reach(representative.postal, representative.email)}"))
    beklaagde = respondent_party(case)
    if beklaagde is not None:
        attention = f" (t.a.v. {beklaagde['contactpersoon']})" if beklaagde["contactpersoon"] else ""
        choices.append((RESPONDENT, f"Beklaagde: {beklaagde['naam']}{attention}"
                                    f"{_reach(bool(beklaagde['adres'].strip()), beklaagde['email'])}"))
    for link in case.organisations.select_related("organisation").order_by("organisation__name"):
        contact = f" (t.a.v. {link.contact_person})" if link.contact_person else ""
        reach = _reach(bool(link.organisation.address.strip()), link.contact_email)
        choices.append((f"{PARTY_PREFIX}{link.pk}", f"Partij: {link.organisation.name}{contact}"
                                                     f"{reach}"))
    return choices


def meeting_label(meeting) -> str:
    """"dinsdag 3 maart 2026, 10.00 uur — gezamenlijk gesprek (gepland)"."""
    local = timezone.localtime(meeting.starts_at)
    return (f"{nl_date(local.date(), weekday=True)}, {local:%H.%M} uur — "
            f"{meeting.get_kind_display().lower()} ({meeting.get_status_display().lower()})")


def meeting_choices(case) -> list[tuple[str, str]]:
    """The case's meetings, latest first, for the letters about a meeting."""
    return [("", "Geen gesprek")] + [(str(m.pk), meeting_label(m))
                                      for m in case.meetings.order_by("-starts_at", "-id")]


class LetterChoiceForm(StyledForm):
    kind = forms.ChoiceField(label="Soort brief")
    recipient = forms.ChoiceField(
        label="Aan wie?",
        help_text="De inwoner, de vertegenwoordiger (de brief gaat dan over de inwoner), de "
                  "beklaagde of een partij van de zaak.")
    meeting = forms.ChoiceField(
        label="Over welk gesprek?", required=False,
        help_text="Verplicht bij een uitnodiging (een gepland gesprek) en bij een verslag (een "
                  "gehouden gesprek).")
    channel = forms.ChoiceField(
        label="Hoe versturen?", choices=Letter.Channel.choices, widget=forms.RadioSelect,
        initial=Letter.Channel.POST,
        help_text="Per post: u drukt de PDF af; dat kan alleen als het postadres bekend is. Per "
                  "e-mail: de PDF gaat als bijlage mee.")

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["kind"].choices = [(k.value, k.label) for k in letter_kinds(case)]
        self.fields["recipient"].choices = recipient_choices(case)
        self.fields["meeting"].choices = meeting_choices(case)
        self._meeting = None

    def clean(self):
        data = super().clean()
        kind, recipient = data.get("kind"), data.get("recipient")
        if kind in RESPONDENT_ONLY_LETTERS and recipient and recipient != RESPONDENT:
            self.add_error("recipient", "Het afschrift van de klacht gaat naar degene over wie "
                                        "is geklaagd (Awb 9:9). Kies de beklaagde als ontvanger.")
        if data.get("meeting"):
            self._meeting = self.case.meetings.filter(pk=int(data["meeting"])).first()
        if kind:
            try:
                check_meeting(case=self.case, kind=kind, meeting=self._meeting)
            except ValidationError as error:
                self.add_error("meeting", error.message_dict["meeting"])
        if recipient and data.get("channel") and "recipient" not in self.errors:
            try:
                target = letter_recipient(case=self.case, addressee=self.addressee(),
                                          party=self.party())
            except ValidationError as error:
                self.add_error("recipient", error.message_dict["recipient"])
            else:
                problem = channel_problem(target, data["channel"])
                if problem:
                    self.add_error("channel", problem)
        return data

    def addressee(self) -> str:
        """The ``Addressee`` value of the chosen recipient."""
        value = self.cleaned_data["recipient"]
        return Addressee.PARTY.value if value.startswith(PARTY_PREFIX) else value

    def respondent(self) -> bool:
        """Whether the letter goes to the beklaagde of the complaint."""
        return self.cleaned_data["recipient"] == RESPONDENT

    def party(self):
        """Return the chosen party (a ``CaseOrganisation``) or None for anyone else."""
        value = self.cleaned_data["recipient"]
        if not value.startswith(PARTY_PREFIX):
            return None
        return self.case.organisations.select_related("organisation").get(
            pk=int(value.removeprefix(PARTY_PREFIX)))

    def chosen_meeting(self):
        """The chosen meeting of the case, or None."""
        return self._meeting


class LetterEditForm(LetterChoiceForm):
    subject = forms.CharField(label="Onderwerp", max_length=200)
    body = forms.CharField(
        label="Tekst van de brief",
        widget=forms.Textarea(attrs={"rows": 28, "spellcheck": "true", "lang": "nl",
                                     "class": "utrecht-textarea utrecht-textarea--html-textarea "
                                              "ombuds-letter-editor__text"}),
        help_text="Schrijf eenvoudig (taalniveau B1): korte zinnen, gewone woorden. Een regel die "
                  "begint met ## wordt een kopje, een regel die begint met - een opsomming, een "
                  "lege regel een nieuwe alinea.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("kind", "recipient", "meeting", "channel"):
            self.fields[name].widget = forms.HiddenInput()
