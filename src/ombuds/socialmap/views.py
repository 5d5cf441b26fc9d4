"""The social map page for staff who handle cases."""

from django import forms
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ombuds.accounts.roles import CASE_ROLES
from ombuds.core.views import role_required
from ombuds.socialmap import selectors
from ombuds.socialmap.models import OrganisationType, Route


class OrganisationFilterForm(forms.Form):
    gemeente = forms.TypedChoiceField(label="Gemeente", required=False, coerce=int,
                                      empty_value=None)
    soort = forms.ChoiceField(label="Soort organisatie", required=False,
                              choices=[("", "Alle soorten"), *OrganisationType.choices])
    route = forms.ChoiceField(label="Route", required=False,
                              choices=[("", "Alle routes"), *Route.choices])

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [("", "Alle gemeenten")] + [
            (m.pk, m.name) for m in municipalities
        ]
        for field in self.fields.values():
            field.widget.attrs["class"] = "utrecht-select utrecht-select--html-select"

    def filters(self) -> selectors.OrganisationFilter:
        if not self.is_valid():
            return selectors.OrganisationFilter()
        data = self.cleaned_data
        return selectors.OrganisationFilter(
            municipality=data["gemeente"], type=data["soort"], route=data["route"]
        )


@require_GET
@role_required(CASE_ROLES)
def organisation_list(request):
    municipalities = list(selectors.socialmap_municipalities(request.user))
    form = OrganisationFilterForm(request.GET or None, municipalities=municipalities)
    organisations = selectors.organisation_list(request.user, form.filters())
    if form.is_bound and not form.is_valid():
        organisations = organisations.none()  # a filter we cannot apply shows nothing, not all
    return render(request, "socialmap/list.html", {
        "form": form, "organisations": organisations,
        "filtered": bool(request.GET),
    })
