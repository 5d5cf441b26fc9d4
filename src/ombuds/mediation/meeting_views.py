"""Staff pages of a meeting's life: plan, change or move, cancel, send the invitations,
record it as held with its agreements, and its calendar file per invited participant.

Thin views as in ``views.py``: the case through ``access_case``, forms check input, the
services write; a failed POST shows the page again with the input kept (status 400). A held
or cancelled meeting cannot be changed: its edit pages send the user back to the meeting.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from ombuds.cases.selectors import access_case
from ombuds.cases.views.common import case_role_required
from ombuds.mediation import invitations, selectors, services
from ombuds.mediation.forms import (
    AGREEMENT_ROWS,
    AgreementFormSet,
    MeetingCancelForm,
    MeetingHoldForm,
    MeetingPlanForm,
)
from ombuds.mediation.models import Meeting

PLAN_TEMPLATE = "mediation/meeting_plan.html"
HOLD_TEMPLATE = "mediation/meeting_hold.html"


def _meeting(case, meeting_id: int) -> Meeting:
    meeting = selectors.case_meeting(case, meeting_id)
    if meeting is None:
        raise Http404("Gesprek niet gevonden.")
    return meeting


def _meeting_url(meeting: Meeting) -> str:
    return reverse("mediation:meeting_detail", args=[meeting.case.reference, meeting.pk])


def _case_url(case) -> str:
    return reverse("cases:detail", args=[case.reference]) + "#gesprekken"


def _only_planned(request, meeting: Meeting):
    """Send the user back to the meeting when it is no longer planned, saying why."""
    if meeting.is_planned:
        return None
    message, _code = services.NOT_PLANNED[meeting.status]
    messages.warning(request, message)
    return redirect(_meeting_url(meeting))


def _write(request, form, write, *, template: str, context: dict):
    """Call ``write`` with the form's data; on a refusal show the page again (400/403)."""
    try:
        return write(**form.service_kwargs())
    except ValidationError as error:
        form.apply_service_error(error)
    except PermissionDenied as error:
        form.add_error(None, str(error))
        return render(request, template, context, status=403)
    return render(request, template, context, status=400)


def _with_more_rows(data):
    """Return a copy of the POST with room for more agreement rows (the no-JS way)."""
    data = data.copy()
    total = int(data.get("afspraak-TOTAL_FORMS") or 0)
    data["afspraak-TOTAL_FORMS"] = str(min(total + AGREEMENT_ROWS, 20))
    return data


def _apply_meeting_error(form, formset, error: ValidationError) -> None:
    """Put the service's errors on the form or on the agreement row they name."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    rows = [row for row in formset.forms if row.has_changed()]
    for name, errors in error.error_dict.items():
        if name.startswith("agreement-"):
            _, index, field = name.split("-", 2)
            rows[int(index)].add_error(field, errors)
        else:
            form.add_error(name if name in form.fields else None, errors)


@case_role_required
def meeting_plan(request, reference: str):
    case = access_case(request.user, reference)
    if request.method != "POST":
        return render(request, PLAN_TEMPLATE, {"case": case, "form": MeetingPlanForm(case=case)})
    form = MeetingPlanForm(request.POST, case=case)
    context = {"case": case, "form": form}
    if not form.is_valid():
        return render(request, PLAN_TEMPLATE, context, status=400)
    result = _write(request, form, lambda **data: services.meeting_plan(
        user=request.user, case=case, **data), template=PLAN_TEMPLATE, context=context)
    if not isinstance(result, Meeting):
        return result
    if result.starts_at <= timezone.now():
        messages.success(request, "Het gesprek is vastgelegd. Leg nu vast hoe het ging.")
        return redirect("mediation:meeting_hold", case.reference, result.pk)
    messages.success(request, "Het gesprek is gepland. Verstuur nu de uitnodigingen.")
    return redirect(_meeting_url(result))


@case_role_required
def meeting_detail(request, reference: str, meeting_id: int):
    case = access_case(request.user, reference)
    meeting = _meeting(case, meeting_id)
    people = invitations.invitees(meeting) if meeting.is_planned else []
    return render(request, "mediation/meeting_detail.html", {
        "case": case, "meeting": meeting, "invitees": people,
        "started": meeting.starts_at <= timezone.now(),
        "letters": meeting.letters.order_by("-created_at", "-id")})


@case_role_required
def meeting_edit(request, reference: str, meeting_id: int):
    case = access_case(request.user, reference)
    meeting = _meeting(case, meeting_id)
    if (back := _only_planned(request, meeting)) is not None:
        return back
    context = {"case": case, "meeting": meeting}
    if request.method != "POST":
        form = MeetingPlanForm(case=case, meeting=meeting)
        return render(request, PLAN_TEMPLATE, {**context, "form": form})
    form = MeetingPlanForm(request.POST, case=case, meeting=meeting)
    context["form"] = form
    if not form.is_valid():
        return render(request, PLAN_TEMPLATE, context, status=400)
    before, invited = meeting.starts_at, meeting.invitations_sent_at is not None
    result = _write(request, form, lambda **data: services.meeting_update(
        user=request.user, meeting=meeting, **data), template=PLAN_TEMPLATE, context=context)
    if not isinstance(result, Meeting):
        return result
    moved = result.starts_at != before
    messages.success(request, "Het gesprek is verplaatst." if moved
                     else "Het gesprek is opgeslagen.")
    if invited and result.invitations_sent_at is None:
        messages.warning(request, "Verstuur de uitnodigingen opnieuw, zodat iedereen de "
                                  "nieuwe gegevens heeft.")
    return redirect(_meeting_url(result))


@case_role_required
def meeting_cancel(request, reference: str, meeting_id: int):
    case = access_case(request.user, reference)
    meeting = _meeting(case, meeting_id)
    if (back := _only_planned(request, meeting)) is not None:
        return back
    template = "mediation/meeting_cancel.html"
    if request.method != "POST":
        return render(request, template, {"case": case, "meeting": meeting,
                                          "form": MeetingCancelForm()})
    form = MeetingCancelForm(request.POST)
    context = {"case": case, "meeting": meeting, "form": form}
    if not form.is_valid():
        return render(request, template, context, status=400)
    result = _write(request, form, lambda **data: services.meeting_cancel(
        user=request.user, meeting=meeting, **data), template=template, context=context)
    if not isinstance(result, Meeting):
        return result
    messages.success(request, "Het gesprek is geannuleerd.")
    return redirect(_case_url(case))


@case_role_required
def meeting_hold(request, reference: str, meeting_id: int):
    case = access_case(request.user, reference)
    meeting = _meeting(case, meeting_id)
    if (back := _only_planned(request, meeting)) is not None:
        return back
    rows = {"prefix": "afspraak", "form_kwargs": {"case": case}}
    context = {"case": case, "meeting": meeting,
               "not_started": meeting.starts_at > timezone.now()}
    if request.method != "POST":
        return render(request, HOLD_TEMPLATE, {**context, "form": MeetingHoldForm(
            meeting=meeting), "agreements": AgreementFormSet(**rows)})
    if "meer_afspraken" in request.POST:
        data = _with_more_rows(request.POST)
        form, formset = MeetingHoldForm(data, meeting=meeting), AgreementFormSet(data, **rows)
        form.suppress_errors()
        for row in formset.forms:
            row.suppress_errors()
        return render(request, HOLD_TEMPLATE, {**context, "form": form, "agreements": formset,
                                               "more": True})
    form = MeetingHoldForm(request.POST, meeting=meeting)
    formset = AgreementFormSet(request.POST, **rows)
    context.update(form=form, agreements=formset)
    if form.is_valid() & formset.is_valid():
        try:
            services.meeting_hold(user=request.user, meeting=meeting, **form.service_kwargs(),
                                  agreements=formset.agreements())
        except ValidationError as error:
            _apply_meeting_error(form, formset, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
            return render(request, HOLD_TEMPLATE, context, status=403)
        else:
            messages.success(request, "Het gesprek is vastgelegd als gehouden.")
            return redirect(_case_url(case))
    context["row_errors"] = any(row.errors for row in formset.forms)
    return render(request, HOLD_TEMPLATE, context, status=400)


@case_role_required
def meeting_invite(request, reference: str, meeting_id: int):
    """GET: who will be invited how, and who cannot be; POST: send the invitations."""
    case = access_case(request.user, reference)
    meeting = _meeting(case, meeting_id)
    if (back := _only_planned(request, meeting)) is not None:
        return back
    template = "mediation/meeting_invite.html"
    context = {"case": case, "meeting": meeting, "invitees": invitations.invitees(meeting),
               "started": meeting.starts_at <= timezone.now()}
    if request.method != "POST":
        return render(request, template, context)
    try:
        report = invitations.meeting_invitations_send(user=request.user, meeting=meeting)
    except ValidationError as error:
        context["errors"] = error.messages
        return render(request, template, context, status=400)
    except PermissionDenied as error:
        context["errors"] = [str(error)]
        return render(request, template, context, status=403)
    sent = len(report.sent)
    messages.success(request, "De uitnodiging is verstuurd." if sent == 1
                     else f"{sent} uitnodigingen zijn verstuurd.")
    for person in report.not_invited:
        messages.warning(request, f"Niet uitgenodigd: {person.label}: {person.problem}.")
    return redirect(_meeting_url(meeting))


@case_role_required
def meeting_calendar(request, reference: str, meeting_id: int, who: str):
    """The meeting's calendar file (.ics) as ``who`` gets it with the invitation."""
    case = access_case(request.user, reference, event="meeting.calendar_downloaded")
    meeting = _meeting(case, meeting_id)
    person = invitations.invitee(meeting, who)
    if person is None:
        raise Http404("Deze deelnemer is niet uitgenodigd.")
    filename, content, content_type = invitations.calendar_file(meeting, person)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
