"""Staff actions on the resident's private status link: making one, revoking it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
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


@require_POST
@case_role_required
def status_link_issue(request, reference: str):
    """Make a status link: e-mail it to the resident, or show it once here to pass on."""
    case = access_case(request.user, reference)
    send_email = request.POST.get("how") == "email"
    try:
        url = services.status_link_issue(user=request.user, case=case, send_email=send_email)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if send_email:
            messages.success(request, "De statuslink is per e-mail naar de inwoner gestuurd.")
        else:
            request.session[services.SHOWN_LINK_SESSION_KEY.format(case=case.pk)] = url
    return redirect(f"{reverse('cases:detail', args=[case.reference])}#statuslink")
