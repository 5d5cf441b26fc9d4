"""Imports of the spreadsheets offices kept before Ombuds, and cases handed to a Zaken API."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: A queued or running import without progress for this long is taken to have lost its worker.
STALLED_AFTER = timedelta(minutes=10)


class ImportJob(models.Model):
    """One uploaded file: its mapping, the dry run's report and the real import's progress."""

    class State(models.TextChoices):
        UPLOADED = "geupload", _("Geüpload")
        CHECK_QUEUED = "proef_wacht", _("Wacht op de proefimport")
        CHECKING = "proef_bezig", _("Bezig met de proefimport")
        CHECKED = "gecontroleerd", _("Gecontroleerd (proefimport)")
        QUEUED = "wacht", _("Wacht op de achtergrondtaak")
        RUNNING = "bezig", _("Bezig met importeren")
        DONE = "klaar", _("Klaar")
        FAILED = "mislukt", _("Mislukt")

    office = models.ForeignKey("core.Office", on_delete=models.PROTECT, related_name="+")
    #: Rows without a municipality column go here; ``None`` means the sheet must say.
    municipality = models.ForeignKey("core.Municipality", on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=200)
    file_format = models.CharField(max_length=4)
    #: The file itself: kept in the database so the worker on another server can read it,
    #: and emptied when the import is done (it holds personal data).
    content = models.BinaryField()
    headers = models.JSONField(default=list)
    mapping = models.JSONField(default=dict)  # field name → header
    state = models.CharField(max_length=20, choices=State.choices, default=State.UPLOADED)
    #: The dry run's findings: ``[{"row": 2, "key": "…", "problems": ["…"], "action": "…"}]``.
    report = models.JSONField(default=list)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    failure = models.TextField(blank=True)
    #: When the job was last queued or last showed progress in the worker.
    touched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"import {self.pk} ({self.filename})"

    @property
    def percent(self) -> int:
        """Return how far the dry run or the real import is, 0–100."""
        if not self.total_rows:
            return 100 if self.state == self.State.DONE else 0
        return min(100, round(100 * self.processed_rows / self.total_rows))

    @property
    def is_stalled(self) -> bool:
        """Queued or running, but without progress for ``STALLED_AFTER``: no worker runs, or
        the one that had it stopped. The beheerder may then start it again."""
        if not self.is_running:
            return False
        last = self.touched_at or self.created_at
        return last is not None and timezone.now() - last > STALLED_AFTER

    @property
    def is_checking(self) -> bool:
        """The dry run is queued for the worker or running there."""
        return self.state in (self.State.CHECK_QUEUED, self.State.CHECKING)

    @property
    def is_running(self) -> bool:
        """The worker has the job (dry run or real import): its mapping cannot change now."""
        return self.is_checking or self.state in (self.State.QUEUED, self.State.RUNNING)


class ImportedCase(models.Model):
    """The stable key of a spreadsheet row and the case it became: importing the same row
    again finds it here and creates nothing (the unique constraint is the last word)."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.PROTECT,
                                     related_name="+")
    external_key = models.CharField(max_length=100)
    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="+")
    job = models.ForeignKey(ImportJob, on_delete=models.SET_NULL, null=True, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "external_key"],
                                               name="imported_case_key_unique")]

    def __str__(self) -> str:
        return f"{self.external_key} → {self.case_id}"


class ZaakPush(models.Model):
    """A case handed to the municipality's Zaken API: the zaak URL it got there."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="+")
    zaak_url = models.URLField(max_length=1000, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    pushed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.zaak_url or f"push of case {self.case_id}"
