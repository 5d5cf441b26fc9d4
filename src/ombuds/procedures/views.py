"""Staff pages of the procedures: record a case's disputed decisions, the handling of its
complaint step by step (variants 4–6; the complaint itself is opened by the workflow), and
the pro-forma objection letter.

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
from django.urls import reverse
from django.utils import timezone

from ombuds.cases.selectors import access_case, audit_case
from ombuds.cases.views.common import case_role_required
from ombuds.core.audit import Action
from ombuds.domain.complaints import COMPLAINT_VARIANTS
from ombuds.procedures import services
from ombuds.procedures.complaints import (
    complaint_of,
    element_create,
    element_delete,
    element_update,
)
from ombuds.procedures.forms import (
    ConfirmDeleteForm,
    DecisionForm,
    ElementForm,
    complaint_steps,
)
from ombuds.procedures.models import Complaint, ComplaintElement, DeadlineKind, DisputedDecision
from ombuds.procedures.templatetags.procedures import deadline_view, request_calendar


def _decision(case, decision_id: int) -> DisputedDecision:
    """Return the case's decision ``decision_id``; another case's decision is a 404."""
    decision = (DisputedDecision.objects.select_related("organisation")
                .filter(case=case, pk=decision_id).first())
    if decision is None:
        raise Http404("Besluit niet gevonden.")
    decision.case = case
    return decision


def _save(request, form, write, *, success: str, case, template: str, context: dict,
          anchor: str = ""):
    """Validate ``form``, call ``write(**data)``; redirect to the case page (at ``anchor``) on
    success, else show the errors (a closed complaint's refusal among them) with the input."""
    context = {"case": case, "form": form, **context}
    if form.is_valid():
        try:
            write(**form.service_kwargs())
        except ValidationError as error:
            form.apply_service_error(error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
            return render(request, template, context, status=403)
        else:
            messages.success(request, success)
            url = reverse("cases:detail", args=[case.reference])
            return redirect(f"{url}#{anchor}" if anchor else url)
    return render(request, template, context, status=400)


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
        form = DecisionForm(initial=DecisionForm.initial_for(decision), case=case,
                            decision=decision)
        return render(request, DECISION_TEMPLATE, {"case": case, "form": form, **context})
    form = DecisionForm(request.POST, case=case, decision=decision)
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


# --- the complaint of the case (variants 4–6) ------------------------------------------------

COMPLAINT_TEMPLATE = "procedures/complaint_form.html"
ELEMENT_TEMPLATE = "procedures/element_form.html"


def _complaint(case) -> Complaint:
    """Return the case's complaint: a 404 on a case without one (variants 1–3, a variant-5
    case not converted into a formal complaint)."""
    complaint = complaint_of(case) if case.workflow.variant in COMPLAINT_VARIANTS else None
    if complaint is None:
        raise Http404("Deze zaak heeft geen klacht.")
    complaint.case = case
    return complaint


def _element(complaint, element_id: int) -> ComplaintElement:
    element = ComplaintElement.objects.filter(complaint=complaint, pk=element_id).first()
    if element is None:
        raise Http404("Klachtonderdeel niet gevonden.")
    element.complaint = complaint
    return element


def _back(case) -> str:
    return f"{reverse('cases:detail', args=[case.reference])}#klacht"


@case_role_required
def complaint_edit(request, reference: str, step: str):
    """One step of the complaint's handling (``forms.COMPLAINT_STEPS``), on its own page."""
    case = access_case(request.user, reference)
    complaint = _complaint(case)
    steps = dict(complaint_steps(case.workflow.variant))
    if step not in steps:
        raise Http404("Deze stap hoort niet bij deze klacht.")
    form_class = steps[step]
    context = {"complaint": complaint, "step": step}
    if request.method != "POST":
        form = form_class(initial=form_class.initial_for(complaint), complaint=complaint)
        return render(request, COMPLAINT_TEMPLATE, {"case": case, "form": form, **context})
    form = form_class(request.POST, complaint=complaint)
    return _save(
        request, form,
        lambda **data: services.complaint_update(user=request.user, complaint=complaint, **data),
        case=case, template=COMPLAINT_TEMPLATE, context=context, anchor="klacht",
        success=f"‘{form_class.title}’ is opgeslagen en de termijnen zijn opnieuw berekend.")


@case_role_required
def complaint_element_add(request, reference: str):
    case = access_case(request.user, reference)
    complaint = _complaint(case)
    variant = case.workflow.variant
    context = {"complaint": complaint}
    if request.method != "POST":
        form = ElementForm(variant=variant)
        return render(request, ELEMENT_TEMPLATE, {"case": case, "form": form, **context})
    form = ElementForm(request.POST, variant=variant)
    return _save(
        request, form,
        lambda **data: element_create(user=request.user, complaint=complaint, **data),
        case=case, template=ELEMENT_TEMPLATE, context=context, anchor="klacht",
        success="Het klachtonderdeel is vastgelegd.")


@case_role_required
def complaint_element_change(request, reference: str, element_id: int):
    case = access_case(request.user, reference)
    complaint = _complaint(case)
    element = _element(complaint, element_id)
    variant = case.workflow.variant
    context = {"complaint": complaint, "element": element}
    if request.method != "POST":
        form = ElementForm(initial=ElementForm.initial_for(element), variant=variant)
        return render(request, ELEMENT_TEMPLATE, {"case": case, "form": form, **context})
    form = ElementForm(request.POST, variant=variant)
    return _save(
        request, form,
        lambda **data: element_update(user=request.user, element=element, **data),
        case=case, template=ELEMENT_TEMPLATE, context=context, anchor="klacht",
        success=f"Klachtonderdeel {element.position} is gewijzigd.")


@case_role_required
def complaint_element_delete(request, reference: str, element_id: int):
    case = access_case(request.user, reference)
    complaint = _complaint(case)
    element = _element(complaint, element_id)
    return _delete(request, case, element, kind="element",
                   write=lambda: element_delete(user=request.user, element=element),
                   success=f"Klachtonderdeel {element.position} is verwijderd.",
                   back=_back(case))


def _delete(request, case, obj, *, kind: str, write, success: str, back: str = ""):
    """Ask for confirmation (GET), then remove through the service (POST)."""
    template = "procedures/confirm_delete.html"
    back = back or f"{reverse('cases:detail', args=[case.reference])}#termijnen"
    context = {"case": case, "object": obj, "kind": kind, "back": back}
    if request.method != "POST":
        return render(request, template, {**context, "form": ConfirmDeleteForm(kind=kind)})
    form = ConfirmDeleteForm(request.POST, kind=kind)
    if not form.is_valid():
        return render(request, template, {**context, "form": form}, status=400)
    try:
        write()
    except ValidationError as error:  # e.g. the complaint was closed meanwhile
        form.apply_service_error(error)
        return render(request, template, {**context, "form": form}, status=400)
    except PermissionDenied as error:
        form.add_error(None, str(error))
        return render(request, template, {**context, "form": form}, status=403)
    messages.success(request, success)
    return redirect(back)


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
