"""Pages without an account: a party's request (``/partner/<token>/``) and the resident survey
(``/enquete/<token>/``).

The token is the only credential. It stays in a URL for one request only: the first page
checks it, remembers the link in the session and redirects to a URL without it (as Django's
password reset does), so it does not linger in the address bar, the history, referrers or
request logs. Responses for a wrong or closed token are not logged by Django's request
logger (``_has_been_logged``), so a token never reaches the application log.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from ombuds.cases.forms import StyledForm
from ombuds.core.private_links import not_found as _not_found
from ombuds.core.private_links import quiet as _quiet
from ombuds.core.private_links import remember, remembered
from ombuds.mediation import partner, survey
from ombuds.mediation.models import SurveyResponse

PARTNER_SESSION = "ombuds_partner_links"
SURVEY_SESSION = "ombuds_survey"
SURVEY_DONE_SESSION = "ombuds_survey_done"


class PartnerAnswerForm(StyledForm):
    mark_optional = True
    text = forms.CharField(label="Uw antwoord", widget=forms.Textarea(attrs={"rows": 8}),
                           error_messages={"required": "Schrijf uw antwoord."})
    attachment = forms.FileField(
        label="Bijlage", required=False,
        help_text="Bijvoorbeeld een brief of een besluit: pdf, Word, odt, foto of tekst.")


GRADES = [(str(n), str(n)) for n in range(1, 11)]


class SurveyForm(StyledForm):
    mark_optional = True
    felt_heard = forms.ChoiceField(label="Voelde u zich gehoord?", widget=forms.RadioSelect,
                                   choices=SurveyResponse.Answer.choices,
                                   error_messages={"required": "Kies ja, een beetje of nee."})
    problem_solved = forms.ChoiceField(label="Is uw probleem opgelost?", widget=forms.RadioSelect,
                                       choices=SurveyResponse.Answer.choices,
                                       error_messages={"required": "Kies ja, een beetje of nee."})
    grade = forms.TypedChoiceField(
        label="Welk cijfer geeft u?", coerce=int, widget=forms.RadioSelect, choices=GRADES,
        help_text="1 is heel slecht. 10 is heel goed.",
        error_messages={"required": "Kies een cijfer van 1 tot en met 10."})
    remark = forms.CharField(
        label="Wilt u nog iets zeggen?", required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Schrijf hier geen namen en niets over uw gezondheid.")




def _gone(request, link, state: str) -> HttpResponse:
    return _quiet(render(request, "partner/gone.html", {
        "state": state, "expires_at": link.expires_at,
        "office": link.case.municipality.office}, status=410))


def _remember(request, pk: int) -> None:
    remember(request, PARTNER_SESSION, pk)


def _remembered(request, pk: int) -> bool:
    return remembered(request, PARTNER_SESSION, pk)


@never_cache
@require_GET
def partner_entry(request, token: str):
    try:
        link = partner.partner_link_by_token(token)
    except partner.LinkNotFound:
        return _not_found(request)
    except partner.LinkGone as gone:
        return _gone(request, gone.link, gone.state)
    _remember(request, link.pk)
    return _quiet(redirect("partner:page", link_id=link.pk))


@never_cache
@require_http_methods(["GET", "POST"])
def partner_page(request, link_id: int):
    if not _remembered(request, link_id):
        return _not_found(request)
    try:
        link = partner.partner_link_by_id(link_id)
    except partner.LinkNotFound:
        return _not_found(request)
    except partner.LinkGone as gone:
        return _gone(request, gone.link, gone.state)
    form = PartnerAnswerForm()
    if request.method == "POST":
        form = PartnerAnswerForm(request.POST, request.FILES)
        if form.is_valid():
            files = [form.cleaned_data["attachment"]] if form.cleaned_data["attachment"] else []
            try:
                partner.partner_answer_submit(link=link, text=form.cleaned_data["text"],
                                              files=files)
            except partner.AlreadyAnswered:
                return _gone(request, link, partner.LinkState.ANSWERED)
            except ValidationError as error:
                form.apply_service_error(_on_attachment(error))
            else:
                return _quiet(redirect("partner:thanks", link_id=link.pk))
    data = partner.partner_request_view(link)
    return _quiet(render(request, "partner/request.html", {"req": data, "form": form},
                         status=400 if form.errors else 200))


def _on_attachment(error: ValidationError) -> ValidationError:
    """An upload check names no field: show it at the attachment."""
    return error if hasattr(error, "error_dict") else ValidationError({"attachment": error})


@never_cache
@require_GET
def partner_thanks(request, link_id: int):
    link = partner.PartnerLink.objects.select_related("case__municipality__office").filter(
        pk=link_id, answered_at__isnull=False).first()
    if link is None or not _remembered(request, link_id):
        return _not_found(request)
    return _quiet(render(request, "partner/thanks.html",
                         {"office": link.case.municipality.office}))


# --- Survey -----------------------------------------------------------------------------


def _survey_gone(request, invitation, state: str) -> HttpResponse:
    return _quiet(render(request, "partner/survey_gone.html", {
        "state": state, "office": invitation.case.municipality.office}, status=410))


@never_cache
@require_GET
def survey_entry(request, survey_token: str):
    try:
        invitation = survey.survey_invitation_by_token(survey_token)
    except partner.LinkNotFound:
        return _not_found(request)
    except survey.SurveyGone as gone:
        return _survey_gone(request, gone.invitation, gone.state)
    request.session[SURVEY_SESSION] = invitation.pk
    return _quiet(redirect("partner:survey_form"))


@never_cache
@require_http_methods(["GET", "POST"])
def survey_form(request):
    invitation_id = request.session.get(SURVEY_SESSION)
    if invitation_id is None:
        return _not_found(request)
    try:
        invitation = survey.survey_invitation_by_id(invitation_id)
    except partner.LinkNotFound:
        return _not_found(request)
    except survey.SurveyGone as gone:
        return _survey_gone(request, gone.invitation, gone.state)
    form = SurveyForm()
    if request.method == "POST":
        form = SurveyForm(request.POST)
        if form.is_valid():
            try:
                survey.survey_answer(invitation=invitation, **form.cleaned_data)
            except ValidationError as error:
                if getattr(error, "code", "") == "answered":
                    return _survey_gone(request, invitation, "ingevuld")
                form.apply_service_error(error)
            else:
                request.session.pop(SURVEY_SESSION, None)
                request.session[SURVEY_DONE_SESSION] = True
                return redirect("partner:survey_thanks")
    return _quiet(render(request, "partner/survey.html", {
        "form": form, "office": invitation.case.municipality.office},
        status=400 if form.errors else 200))


@never_cache
@require_GET
def survey_thanks(request):
    if not request.session.get(SURVEY_DONE_SESSION):
        return _not_found(request)
    return render(request, "partner/survey_thanks.html")
