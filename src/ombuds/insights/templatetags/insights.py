"""The pattern finder on pages the ``cases`` app renders (``{% load insights %}``).

``cases`` never imports ``insights``: its templates call these tags instead.
"""

from __future__ import annotations

from django import template

from ombuds.accounts.roles import ALL_CASES_ROLES
from ombuds.core.audit import Action, audit_log
from ombuds.insights import selectors
from ombuds.insights.views import EVENT_FIELD

register = template.Library()


def _closing(case) -> bool:
    """Whether ``case`` is closed, or past its first status with a move that closes it.

    A case just registered is not yet worth the search; one being handled may close on
    this page, and that is when a pattern should be noticed.
    """
    workflow = case.workflow.workflow
    if case.closed_at is not None or workflow.is_closed(case.status):
        return True
    return case.status != workflow.initial and any(
        t.outcomes for t in workflow.transitions_from(case.status))


@register.inclusion_tag("insights/includes/related_cases.html", takes_context=True)
def related_cases(context, case):
    """"Verwante zaken en signalen" on the page of a closing (or closed) case, for the
    ombudsperson and the coordinator: the moment to see whether it is part of a pattern
    worth a signal, or belongs to a signal already raised.

    The page shows the panel's heading and a link to ``insights:case_related``; HTMX loads
    the list into the page once it is shown (finding them searches the register, which the
    page should not wait for). Without JavaScript the link opens them as a page. They are
    logged as suggested (``case.related_suggested``) when that request computes them."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not _closing(case) or not selectors.shows_related(user, case):
        return {"show": False}
    return {"show": True, "case": case}


@register.inclusion_tag("insights/includes/signal_related_cases.html", takes_context=True)
def related_cases_for_signal(context, signal):
    """"Zaken die hierbij kunnen horen" on a signal's page, for those who may link cases:
    cases not linked yet with the signal's words, theme or organisation."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.roles_in(signal.municipality_id) & ALL_CASES_ROLES:
        return {"show": False}
    related = selectors.related_cases_for_signal(user, signal)
    audit_log(user=user, action=Action.EXECUTE, event="signal.related_suggested",
              object_type="signals.signal", object_id=str(signal.pk),
              object_label=f"signaal {signal.pk}",
              municipality_code=signal.municipality.cbs_code,
              details={"related": [r.case.pk for r in related]})
    return {"show": True, "signal": signal, "related": related}


@register.inclusion_tag("insights/includes/existing_signals.html", takes_context=True)
def existing_signals(context, reference):
    """While a signal is drafted from a case: the open signals that case may already belong
    to, so the same pattern does not become two signals."""
    from ombuds.cases.selectors import CaseNotFound, access_case

    user = context["request"].user
    if not reference or not user.has_role(ALL_CASES_ROLES):
        return {"signals": []}
    try:
        case = access_case(user, str(reference).upper(), event="case.signals_suggested")
    except CaseNotFound:
        return {"signals": []}
    return {"signals": selectors.related_signals(user, case), "case": case}


@register.inclusion_tag("insights/includes/theme_suggestion.html", takes_context=True)
def theme_suggestion(context, form):
    """The theme and domain suggestion under the intake's themes, its probabilities said in
    words ("waarschijnlijk"): filled by HTMX from the story, or by the "Stel thema's voor"
    button without JavaScript. A form that comes back with an error
    shows the suggestion it had, with the ticks as they were."""
    request = context.get("request")
    suggestion = context.get("theme_suggestion")
    chosen, chosen_domains = set(), set()
    if form.is_bound:
        chosen = set(form.data.getlist("themes"))
        chosen_domains = set(form.data.getlist("domains"))
        if suggestion is None and request is not None:
            suggestion = selectors.suggestion_shown(request.user, form.data.get(EVENT_FIELD))
    return {"suggestion": suggestion, "chosen": chosen, "chosen_domains": chosen_domains,
            "asked": context.get("suggestion_asked", False)}


@register.filter
def percent(value) -> str:
    """0.734 → "73%"; None → "—"."""
    return "—" if value is None else f"{round(value * 100)}%"
