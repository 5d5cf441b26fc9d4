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
