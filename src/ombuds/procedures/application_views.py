"""Staff pages for the applications and reports of need of a case (a decision that does not
come, issue 14): add, change and remove one; the case page lists them
(``templatetags/applications.py``).

Thin views like ``views.py``: the case comes from ``access_case`` (scoped, audited, a 404
outside the user's scope), another case's application is a 404, the form checks input and
``procedures.applications`` writes and recomputes the terms. A failed POST shows the page again
with the errors per field and the input kept (400).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from ombuds.cases.selectors import access_case
from ombuds.cases.views.common import case_role_required
from ombuds.procedures.application_forms import ApplicationDeleteForm, ApplicationForm
from ombuds.procedures.applications import (
    application_create,
    application_delete,
    application_update,
)
from ombuds.procedures.models import Application
from ombuds.procedures.views import _save

TEMPLATE = "procedures/application_form.html"
ANCHOR = "aanvragen"


def _application(case, application_id: int) -> Application:
    """Return the case's application ``application_id``; another case's is a 404."""
    application = (Application.objects.select_related("organisation")
                   .filter(case=case, pk=application_id).first())
    if application is None:
        raise Http404("Aanvraag niet gevonden.")
    application.case = case
    return application


@case_role_required
def application_add(request, reference: str):
    case = access_case(request.user, reference)
    if request.method != "POST":
        return render(request, TEMPLATE, {"case": case, "form": ApplicationForm(case=case)})
    form = ApplicationForm(request.POST, case=case)
    return _save(request, form,
                 lambda **data: application_create(user=request.user, case=case, **data),
                 success="De aanvraag is vastgelegd en de termijn is berekend.",
                 case=case, template=TEMPLATE, context={}, anchor=ANCHOR)


@case_role_required
def application_change(request, reference: str, application_id: int):
    case = access_case(request.user, reference)
    application = _application(case, application_id)
    context = {"application": application}
    if request.method != "POST":
        form = ApplicationForm(initial=ApplicationForm.initial_for(application), case=case)
        return render(request, TEMPLATE, {"case": case, "form": form, **context})
    form = ApplicationForm(request.POST, case=case)
    return _save(request, form,
                 lambda **data: application_update(user=request.user, application=application,
                                                   **data),
                 success="De aanvraag is gewijzigd en de termijnen zijn opnieuw berekend.",
                 case=case, template=TEMPLATE, context=context, anchor=ANCHOR)


@case_role_required
def application_delete_view(request, reference: str, application_id: int):
    """Ask for confirmation (GET), then remove the application and its terms (POST)."""
    case = access_case(request.user, reference)
    application = _application(case, application_id)
    back = f"{reverse('cases:detail', args=[case.reference])}#{ANCHOR}"
    context = {"case": case, "application": application, "deleting": True, "back": back}
    if request.method != "POST":
        return render(request, TEMPLATE, {**context, "form": ApplicationDeleteForm()})
    form = ApplicationDeleteForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            application_delete(user=request.user, application=application)
        except ValidationError as error:
            form.apply_service_error(error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
            status = 403
        else:
            messages.success(request, f"De aanvraag ‘{application.subject}’ en de termijnen "
                                      "ervan zijn verwijderd.")
            return redirect(back)
    return render(request, TEMPLATE, {**context, "form": form}, status=status)
