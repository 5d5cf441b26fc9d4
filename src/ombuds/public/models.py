"""What the public request form stores besides the case itself."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WebRequest(models.Model):
    """A request sent with the public form, or the status link staff made for a case.

    ``submission_key`` comes from a hidden field of the form, so sending the same form twice
    (a double click, a reload after a slow answer) finds this row instead of making a second
    case. The private status link is a random token of which only the SHA-256 is kept; staff
    can revoke it on the case page.
    """

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE,
                                related_name="web_request")
    submission_key = models.CharField(max_length=64, unique=True)
    status_token_hash = models.CharField(max_length=64, unique=True)
    language = models.CharField(_("taal"), max_length=5, default="nl")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("statuslink ingetrokken"), null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    #: The staff member who made the current status link (``status_link_issue``): for a case
    #: that came in by phone, letter or walk-in, or a new link after a lost or revoked one.
    #: Empty while the link is the one the resident got from the web form.
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="+")
    issued_at = models.DateTimeField(_("statuslink gemaakt"), null=True, blank=True)

    class Meta:
        verbose_name = _("verzoek via webformulier")
        verbose_name_plural = _("verzoeken via webformulier")

    def __str__(self) -> str:
        return f"webverzoek {self.pk}"


class SubmissionAttempt(models.Model):
    """One request sent from a client, for the rate limit.

    Kept in the database (not in a per-process cache) so the limit holds across every app
    process and server. ``client`` is a hash of the client address, never the address itself;
    rows older than a day are deleted as new ones come in.
    """

    client = models.CharField(max_length=64)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["client", "created_at"], name="public_attempt_idx")]

    def __str__(self) -> str:
        return f"{self.client[:8]}… {self.created_at:%Y-%m-%d %H:%M}"


class TermReminder(models.Model):
    """A resident's request, on their status page, for an e-mail some working days before one
    of their terms ends (``public.reminders``).

    The day is not stored: it follows from the term's legal last day as it is *when the
    reminder goes out*, so a corrected decision date moves the reminder with it. The e-mail
    names no case detail (see ``reminders.reminder_body``). ``sent_at`` is set in the
    transaction that puts the e-mail in the outbox, so each reminder goes out once.
    """

    web_request = models.ForeignKey(WebRequest, on_delete=models.CASCADE,
                                    related_name="term_reminders")
    deadline = models.ForeignKey("procedures.Deadline", on_delete=models.CASCADE,
                                 related_name="+")
    working_days = models.PositiveSmallIntegerField(_("werkdagen vooraf"), default=5)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("verstuurd"), null=True, blank=True)

    class Meta:
        verbose_name = _("herinnering aan een termijn")
        verbose_name_plural = _("herinneringen aan termijnen")
        constraints = [
            models.UniqueConstraint(fields=["web_request", "deadline"],
                                    name="term_reminder_once"),
        ]
        indexes = [models.Index(fields=["sent_at"], name="term_reminder_unsent_idx",
                                condition=models.Q(sent_at__isnull=True))]

    def __str__(self) -> str:
        return f"herinnering {self.deadline_id} ({self.working_days} werkdagen)"
