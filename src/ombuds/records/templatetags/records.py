"""Retention on pages the ``cases`` app renders (``{% load records %}``).

``cases`` never imports ``records``: the case page calls ``{% case_retention case %}``, which
shows on a closed case the day it is to be destroyed, and any legal hold.
"""

from __future__ import annotations

from django import template

from ombuds.records.models import LegalHold
from ombuds.records.selectors import case_term
from ombuds.records.services import can_hold

register = template.Library()


@register.inclusion_tag("records/includes/case_retention.html", takes_context=True)
def case_retention(context, case):
    """"Te vernietigen op <date>" and the legal hold of a closed case; nothing while open."""
    term = case_term(case)
    if term is None:
        return {"term": None}
    request = context.get("request")
    user = getattr(request, "user", None)
    hold = (LegalHold.objects.filter(case=case, lifted_at__isnull=True).first()
            if term.held else None)
    return {"case": case, "term": term, "hold": hold,
            "may_hold": bool(user and user.is_authenticated and can_hold(user, case))}
