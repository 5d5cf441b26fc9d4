"""Staff pages of the procedures: record a case's disputed decisions and complaints, and the
pro-forma objection letter.

Thin views: the case is fetched with ``access_case`` (scoped and audited, a 404 outside the
user's scope), forms check input, the services write and recompute the deadlines. Each form
has its own page; a successful POST redirects to the case page with a message, a failed one
shows the page again with an error summary and the input kept (status 400).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from ombuds.cases.selectors import access_case, audit_case
from ombuds.cases.views.common import case_role_required
from ombuds.core.audit import Action
from ombuds.procedures import services
from ombuds.procedures.forms import ComplaintForm, ConfirmDeleteForm, DecisionForm
from ombuds.procedures.models import Complaint, DeadlineKind, DisputedDecision
from ombuds.procedures.templatetags.procedures import deadline_view, request_calendar


def _decision(case, decision_id: int) -> DisputedDecision:
    """Return the case's decision ``decision_id``; another case's decision is a 404."""
    decision = (DisputedDecision.objects.select_related("organisation")
                .filter(case=case, pk=decision_id).first())
    if decision is None:
        raise Http404("Besluit niet gevonden.")
    decision.case = case
    return decision


def _complaint(case, complaint_id: int) -> Complaint:
    complaint = Complaint.objects.filter(case=case, pk=complaint_id).first()
    if complaint is None:
        raise Http404("Klacht niet gevonden.")
    complaint.case = case
    return complaint


def _save(request, form, write, *, success: str, case, template: str, context: dict):
    """Validate ``form``, call ``write(**data)``; redirect on success, else show the errors."""
    if form.is_valid():
        try:
            write(**form.service_kwargs())
        except ValidationError as error:
            form.apply_service_error(error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
            return render(request, template, {"case": case, "form": form, **context}, status=403)
        else:
            messages.success(request, success)
            return redirect("cases:detail", reference=case.reference)
    return render(request, template, {"case": case, "form": form, **context}, status=400)


# --- disputed decisions ---------------------------------------------------------------------

DECISION_TEMPLATE = "procedures/decision_form.html"


@case_role_required
def decision_add(request, reference: str):
    case = access_case(request.user, reference)
    if request.method != "POST":
        form = DecisionForm(case=case)
        return render(request, DECISION_TEMPLATE, {"case": case, "form": form})
    form = DecisionForm(request.POST, case=case)
    return _save(request, form,
                 lambda **data: services.decision_create(user=request.user, case=case, **data),
                 success="Het besluit is vastgelegd en de termijnen zijn berekend.",
                 case=case, template=DECISION_TEMPLATE, context={})


@case_role_required
def decision_change(request, reference: str, decision_id: int):
    case = access_case(request.user, reference)
    decision = _decision(case, decision_id)
    context = {"decision": decision}
    if request.method != "POST":
        form = DecisionForm(initial=DecisionForm.initial_for(decision), case=case)
        return render(request, DECISION_TEMPLATE, {"case": case, "form": form, **context})
    form = DecisionForm(request.POST, case=case)
    return _save(request, form,
                 lambda **data: services.decision_update(user=request.user, decision=decision,
                                                         **data),
                 success="Het besluit is gewijzigd en de termijnen zijn opnieuw berekend.",
                 case=case, template=DECISION_TEMPLATE, context=context)


@case_role_required
def decision_delete(request, reference: str, decision_id: int):
    case = access_case(request.user, reference)
    decision = _decision(case, decision_id)
    return _delete(request, case, decision, kind="decision",
                   write=lambda: services.decision_delete(user=request.user, decision=decision),
                   success=f"Het besluit ‘{decision.subject}’ en de termijnen ervan zijn "
                           "verwijderd.")


# --- complaints -----------------------------------------------------------------------------

COMPLAINT_TEMPLATE = "procedures/complaint_form.html"


@case_role_required
def complaint_add(request, reference: str):
    case = access_case(request.user, reference)
    if request.method != "POST":
        return render(request, COMPLAINT_TEMPLATE, {"case": case, "form": ComplaintForm()})
    form = ComplaintForm(request.POST)
    return _save(request, form,
                 lambda **data: services.complaint_create(user=request.user, case=case, **data),
                 success="De klacht is vastgelegd en de termijnen zijn berekend.",
                 case=case, template=COMPLAINT_TEMPLATE, context={})


@case_role_required
def complaint_change(request, reference: str, complaint_id: int):
    case = access_case(request.user, reference)
    complaint = _complaint(case, complaint_id)
    context = {"complaint": complaint}
    if request.method != "POST":
        form = ComplaintForm(initial=ComplaintForm.initial_for(complaint))
        return render(request, COMPLAINT_TEMPLATE, {"case": case, "form": form, **context})
    form = ComplaintForm(request.POST)
    return _save(request, form,
                 lambda **data: services.complaint_update(user=request.user, complaint=complaint,
                                                          **data),
                 success="De klacht is gewijzigd en de termijnen zijn opnieuw berekend.",
                 case=case, template=COMPLAINT_TEMPLATE, context=context)


@case_role_required
def complaint_delete(request, reference: str, complaint_id: int):
    case = access_case(request.user, reference)
    complaint = _complaint(case, complaint_id)
    return _delete(request, case, complaint, kind="complaint",
                   write=lambda: services.complaint_delete(user=request.user, complaint=complaint),
                   success=f"De klacht ‘{complaint.subject}’ en de termijnen ervan zijn "
                           "verwijderd.")


def _delete(request, case, obj, *, kind: str, write, success: str):
    """Ask for confirmation (GET), then remove through the service (POST)."""
    template = "procedures/confirm_delete.html"
    context = {"case": case, "object": obj, "kind": kind}
    if request.method != "POST":
        return render(request, template, {**context, "form": ConfirmDeleteForm()})
    form = ConfirmDeleteForm(request.POST)
    if not form.is_valid():
        return render(request, template, {**context, "form": form}, status=400)
    try:
        write()
    except PermissionDenied as error:
        form.add_error(None, str(error))
        return render(request, template, {**context, "form": form}, status=403)
    messages.success(request, success)
    return redirect("cases:detail", reference=case.reference)


# --- the pro-forma objection letter ---------------------------------------------------------

@case_role_required
def proforma_letter(request, reference: str, decision_id: int):
    """A printable objection without grounds (Awb 6:6) from the resident, so mediation never
    costs the right to object. Reading it is audited as an execute (print) event."""
    case = access_case(request.user, reference, event="letter.proforma_requested")
    decision = _decision(case, decision_id)
    objection = decision.deadlines.filter(kind=DeadlineKind.OBJECTION).first()
    audit_case(user=request.user, case=case, action=Action.EXECUTE,
               event="letter.proforma_viewed", details={"decision": decision.pk})
    term = None
    if objection is not None:
        term = deadline_view(objection, case=case, request=request,
                             calendar=request_calendar(request))
    return render(request, "procedures/proforma_letter.html", {
        "case": case, "decision": decision, "person": case.person, "term": term,
        "today": timezone.localdate(),
    })
