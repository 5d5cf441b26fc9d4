"""Staff pages of signals, under ``/werk/signalen/``: the list with filters, a signal with its
lifecycle, recommendations, the texts for publication (``signals.publication``), linked cases
and links for the organisation, and the forms.

Thin views: ``access_signal`` reads (scoped and audited, a 404 outside the user's scope),
forms check input, the services write. ``beleid`` reads shared signals, never the cases.
A new link's token is shown once, in the response to the POST that made it. The
recommendations of a case's report (variant 6) have their own three pages under the case.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ombuds.accounts.roles import ALL_CASES_ROLES, Role
from ombuds.cases.selectors import REFERENCE_PATTERN, access_case
from ombuds.cases.views.common import case_role_required
from ombuds.domain.disclosure import HIDDEN, THRESHOLD
from ombuds.domain.signals import ANSWERABLE, SignalMoveRefused, moves_from
from ombuds.signals import links, publication, selectors, services
from ombuds.signals.forms import (
    LinkCasesForm,
    PublicationForm,
    RecommendationForm,
    RecommendationPublicationForm,
    ResponseForm,
    SignalFilterForm,
    SignalForm,
    SignalLinkForm,
    TransitionForm,
)
from ombuds.signals.models import Recommendation, Signal, SignalLink

READER_ROLES = ALL_CASES_ROLES | {Role.POLICY}


def signal_reader_required(view):
    """Only ombudspersons, coordinators and policy staff reach signal pages."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_role(READER_ROLES):
            raise PermissionDenied("U heeft geen toegang tot signalen.")
        return view(request, *args, **kwargs)

    return wrapper


def _editable(request, signal_id: int) -> Signal:
    signal = selectors.access_signal(request.user, signal_id)
    if not selectors.may_edit(request.user, signal):
        raise PermissionDenied("U mag dit signaal alleen lezen.")
    return signal


def _detail_url(signal: Signal, anchor: str = "") -> str:
    return reverse("signals:detail", args=[signal.pk]) + (f"#{anchor}" if anchor else "")


def _count(user, signal: Signal, n: int) -> str:
    """Exact for case roles; for policy staff a count of persons under 10 reads "<10"."""
    if selectors.sees_cases(user, signal) or n == 0 or n >= THRESHOLD:
        return str(n)
    return HIDDEN


def _save(request, form, write, *, template, success, back: str, context: dict):
    """Validate ``form`` and call ``write``; redirect to ``back`` on success, else show the
    errors with the input kept. ``context`` names the signal or case the page is about."""
    if form.is_valid():
        try:
            write(**form.service_kwargs())
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(request, success)
            return redirect(back)
    return render(request, template, {"form": form, **context}, status=400)


@signal_reader_required
def signal_list(request):
    form = SignalFilterForm(request.GET or None, user=request.user)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    signals = selectors.signal_list(request.user, selectors.SignalFilter(
        status=data.get("status", ""),
        theme=data["thema"].pk if data.get("thema") else None,
        organisation=data["organisatie"].pk if data.get("organisatie") else None))
    rows = [{"signal": s, "cases": _count(request.user, s, s.case_count)} for s in signals[:200]]
    return render(request, "signals/list.html", {
        "form": form, "rows": rows, "filtered": bool(data and any(data.values())),
        "may_create": request.user.has_role(ALL_CASES_ROLES)})


def _detail_context(request, signal: Signal, *, publication_form=None) -> dict:
    """What the signal page shows; ``publication_form`` bound when its input is refused."""
    editable = selectors.may_edit(request.user, signal)
    moves = []
    if editable:
        for move in moves_from(signal.status):
            form = TransitionForm(initial={"target": move.target}, prefix=f"m-{move.target}")
            needs_text = move.target in services.MOVE_TEXT
            if needs_text:
                name, hint = services.MOVE_TEXT[move.target]
                form.fields["text"].label = Signal._meta.get_field(name).verbose_name.capitalize()
                form.fields["text"].help_text = hint
            moves.append({"move": move, "form": form, "text": needs_text})
    recommendations = selectors.signal_recommendations(signal)
    if editable and publication_form is None:
        publication_form = PublicationForm(
            initial={name: getattr(signal, name) for name in publication.SIGNAL_TEXTS},
            recommendations=recommendations)
    elif publication_form is not None:
        publication_form.refresh(recommendations)
    return {
        "signal": signal, "editable": editable, "moves": moves,
        "recommendations": recommendations,
        "publication_form": publication_form if editable else None,
        "sees_cases": selectors.sees_cases(request.user, signal),
        "cases": selectors.linked_cases(request.user, signal),
        "case_count": _count(request.user, signal, signal.cases.count()),
        "links": [{"link": link, "state": (state := links.link_state(link)),
                   "label": links.STATE_LABELS[state]}
                  for link in signal.links.select_related("signal")] if editable else [],
        "link_form": SignalLinkForm() if editable and signal.status in ANSWERABLE else None,
        "recommendation_form": RecommendationForm() if editable and not signal.is_closed
        else None,
        "link_cases_form": LinkCasesForm(user=request.user) if editable else None,
    }


@never_cache
@signal_reader_required
def signal_detail(request, signal_id: int):
    signal = selectors.access_signal(request.user, signal_id)
    return render(request, "signals/detail.html", _detail_context(request, signal))


@require_POST
@signal_reader_required
def signal_publication(request, signal_id: int):
    """Save the texts for publication; with ``actie=publiceerbaar`` also mark the signal and
    its recommendations with a text publishable. The texts are kept when marking is refused;
    the page then names what was found, on the fields."""
    signal = _editable(request, signal_id)
    form = PublicationForm(request.POST, recommendations=selectors.signal_recommendations(signal))
    publish = request.POST.get("actie") == "publiceerbaar"
    if form.is_valid():
        try:
            publication.signal_publication_update(user=request.user, signal=signal,
                                                  **form.service_kwargs())
            if publish:
                publication.signal_publish(user=request.user, signal=signal)
        except ValidationError as error:
            if isinstance(error, publication.PublicationRefused):
                form.add_error(None, "De teksten zijn bewaard, maar nog niet publiceerbaar.")
            form.apply_service_error(error)
            signal.refresh_from_db()
        else:
            messages.success(request, "Het signaal is publiceerbaar." if publish
                             else "De teksten voor publicatie zijn bewaard.")
            return redirect(_detail_url(signal, "publicatie"))
    return render(request, "signals/detail.html",
                  _detail_context(request, signal, publication_form=form), status=400)


@require_POST
@signal_reader_required
def signal_publication_withdraw(request, signal_id: int):
    """Withdraw the signal, or with ``aanbeveling`` one of its recommendations, from
    publication."""
    signal = _editable(request, signal_id)
    if "aanbeveling" in request.POST:
        recommendation = _recommendation(signal, request.POST["aanbeveling"])
        if recommendation is None:
            messages.error(request, "Kies de aanbeveling die niet meer gepubliceerd mag worden.")
            return redirect(_detail_url(signal, "publicatie"))
        publication.recommendation_unmark_publishable(user=request.user,
                                                      recommendation=recommendation)
        messages.success(request, f"De aanbeveling aan {recommendation.addressee} is niet "
                                  f"meer publiceerbaar.")
    else:
        publication.signal_unmark_publishable(user=request.user, signal=signal)
        messages.success(request, "Het signaal is niet meer publiceerbaar.")
    return redirect(_detail_url(signal, "publicatie"))


@never_cache
@signal_reader_required
def signal_create(request):
    if not request.user.has_role(ALL_CASES_ROLES):
        raise PermissionDenied("U mag geen signalen maken.")
    initial = {}
    reference = request.GET.get("zaak", "").upper()
    if REFERENCE_PATTERN.match(reference):
        initial["cases"] = reference
    form = SignalForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            signal = services.signal_create(user=request.user, **form.service_kwargs())
        except (ValidationError, PermissionDenied) as error:
            form.apply_service_error(error if isinstance(error, ValidationError)
                                     else ValidationError(str(error)))
        else:
            messages.success(request, "Het signaal is vastgelegd.")
            return redirect(_detail_url(signal))
    return render(request, "signals/form.html", {"form": form},
                  status=400 if form.errors else 200)


@require_POST
@signal_reader_required
def signal_transition(request, signal_id: int):
    signal = _editable(request, signal_id)
    target = request.POST.get("target", "")
    form = TransitionForm(request.POST, prefix=f"m-{target}")
    form.is_valid()
    try:
        services.signal_transition(user=request.user, signal=signal,
                                   target=form.cleaned_data.get("target", target),
                                   text=form.cleaned_data.get("text", ""))
    except SignalMoveRefused as error:
        messages.error(request, error.message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Het signaal heeft nu de status "
                                  f"‘{Signal.objects.get(pk=signal.pk).status_label}’.")
    return redirect(_detail_url(signal, "status"))


@signal_reader_required
def signal_link_cases(request, signal_id: int):
    signal = _editable(request, signal_id)
    form = LinkCasesForm(request.POST or None, user=request.user)
    if request.method != "POST":
        return render(request, "signals/link_cases.html", {"signal": signal, "form": form})
    return _save(request, form,
                 lambda **data: services.signal_link_cases(user=request.user, signal=signal,
                                                           **data),
                 template="signals/link_cases.html", success="De zaken zijn gekoppeld.",
                 back=_detail_url(signal, "zaken"), context={"signal": signal})


@signal_reader_required
def recommendation_add(request, signal_id: int):
    signal = _editable(request, signal_id)
    form = RecommendationForm(request.POST or None)
    if request.method != "POST":
        return render(request, "signals/recommendation_form.html",
                      {"signal": signal, "form": form})
    return _save(request, form,
                 lambda **data: services.recommendation_add(user=request.user, signal=signal,
                                                            **data),
                 template="signals/recommendation_form.html",
                 success="De aanbeveling is toegevoegd.",
                 back=_detail_url(signal, "aanbevelingen"), context={"signal": signal})


def _recommendation(signal: Signal, value) -> Recommendation | None:
    """Return the signal's recommendation with id ``value``; None for anything else."""
    if not str(value or "").isdigit():
        return None
    recommendation = Recommendation.objects.filter(signal=signal, pk=int(value)).first()
    if recommendation is not None:
        recommendation.signal = signal
    return recommendation


@signal_reader_required
def recommendation_response(request, signal_id: int):
    signal = _editable(request, signal_id)
    source = request.POST if request.method == "POST" else request.GET
    recommendation = _recommendation(signal, source.get("aanbeveling"))
    if recommendation is None:
        messages.error(request, "Kies de aanbeveling waarop u een reactie vastlegt.")
        return redirect(_detail_url(signal, "aanbevelingen"))
    context = {"recommendation": recommendation}
    if request.method != "POST":
        form = ResponseForm(initial={"adoption": recommendation.adoption,
                                     "response": recommendation.response})
        return render(request, "signals/response_form.html",
                      {"signal": signal, "form": form, **context})
    form = ResponseForm(request.POST)
    return _save(request, form,
                 lambda **data: services.recommendation_record_response(
                     user=request.user, recommendation=recommendation, **data),
                 template="signals/response_form.html", success="De reactie is vastgelegd.",
                 back=_detail_url(signal, f"aanbeveling-{recommendation.pk}"),
                 context={"signal": signal, **context})


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@never_cache
@signal_reader_required
def link_create(request, signal_id: int):
    signal = _editable(request, signal_id)
    form = SignalLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            link, token = links.signal_link_create(user=request.user, signal=signal,
                                                   base_url=_base_url(request),
                                                   **form.service_kwargs())
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            return render(request, "signals/link_created.html", {
                "signal": signal, "link": link,
                "url": links.signal_link_url(token, _base_url(request))})
    return render(request, "signals/link_form.html", {"signal": signal, "form": form},
                  status=400 if form.errors else 200)


@require_POST
@signal_reader_required
def link_revoke(request, signal_id: int):
    signal = _editable(request, signal_id)
    value = request.POST.get("link", "")
    link = SignalLink.objects.filter(signal=signal, pk=int(value)).first() \
        if value.isdigit() else None
    if link is None:
        messages.error(request, "Kies de link die u wilt intrekken.")
        return redirect(_detail_url(signal, "links"))
    links.signal_link_revoke(user=request.user, signal=signal, link=link)
    messages.success(request, "De link is ingetrokken. Hij werkt niet meer.")
    return redirect(_detail_url(signal, "links"))


# --- recommendations of a case's report (variant 6) ----------------------------------------
# The same recommendation as on a signal, made in the ombudsfunctie's report on a complaint;
# the pages hang under the case and go back to it.

CASE_RECOMMENDATION_TEMPLATE = "signals/case_recommendation_form.html"
CASE_RESPONSE_TEMPLATE = "signals/case_response_form.html"


def _recommending_case(request, reference: str):
    """The case ``reference`` if the user may open it and record its recommendations."""
    case = access_case(request.user, reference)
    if not request.user.roles_in(case.municipality_id) & ALL_CASES_ROLES:
        raise PermissionDenied("U mag de aanbevelingen van deze zaak niet wijzigen.")
    if not services.recommends_on(case):
        raise Http404("Deze zaak heeft geen rapport met aanbevelingen.")
    return case


def _case_url(case) -> str:
    return reverse("cases:detail", args=[case.reference]) + "#aanbevelingen"


@case_role_required
def case_recommendation_add(request, reference: str):
    case = _recommending_case(request, reference)
    if request.method != "POST":
        form = RecommendationForm(initial={"addressee": f"Het college van burgemeester en "
                                                        f"wethouders van {case.municipality.name}"})
        return render(request, CASE_RECOMMENDATION_TEMPLATE, {"case": case, "form": form})
    return _save(request, RecommendationForm(request.POST),
                 lambda **data: services.case_recommendation_add(user=request.user, case=case,
                                                                 **data),
                 template=CASE_RECOMMENDATION_TEMPLATE, success="De aanbeveling is toegevoegd.",
                 back=_case_url(case), context={"case": case})


def _case_recommendation(request, case) -> Recommendation | None:
    """The recommendation of ``case`` named by ``aanbeveling`` (query or form), or ``None``."""
    source = request.POST if request.method == "POST" else request.GET
    value = str(source.get("aanbeveling") or "")
    recommendation = (Recommendation.objects.filter(case=case, pk=int(value)).first()
                      if value.isdigit() else None)
    if recommendation is not None:
        recommendation.case = case
    return recommendation


@case_role_required
def case_recommendation_response(request, reference: str):
    case = _recommending_case(request, reference)
    recommendation = _case_recommendation(request, case)
    if recommendation is None:
        messages.error(request, "Kies de aanbeveling waarop u een reactie vastlegt.")
        return redirect(_case_url(case))
    context = {"recommendation": recommendation}
    if request.method != "POST":
        form = ResponseForm(initial={"adoption": recommendation.adoption,
                                     "response": recommendation.response})
        return render(request, CASE_RESPONSE_TEMPLATE, {"case": case, "form": form, **context})
    return _save(request, ResponseForm(request.POST),
                 lambda **data: services.recommendation_record_response(
                     user=request.user, recommendation=recommendation, **data),
                 template=CASE_RESPONSE_TEMPLATE, success="De reactie van de gemeente is vastgelegd.",
                 back=_case_url(case), context={"case": case, **context})


CASE_PUBLICATION_TEMPLATE = "signals/case_publication_form.html"


@case_role_required
def case_recommendation_publication(request, reference: str):
    """The texts for publication of one recommendation of a case's report: save them
    (``actie=opslaan``), save and mark publishable (``publiceerbaar``), or withdraw it
    (``intrekken``)."""
    case = _recommending_case(request, reference)
    recommendation = _case_recommendation(request, case)
    if recommendation is None:
        messages.error(request, "Kies de aanbeveling waarvan u de tekst voor publicatie schrijft.")
        return redirect(_case_url(case))
    context = {"case": case, "recommendation": recommendation}
    if request.method != "POST":
        form = RecommendationPublicationForm(initial={
            "public_text": recommendation.public_text,
            "public_response": recommendation.public_response})
        return render(request, CASE_PUBLICATION_TEMPLATE, {"form": form, **context})
    action = request.POST.get("actie", "opslaan")
    if action == "intrekken":
        publication.recommendation_unmark_publishable(user=request.user,
                                                      recommendation=recommendation)
        messages.success(request, "De aanbeveling is niet meer publiceerbaar.")
        return redirect(_case_url(case))
    form = RecommendationPublicationForm(request.POST)
    if form.is_valid():
        try:
            publication.recommendation_publication_update(
                user=request.user, recommendation=recommendation, **form.service_kwargs())
            if action == "publiceerbaar":
                publication.recommendation_mark_publishable(user=request.user,
                                                            recommendation=recommendation)
        except ValidationError as error:
            if isinstance(error, publication.PublicationRefused):
                form.add_error(None, "De teksten zijn bewaard, maar nog niet publiceerbaar.")
            form.apply_service_error(error)
            recommendation.refresh_from_db()
        else:
            messages.success(request, "De aanbeveling is publiceerbaar."
                             if action == "publiceerbaar"
                             else "De teksten voor publicatie zijn bewaard.")
            return redirect(_case_url(case))
    return render(request, CASE_PUBLICATION_TEMPLATE, {"form": form, **context}, status=400)
