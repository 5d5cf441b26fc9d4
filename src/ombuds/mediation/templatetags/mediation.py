"""The mediation sections on pages the ``cases`` app renders (``{% load mediation %}``).

``cases`` never imports ``mediation``: its templates call these tags instead. The three
sections of the case page share one read of the case's mediation file per request.
"""

from __future__ import annotations

from datetime import date

from django import template
from django.utils import timezone

from ombuds.accounts.roles import ALL_CASES_ROLES
from ombuds.mediation.models import Agreement
from ombuds.mediation.selectors import MediationFile, case_mediation, reminder_horizon

register = template.Library()


def mediation_file(context, case) -> MediationFile:
    """Return the case's mediation file, read once per request."""
    request = context.get("request")
    cache = getattr(request, "_ombuds_mediation", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._ombuds_mediation = cache
    if case.pk not in cache:
        cache[case.pk] = case_mediation(case)
    return cache[case.pk]


def _stylesheet_once(context) -> bool:
    request = context.get("request")
    if request is None:
        return True
    if getattr(request, "_ombuds_mediation_css", False):
        return False
    request._ombuds_mediation_css = True
    return True


def due_state(agreement: Agreement, today: date | None = None) -> tuple[str, str]:
    """Return (badge state, words) for an agreement: its status once checked, otherwise
    whether it is overdue, due today, due soon or on time. The words carry the meaning."""
    today = today or timezone.localdate()
    if agreement.status != Agreement.Status.OPEN:
        return "met", agreement.get_status_display()
    if agreement.due_on < today:
        days = (today - agreement.due_on).days
        return "passed", f"Over tijd ({days} {'dag' if days == 1 else 'dagen'})"
    if agreement.due_on == today:
        return "urgent", "Vandaag uiterlijk"
    if agreement.due_on <= reminder_horizon(today):
        return "warning", "Binnenkort"
    return "ok", "Open"


@register.simple_tag
def agreement_state(agreement):
    state, words = due_state(agreement)
    return {"state": state, "label": words}


@register.inclusion_tag("mediation/includes/case_parties.html", takes_context=True)
def case_parties(context, case):
    """The "Partijen en toestemming" section: parties, their consents, any override."""
    request = context.get("request")
    user = getattr(request, "user", None)
    may_override = bool(user and user.roles_in(case.municipality_id) & ALL_CASES_ROLES)
    return {"case": case, "parties": mediation_file(context, case).parties,
            "may_override": may_override, "stylesheet": _stylesheet_once(context)}


@register.inclusion_tag("mediation/includes/case_meetings.html", takes_context=True)
def case_meetings(context, case):
    """The "Gesprekken en afspraken" section: the planned meetings (soonest first, with what
    can be done with them), the held ones with their minutes and agreements (latest first),
    and the cancelled ones."""
    file = mediation_file(context, case)
    planned = sorted((m for m in file.meetings if m.is_planned), key=lambda m: m.starts_at)
    return {"case": case, "planned": planned, "now": timezone.now(),
            "held": [m for m in file.meetings if m.is_held],
            "cancelled": [m for m in file.meetings if m.is_cancelled],
            "meetings": file.meetings, "loose": file.loose_agreements,
            "stylesheet": _stylesheet_once(context)}


@register.inclusion_tag("mediation/includes/case_referrals.html", takes_context=True)
def case_referrals(context, case):
    """The "Verwijzing" section: referrals and whether the resident arrived."""
    return {"case": case, "referrals": mediation_file(context, case).referrals,
            "today": timezone.localdate(), "stylesheet": _stylesheet_once(context)}


@register.inclusion_tag("mediation/includes/my_agreements_link.html")
def my_agreements_link():
    """A link to "Mijn open afspraken", e.g. on the worklist."""
    return {}
