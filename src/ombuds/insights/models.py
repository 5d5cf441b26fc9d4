"""What the pattern finder keeps: a trained domain and theme suggestion per municipality,
and how often staff accepted its suggestions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ThemeModel(models.Model):
    """The domain and theme suggestion of one municipality: the shipped vocabulary refined
    by its own closed cases (``n_cases`` of them; 0 is the vocabulary alone).

    ``model`` is ``ombuds.insights.suggestion.Suggester.to_json()``: a classifier over the
    domain codes and one over the municipality's theme ids (docs/suggestions.md).
    """

    municipality = models.OneToOneField("core.Municipality", on_delete=models.CASCADE,
                                        related_name="theme_model")
    trained_at = models.DateTimeField(_("getraind op"))
    n_cases = models.PositiveIntegerField(_("aantal zaken"))
    model = models.JSONField(_("model"))

    class Meta:
        verbose_name = _("themamodel")
        verbose_name_plural = _("themamodellen")

    def __str__(self) -> str:
        return f"{self.municipality} ({self.n_cases} zaken)"


class SuggestionEvent(models.Model):
    """One theme suggestion shown at intake, and what staff did with it.

    No text of the story is kept: only the suggested and the chosen theme ids.
    """

    class Outcome(models.TextChoices):
        OPEN = "", _("Nog niet bekend")
        ACCEPTED = "ja", _("Overgenomen")  # the first suggestion was chosen
        PARTIAL = "deels", _("Deels overgenomen")  # another suggested theme, not the first
        REJECTED = "nee", _("Niet overgenomen")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE,
                                     related_name="suggestion_events")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    #: The suggested theme ids, most probable first, and their probabilities.
    suggested = models.JSONField(default=list)
    probabilities = models.JSONField(default=list)
    chosen = models.JSONField(default=list)
    outcome = models.CharField(_("overgenomen"), max_length=5, choices=Outcome.choices,
                               blank=True, default=Outcome.OPEN)
    recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("themavoorstel")
        verbose_name_plural = _("themavoorstellen")
        indexes = [models.Index(fields=["municipality", "created_at"],
                                name="suggestion_muni_created_idx")]

    def __str__(self) -> str:
        return f"voorstel {self.pk}: {self.outcome or 'open'}"
