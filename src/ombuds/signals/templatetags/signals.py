"""The signals section of the case page (``{% load signals %}{% case_signals case %}``), and
the recommendations of a variant-6 report (``{% case_recommendations case %}``).

``cases`` never imports ``signals``: its case page calls this tag. Only ombudspersons and
coordinators of the case's municipality see the section; it lists the signals the case is
linked to, offers "Signaal maken" and linking the case to an open signal.
"""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse

from ombuds.accounts.roles import ALL_CASES_ROLES
from ombuds.signals.selectors import case_recommendations as recommendations_of_case
from ombuds.signals.selectors import case_signals as signals_of_case
from ombuds.signals.selectors import linkable_signals
from ombuds.signals.services import recommends_on

register = template.Library()


@register.inclusion_tag("signals/includes/case_signals.html", takes_context=True)
def case_signals(context, case):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.roles_in(case.municipality_id) & ALL_CASES_ROLES:
        return {"available": False}
    try:
        create_url = reverse("signals:create") + f"?zaak={case.reference}"
    except NoReverseMatch:  # the signal pages are not mounted in this installation
        return {"available": False}
    return {"available": True, "case": case, "signals": signals_of_case(case),
            "linkable": linkable_signals(case), "create_url": create_url,
            "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("signals/includes/case_recommendations.html", takes_context=True)
def case_recommendations(context, case):
    """The recommendations of the ombudsfunctie's report on ``case`` with their responses;
    nothing for a case that is not a request to the ombudsfunctie (variant 6). Whoever sees
    the case page sees the list; ombudspersons and coordinators get the links to change it."""
    if case.workflow.variant != 6 or not recommends_on(case):
        return {"available": False}
    request = context.get("request")
    user = getattr(request, "user", None)
    editable = bool(user is not None and user.is_authenticated
                    and user.roles_in(case.municipality_id) & ALL_CASES_ROLES)
    return {"available": True, "case": case, "editable": editable,
            "recommendations": recommendations_of_case(case)}
