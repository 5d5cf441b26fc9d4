"""What the worklist says above its table: every filter in force, each with a link that lifts
it, and how a search text was read.

The default "open cases only" is a filter too (issue 15: closed cases were hidden without a
word), so it is always named while it applies, with a link to show closed cases as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.urls import reverse

from ombuds.cases.selectors import SearchOutcome

#: Filters shown as "Label: value", in the order of the form.
CHOICE_FILTERS = ("gemeente", "status", "kanaal", "urgentie", "domein", "thema", "behandelaar")
#: What lifts a search text: the session id of the text, or the saved filter holding it.
SEARCH_PARAMS = ("zoek", "bewaard")


@dataclass(frozen=True)
class ActiveFilter:
    #: What the filter does, e.g. "Gemeente: Westerveld" or "Alleen open zaken".
    label: str
    #: The worklist without this filter.
    href: str
    #: The link's text, e.g. "wis" or "toon ook gesloten zaken".
    action: str
    #: What the link's text means out of context, for screen readers ("filter gemeente").
    action_context: str = ""


def _href(query: QueryDict, *, drop=(), **changes) -> str:
    query = query.copy()
    for name in (*drop, "page"):
        query.pop(name, None)
    for name, value in changes.items():
        query[name] = value
    encoded = query.urlencode()
    return f"{reverse('cases:worklist')}?{encoded}" if encoded else reverse("cases:worklist")


def _choice_label(field, value) -> str:
    for option, label in field.choices:
        if isinstance(label, list | tuple):  # a group: (group label, [(value, label)…])
            for sub_option, sub_label in label:
                if str(sub_option) == str(value):
                    return str(sub_label)
        elif str(option) == str(value):
            return str(label)
    return str(value)


def active_filters(query: QueryDict, form, values: dict,
                   outcome: SearchOutcome) -> list[ActiveFilter]:
    """The filters in force on the worklist at the address with ``query`` (its GET), read
    from the form's valid ``values`` and how the search text was read (``outcome``); each
    with the address that lifts it."""
    active = []
    if values.get("q"):
        kind = f" ({outcome.kind.label})" if outcome.kind else ""
        active.append(ActiveFilter(f"Zoekterm ‘{values['q']}’{kind}",
                                   _href(query, drop=SEARCH_PARAMS), "wis", "zoekterm"))
    for name in CHOICE_FILTERS:
        value = values.get(name)
        if value in ("", None):
            continue
        field = form.fields[name]
        active.append(ActiveFilter(f"{field.label}: {_choice_label(field, value)}",
                                   _href(query, drop=(name,)), "wis",
                                   f"filter {field.label.lower()}"))
    if not values.get("status"):
        state = values.get("toestand") or "open"
        if state == "open":
            active.append(ActiveFilter("Alleen open zaken", _href(query, toestand="alle"),
                                       "toon ook gesloten zaken"))
        elif state == "gesloten":
            active.append(ActiveFilter("Alleen afgesloten zaken", _href(query, toestand="alle"),
                                       "toon ook open zaken"))
    return active
