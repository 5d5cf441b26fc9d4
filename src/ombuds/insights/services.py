"""Writes of the pattern finder: training the theme models, suggesting at intake, and
recording whether staff took the suggestion."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from ombuds.cases.models import Case
from ombuds.cases.permissions import can_register
from ombuds.core.models import Municipality, Theme
from ombuds.domain import textmodel
from ombuds.insights.models import SuggestionEvent, ThemeModel
from ombuds.insights.selectors import SuggestedTheme, Suggestion, event_of

logger = logging.getLogger(__name__)

#: Below this many closed cases with a theme a model would guess more than it knows.
MIN_TRAINING_CASES = 10
#: Suggest at most this many themes, each at least this probable.
SUGGEST_K = 3
MIN_PROBABILITY = 0.2
#: A story shorter than this many content words is not worth a guess yet.
MIN_WORDS = 3


def _training_set(municipality: Municipality) -> tuple[list[str], list[list[str]]]:
    """Return (title + story, active theme ids) of the municipality's closed cases."""
    active = set(Theme.objects.filter(municipality=municipality, active=True)
                 .values_list("pk", flat=True))
    texts, labels = {}, {}
    rows = (Case.themes.through.objects
            .filter(case__municipality=municipality, case__closed_at__isnull=False,
                    theme_id__in=active)
            .values_list("case_id", "case__title", "case__story", "theme_id")
            .order_by("case_id"))
    for case_id, title, story, theme_id in rows.iterator():
        texts[case_id] = f"{title}\n{story}"
        labels.setdefault(case_id, []).append(str(theme_id))
    return list(texts.values()), list(labels.values())


def theme_model_train(*, municipality: Municipality) -> ThemeModel | None:
    """(Re)train the theme model of ``municipality`` on its own closed cases.

    Returns ``None`` and keeps no model when there are too few cases or fewer than two
    themes to tell apart.
    """
    texts, labels = _training_set(municipality)
    if len(texts) < MIN_TRAINING_CASES or len({t for ls in labels for t in ls}) < 2:
        ThemeModel.objects.filter(municipality=municipality).delete()
        return None
    model = textmodel.train(texts, labels)
    stored, _ = ThemeModel.objects.update_or_create(
        municipality=municipality,
        defaults={"trained_at": timezone.now(), "n_cases": len(texts),
                  "model": model.to_json()},
    )
    return stored


def theme_models_retrain() -> dict[str, int]:
    """Retrain every municipality's model; return the number of training cases per CBS code
    (0 where no model could be trained)."""
    trained = {}
    for municipality in Municipality.objects.order_by("pk"):
        stored = theme_model_train(municipality=municipality)
        trained[municipality.cbs_code] = stored.n_cases if stored else 0
        logger.info("theme model %s: %s cases", municipality.cbs_code, trained[municipality.cbs_code])
    return trained


_loaded: dict[int, tuple[object, textmodel.NaiveBayes]] = {}


def _classifier(municipality_id: int) -> textmodel.NaiveBayes | None:
    """Return the municipality's classifier, parsed once per training in this process."""
    stored = ThemeModel.objects.filter(municipality_id=municipality_id).first()
    if stored is None:
        return None
    cached = _loaded.get(municipality_id)
    if cached is None or cached[0] != stored.trained_at:
        cached = _loaded[municipality_id] = (stored.trained_at,
                                             textmodel.NaiveBayes.from_json(stored.model))
    return cached[1]


def theme_suggest(*, user, municipality: Municipality, text: str,
                  event_id: str | int | None = None) -> Suggestion | None:
    """Suggest themes of ``municipality`` for an intake text, and log that it was shown.

    One intake form keeps one event: pass the ``event_id`` it carries and that event is
    updated with the new suggestion. Returns ``None`` when there is no model or too little
    text. The text itself is not stored.
    """
    if not can_register(user, municipality.pk):
        raise PermissionDenied("U mag geen zaken registreren in deze gemeente.")
    if len(textmodel.words(text)) < MIN_WORDS:
        return None
    classifier = _classifier(municipality.pk)
    if classifier is None:
        return None
    predictions = [p for p in classifier.predict(text, k=SUGGEST_K)
                   if p.probability >= MIN_PROBABILITY]
    themes = Theme.objects.filter(municipality=municipality, active=True).select_related("domain")
    by_id = {str(t.pk): t for t in themes.filter(pk__in=[int(p.label) for p in predictions])}
    suggested = [SuggestedTheme(by_id[p.label], p.probability)
                 for p in predictions if p.label in by_id]
    if not suggested:
        return None
    event = event_of(user, event_id)
    if event is None or event.municipality_id != municipality.pk:
        event = SuggestionEvent(municipality=municipality, created_by=user)
    event.suggested = [s.theme.pk for s in suggested]
    event.probabilities = [round(s.probability, 3) for s in suggested]
    event.save()
    return Suggestion(event=event, themes=suggested)


@transaction.atomic
def suggestion_record(*, user, event_id: str | int,
                      chosen_theme_ids: list[str | int]) -> SuggestionEvent | None:
    """Record which themes were chosen for the intake that showed suggestion ``event_id``.

    Called when the intake form is submitted; a second submit (after a form error)
    overwrites the first, so the last choice counts. Only the user who saw the suggestion
    may record it; anything else is ignored (``None``).
    """
    event = event_of(user, event_id)
    if event is None:
        return None
    chosen = sorted({int(t) for t in chosen_theme_ids if str(t).isdigit()})
    event.chosen = chosen
    event.outcome = textmodel.acceptance([str(t) for t in event.suggested], map(str, chosen))
    event.recorded_at = timezone.now()
    event.save(update_fields=["chosen", "outcome", "recorded_at"])
    return event
