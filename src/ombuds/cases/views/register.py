"""Intake: registering a new case, with the check for earlier files of the same resident."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from ombuds.cases import selectors, services
from ombuds.cases.forms import IntakeForm
from ombuds.cases.permissions import can_register
from ombuds.cases.views.common import case_role_required, is_htmx

SEARCH = "zoek"


def _matches(request, form: IntakeForm) -> list:
    return selectors.similar_persons(request.user, **form.person_lookup())


@case_role_required
def case_register_view(request):
    if not can_register(request.user):
        raise PermissionDenied("U mag geen zaken registreren.")
    if request.method != "POST":
        form = IntakeForm(user=request.user)
        return render(request, "cases/register.html", {"form": form})
    form = IntakeForm(request.POST, user=request.user)
    form.set_matches(_matches(request, form))
    if request.POST.get("action") == SEARCH:
        # "Zoek bestaande dossiers": show what was found, keep the input, no errors yet.
        form.suppress_errors()
        template = "cases/includes/duplicates.html" if is_htmx(request) else "cases/register.html"
        return render(request, template, {"form": form, "searched": True})
    if form.is_valid():
        try:
            case = services.case_register(user=request.user, **form.register_kwargs())
        except (ValidationError, PermissionDenied) as error:
            form.apply_service_error(error if isinstance(error, ValidationError)
                                     else ValidationError(str(error)))
        else:
            messages.success(request, f"De aanmelding is geregistreerd als {case.reference}.")
            if not selectors.may_open(request.user, case):
                # Handed to a handler at intake: out of the secretariat's scope from now on.
                messages.info(request, f"Zaak {case.reference} staat niet in uw werklijst: "
                              "de zaak is aan een behandelaar toegewezen.")
                return redirect("cases:worklist")
            return redirect("cases:detail", reference=case.reference)
    return render(request, "cases/register.html", {"form": form, "searched": True}, status=400)
