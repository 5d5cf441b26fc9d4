"""The annual report pages (/werk/rapportages/jaarverslag/): write, pick cases, approve, make.

The ombudsperson and the coordinator of a municipality write the foreword and the pilot
evaluation, take cases in as stories, edit the de-identified drafts and approve them;
``beleid`` sees what was approved and may make the files. Every write is a service of
``reports.annual``; the files are made by the task worker (``services.report_run_request``)
and followed on the run page.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from ombuds.accounts.roles import FIGURES_ROLES
from ombuds.cases.forms import StyledForm
from ombuds.cases.selectors import CaseFilter, case_list
from ombuds.core.audit import Action, audit_log
from ombuds.core.views import role_required
from ombuds.domain.deidentify import describe
from ombuds.reports import annual
from ombuds.reports.models import AnnualReport, CaseStory
from ombuds.reports.periods import Period
from ombuds.reports.services import ANNUAL, report_municipalities, report_run_request

FIRST_YEAR = 2000
SEARCH_RESULTS = 10
FORMAT_LABELS = {"pdf": "PDF maken", "docx": "Word-document maken"}
ACTIONS = {
    "opslaan": "Opslaan", "goedkeuren": "Opslaan en goedkeuren",
    "intrekken": "Goedkeuring intrekken", "omhoog": "Omhoog", "omlaag": "Omlaag",
    "verwijderen": "Verwijderen",
}


class TextsForm(StyledForm):
    foreword = forms.CharField(
        label="Voorwoord", required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Staat vooraan in het jaarverslag. Een lege regel begint een nieuwe alinea.")
    pilot_evaluation = forms.CharField(
        label="Pilotevaluatie", required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Wat de pilot heeft laten zien, in uw eigen woorden. De cijfers van de pilot "
                  "staan ernaast als het jaar in de pilotperiode valt.")


class StoryAddForm(StyledForm):
    zaak = forms.CharField(label="Zaaknummer", max_length=20,
                           help_text="Bijvoorbeeld STW-2026-0042. Ombuds maakt een voorstel "
                                     "zonder namen, adressen, datums en leeftijden.")


class StoryForm(StyledForm):
    title = forms.CharField(label="Kop", max_length=annual.TITLE_LENGTH)
    text = forms.CharField(label="Verhaal", widget=forms.Textarea(attrs={"rows": 12}),
                           help_text="Een lege regel begint een nieuwe alinea. Na een "
                                     "wijziging moet het verhaal opnieuw worden goedgekeurd.")


class StoryActionForm(forms.Form):
    casus = forms.IntegerField(min_value=1)
    actie = forms.ChoiceField(choices=list(ACTIONS.items()))


class RunForm(forms.Form):
    formaat = forms.ChoiceField(choices=[(f, f) for f in annual.ANNUAL_FORMATS])


def _municipality(request, cbs_code: str, year: int):
    """The municipality of the page if the user may have its annual report, else 404."""
    if not FIRST_YEAR <= year <= timezone.localdate().year + 1:
        raise Http404
    for municipality in report_municipalities(request.user):
        if municipality.cbs_code == cbs_code.upper():
            return municipality
    raise Http404


def _editable(request, cbs_code: str, year: int):
    municipality = _municipality(request, cbs_code, year)
    if not annual.annual_edit_allowed(request.user, municipality):
        raise PermissionDenied
    return municipality


def _page_url(municipality, year: int, anchor: str = "") -> str:
    url = reverse("reports:annual", kwargs={"cbs_code": municipality.cbs_code, "year": year})
    return f"{url}#{anchor}" if anchor else url


def _story_items(request, stories, *, failed: CaseStory | None = None,
                 failed_form: StoryForm | None = None) -> list[dict]:
    items = []
    for story in stories:
        form = (failed_form if failed is not None and story.pk == failed.pk
                else StoryForm(prefix=f"casus-{story.pk}",
                               initial={"title": story.title, "text": story.text}))
        found = annual.story_findings(story)
        items.append({"story": story, "form": form, "actions": ACTIONS,
                      "found": describe(found) if found else ""})
    return items


def _detail(request, municipality, year: int, *, status: int = 200, **forms_) -> object:
    may_edit = annual.annual_edit_allowed(request.user, municipality)
    report = annual.annual_report_get(user=request.user, municipality=municipality, year=year)
    stories = (list(report.stories.select_related("case", "approved_by").order_by(
        "position", "id")) if report.pk else [])
    if not may_edit:
        stories = [s for s in stories if s.is_approved]
    elif report.pk and stories:
        # The drafts come from cases: who read them is recorded, as for the cases.
        audit_log(user=request.user, action=Action.READ, event="annual_report.viewed",
                  obj=report, object_label=f"jaarverslag {municipality.cbs_code} {year}",
                  municipality_code=municipality.cbs_code, details={"stories": len(stories)})
    search, found = request.GET.get("zoek", "").strip(), []
    if may_edit and search:
        found = list(case_list(request.user, CaseFilter(
            municipality=municipality.pk, q=search, open_only=False))[:SEARCH_RESULTS])
    context = {
        "municipality": municipality, "year": year, "annual": report, "may_edit": may_edit,
        "texts_form": forms_.get("texts_form") or TextsForm(initial={
            "foreword": report.foreword, "pilot_evaluation": report.pilot_evaluation}),
        "add_form": forms_.get("add_form") or StoryAddForm(),
        "stories": _story_items(request, stories, failed=forms_.get("failed"),
                                failed_form=forms_.get("failed_form")) if may_edit else stories,
        "approved": sum(1 for s in stories if s.is_approved),
        "search": search, "found": found, "formats": FORMAT_LABELS,
        "pilot": annual.pilot_of(municipality, Period.parse(str(year))),
        "error_form": next((f for f in forms_.values() if isinstance(f, forms.Form)
                            and f.errors), None),
    }
    return render(request, "reports/annual/detail.html", context, status=status)


@require_GET
@role_required(FIGURES_ROLES)
def annual_index(request):
    """The municipalities the user may have an annual report of, with their years."""
    municipalities = report_municipalities(request.user)
    this_year = timezone.localdate().year
    written = {}
    for code, year in AnnualReport.objects.filter(
            municipality__in=municipalities).values_list("municipality__cbs_code", "year"):
        written.setdefault(code, set()).add(year)
    rows = [{"municipality": m,
             "years": sorted(written.get(m.cbs_code, set()) | {this_year, this_year - 1},
                             reverse=True)}
            for m in municipalities]
    return render(request, "reports/annual/index.html", {"rows": rows})


@require_GET
@role_required(FIGURES_ROLES)
def annual_detail(request, cbs_code: str, year: int):
    return _detail(request, _municipality(request, cbs_code, year), year)


@require_POST
@role_required(FIGURES_ROLES)
def annual_texts(request, cbs_code: str, year: int):
    municipality = _editable(request, cbs_code, year)
    form = TextsForm(request.POST)
    if not form.is_valid():
        return _detail(request, municipality, year, status=400, texts_form=form)
    report = annual.annual_report_get_or_create(user=request.user, municipality=municipality,
                                                year=year)
    annual.annual_report_update(user=request.user, annual_report=report,
                                foreword=form.cleaned_data["foreword"],
                                pilot_evaluation=form.cleaned_data["pilot_evaluation"])
    messages.success(request, "Het voorwoord en de pilotevaluatie zijn bewaard.")
    return redirect(_page_url(municipality, year, "teksten"))


@require_POST
@role_required(FIGURES_ROLES)
def annual_story_add(request, cbs_code: str, year: int):
    municipality = _editable(request, cbs_code, year)
    form = StoryAddForm(request.POST)
    if form.is_valid():
        try:
            report = annual.annual_report_get_or_create(
                user=request.user, municipality=municipality, year=year)
            story = annual.story_add(user=request.user, annual_report=report,
                                     reference=form.cleaned_data["zaak"])
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(request, "De zaak staat in het jaarverslag. Lees het voorstel, "
                                      "pas het aan en keur het goed.")
            return redirect(_page_url(municipality, year, f"casus-{story.pk}"))
    return _detail(request, municipality, year, status=400, add_form=form)


@require_POST
@role_required(FIGURES_ROLES)
def annual_story(request, cbs_code: str, year: int):
    """One story's form: save, approve, withdraw, move or remove (the button says which)."""
    municipality = _editable(request, cbs_code, year)
    action = StoryActionForm(request.POST)
    if not action.is_valid():
        return _detail(request, municipality, year, status=400)
    story = get_object_or_404(CaseStory.objects.select_related("annual_report__municipality"),
                              pk=action.cleaned_data["casus"],
                              annual_report__municipality=municipality,
                              annual_report__year=year)
    verb = action.cleaned_data["actie"]
    user = request.user
    if verb in ("omhoog", "omlaag"):
        annual.story_move(user=user, story=story, offset=-1 if verb == "omhoog" else 1)
        return redirect(_page_url(municipality, year, f"casus-{story.pk}"))
    if verb == "verwijderen":
        annual.story_remove(user=user, story=story)
        messages.success(request, "Het verhaal is uit het jaarverslag gehaald.")
        return redirect(_page_url(municipality, year, "casuistiek"))
    if verb == "intrekken":
        annual.story_withdraw(user=user, story=story)
        messages.success(request, "De goedkeuring is ingetrokken: het verhaal komt niet in "
                                  "het jaarverslag tot het opnieuw is goedgekeurd.")
        return redirect(_page_url(municipality, year, f"casus-{story.pk}"))
    form = StoryForm(request.POST, prefix=f"casus-{story.pk}")
    if form.is_valid():
        try:
            story = annual.story_update(user=user, story=story, **form.cleaned_data)
            if verb == "goedkeuren":
                annual.story_approve(user=user, story=story)
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(request, "Het verhaal is goedgekeurd voor het jaarverslag."
                             if verb == "goedkeuren" else "Het verhaal is bewaard.")
            return redirect(_page_url(municipality, year, f"casus-{story.pk}"))
    return _detail(request, municipality, year, status=400, failed=story, failed_form=form)


@require_POST
@role_required(FIGURES_ROLES)
def annual_run(request, cbs_code: str, year: int):
    """Make the PDF or the Word document in the task worker; follow it on the run page."""
    municipality = _municipality(request, cbs_code, year)
    form = RunForm(request.POST)
    if not form.is_valid():
        return _detail(request, municipality, year, status=400)
    run = report_run_request(user=request.user, municipality=municipality,
                             period=Period.parse(str(year)), fmt=form.cleaned_data["formaat"],
                             exact=False, kind=ANNUAL)
    return redirect("reports:run", uuid=run.uuid)
