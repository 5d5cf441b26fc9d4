"""Mediation: consent per party and purpose, meetings and agreements, partner links, referral,
and the anonymous resident survey. A party is a ``cases.CaseOrganisation``."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ombuds.socialmap.models import Route


class ConsentPurpose(models.TextChoices):
    SHARE_INFORMATION = "informatie_delen", _("Gegevens delen voor bemiddeling")
    ASK_INFORMATION = "informatie_opvragen", _("Informatie opvragen bij de partij")
    MEETING = "gesprek", _("Gezamenlijk gesprek")
    HANDOVER = "warme_overdracht", _("Warme overdracht bij verwijzing")


class ConsentForm(models.TextChoices):
    ORAL = "mondeling", _("Mondeling")
    WRITTEN = "schriftelijk", _("Schriftelijk")
    DIGITAL = "digitaal", _("Digitaal")


class Consent(models.Model):
    """The resident's consent to share with one party for one purpose (AVG art. 6, 9)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="consents")
    party = models.ForeignKey("cases.CaseOrganisation", on_delete=models.CASCADE,
                              related_name="consents", verbose_name=_("partij"))
    purpose = models.CharField(_("doel"), max_length=30, choices=ConsentPurpose.choices)
    scope = models.TextField(_("wat mag worden gedeeld"),
                             help_text=_("Bijvoorbeeld: het verhaal, de aanvraag en het besluit; "
                                         "geen medische gegevens."))
    shares_story = models.BooleanField(_("verhaal van de inwoner delen"), default=False)
    shares_contact = models.BooleanField(_("contactgegevens delen"), default=False)
    given_on = models.DateField(_("gegeven op"))
    given_how = models.CharField(_("vorm"), max_length=20, choices=ConsentForm.choices)
    given_by = models.CharField(_("gegeven door"), max_length=200,
                                help_text=_("De inwoner of diens vertegenwoordiger."))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    revoked_on = models.DateField(_("ingetrokken op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        ordering = ["-given_on", "-id"]
        indexes = [models.Index(fields=["party", "purpose"], name="consent_party_purpose_idx")]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} — {self.party_id}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_on is None


class ConsentOverride(models.Model):
    """Sharing without consent, justified by a vital interest (AVG art. 6(1)(d), 9(2)(c));
    recorded and marked in the audit log."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="overrides")
    party = models.ForeignKey("cases.CaseOrganisation", on_delete=models.CASCADE,
                              related_name="overrides")
    justification = models.TextField(_("rechtvaardiging"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("doorbreking zonder toestemming")
        verbose_name_plural = _("doorbrekingen zonder toestemming")

    def __str__(self) -> str:
        return f"override {self.party_id} {self.decided_at:%Y-%m-%d}"


class Meeting(models.Model):
    """A meeting with its life: planned (when, where, who is invited) → held (attendance,
    minutes, agreements) or cancelled. A planned meeting can be edited and moved until it is
    held; moving and cancelling are recorded on the timeline."""

    class Kind(models.TextChoices):
        JOINT = "gezamenlijk", _("Gezamenlijk gesprek")
        SEPARATE = "apart", _("Apart gesprek")

    class Status(models.TextChoices):
        PLANNED = "gepland", _("Gepland")
        HELD = "gehouden", _("Gehouden")
        CANCELLED = "geannuleerd", _("Geannuleerd")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.PLANNED)
    starts_at = models.DateTimeField(_("datum en tijd"))
    duration_minutes = models.PositiveSmallIntegerField(_("duur (minuten)"), default=60)
    place = models.CharField(_("plaats"), max_length=200, blank=True,
                             help_text=_("Adres of ruimte; leeg bij een videogesprek."))
    video_url = models.URLField(_("videolink"), blank=True)
    parties = models.ManyToManyField("cases.CaseOrganisation", related_name="meetings",
                                     blank=True, verbose_name=_("partijen"))
    #: Who is invited besides the parties.
    resident_invited = models.BooleanField(_("inwoner uitgenodigd"), default=True)
    representative_invited = models.BooleanField(_("vertegenwoordiger uitgenodigd"),
                                                 default=False)
    other_participants = models.CharField(_("andere deelnemers"), max_length=300, blank=True)
    invitations_sent_at = models.DateTimeField(_("uitnodigingen verstuurd op"), null=True,
                                               blank=True)
    #: One up each time the meeting moves, so a calendar replaces the invitation it has
    #: (RFC 5545 SEQUENCE) instead of showing the meeting twice.
    sequence = models.PositiveSmallIntegerField(_("versie voor agenda's"), default=0)
    #: Known once held (null while planned or cancelled).
    resident_present = models.BooleanField(_("inwoner aanwezig"), null=True, blank=True)
    minutes = models.TextField(_("verslag"), blank=True)
    held_at = models.DateTimeField(_("vastgelegd als gehouden op"), null=True, blank=True)
    cancelled_reason = models.CharField(_("reden van annuleren"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["status", "starts_at"], name="meeting_status_start_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%d-%m-%Y}"

    @property
    def is_planned(self) -> bool:
        return self.status == self.Status.PLANNED

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def is_held(self) -> bool:
        return self.status == self.Status.HELD

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


class Agreement(models.Model):
    """An agreement (afspraak) made in mediation, owned by a party, the resident or the
    ombudsfunctie, checked afterwards."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        KEPT = "nagekomen", _("Nagekomen")
        NOT_KEPT = "niet_nagekomen", _("Niet nagekomen")
        CHANGED = "gewijzigd", _("Gewijzigd")

    class Owner(models.TextChoices):
        PARTY = "partij", _("Partij")
        RESIDENT = "inwoner", _("Inwoner")
        OMBUDS = "ombudsfunctie", _("Ombudsfunctie")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="agreements")
    meeting = models.ForeignKey(Meeting, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="agreements")
    owner = models.CharField(_("wie"), max_length=20, choices=Owner.choices, default=Owner.PARTY)
    party = models.ForeignKey("cases.CaseOrganisation", on_delete=models.PROTECT, null=True,
                              blank=True, related_name="agreements", verbose_name=_("partij"))
    description = models.TextField(_("afspraak"))
    due_on = models.DateField(_("uiterlijk"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.OPEN)
    status_note = models.CharField(_("toelichting"), max_length=300, blank=True)
    checked_on = models.DateField(_("gecontroleerd op"), null=True, blank=True)
    reminded_on = models.DateField(_("herinnering verstuurd op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"], name="agreement_open_due_idx")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.description[:40]}"


class PartnerLink(models.Model):
    """A private, expiring, single-purpose link for a party without an account.

    Only the SHA-256 of the token is stored; the token itself is in the link sent out.
    """

    class Purpose(models.TextChoices):
        INFORMATION = "informatie", _("Verzoek om informatie")
        REACTION = "reactie", _("Verzoek om een reactie")
        PROPOSAL = "voorstel", _("Verzoek om een voorstel")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="partner_links")
    party = models.ForeignKey("cases.CaseOrganisation", on_delete=models.CASCADE,
                              related_name="links")
    purpose = models.CharField(_("doel"), max_length=20, choices=Purpose.choices)
    question = models.TextField(_("vraag aan de partij"))
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(_("geldig tot"))
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("partnerlink")
        verbose_name_plural = _("partnerlinks")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} → {self.party_id}"


class Referral(models.Model):
    class Arrived(models.TextChoices):
        UNKNOWN = "onbekend", _("Onbekend")
        YES = "ja", _("Ja")
        NO = "nee", _("Nee")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="referrals")
    route = models.CharField(_("route"), max_length=30, choices=Route.choices)
    organisation = models.ForeignKey("socialmap.Organisation", on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("organisatie"))
    warm_handover = models.BooleanField(_("warme overdracht"), default=False)
    handover_consent = models.ForeignKey(Consent, on_delete=models.PROTECT, null=True, blank=True,
                                         related_name="+")
    handover_summary = models.TextField(_("wat is overgedragen"), blank=True)
    referred_on = models.DateField(_("verwezen op"))
    check_on = models.DateField(_("nagaan op"))
    arrived = models.CharField(_("aangekomen"), max_length=10, choices=Arrived.choices,
                               default=Arrived.UNKNOWN)
    checked_on = models.DateField(_("nagegaan op"), null=True, blank=True)
    #: When the handler was reminded to check the arrival (once; ``agreement_reminders``).
    reminded_on = models.DateField(_("herinnering verstuurd op"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["-referred_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_route_display()} ({self.referred_on})"


class SurveyInvitation(models.Model):
    """The private link that invites a resident to the survey after closure. The answer is
    stored apart from it (``SurveyResponse``), without a link to the case."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="survey")
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    answered = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"survey {self.case_id}"


class SurveyResponse(models.Model):
    """An anonymous answer: only the municipality, the variant and the month of closure."""

    class Answer(models.TextChoices):
        YES = "ja", _("Ja")
        PARTLY = "deels", _("Een beetje")
        NO = "nee", _("Nee")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.PROTECT,
                                     related_name="+")
    variant = models.PositiveSmallIntegerField()
    closed_month = models.DateField(help_text="The first day of the month the case closed.")
    felt_heard = models.CharField(_("voelde u zich gehoord?"), max_length=10,
                                  choices=Answer.choices)
    problem_solved = models.CharField(_("is uw probleem opgelost?"), max_length=10,
                                      choices=Answer.choices)
    grade = models.PositiveSmallIntegerField(_("cijfer"))
    remark = models.TextField(_("opmerking"), blank=True)
    # No answer date: with the invitation's "answered" flag it could point back to a case.

    class Meta:
        verbose_name = _("enquêteantwoord")
        verbose_name_plural = _("enquêteantwoorden")

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.closed_month:%Y-%m} {self.grade}"
