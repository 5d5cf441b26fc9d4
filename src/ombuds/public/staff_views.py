"""Staff actions on a web request: revoking the resident's private status link."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from ombuds.cases.selectors import access_case
from ombuds.cases.views.common import case_role_required
from ombuds.public import services
from ombuds.public.models import WebRequest


@require_POST
@case_role_required
def status_link_revoke(request, reference: str):
    case = access_case(request.user, reference)
    if not WebRequest.objects.filter(case=case).exists():
        raise Http404("Deze zaak kwam niet via het webformulier.")
    services.status_link_revoke(user=request.user, case=case)
    messages.success(request, "De statuslink van de inwoner is ingetrokken. Hij werkt niet meer.")
    return redirect("cases:detail", reference=case.reference)
