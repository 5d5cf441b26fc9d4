"""Letter templates per municipality and the letters sent (e-mail goes through core.OutboxMessage)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterKind(models.TextChoices):
    ACKNOWLEDGEMENT = "ontvangstbevestiging", _("Ontvangstbevestiging")
    INVITATION = "uitnodiging", _("Uitnodiging voor een gesprek")
    MEETING_REPORT = "verslag", _("Verslag van een gesprek met de afspraken")
    REFERRAL = "verwijzing", _("Verwijsbrief")
    PARTY_LETTER = "brief_partij", _("Brief aan een partij")
    CLOSING = "afsluiting", _("Afsluitbrief")
    # --- the complaint procedure (Awb chapter 9; variants 4–6) -------------------------------
    COMPLAINT_ACKNOWLEDGEMENT = "klacht_ontvangst", _("Ontvangstbevestiging klacht (Awb 9:6)")
    COMPLAINT_NOT_HANDLED = "klacht_niet_behandelen", _(
        "Bericht: klacht wordt niet behandeld (Awb 9:8)")
    COMPLAINT_COPY = "klacht_afschrift", _("Afschrift klacht aan beklaagde (Awb 9:9)")
    HEARING_INVITATION = "klacht_horen", _("Uitnodiging om gehoord te worden (Awb 9:10)")
    HEARING_REPORT = "klacht_hoorverslag", _("Verslag van het horen (Awb 9:10 lid 3)")
    COMPLAINT_POSTPONEMENT = "klacht_verdaging", _("Verdaging afhandeling klacht (Awb 9:11 lid 2)")
    COMPLAINT_FINDINGS = "klacht_oordeel", _("Bevindingen en oordeel op de klacht (Awb 9:12)")
    OMBUDS_REPORT = "rapport", _("Rapport van de ombudsfunctie (tweede lijn)")
    # --- a decision that does not come (Awb 4:17, 6:12 lid 2; issue 14) ---------------------
    NOTICE_OF_DEFAULT = "ingebrekestelling", _("Ingebrekestelling om te ondertekenen (Awb 4:17)")
    PENALTY_INFO = "dwangsom_info", _("Uitleg dwangsom niet tijdig beslissen (Awb 4:17)")
    APPEAL_NOT_IN_TIME = "beroep_niet_tijdig", _(
        "Uitleg beroep niet tijdig beslissen (Awb 6:12 lid 2)")


#: Letters of a complaint handled under title 9.1 (variants 4 and 5, once there is a complaint).
COMPLAINT_LETTERS = (
    LetterKind.COMPLAINT_ACKNOWLEDGEMENT, LetterKind.COMPLAINT_NOT_HANDLED,
    LetterKind.COMPLAINT_COPY, LetterKind.HEARING_INVITATION, LetterKind.HEARING_REPORT,
    LetterKind.COMPLAINT_POSTPONEMENT, LetterKind.COMPLAINT_FINDINGS,
)
#: Letters of a request to the ombudsfunctie as second instance (variant 6). Its own
#: procedure is not title 9.1, so the 9:6–9:12 letters are not offered there.
REQUEST_LETTERS = (LetterKind.OMBUDS_REPORT,)
#: Letters about a decision that does not come, offered only when they apply
#: (``services.letter_kinds``): the notice of default once the decision term of an application
#: passed, the information on the penalty and on the appeal once a valid notice was received.
NOT_IN_TIME_LETTERS = (LetterKind.NOTICE_OF_DEFAULT, LetterKind.PENALTY_INFO,
                       LetterKind.APPEAL_NOT_IN_TIME)
#: The fact of the complaint each letter is the written proof of: sending it records that
#: date on the complaint (when not yet recorded), so nobody types it twice.
LETTER_FACTS = {
    LetterKind.COMPLAINT_ACKNOWLEDGEMENT: "acknowledged_on",
    LetterKind.COMPLAINT_NOT_HANDLED: "not_handled_notice_on",
    LetterKind.COMPLAINT_COPY: "copy_sent_on",
    LetterKind.HEARING_INVITATION: "hearing_invited_on",
    LetterKind.COMPLAINT_POSTPONEMENT: "postponed_on",
    LetterKind.COMPLAINT_FINDINGS: "findings_on",
}
#: Letters that go to the beklaagde, never to the complainant (Awb 9:9).
RESPONDENT_ONLY_LETTERS = (LetterKind.COMPLAINT_COPY,)
#: Letters about one meeting, which the writer chooses (never "the latest"): the invitation
#: to a planned meeting, the report of a held one.
MEETING_LETTERS = (LetterKind.INVITATION, LetterKind.MEETING_REPORT)


class LetterTemplate(models.Model):
    """A municipality's own wording of a letter; without one the shipped default is used."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE,
                                     related_name="letter_templates")
    kind = models.CharField(_("soort"), max_length=30, choices=LetterKind.choices)
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"), help_text=_("Gebruik de velden tussen {{ en }} uit de lijst."))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("briefsjabloon")
        verbose_name_plural = _("briefsjablonen")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "kind"], name="letter_template_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.municipality}"


class Addressee(models.TextChoices):
    """Who a letter goes to: any party of the case."""

    RESIDENT = "inwoner", _("De inwoner")
    REPRESENTATIVE = "vertegenwoordiger", _("De vertegenwoordiger")
    PARTY = "partij", _("Een partij")
    RESPONDENT = "beklaagde", _("De beklaagde")


class Letter(models.Model):
    """A letter as sent: its text, its PDF (an attachment of a timeline entry), its channel."""

    class Channel(models.TextChoices):
        POST = "post", _("Per post (PDF)")
        EMAIL = "email", _("Per e-mail")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(_("soort"), max_length=30, choices=LetterKind.choices)
    recipient = models.CharField(_("aan"), max_length=200)
    addressee = models.CharField(_("geadresseerde"), max_length=20, choices=Addressee.choices,
                                 default=Addressee.RESIDENT)
    #: The meeting a letter is about (invitation, report); chosen by the writer.
    meeting = models.ForeignKey("mediation.Meeting", on_delete=models.PROTECT, null=True,
                                blank=True, related_name="letters")
    party = models.ForeignKey("cases.CaseOrganisation", on_delete=models.PROTECT, null=True,
                              blank=True, related_name="+")
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    channel = models.CharField(_("verzending"), max_length=10, choices=Channel.choices)
    entry = models.OneToOneField("cases.TimelineEntry", on_delete=models.PROTECT,
                                 related_name="letter")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("brief")
        verbose_name_plural = _("brieven")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_id}"
