"""Reads of the pattern finder: related cases and signals, rising themes, and how often staff
accept the theme suggestion. Every case read is scoped by ``visible_cases(user)``, every
signal read by ``signal_scope(user)``."""

from __future__ import annotations

import operator
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import reduce
from itertools import combinations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Case as CaseWhen
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import TruncMonth
from django.utils import timezone

from ombuds.accounts.roles import ALL_CASES_ROLES
from ombuds.cases.models import Case, CaseOrganisation
from ombuds.cases.selectors import CaseNotFound, audit_case, search_vector, visible_cases
from ombuds.core.audit import Action
from ombuds.core.models import Domain, Theme
from ombuds.domain import textmodel
from ombuds.domain.signals import SignalState
from ombuds.insights.models import SuggestionEvent
from ombuds.signals.models import Signal
from ombuds.signals.selectors import signal_scope
from ombuds.socialmap.models import Organisation

#: Cases related by theme or party are those opened within this period of the case.
PERIOD = timedelta(days=365)
#: How many words of a case are searched for, and how many must be shared.
TEXT_WORDS = 8
MIN_SHARED_WORDS = 2
#: How many of the newest candidates are scored (by text on PostgreSQL, by theme or party
#: everywhere), so a related-cases panel costs the same in a register of any size.
CANDIDATES = 500


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


def _matches_word(word: str, fields: tuple[str, ...]) -> Q:
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        return Q(search=SearchQuery(word, config=settings.SEARCH_CONFIG))
    return reduce(operator.or_, (Q(**{f"{f}__icontains": word}) for f in fields))


def _by_text(qs: QuerySet, text: str, limit: int, *, fields: tuple[str, ...],
             newest: str) -> list[tuple[object, list[str]]]:
    """Rows of ``qs`` sharing the most informative words of ``text``, most shared first,
    each with the words it shares.

    On PostgreSQL the words are matched against the ``dutch`` vector of ``fields`` (for
    cases that is ``search_text``, so the GIN index of the search is used; stemming makes
    "wachttijden" match "wachttijd") and ties go by ``ts_rank``; on SQLite as substrings.
    """
    words = textmodel.informative_words(text, TEXT_WORDS)
    if not words:
        return []
    needed = min(MIN_SHARED_WORDS, len(words))
    order = ["-shared", f"-{newest}", "-pk"]
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        def term(word):
            return SearchQuery(word, config=settings.SEARCH_CONFIG)

        # Cases: the stored, indexed vector (cases.selectors.search_vector), not recomputed.
        vector = search_vector() if qs.model is Case and fields == ("search_text",) \
            else SearchVector(*fields, config=settings.SEARCH_CONFIG)
        # "At least ``needed`` of the words" as one query the GIN index answers (any pair),
        # and only the newest CANDIDATES of those are scored: a word every story has
        # ("gemeente") must not make the page score the whole register.
        if needed > 1:
            query = reduce(operator.or_, (term(a) & term(b) for a, b in combinations(words, 2)))
        else:
            query = reduce(operator.or_, (term(w) for w in words))
        candidates = (qs.alias(search=vector).filter(search=query)
                      .order_by(f"-{newest}").values("pk")[:CANDIDATES])
        qs = (qs.filter(pk__in=list(candidates.values_list("pk", flat=True)))
              .alias(search=vector).annotate(rank=SearchRank(vector, query)))
        order.insert(1, "-rank")
    else:
        qs = qs.filter(reduce(operator.or_, (_matches_word(w, fields) for w in words)))
    flags = {f"w{i}": CaseWhen(When(_matches_word(w, fields), then=Value(1)), default=Value(0),
                               output_field=IntegerField())
             for i, w in enumerate(words)}
    qs = qs.annotate(**flags).annotate(shared=reduce(operator.add, (F(f) for f in flags)))
    found = qs.filter(shared__gte=needed).order_by(*order)[:limit]
    return [(row, [w for i, w in enumerate(words) if getattr(row, f"w{i}")]) for row in found]


def _theme_or_party_links(theme_ids: list[int], party_ids: list[int]) -> QuerySet:
    """The links of the outer case to one of ``theme_ids`` or ``party_ids``, for ``Exists``.

    One ``UNION ALL`` subquery, also for a single kind of link, on purpose: PostgreSQL cannot
    turn it into a join or a hash, so it walks the municipality's cases newest first
    (``case_muni_opened_idx``), checks each in the link tables' (case, theme) and (case,
    organisation) indexes and stops at ``CANDIDATES``. As ``pk IN (…)`` or a plain
    ``EXISTS`` it first read every case with the theme or party (31,000 and 78,000 at
    1,000,000 cases) into a hash: 0.1–1 s (docs/performance.md).
    """
    parts = []
    if theme_ids:
        parts.append(Case.themes.through.objects.filter(case_id=OuterRef("pk"),
                                                        theme_id__in=theme_ids))
    if party_ids:
        parts.append(CaseOrganisation.objects.filter(case_id=OuterRef("pk"),
                                                     organisation_id__in=party_ids))
    parts = [p.values("case_id") for p in parts]
    return parts[0].union(*(parts[1:] or parts), all=True)


def _cases_by_theme_party(base: QuerySet[Case], theme_ids: list[int], party_ids: list[int],
                          around: datetime, limit: int) -> list[Case]:
    """Cases with one of ``theme_ids`` or ``party_ids``, opened within ``PERIOD`` of
    ``around``, the most shared first."""
    if not theme_ids and not party_ids:
        return []
    # Only the newest CANDIDATES sharing a theme or party are scored (see ``_by_text``).
    candidates = list(
        base.filter(opened_at__range=(around - PERIOD, around + PERIOD))
        .filter(Exists(_theme_or_party_links(theme_ids, party_ids)))
        .order_by("-opened_at").values_list("pk", flat=True)[:CANDIDATES])
    qs = (base.filter(pk__in=candidates)
          .annotate(n_themes=Count("themes", filter=Q(themes__in=theme_ids), distinct=True),
                    n_parties=Count("organisations",
                                    filter=Q(organisations__organisation_id__in=party_ids),
                                    distinct=True))
          .order_by("-n_themes", "-n_parties", "-opened_at"))
    return list(qs[:limit])


def _related(base: QuerySet[Case], *, text: str, theme_ids: list[int], party_ids: list[int],
             around: datetime, limit: int) -> list[RelatedCase]:
    found: dict[int, RelatedCase] = {}
    for other, words in _by_text(base, text, limit, fields=("search_text",), newest="opened_at"):
        found[other.pk] = RelatedCase(other, words=words, rank=float(getattr(other, "rank", 0)))
    for other in _cases_by_theme_party(base, theme_ids, party_ids, around, limit):
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


def related_cases(user, case: Case, *, limit: int = 6) -> list[RelatedCase]:
    """Return cases of the same municipality related to ``case`` by text, or by theme or
    party within ``PERIOD``, the most related first, each with why. Only cases ``user`` may
    open; never ``case`` itself."""
    base = visible_cases(user).filter(municipality_id=case.municipality_id).exclude(pk=case.pk)
    return _related(base, text=f"{case.title}\n{case.story}\n{case.wish}",
                    theme_ids=list(case.themes.values_list("pk", flat=True)),
                    party_ids=list(case.organisations.values_list("organisation_id", flat=True)),
                    around=case.opened_at, limit=limit)


def related_cases_for_signal(user, signal: Signal, *, limit: int = 8) -> list[RelatedCase]:
    """Return cases of the signal's municipality not linked to it yet that may belong to it:
    by its title and description, or by its theme or organisation within ``PERIOD`` before
    it was raised. Only cases ``user`` may open."""
    base = (visible_cases(user).filter(municipality_id=signal.municipality_id)
            .exclude(pk__in=signal.cases.values("pk")))
    raised = timezone.make_aware(datetime.combine(signal.raised_on, datetime.min.time()))
    return _related(base, text=f"{signal.title}\n{signal.description}",
                    theme_ids=[signal.theme_id] if signal.theme_id else [],
                    party_ids=[signal.organisation_id] if signal.organisation_id else [],
                    around=raised, limit=limit)


@dataclass
class RelatedSignal:
    signal: Signal
    words: list[str] = field(default_factory=list)
    same_theme: bool = False
    same_party: bool = False


def related_signals(user, case: Case, *, limit: int = 5) -> list[RelatedSignal]:
    """Return open signals of the case's municipality, not linked to ``case`` yet, that it
    may belong to: by shared words, or by the signal's theme or organisation being one of
    the case's. Only signals ``user`` may read."""
    base = (Signal.objects.filter(signal_scope(user), municipality_id=case.municipality_id)
            .exclude(status=SignalState.CLOSED).exclude(cases=case))
    theme_ids = set(case.themes.values_list("pk", flat=True))
    party_ids = set(case.organisations.values_list("organisation_id", flat=True))
    found: dict[int, RelatedSignal] = {}
    for signal, words in _by_text(base, f"{case.title}\n{case.story}\n{case.wish}", limit,
                                  fields=("title", "description"), newest="raised_on"):
        found[signal.pk] = RelatedSignal(signal, words=words)
    for signal in base.filter(Q(theme_id__in=theme_ids) | Q(organisation_id__in=party_ids))\
            .order_by("-raised_on", "-pk")[:limit]:
        found.setdefault(signal.pk, RelatedSignal(signal))
    for item in found.values():
        item.same_theme = item.signal.theme_id in theme_ids
        item.same_party = item.signal.organisation_id in party_ids
    return sorted(found.values(), key=lambda r: (-(len(r.words) + 2 * r.same_theme
                                                   + 2 * r.same_party), -r.signal.pk))[:limit]


# --- the panel on the case page -----------------------------------------------------------

def shows_related(user, case: Case) -> bool:
    """Whether ``user`` may see the related cases and signals of ``case``: the ombudsperson
    and the coordinator of its municipality (who see all its cases), not the secretariat."""
    return bool(user.roles_in(case.municipality_id) & ALL_CASES_ROLES)


@dataclass
class RelatedPanel:
    case: Case
    related: list[RelatedCase]
    signals: list[RelatedSignal]


def related_panel(user, reference: str) -> RelatedPanel:
    """Return the related cases and signals of the case ``reference`` and log that they were
    suggested (``case.related_suggested``, with their ids), as the case page did when it
    computed them itself.

    Raises ``CaseNotFound`` when ``user`` may not open the case, ``PermissionDenied`` when
    they may open it but not see the panel (``shows_related``).
    """
    try:
        case = visible_cases(user).select_related("municipality", "workflow").get(
            reference=reference)
    except Case.DoesNotExist:
        raise CaseNotFound(reference) from None
    if not shows_related(user, case):
        raise PermissionDenied("U mag de verwante zaken van deze zaak niet zien.")
    related = related_cases(user, case)
    signals = related_signals(user, case)
    audit_case(user=user, case=case, action=Action.EXECUTE, event="case.related_suggested",
               details={"related": [r.case.pk for r in related],
                        "signals": [s.signal.pk for s in signals]})
    return RelatedPanel(case=case, related=related, signals=signals)


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

    @property
    def likelihood(self) -> str:
        """The probability in words ("waarschijnlijk"), as staff see it."""
        return textmodel.in_words(self.probability)


@dataclass(frozen=True)
class SuggestedDomain:
    domain: Domain
    probability: float

    @property
    def likelihood(self) -> str:
        return textmodel.in_words(self.probability)


@dataclass(frozen=True)
class Suggestion:
    event: SuggestionEvent
    themes: list[SuggestedTheme]
    domains: list[SuggestedDomain] = field(default_factory=list)


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
