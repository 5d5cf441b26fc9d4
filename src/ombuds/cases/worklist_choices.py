"""The worklist filter's choice lists (statuses, domains, themes, handlers), cached briefly.

The worklist shows these four lists on every page view, and they hardly ever change: four
queries and a few hundred labels per view for nothing. They are kept in Django's cache for
``CHOICES_SECONDS``, per set of municipalities (colleagues with the same municipalities share
an entry; nobody gets the themes or handlers of a municipality they do not work for).

A saved theme, domain, municipality, process variant, membership or handler (name, active)
makes every entry stale at once, through a generation number in the same cache
(``forget_choices``, connected in ``CasesConfig.ready``). Ombuds configures no ``CACHES``, so
the cache is Django's default, in the memory of each app process: the process that saved the
change shows it on the next page view, other processes within ``CHOICES_SECONDS``. A shared
cache (``CACHES`` with Redis or Memcached; no setting offers one yet) would make that "at
once" for all processes.
The choices only offer filter values: the cases a filter shows are always scoped by
``selectors.case_list``, whatever the cache holds.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from ombuds.cases import queries
from ombuds.core.models import Municipality

#: How long a process may show choices without asking the database again.
CHOICES_SECONDS = 60
KEY = "ombuds:worklist-choices"
GENERATION_KEY = f"{KEY}:generation"
#: The user fields the handler choices show or depend on (a log-in only sets last_login).
USER_FIELDS = frozenset({"first_name", "last_name", "username", "is_active"})
#: Saving or deleting one of these changes what the choices offer.
SOURCES = ("core.Theme", "core.Domain", "core.Municipality", "core.WorkflowDefinition",
           "accounts.Membership", "accounts.User")


@dataclass(frozen=True)
class WorklistChoices:
    statuses: list[tuple[str, list[tuple[str, str]]]]
    domains: list[tuple[int, str]]
    themes: list[tuple[int, str]]
    handlers: list[tuple[int, str]]
    #: The status labels of the municipalities' current process variants, by definition id.
    status_labels: dict[int, dict[str, str]]


def _generation() -> str:
    return cache.get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def worklist_choices(municipalities: Sequence[Municipality]) -> WorklistChoices:
    """Return the filter choices for these municipalities (the user's case municipalities)."""
    # Their process variants are in the key: they come with the user's memberships, fresh.
    scope = ",".join(f"{m.pk}.{m.workflow_id}" for m in sorted(municipalities, key=lambda m: m.pk))
    key = f"{KEY}:{_generation()}:{scope}"
    choices = cache.get(key)
    if choices is None:
        ids = [m.pk for m in municipalities]
        choices = WorklistChoices(
            statuses=queries.status_choices(municipalities),
            domains=queries.domain_choices(),
            themes=queries.theme_choices(ids, with_municipality=len(ids) > 1),
            handlers=queries.handler_choices(ids),
            status_labels=queries.status_labels({m.workflow_id for m in municipalities}),
        )
        cache.set(key, choices, CHOICES_SECONDS)
    return choices


def forget_choices(sender=None, update_fields=None, **kwargs) -> None:
    """Make every cached entry stale (a signal receiver for ``SOURCES``)."""
    if (sender is not None and sender._meta.label == "accounts.User"
            and update_fields is not None and not USER_FIELDS & set(update_fields)):
        return  # e.g. the last_login a log-in writes
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def connect_signals() -> None:
    for sender in SOURCES:
        post_save.connect(forget_choices, sender=sender, dispatch_uid=f"worklist-choices-{sender}")
        post_delete.connect(forget_choices, sender=sender,
                            dispatch_uid=f"worklist-choices-del-{sender}")
