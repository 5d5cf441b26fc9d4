"""Reads of the pattern finder: related cases, rising themes, and how often staff accept the
theme suggestion. Every case read is scoped by ``visible_cases(user)``."""

from __future__ import annotations

import operator
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import reduce

from django.conf import settings
from django.db import connection
from django.db.models import Case as CaseWhen
from django.db.models import Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import TruncMonth
from django.utils import timezone

from ombuds.accounts.roles import ALL_CASES_ROLES
from ombuds.cases.models import Case, CaseOrganisation
from ombuds.cases.selectors import visible_cases
from ombuds.core.models import Theme
from ombuds.domain import textmodel
from ombuds.insights.models import SuggestionEvent
from ombuds.socialmap.models import Organisation

#: Cases related by theme or party are those opened within this period of the case.
PERIOD = timedelta(days=365)
#: How many words of a case are searched for, and how many must be shared.
TEXT_WORDS = 8
MIN_SHARED_WORDS = 2


@dataclass
class RelatedCase:
    case: Case
    words: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    rank: float = 0.0

    @property
    def score(self) -> float:
        return len(self.words) + 2 * len(self.themes) + 2 * len(self.parties) + self.rank


def _matches_word(word: str) -> Q:
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        return Q(search=SearchQuery(word, config=settings.SEARCH_CONFIG))
    return Q(search_text__icontains=word)


def _by_text(base: QuerySet[Case], case: Case, limit: int) -> list[tuple[Case, list[str]]]:
    """Cases sharing the most informative words of ``case``, most shared first.

    On PostgreSQL the words are matched against the ``dutch`` vector (the GIN index of the
    search, with stemming) and ties go by ``ts_rank``; on SQLite as substrings.
    """
    words = textmodel.informative_words(f"{case.title}\n{case.story}\n{case.wish}", TEXT_WORDS)
    if not words:
        return []
    needed = min(MIN_SHARED_WORDS, len(words))
    qs = base
    order = ["-shared", "-opened_at"]
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector("search_text", config=settings.SEARCH_CONFIG)
        query = reduce(operator.or_, (SearchQuery(w, config=settings.SEARCH_CONFIG) for w in words))
        qs = qs.annotate(search=vector).filter(search=query).annotate(rank=SearchRank(vector, query))
        order = ["-shared", "-rank", "-opened_at"]
    else:
        qs = qs.filter(reduce(operator.or_, (_matches_word(w) for w in words)))
    flags = {f"w{i}": CaseWhen(When(_matches_word(w), then=Value(1)), default=Value(0),
                               output_field=IntegerField())
             for i, w in enumerate(words)}
    qs = qs.annotate(**flags).annotate(shared=reduce(operator.add, (F(f) for f in flags)))
    found = qs.filter(shared__gte=needed).order_by(*order)[:limit]
    return [(c, [w for i, w in enumerate(words) if getattr(c, f"w{i}")]) for c in found]


def _by_theme_party_period(base: QuerySet[Case], case: Case, limit: int):
    """Cases with a theme or party of ``case``, opened within ``PERIOD`` of it."""
    theme_ids = list(case.themes.values_list("pk", flat=True))
    party_ids = list(case.organisations.values_list("organisation_id", flat=True))
    if not theme_ids and not party_ids:
        return [], theme_ids, party_ids
    through = Case.themes.through.objects
    qs = (base.filter(opened_at__range=(case.opened_at - PERIOD, case.opened_at + PERIOD))
          .filter(Q(pk__in=through.filter(theme_id__in=theme_ids).values("case_id"))
                  | Q(pk__in=CaseOrganisation.objects.filter(organisation_id__in=party_ids)
                      .values("case_id")))
          .annotate(n_themes=Count("themes", filter=Q(themes__in=theme_ids), distinct=True),
                    n_parties=Count("organisations",
                                    filter=Q(organisations__organisation_id__in=party_ids),
                                    distinct=True))
          .order_by("-n_themes", "-n_parties", "-opened_at"))
    return list(qs[:limit]), theme_ids, party_ids


def related_cases(user, case: Case, *, limit: int = 6) -> list[RelatedCase]:
    """Return cases of the same municipality related to ``case`` by text, theme or party,
    the most related first, each with why. Only cases ``user`` may open; never ``case``."""
    base = visible_cases(user).filter(municipality_id=case.municipality_id).exclude(pk=case.pk)
    found: dict[int, RelatedCase] = {}
    for other, words in _by_text(base, case, limit):
        found[other.pk] = RelatedCase(other, words=words, rank=float(getattr(other, "rank", 0)))
    by_theme, theme_ids, party_ids = _by_theme_party_period(base, case, limit)
    for other in by_theme:
        found.setdefault(other.pk, RelatedCase(other))
    if not found:
        return []
    theme_names = dict(Theme.objects.filter(pk__in=theme_ids).values_list("pk", "name"))
    for case_id, theme_id in Case.themes.through.objects.filter(
            case_id__in=found, theme_id__in=theme_ids).values_list("case_id", "theme_id"):
        found[case_id].themes.append(theme_names[theme_id])
    for case_id, name in CaseOrganisation.objects.filter(
            case_id__in=found, organisation_id__in=party_ids).values_list(
            "case_id", "organisation__name"):
        found[case_id].parties.append(name)
    ranked = sorted(found.values(), key=lambda r: (-r.score, -r.case.opened_at.timestamp()))
    return ranked[:limit]


# --- rising themes ------------------------------------------------------------------------

def _month_start(day: date, months_back: int) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


@dataclass
class ThemeTrend:
    theme: Theme
    party: Organisation | None
    months: list[int]  # the last 12 months, oldest first
    previous: int  # the 12 months before

    @property
    def recent(self) -> int:
        return sum(self.months)

    @property
    def change(self) -> int:
        return self.recent - self.previous


@dataclass
class RisingThemes:
    months: list[date]
    trends: list[ThemeTrend]


def rising_themes(user, *, today: date | None = None) -> RisingThemes:
    """Return cases per theme and party per month over the last 12 months (this one
    included) against the 12 before, the fastest rising first.

    The counts come from one aggregate query grouped by theme, party and month; a case with
    two parties counts once for each.
    """
    today = today or timezone.localdate()
    months = [_month_start(today, back) for back in range(11, -1, -1)]
    start = timezone.make_aware(datetime.combine(_month_start(today, 23), datetime.min.time()))
    municipalities = user.municipality_ids(ALL_CASES_ROLES)
    rows = (visible_cases(user)
            .filter(municipality_id__in=municipalities, opened_at__gte=start,
                    themes__isnull=False)
            .annotate(month=TruncMonth("opened_at"))
            .values("themes", "organisations__organisation", "month")
            .annotate(n=Count("pk", distinct=True)))
    index = {m: i for i, m in enumerate(months)}
    series: dict[tuple[int, int | None], list[int]] = defaultdict(lambda: [0] * 13)
    for row in rows:
        month = row["month"]
        month = (timezone.localtime(month) if timezone.is_aware(month) else month).date()
        key = (row["themes"], row["organisations__organisation"])
        series[key][index.get(month.replace(day=1), 12)] += row["n"]
    themes = Theme.objects.select_related("domain", "municipality").in_bulk({t for t, _ in series})
    parties = Organisation.objects.in_bulk({p for _, p in series if p})
    trends = [ThemeTrend(themes[t], parties.get(p), counts[:12], counts[12])
              for (t, p), counts in series.items()]
    trends = [t for t in trends if t.recent]
    trends.sort(key=lambda t: (-t.change, -t.recent, t.theme.name))
    return RisingThemes(months=months, trends=trends)


# --- acceptance of the theme suggestion ----------------------------------------------------

@dataclass(frozen=True)
class Acceptance:
    shown: int
    accepted: int
    partial: int
    rejected: int

    @property
    def decided(self) -> int:
        return self.accepted + self.partial + self.rejected

    @property
    def accepted_share(self) -> float | None:
        """Share of decided suggestions whose first theme was chosen; None without any."""
        return self.accepted / self.decided if self.decided else None

    @property
    def any_share(self) -> float | None:
        return (self.accepted + self.partial) / self.decided if self.decided else None


def suggestion_acceptance(user, *, since: datetime | None = None) -> Acceptance:
    """Return how often the theme suggestion was shown and taken in the user's
    municipalities (where they see every case), by default over the last 12 months."""
    since = since or timezone.now() - PERIOD
    counts = dict(SuggestionEvent.objects
                  .filter(municipality_id__in=user.municipality_ids(ALL_CASES_ROLES),
                          created_at__gte=since)
                  .values_list("outcome").annotate(n=Count("pk")).order_by())
    Outcome = SuggestionEvent.Outcome
    return Acceptance(shown=sum(counts.values()), accepted=counts.get(Outcome.ACCEPTED, 0),
                      partial=counts.get(Outcome.PARTIAL, 0),
                      rejected=counts.get(Outcome.REJECTED, 0))


# --- the suggestion shown at intake --------------------------------------------------------

@dataclass(frozen=True)
class SuggestedTheme:
    theme: Theme
    probability: float


@dataclass(frozen=True)
class Suggestion:
    event: SuggestionEvent
    themes: list[SuggestedTheme]


def event_of(user, event_id) -> SuggestionEvent | None:
    """Return the suggestion event ``event_id`` if ``user`` was shown it, else ``None``."""
    try:
        return SuggestionEvent.objects.get(pk=int(event_id), created_by=user)
    except (TypeError, ValueError, SuggestionEvent.DoesNotExist):
        return None


def suggestion_shown(user, event_id) -> Suggestion | None:
    """Return the suggestion an intake form already showed (when the form comes back with
    an error), without predicting or logging again."""
    event = event_of(user, event_id)
    if event is None:
        return None
    themes = Theme.objects.select_related("domain").in_bulk(event.suggested)
    return Suggestion(event=event, themes=[
        SuggestedTheme(themes[pk], p) for pk, p in zip(event.suggested, event.probabilities,
                                                       strict=False) if pk in themes])
