"""The case page and its actions: add a timeline entry, assign, change the status, close.

Each action posts to its own URL and redirects back with a message; when it fails, the case
page is rendered again with the failed form (its input kept) and an error summary. Closing
has its own page (``case_close``): it lists what is still open (the closing check) above the
closing form, and a failed closure is shown there.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ombuds.cases import selectors, services
from ombuds.cases.forms import (
    AssignForm,
    CaseDetailsForm,
    ReopenForm,
    TimelineEntryForm,
    TransitionForm,
)
from ombuds.cases.hooks import OPEN_ITEM_KINDS, case_formal_procedure, case_open_items
from ombuds.cases.permissions import can_assign, can_edit, can_transition, sees_health_details
from ombuds.cases.rendering import fast_widgets
from ombuds.cases.views.common import case_role_required
from ombuds.domain.case_sections import applicable_sections
from ombuds.domain.workflow import InvalidTransition


def render_case_page(request, reference: str, *, failed=None, status: int = 200):
    """Render the case page; ``failed`` is a bound form with errors, shown in its place."""
    case = selectors.case_detail(request.user, reference)
    user = request.user
    workflow = case.workflow.workflow
    transitions = [] if case.is_closed else workflow.transitions_from(case.status)
    # The empty forms are written by ``fast_widgets`` (same markup, less template work).
    forms = {"entry_form": TimelineEntryForm(renderer=fast_widgets), "assign_form": None,
             "closing_forms": []}
    if can_assign(user, case) and not case.is_closed:
        forms["assign_form"] = AssignForm(case=case, renderer=fast_widgets)
    moves, forms["dated_moves"] = [], []
    if can_transition(user, case):
        forms["closing_forms"] = [TransitionForm(case=case, transition=t, renderer=fast_widgets)
                                  for t in transitions if t.outcomes]
        # A move that records a date (e.g. the receipt of a complaint) gets its own small
        # form with that date; the others stay buttons of one form.
        for t in transitions:
            if not t.outcomes:
                form = TransitionForm(case=case, transition=t, renderer=fast_widgets)
                (forms["dated_moves"] if form.asks_date else moves).append(form)
    forms["reopen_form"] = None
    if case.is_closed and can_transition(user, case):
        forms["reopen_form"] = failed if isinstance(failed, ReopenForm) else ReopenForm()
    if isinstance(failed, TimelineEntryForm):
        forms["entry_form"] = failed
    elif isinstance(failed, AssignForm):
        forms["assign_form"] = failed
    elif isinstance(failed, TransitionForm):
        for key in ("closing_forms", "dated_moves"):
            forms[key] = [failed if f.transition == failed.transition else f
                          for f in forms[key]]
    return render(request, "cases/detail.html", {
        "case": case, "workflow": workflow, "failed": failed,
        "sees_health": sees_health_details(user, case),
        "can_transition": can_transition(user, case),
        "can_edit": can_edit(user, case) and not case.is_closed,
        "moves": [form.transition for form in moves],
        # The workspace: what applies to the variant, and what is still open at the top.
        "sections": applicable_sections(workflow),
        "open_items": [] if case.is_closed else case_open_items(case),
        **forms,
    }, status=status)


@case_role_required
def case_page(request, reference: str):
    return render_case_page(request, reference)


def _fail(request, reference, form, error) -> object:
    """Show a service's refusal on the failed form and render the page again."""
    if isinstance(error, ValidationError):
        form.apply_service_error(error)
        return render_case_page(request, reference, failed=form, status=400)
    message = error.message if isinstance(error, InvalidTransition) else str(error)
    form.add_error(None, message)
    code = 403 if isinstance(error, PermissionDenied) else 400
    return render_case_page(request, reference, failed=form, status=code)


@require_POST
@case_role_required
def case_add_entry(request, reference: str):
    case = selectors.access_case(request.user, reference)
    form = TimelineEntryForm(request.POST, request.FILES)
    if not form.is_valid():
        return render_case_page(request, reference, failed=form, status=400)
    data = form.cleaned_data
    try:
        services.timeline_entry_add(
            user=request.user, case=case, kind=data["kind"], summary=data["summary"],
            body=data["body"], occurred_at=data["occurred_at"], sensitive=data["sensitive"],
            sent_to_resident=data["sent_to_resident"], files=data["files"],
        )
    except (ValidationError, PermissionDenied) as error:
        return _fail(request, reference, form, error)
    messages.success(request, "De tijdlijnregel is toegevoegd.")
    return redirect("cases:detail", reference=reference)


@require_POST
@case_role_required
def case_assign_view(request, reference: str):
    case = selectors.access_case(request.user, reference)
    form = AssignForm(request.POST, case=case)
    if not form.is_valid():
        return render_case_page(request, reference, failed=form, status=400)
    assignee = form.cleaned_data["assignee"]
    try:
        services.case_assign(user=request.user, case=case, assignee=assignee)
    except (ValidationError, PermissionDenied) as error:
        return _fail(request, reference, form, error)
    who = assignee.display_name if assignee else "niemand (nieuwe aanmeldingen)"
    messages.success(request, f"Zaak {reference} is toegewezen aan {who}.")
    if not selectors.may_open(request.user, case):
        # The secretariat handed it on: the case leaves their scope (the intake) now.
        messages.info(request, f"Zaak {reference} staat niet meer in uw werklijst.")
        return redirect("cases:worklist")
    return redirect("cases:detail", reference=reference)


@require_POST
@case_role_required
def case_transition_view(request, reference: str):
    case = selectors.access_case(request.user, reference)
    target = request.POST.get("target", "")
    workflow = case.workflow.workflow
    transition = next((t for t in workflow.transitions_from(case.status)
                       if t.target == target), None)
    if transition is not None and workflow.is_closed(transition.target):
        return _close(request, case, transition)  # through the closing check
    form = TransitionForm(request.POST, case=case, transition=transition)
    if not form.is_valid():
        return render_case_page(request, reference, failed=form, status=400)
    data = form.cleaned_data
    try:
        services.case_transition(user=request.user, case=case, target=data["target"],
                                 outcome=data["outcome"], note=data["note"],
                                 closure=form.closure(), on=form.on())
    except (InvalidTransition, ValidationError, PermissionDenied) as error:
        return _fail(request, reference, form, error)
    messages.success(request, f"De status van {reference} is nu ‘{case.status_label}’.")
    return redirect("cases:detail", reference=reference)


CLOSE_PAGE = "cases/close.html"


@require_http_methods(["GET", "POST"])
@case_role_required
def case_close(request, reference: str):
    """The closing page: what is still open on the case, and the closing form. Closing with
    anything open needs the reason to close anyway (``services.case_transition``)."""
    case = selectors.access_case(request.user, reference)
    workflow = case.workflow.workflow
    transition = None if case.is_closed else next(
        (t for t in workflow.transitions_from(case.status) if workflow.is_closed(t.target)), None)
    if transition is None:
        messages.info(request, "Deze zaak is al afgesloten." if case.is_closed
                      else "Vanuit deze status kan de zaak niet worden afgesloten.")
        return redirect("cases:detail", reference=reference)
    if not can_transition(request.user, case):
        raise PermissionDenied("U mag de status van deze zaak niet wijzigen.")
    return _close(request, case, transition)


def _close(request, case, transition):
    """GET: the closing page; POST: close the case, or show the page again with the error."""
    items = case_open_items(case)
    kwargs = {"case": case, "transition": transition, "open_items": items,
              "formal_procedure": case_formal_procedure(case)}
    if request.method != "POST":
        return _close_page(request, case, TransitionForm(**kwargs), items)
    posted = request.POST.copy()
    posted["target"] = transition.target  # the page closes; the move is not chosen by the form
    form = TransitionForm(posted, **kwargs)
    if not form.is_valid():
        return _close_page(request, case, form, items, status=400)
    data = form.cleaned_data
    try:
        services.case_transition(user=request.user, case=case, target=transition.target,
                                 outcome=data["outcome"], note=data["note"],
                                 closure=form.closure(), on=form.on(), reason=form.close_anyway_reason())
    except ValidationError as error:
        if hasattr(error, "error_dict"):  # the page lists the open items itself
            error = ValidationError({name: errors for name, errors in error.error_dict.items()
                                     if name != "open_items"})
        form.apply_service_error(error)
        return _close_page(request, case, form, items, status=400)
    except (InvalidTransition, PermissionDenied) as error:
        form.add_error(None, error.message if isinstance(error, InvalidTransition) else str(error))
        status = 403 if isinstance(error, PermissionDenied) else 400
        return _close_page(request, case, form, items, status=status)
    messages.success(request, f"Zaak {case.reference} is afgesloten: "
                              f"{case.outcome_label.lower()}.")
    return redirect("cases:detail", reference=case.reference)


def _close_page(request, case, form, items, status: int = 200):
    groups = [(label, [item for item in items if item.kind == kind])
              for kind, label in OPEN_ITEM_KINDS.items()]
    return render(request, CLOSE_PAGE, {
        "case": case, "form": form, "open_groups": [(label, found) for label, found in groups
                                                    if found],
        "open_count": len(items),
    }, status=status)


@require_http_methods(["GET", "POST"])
@case_role_required
def case_edit(request, reference: str):
    """Correct the intake details of an open case: the question, its themes and urgency."""
    user = request.user
    case = selectors.access_case(user, reference)
    if case.is_closed or not can_edit(user, case):
        messages.info(request, "De gegevens van een afgesloten zaak wijzigt u niet meer; een "
                               "correctie voor de inwoner loopt via een AVG-verzoek."
                      if case.is_closed else "U mag de gegevens van deze zaak niet wijzigen.")
        return redirect("cases:detail", reference=reference)
    form = CaseDetailsForm(request.POST or None, case=case,
                           may_see_health=sees_health_details(user, case))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                changed = services.case_update(user=user, case=case, **form.update_kwargs())
            except ValidationError as error:
                form.apply_service_error(error)
            else:
                messages.success(request, "De zaakgegevens zijn opgeslagen." if changed
                                 else "Er is niets gewijzigd.")
                return redirect("cases:detail", reference=reference)
        status = 400
    return render(request, "cases/edit.html", {"case": case, "form": form}, status=status)


@require_POST
@case_role_required
def case_reopen_view(request, reference: str):
    case = selectors.access_case(request.user, reference)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return render_case_page(request, reference, failed=form, status=400)
    try:
        services.case_reopen(user=request.user, case=case, reason=form.cleaned_data["reason"])
    except (ValidationError, PermissionDenied) as error:
        return _fail(request, reference, form, error)
    messages.success(request, f"Zaak {reference} is weer open.")
    return redirect("cases:detail", reference=reference)
