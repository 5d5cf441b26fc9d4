"""The retention page: what is due for destruction, the legal holds, placing and lifting one.

For the ombudsperson and the beheerder of a municipality. It shows references, result types
and dates, never a name: the beheerder, who never opens a case, may manage holds here.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from ombuds.core.audit import Action, audit_log
from ombuds.core.views import role_required
from ombuds.records import selectors, services
from ombuds.records.models import LegalHold, RetentionRule, Tombstone
from ombuds.records.services import HOLD_ROLES

#: How far ahead the page looks for cases whose term ends soon.
AHEAD_DAYS = 90


class HoldForm(forms.Form):
    reference = forms.CharField(label="Zaaknummer", max_length=20,
                                help_text="Bijvoorbeeld STW-2026-0042.")
    reason = forms.CharField(label="Reden", max_length=300,
                             help_text="Waarom de zaak niet vernietigd mag worden, zonder namen.")


class LiftForm(forms.Form):
    reason = forms.CharField(label="Reden van opheffen", max_length=300)


def _page(request, *, form=None, status=200):
    municipalities = selectors.hold_municipalities(request.user)
    terms = selectors.retention_due(within_days=AHEAD_DAYS, municipality_ids=municipalities)
    holds = (LegalHold.objects.filter(case__municipality_id__in=municipalities,
                                      lifted_at__isnull=True)
             .select_related("case", "placed_by").order_by("-placed_at"))
    tombstones = (Tombstone.objects.filter(municipality_id__in=municipalities)
                  .order_by("-destroyed_at")[:50])
    audit_log(user=request.user, action=Action.EXECUTE, event="retention.viewed",
              object_type="records.tombstone", details={"due": len(terms)})
    return render(request, "records/overview.html", {
        "terms": terms, "holds": holds, "tombstones": tombstones,
        "rules": RetentionRule.objects.all(), "form": form or HoldForm(),
        "lift_form": LiftForm(), "ahead_days": AHEAD_DAYS,
    }, status=status)


@require_GET
@role_required(HOLD_ROLES)
def overview(request):
    return _page(request)


@require_POST
@role_required(HOLD_ROLES)
def hold_place(request):
    form = HoldForm(request.POST)
    if not form.is_valid():
        return _page(request, form=form, status=400)
    case = selectors.access_case_for_hold(request.user, form.cleaned_data["reference"])
    try:
        services.legal_hold_place(user=request.user, case=case,
                                  reason=form.cleaned_data["reason"])
    except PermissionError as error:
        raise PermissionDenied(str(error)) from error
    messages.success(request, f"Bewaarplicht geplaatst op {case.reference}.")
    return redirect("records:overview")


@require_POST
@role_required(HOLD_ROLES)
def hold_lift(request, reference: str):
    case = selectors.access_case_for_hold(request.user, reference)
    form = LiftForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Geef een reden op om de bewaarplicht op te heffen.")
        return redirect("records:overview")
    try:
        lifted = services.legal_hold_lift(user=request.user, case=case,
                                          reason=form.cleaned_data["reason"])
    except PermissionError as error:
        raise PermissionDenied(str(error)) from error
    if lifted:
        messages.success(request, f"Bewaarplicht op {case.reference} opgeheven.")
    else:
        messages.info(request, f"{case.reference} had geen bewaarplicht.")
    return redirect("records:overview")
