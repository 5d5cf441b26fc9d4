"""Staff pages for partner links and the survey: send a request to a party, revoke it, invite
the resident to the survey. Thin: ``access_case`` reads (scoped, audited), services write.

A new link's token is shown once, in the response to the POST that made it; it is never
stored, put in a message or logged.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ombuds.cases.selectors import access_case
from ombuds.cases.views.common import case_role_required
from ombuds.mediation import partner, survey
from ombuds.mediation.models import PartnerLink, SurveyInvitation
from ombuds.mediation.staff_forms import PartnerLinkForm


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@never_cache
@case_role_required
def link_create(request, reference: str):
    case = access_case(request.user, reference)
    if not partner.may_send_requests(request.user, case):
        raise PermissionDenied("U mag geen verzoeken aan partijen versturen in deze zaak.")
    form = PartnerLinkForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            link, token = partner.partner_link_create(
                user=request.user, case=case, party=data["party"], purpose=data["purpose"],
                question=data["question"], valid_days=data["valid_days"],
                base_url=_base_url(request))
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            return render(request, "partner/staff/link_created.html", {
                "case": case, "link": link,
                "url": partner.partner_link_url(token, _base_url(request))})
    return render(request, "partner/staff/link_form.html", {"case": case, "form": form},
                  status=400 if form.errors else 200)


@require_POST
@case_role_required
def link_revoke(request, reference: str, link_id: int):
    case = access_case(request.user, reference)
    link = PartnerLink.objects.filter(case=case, pk=link_id).select_related(
        "party__organisation").first()
    if link is None:
        raise Http404("Link niet gevonden.")
    partner.partner_link_revoke(user=request.user, case=case, link=link)
    messages.success(request, f"De link voor {link.party.organisation.name} is ingetrokken. "
                     "Hij werkt niet meer.")
    return redirect("cases:detail", reference=case.reference)


@never_cache
@case_role_required
def survey_invite(request, reference: str):
    case = access_case(request.user, reference)
    if not partner.may_send_requests(request.user, case):
        raise PermissionDenied("U mag voor deze zaak geen enquête versturen.")
    invitation = SurveyInvitation.objects.filter(case=case).first()
    context = {"case": case, "state": survey.survey_state(invitation), "error": ""}
    if request.method == "POST":
        try:
            invitation, token, emailed = survey.survey_invite(
                case=case, user=request.user, base_url=_base_url(request))
        except ValidationError as error:
            context["error"] = " ".join(error.messages)
        else:
            return render(request, "partner/staff/survey_created.html", {
                "case": case, "emailed": emailed, "invitation": invitation,
                "url": survey.survey_url(token, _base_url(request))})
    return render(request, "partner/staff/survey_invite.html", context,
                  status=400 if context["error"] else 200)
