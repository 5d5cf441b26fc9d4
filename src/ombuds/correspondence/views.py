"""Staff page for letters: choose a letter, check and edit the text, send it.

Thin views: the case comes from ``access_case`` (scoped, audited); the services render the
template and store the letter. The PDF is downloaded through the case's attachment view.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from ombuds.cases.selectors import access_case
from ombuds.cases.views.common import case_role_required
from ombuds.correspondence import services
from ombuds.correspondence.forms import LetterChoiceForm, LetterEditForm
from ombuds.correspondence.models import Letter, LetterKind
from ombuds.correspondence.rendering import LetterTemplateError, blocks

CHOOSE, PREVIEW = "correspondence/letter_choose.html", "correspondence/letter_preview.html"


def _preview(request, case, form, status=200):
    data = form.cleaned_data if form.is_bound and hasattr(form, "cleaned_data") else form.initial
    return render(request, PREVIEW, {
        "case": case, "form": form, "kind_label": LetterKind(data["kind"]).label,
        "channel": data["channel"], "is_email": data["channel"] == Letter.Channel.EMAIL,
        "subject": data.get("subject", ""), "blocks": blocks(data.get("body", "")),
    }, status=status)


@case_role_required
def letter_add(request, reference: str):
    case = access_case(request.user, reference)
    step = request.POST.get("step", "")
    if request.method != "POST":
        form = LetterChoiceForm(case=case, initial={"kind": request.GET.get("soort", "")})
        return render(request, CHOOSE, {"case": case, "form": form})
    if step == "kiezen":
        form = LetterChoiceForm(request.POST, case=case)
        if not form.is_valid():
            return render(request, CHOOSE, {"case": case, "form": form}, status=400)
        try:
            draft = services.letter_draft(case=case, kind=form.cleaned_data["kind"],
                                          party=form.party(), respondent=form.respondent())
        except LetterTemplateError as error:
            form.add_error(None, f"Het sjabloon van deze brief werkt niet: {error}")
            return render(request, CHOOSE, {"case": case, "form": form}, status=400)
        edit = LetterEditForm(case=case, initial={**form.cleaned_data, "subject": draft.subject,
                                                   "body": draft.body})
        return _preview(request, case, edit)
    form = LetterEditForm(request.POST, case=case)
    if not form.is_valid():
        return render(request, CHOOSE if "kind" in form.errors else PREVIEW,
                      {"case": case, "form": form, "blocks": [], "kind_label": ""}, status=400)
    if step != "versturen":  # "Voorbeeld bijwerken": show the edited text again
        return _preview(request, case, form)
    data = form.cleaned_data
    try:
        letter = services.letter_create(user=request.user, case=case, kind=data["kind"],
                                        channel=data["channel"], subject=data["subject"],
                                        body=data["body"], party=form.party(),
                                        respondent=form.respondent())
    except ValidationError as error:
        for field, problems in error.message_dict.items():
            form.add_error(None if field in ("recipient", "channel", "__all__") else field, problems)
        return _preview(request, case, form, status=400)
    except PermissionDenied as error:
        form.add_error(None, str(error))
        return _preview(request, case, form, status=403)
    if letter.channel == Letter.Channel.EMAIL:
        messages.success(request, "De brief staat klaar om te e-mailen, met de PDF als bijlage. "
                                  "De PDF staat ook in de tijdlijn.")
    else:
        messages.success(request, "De brief is gemaakt. Download de PDF bij Brieven om hem af te "
                                  "drukken en te versturen.")
    return redirect(reverse("cases:detail", args=[case.reference]) + "#brieven")
