"""Writes of the pattern finder: training the domain and theme suggestion, suggesting at
intake, and recording whether staff took the suggestion."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from ombuds.cases.models import Case
from ombuds.cases.permissions import can_register
from ombuds.core.models import Domain, Municipality, Theme
from ombuds.domain import textmodel
from ombuds.insights import suggestion
from ombuds.insights.models import SuggestionEvent, ThemeModel
from ombuds.insights.selectors import SuggestedDomain, SuggestedTheme, Suggestion, event_of
from ombuds.insights.suggestion import Example, ThemeRef

logger = logging.getLogger(__name__)

#: The newest closed cases a model learns from: enough for an office's own words, and a
#: bounded training time in the worker however large the register grows.
MAX_TRAINING_CASES = 3000
#: Suggest at most this many themes (and domains) at intake, each at least this probable.
SUGGEST_K = 3
MIN_PROBABILITY = 0.1
DOMAINS_K = 2
MIN_DOMAIN_PROBABILITY = 0.25
#: A story shorter than this many content words is not worth a guess yet.
MIN_WORDS = 3


def _themes(municipality: Municipality) -> list[ThemeRef]:
    themes = (Theme.objects.filter(municipality=municipality, active=True)
              .select_related("domain").order_by("pk"))
    return [ThemeRef(id=str(t.pk), domain=t.domain.code, name=t.name) for t in themes]


def _training_cases(municipality: Municipality) -> list[Example]:
    """Title and story of the municipality's newest closed cases, with their domain codes
    and the ids of their active themes; a theme counts for its domain too."""
    active = set(Theme.objects.filter(municipality=municipality, active=True)
                 .values_list("pk", flat=True))
    cases = (Case.objects.filter(municipality=municipality, closed_at__isnull=False)
             .order_by("-closed_at", "-pk")
             .prefetch_related("domains", "themes__domain")[:MAX_TRAINING_CASES])
    examples = []
    for case in cases:
        themes = [t for t in case.themes.all() if t.pk in active]
        domains = {d.code for d in case.domains.all()} | {t.domain.code for t in themes}
        if themes or domains:
            examples.append(Example(text=f"{case.title}\n{case.story}",
                                    domains=tuple(sorted(domains)),
                                    themes=tuple(str(t.pk) for t in themes)))
    return examples


def theme_model_train(*, municipality: Municipality) -> ThemeModel:
    """(Re)train the domain and theme suggestion of ``municipality``: the shipped vocabulary
    (``insights.vocabulary``), refined by its own closed cases. A municipality without any
    closed case gets the vocabulary's suggestion."""
    cases = _training_cases(municipality)
    codes = list(Domain.objects.order_by("code").values_list("code", flat=True))
    trained = suggestion.build(codes, _themes(municipality), cases)
    stored, _ = ThemeModel.objects.update_or_create(
        municipality=municipality,
        defaults={"trained_at": timezone.now(), "n_cases": len(cases),
                  "model": trained.to_json()},
    )
    return stored


def theme_models_retrain() -> dict[str, int]:
    """Retrain every municipality's suggestion; return the number of closed cases each
    learned from (by CBS code; 0: the vocabulary alone)."""
    trained = {}
    for municipality in Municipality.objects.order_by("pk"):
        stored = theme_model_train(municipality=municipality)
        trained[municipality.cbs_code] = stored.n_cases
        logger.info("theme model %s: %s cases", municipality.cbs_code, stored.n_cases)
    return trained


_loaded: dict[int, tuple[object, suggestion.Suggester]] = {}


def _suggester(municipality: Municipality) -> suggestion.Suggester:
    """Return the municipality's trained suggestion, parsed once per training in this
    process. One never trained, of an older format, or trained before its themes changed
    is trained now (the vocabulary makes that possible from the first day)."""
    trained_at = (ThemeModel.objects.filter(municipality=municipality)
                  .values_list("trained_at", flat=True).first())
    cached = _loaded.get(municipality.pk)
    found = None
    if trained_at is not None and cached is not None and cached[0] == trained_at:
        found = cached[1]
    elif trained_at is not None:
        stored = ThemeModel.objects.get(municipality=municipality)
        try:
            found = suggestion.Suggester.from_json(stored.model)
        except (ValueError, KeyError, TypeError):
            found = None
    if found is None or set(found.theme_domains) != {t.id for t in _themes(municipality)}:
        stored = theme_model_train(municipality=municipality)
        trained_at, found = stored.trained_at, suggestion.Suggester.from_json(stored.model)
    _loaded[municipality.pk] = (trained_at, found)
    return found


@dataclass(frozen=True)
class Ranking:
    """Every domain and every active theme of a municipality for a text, most probable
    first, with calibrated probabilities."""

    domains: list[tuple[Domain, float]]
    themes: list[tuple[Theme, float]]


def suggestion_rank(*, user, municipality: Municipality, text: str) -> Ranking:
    """Rank the domains and themes of ``municipality`` for ``text`` (the API). Nothing is
    stored, the text least of all. Raises ``PermissionDenied`` for a user who may not
    register cases there."""
    if not can_register(user, municipality.pk):
        raise PermissionDenied("U mag geen zaken registreren in deze gemeente.")
    domains_p, themes_p = _suggester(municipality).suggest(text)
    domains = Domain.objects.in_bulk([p.label for p in domains_p], field_name="code")
    themes = (Theme.objects.filter(municipality=municipality, active=True)
              .select_related("domain").in_bulk([int(p.label) for p in themes_p]))
    return Ranking(
        domains=[(domains[p.label], p.probability) for p in domains_p if p.label in domains],
        themes=[(themes[int(p.label)], p.probability) for p in themes_p
                if int(p.label) in themes])


def theme_suggest(*, user, municipality: Municipality, text: str,
                  event_id: str | int | None = None) -> Suggestion | None:
    """Suggest themes and domains of ``municipality`` for an intake text, and log that it
    was shown.

    One intake form keeps one event: pass the ``event_id`` it carries and that event is
    updated with the new suggestion. Returns ``None`` when the text is too short or nothing
    is probable enough. The text itself is not stored.
    """
    if len(textmodel.words(text)) < MIN_WORDS:
        if not can_register(user, municipality.pk):
            raise PermissionDenied("U mag geen zaken registreren in deze gemeente.")
        return None
    ranking = suggestion_rank(user=user, municipality=municipality, text=text)
    suggested = [SuggestedTheme(theme, p) for theme, p in ranking.themes[:SUGGEST_K]
                 if p >= MIN_PROBABILITY]
    if not suggested:
        return None
    domains = [SuggestedDomain(domain, p) for domain, p in ranking.domains[:DOMAINS_K]
               if p >= MIN_DOMAIN_PROBABILITY]
    event = event_of(user, event_id)
    if event is None or event.municipality_id != municipality.pk:
        event = SuggestionEvent(municipality=municipality, created_by=user)
    event.suggested = [s.theme.pk for s in suggested]
    event.probabilities = [round(s.probability, 3) for s in suggested]
    event.save()
    return Suggestion(event=event, themes=suggested, domains=domains)


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
