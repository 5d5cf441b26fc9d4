"""Signals (signalen): recurring problems raised with the organisation responsible, their
recommendations, and the private link through which that organisation answers.

A signal holds **no personal data**: its title and description speak of the pattern, never of
a resident. The cases it rests on are linked (``cases``) so staff can trace it; only case
roles ever see their references. The lifecycle rule is ``ombuds.domain.signals``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ombuds.domain.signals import STATES, SignalState

#: The date field each lifecycle step sets when a signal reaches it.
STEP_DATES = {
    SignalState.RAISED: "raised_on",
    SignalState.SHARED: "shared_on",
    SignalState.ANSWERED: "answered_on",
    SignalState.MEASURE_TAKEN: "measure_on",
    SignalState.CHECKED: "checked_on",
    SignalState.CLOSED: "closed_on",
}


class Signal(models.Model):
    municipality = models.ForeignKey("core.Municipality", on_delete=models.PROTECT,
                                     related_name="signals", verbose_name=_("gemeente"))
    title = models.CharField(
        _("titel"), max_length=160,
        help_text=_("Het patroon in een paar woorden. Geen namen, geen zaaknummers."))
    description = models.TextField(
        _("omschrijving"),
        help_text=_("Wat gaat er steeds mis, en waarom is het een signaal? Schrijf over het "
                    "patroon, niet over personen."))
    domain = models.ForeignKey("core.Domain", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("domein"))
    theme = models.ForeignKey("core.Theme", on_delete=models.PROTECT, null=True, blank=True,
                              related_name="signals", verbose_name=_("thema"))
    organisation = models.ForeignKey("socialmap.Organisation", on_delete=models.PROTECT,
                                     related_name="signals",
                                     verbose_name=_("verantwoordelijke organisatie"))
    cases = models.ManyToManyField("cases.Case", related_name="signals", blank=True,
                                   verbose_name=_("zaken"))
    status = models.CharField(_("status"), max_length=20, choices=list(STATES.items()),
                              default=SignalState.RAISED)
    raised_on = models.DateField(_("gesignaleerd op"))
    shared_on = models.DateField(_("gedeeld op"), null=True, blank=True)
    answered_on = models.DateField(_("beantwoord op"), null=True, blank=True)
    measure_on = models.DateField(_("maatregel genomen op"), null=True, blank=True)
    checked_on = models.DateField(_("gecontroleerd op"), null=True, blank=True)
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    answer = models.TextField(_("antwoord van de organisatie"), blank=True)
    measure = models.TextField(_("maatregel"), blank=True)
    check_result = models.TextField(_("uitkomst van de controle"), blank=True)
    #: The ``shared_on`` date an "unanswered" reminder went out for (once per date).
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    # --- the version for publication (reports, the annual report) -----------------------------
    #: Written by the ombudsperson for the council and the public; checked for personal data
    #: before it may be marked publishable (``signals.publication``). Reports show only
    #: publishable signals with these texts, never ``title``/``description``/``answer``.
    public_title = models.CharField(_("titel voor publicatie"), max_length=160, blank=True)
    public_text = models.TextField(_("tekst voor publicatie"), blank=True)
    public_response = models.TextField(
        _("reactie en maatregelen voor publicatie"), blank=True,
        help_text=_("Wat de organisatie antwoordde en deed, in eigen woorden samengevat."))
    publishable_at = models.DateTimeField(_("publiceerbaar sinds"), null=True, blank=True)
    publishable_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                       null=True, blank=True, related_name="+",
                                       verbose_name=_("publiceerbaar gemaakt door"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("gesignaleerd door"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-raised_on", "-id"]
        indexes = [
            models.Index(fields=["municipality", "status", "raised_on"],
                         name="signal_muni_status_idx"),
            models.Index(fields=["status", "shared_on"], name="signal_status_shared_idx"),
        ]

    def __str__(self) -> str:
        return f"Signaal {self.pk}: {self.title}"

    @property
    def status_label(self) -> str:
        return STATES.get(self.status, self.status)

    @property
    def is_closed(self) -> bool:
        return self.status == SignalState.CLOSED

    def step_dates(self) -> list[tuple[str, object]]:
        """Return each lifecycle step's label with the date the signal reached it (or None)."""
        return [(label, getattr(self, STEP_DATES[state])) for state, label in STATES.items()]


class Recommendation(models.Model):
    """A recommendation (aanbeveling) of the ombudsfunctie, and whether the addressee adopted it.

    One concept for two occasions: a recommendation on a signal (a recurring problem, to the
    organisation responsible), or on a case of variant 6 (the report of the ombudsfunctie's
    investigation of a complaint, to the municipality). Exactly one of ``signal`` and ``case``
    is set (the database checks it).
    """

    class Adoption(models.TextChoices):
        ADOPTED = "overgenomen", _("Overgenomen")
        PARTLY = "deels", _("Deels overgenomen")
        NOT = "niet", _("Niet overgenomen")
        PENDING = "onbekend", _("Nog niet bekend")

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="recommendations",
                               null=True, blank=True)
    #: The case whose report (variant 6) makes the recommendation; destroyed with the case.
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE,
                             related_name="recommendations", null=True, blank=True,
                             verbose_name=_("zaak"))
    addressee = models.CharField(_("aan wie"), max_length=200,
                                 help_text=_("Bijvoorbeeld het college of de zorgaanbieder."))
    text = models.TextField(_("aanbeveling"))
    due_on = models.DateField(_("reactie verwacht uiterlijk"))
    response = models.TextField(_("reactie"), blank=True)
    responded_on = models.DateField(_("reactie ontvangen op"), null=True, blank=True)
    adoption = models.CharField(_("overgenomen"), max_length=20, choices=Adoption.choices,
                                default=Adoption.PENDING)
    #: The ``due_on`` date an "overdue" reminder went out for (once per date).
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    # --- the version for publication (see ``Signal.public_text``) -----------------------------
    public_text = models.TextField(_("aanbeveling voor publicatie"), blank=True)
    public_response = models.TextField(_("reactie voor publicatie"), blank=True)
    publishable_at = models.DateTimeField(_("publiceerbaar sinds"), null=True, blank=True)
    publishable_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                       null=True, blank=True, related_name="+",
                                       verbose_name=_("publiceerbaar gemaakt door"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("aanbeveling")
        verbose_name_plural = _("aanbevelingen")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["responded_on", "due_on"], name="recommendation_due_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(signal__isnull=False, case__isnull=True)
                           | models.Q(signal__isnull=True, case__isnull=False)),
                name="recommendation_signal_xor_case"),
        ]

    def __str__(self) -> str:
        if self.case_id:
            return f"Aanbeveling {self.pk} bij zaak {self.case_id}"
        return f"Aanbeveling {self.pk} bij signaal {self.signal_id}"


class SignalLink(models.Model):
    """A private, expiring link for the responsible organisation to answer a signal.

    Only the SHA-256 of the token is stored; the token itself is in the link sent out.
    """

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="links")
    email = models.EmailField(_("verstuurd aan"), blank=True)
    question = models.TextField(_("vraag aan de organisatie"), blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(_("geldig tot"))
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("signaallink")
        verbose_name_plural = _("signaallinks")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Link voor signaal {self.signal_id}"
