"""Staff page for letters: choose a letter, write it in the editor beside its preview, send it.

Thin views: the case comes from ``access_case`` (scoped, audited); the services render the
template and store the letter. The editor works without JavaScript ("Voorbeeld bijwerken"
re-renders the preview on the server, keeping the text); with htmx the preview follows the
typing, from the same view (``is_htmx``: only the preview part). The PDF is downloaded
through the case's attachment view.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from ombuds.cases.selectors import access_case
from ombuds.cases.views.common import case_role_required, is_htmx
from ombuds.correspondence import services
from ombuds.correspondence.forms import LetterChoiceForm, LetterEditForm
from ombuds.correspondence.models import Addressee, Letter, LetterKind
from ombuds.correspondence.rendering import LetterTemplateError, blocks, letterhead
from ombuds.domain.deadlines import nl_date
from ombuds.domain.readability import B1_THRESHOLD, readability

CHOOSE, EDITOR = "correspondence/letter_choose.html", "correspondence/letter_preview.html"
PREVIEW_PART = "correspondence/includes/letter_preview_part.html"
#: The choices the editor carries as hidden fields; their errors are shown at the top.
CHOICES = ("kind", "recipient", "meeting", "channel")


def _hoist_choice_errors(form) -> None:
    """Show the errors of the hidden choice fields as errors of the whole form (the summary
    cannot link to a hidden field)."""
    for name in CHOICES:
        problems = form._errors.pop(name, None) if form._errors else None
        if problems:
            label = form.fields[name].label
            form._errors.setdefault(NON_FIELD_ERRORS, form.error_class(error_class="nonfield"))
            form._errors[NON_FIELD_ERRORS].extend(f"{label}: {p}" for p in problems)


def _change_url(case, data) -> str:
    """The choose page again, with the current choices filled in."""
    query = {"soort": data.get("kind", ""), "aan": data.get("recipient", ""),
             "gesprek": data.get("meeting", "") or "", "via": data.get("channel", "")}
    return (reverse("correspondence:letter_add", args=[case.reference]) + "?"
            + urlencode({k: v for k, v in query.items() if v}))


def _editor(request, case, form, status=200):
    """The editor: the form on one side, the preview (letterhead, addressee, text) and the
    readability check on the other. A bound form previews the text as typed."""
    if form.is_bound:
        subject, body = form.data.get("subject", ""), form.data.get("body", "")
        choices = getattr(form, "cleaned_data", {})
    else:
        subject, body, choices = form.initial["subject"], form.initial["body"], form.initial
    recipient = None
    if choices.get("recipient"):
        addressee, party = ((form.addressee(), form.party()) if form.is_bound
                            else (choices["addressee"], choices.get("party")))
        try:
            recipient = services.letter_recipient(case=case, addressee=addressee, party=party)
        except ValidationError:
            recipient = None
    kind, channel = choices.get("kind"), choices.get("channel")
    context = {
        "case": case, "form": form, "kind_label": LetterKind(kind).label if kind else "",
        "is_email": channel == Letter.Channel.EMAIL,
        "channel_label": Letter.Channel(channel).label if channel else "",
        "subject": " ".join(subject.split()), "blocks": blocks(body), "recipient": recipient,
        "about": (case.person.name if recipient is not None
                  and recipient.addressee == Addressee.REPRESENTATIVE else ""),
        "letterhead": letterhead(case), "date_text": nl_date(_today()),
        "readability": readability(body), "b1_threshold": round(B1_THRESHOLD),
        "change_url": _change_url(case, choices),
    }
    template = PREVIEW_PART if is_htmx(request) else EDITOR
    return render(request, template, context, status=status)


def _today():
    from django.utils import timezone

    return timezone.localdate()


@case_role_required
def letter_add(request, reference: str):
    case = access_case(request.user, reference)
    step = request.POST.get("step", "")
    if request.method != "POST":
        form = LetterChoiceForm(case=case, initial={
            "kind": request.GET.get("soort", ""), "recipient": request.GET.get("aan", ""),
            "meeting": request.GET.get("gesprek", ""),
            "channel": request.GET.get("via", "") or Letter.Channel.POST})
        return render(request, CHOOSE, {"case": case, "form": form})
    if step == "kiezen":
        form = LetterChoiceForm(request.POST, case=case)
        if not form.is_valid():
            return render(request, CHOOSE, {"case": case, "form": form}, status=400)
        try:
            draft = services.letter_draft(case=case, kind=form.cleaned_data["kind"],
                                          addressee=form.addressee(), party=form.party(),
                                          meeting=form.chosen_meeting())
        except LetterTemplateError as error:
            form.add_error(None, f"Het sjabloon van deze brief werkt niet: {error}")
            return render(request, CHOOSE, {"case": case, "form": form}, status=400)
        edit = LetterEditForm(case=case, initial={
            **form.cleaned_data, "subject": draft.subject, "body": draft.body,
            "addressee": form.addressee(), "party": form.party()})
        return _editor(request, case, edit)
    form = LetterEditForm(request.POST, case=case)
    if not form.is_valid():
        _hoist_choice_errors(form)
        return _editor(request, case, form, status=400)
    if step != "versturen":  # "Voorbeeld bijwerken": show the edited text again
        return _editor(request, case, form)
    data = form.cleaned_data
    try:
        letter = services.letter_create(user=request.user, case=case, kind=data["kind"],
                                        channel=data["channel"], subject=data["subject"],
                                        body=data["body"], addressee=form.addressee(),
                                        party=form.party(), meeting=form.chosen_meeting())
    except ValidationError as error:
        for field, problems in error.message_dict.items():
            form.add_error(field if field in ("subject", "body") else None, problems)
        return _editor(request, case, form, status=400)
    except PermissionDenied as error:
        form.add_error(None, str(error))
        return _editor(request, case, form, status=403)
    if letter.channel == Letter.Channel.EMAIL:
        messages.success(request, "De brief staat klaar om te e-mailen, met de PDF als bijlage. "
                                  "De PDF staat ook in de tijdlijn.")
    else:
        messages.success(request, "De brief is gemaakt. Download de PDF bij Brieven om hem af te "
                                  "drukken en te versturen.")
    return redirect(reverse("cases:detail", args=[case.reference]) + "#brieven")
