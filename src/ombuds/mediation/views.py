"""Staff pages of mediation: parties and consent, meetings and agreements, referral, and the
list of one's open agreements.

Thin views, as in the procedures app: the case is fetched with ``access_case`` (scoped and
audited, a 404 outside the user's scope), forms check input, the services write. A
successful POST redirects to the case page with a message; a failed one shows the page again
with an error summary and the input kept (status 400).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from ombuds.cases.models import CaseOrganisation
from ombuds.cases.selectors import access_case
from ombuds.cases.views.common import case_role_required
from ombuds.mediation import selectors, services
from ombuds.mediation.forms import (
    AgreementStatusForm,
    ConsentRecordForm,
    ConsentRevokeForm,
    OverrideForm,
    PartyForm,
    ReferralArrivalForm,
    ReferralForm,
)
from ombuds.mediation.models import Agreement, Consent, Referral


def _party(case, party_id: int) -> CaseOrganisation:
    """Return the case's party ``party_id``; another case's party is a 404."""
    party = (CaseOrganisation.objects.select_related("organisation")
             .filter(case=case, pk=party_id).first())
    if party is None:
        raise Http404("Partij niet gevonden.")
    party.case = case
    return party


def _consent(party, consent_id: int) -> Consent:
    consent = Consent.objects.filter(party=party, pk=consent_id).first()
    if consent is None:
        raise Http404("Toestemming niet gevonden.")
    consent.case, consent.party = party.case, party
    return consent


def _agreement(case, agreement_id: int) -> Agreement:
    agreement = (Agreement.objects.select_related("party__organisation", "meeting")
                 .filter(case=case, pk=agreement_id).first())
    if agreement is None:
        raise Http404("Afspraak niet gevonden.")
    agreement.case = case
    return agreement


def _referral(case, referral_id: int) -> Referral:
    referral = (Referral.objects.select_related("organisation")
                .filter(case=case, pk=referral_id).first())
    if referral is None:
        raise Http404("Verwijzing niet gevonden.")
    referral.case = case
    return referral


def _save(request, form, write, *, success: str, case, template: str, context: dict,
          anchor: str):
    """Validate ``form``, call ``write(**data)``; redirect on success, else show the errors."""
    if form.is_valid():
        try:
            write(**form.service_kwargs())
        except ValidationError as error:
            form.apply_service_error(error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
            return render(request, template, {"case": case, "form": form, **context},
                          status=403)
        else:
            messages.success(request, success)
            return redirect(reverse("cases:detail", args=[case.reference]) + f"#{anchor}")
    return render(request, template, {"case": case, "form": form, **context}, status=400)


def _page(request, template, case, form, context=None):
    return render(request, template, {"case": case, "form": form, **(context or {})})


# --- parties and consent ------------------------------------------------------------------

@case_role_required
def party_add(request, reference: str):
    case = access_case(request.user, reference)
    template = "mediation/party_form.html"
    if request.method != "POST":
        return _page(request, template, case, PartyForm(case=case))
    form = PartyForm(request.POST, case=case)
    return _save(request, form,
                 lambda **data: services.party_add(user=request.user, case=case, **data),
                 success="De partij is toegevoegd.", case=case, template=template,
                 context={}, anchor="partijen")


@case_role_required
def consent_add(request, reference: str, party_id: int):
    case = access_case(request.user, reference)
    party = _party(case, party_id)
    template, context = "mediation/consent_form.html", {"party": party}
    if request.method != "POST":
        return _page(request, template, case, ConsentRecordForm(case=case), context)
    form = ConsentRecordForm(request.POST, case=case)
    return _save(request, form,
                 lambda **data: services.consent_record(user=request.user, party=party, **data),
                 success=f"De toestemming voor {party.organisation.name} is vastgelegd.",
                 case=case, template=template, context=context, anchor="partijen")


@case_role_required
def consent_revoke(request, reference: str, party_id: int, consent_id: int):
    case = access_case(request.user, reference)
    party = _party(case, party_id)
    consent = _consent(party, consent_id)
    template, context = "mediation/consent_revoke.html", {"party": party, "consent": consent}
    if request.method != "POST":
        return _page(request, template, case, ConsentRevokeForm(), context)
    form = ConsentRevokeForm(request.POST)
    return _save(request, form,
                 lambda **data: services.consent_revoke(user=request.user, consent=consent,
                                                        **data),
                 success=f"De toestemming voor {party.organisation.name} is ingetrokken.",
                 case=case, template=template, context=context, anchor="partijen")


@case_role_required
def override_add(request, reference: str, party_id: int):
    case = access_case(request.user, reference)
    party = _party(case, party_id)
    template, context = "mediation/override_form.html", {"party": party}
    if request.method != "POST":
        return _page(request, template, case, OverrideForm(), context)
    form = OverrideForm(request.POST)
    return _save(request, form,
                 lambda **data: services.consent_override_record(user=request.user,
                                                                 party=party, **data),
                 success="De doorbreking is vastgelegd en in het logboek gemarkeerd.",
                 case=case, template=template, context=context, anchor="partijen")


# --- agreements (the meeting pages are in ``meeting_views``) ------------------------------

@case_role_required
def agreement_status(request, reference: str, agreement_id: int):
    case = access_case(request.user, reference)
    agreement = _agreement(case, agreement_id)
    template, context = "mediation/agreement_status.html", {"agreement": agreement}
    if request.method != "POST":
        form = AgreementStatusForm(initial=AgreementStatusForm.initial_for(agreement))
        return _page(request, template, case, form, context)
    form = AgreementStatusForm(request.POST)
    return _save(request, form,
                 lambda **data: services.agreement_status_change(
                     user=request.user, agreement=agreement, **data),
                 success="De status van de afspraak is opgeslagen.", case=case,
                 template=template, context=context, anchor=f"afspraak-{agreement.pk}")


@case_role_required
def my_agreements(request):
    """All open agreements of the cases assigned to the user, earliest due first, and the
    referrals whose arrival is still to be checked."""
    return render(request, "mediation/my_agreements.html", {
        "agreements": selectors.open_agreements(request.user),
        "referrals": selectors.open_referral_checks(request.user),
        "today": timezone.localdate()})


# --- referral -----------------------------------------------------------------------------

@case_role_required
def referral_add(request, reference: str):
    case = access_case(request.user, reference)
    template = "mediation/referral_form.html"
    if request.method != "POST":
        form = ReferralForm(case=case, route=request.GET.get("route", ""))
        return _page(request, template, case, form)
    form = ReferralForm(request.POST, case=case)

    def write(**data):
        referral = services.referral_create(user=request.user, case=case, **data)
        if referral.warning:  # e.g. to bezwaar after its term: what is still possible
            messages.warning(request, referral.warning)

    return _save(request, form, write, success="De verwijzing is vastgelegd.", case=case,
                 template=template, context={}, anchor="verwijzing")


@case_role_required
def referral_arrival(request, reference: str, referral_id: int):
    case = access_case(request.user, reference)
    referral = _referral(case, referral_id)
    template, context = "mediation/referral_arrival.html", {"referral": referral}
    if request.method != "POST":
        return _page(request, template, case, ReferralArrivalForm(), context)
    form = ReferralArrivalForm(request.POST)
    return _save(request, form,
                 lambda **data: services.referral_arrival_record(
                     user=request.user, referral=referral, **data),
                 success="Vastgelegd of de inwoner is aangekomen.", case=case,
                 template=template, context=context, anchor="verwijzing")
