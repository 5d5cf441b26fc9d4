"""The social map in the beheer: organisations serving the beheerder's municipalities."""

from __future__ import annotations

from django import forms
from django.contrib import admin

from ombuds.core.admin import ScopedAdmin
from ombuds.socialmap.models import Organisation, Route


class OrganisationForm(forms.ModelForm):
    routes = forms.MultipleChoiceField(
        label="Routes", choices=Route.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="De routes waarvoor inwoners naar deze organisatie kunnen.",
    )

    class Meta:
        model = Organisation
        fields = ["name", "type", "description", "routes", "municipalities", "phone", "email",
                  "website", "address", "public", "active"]
        # Boxes with a label each: an office serves a handful of municipalities, and the
        # admin's two-list filter has controls without an accessible name.
        widgets = {"municipalities": forms.CheckboxSelectMultiple}


@admin.register(Organisation)
class OrganisationAdmin(ScopedAdmin):
    form = OrganisationForm
    municipality_lookup = "municipalities__id"
    list_display = ["name", "type", "public", "active"]
    list_filter = ["type", "public", "active", "municipalities"]
    search_fields = ["name", "description"]

    def save_related(self, request, form, formsets, change):
        # The form only offers the beheerder's municipalities; keep the others the
        # organisation also serves instead of silently dropping them.
        ids = self.scope_ids(request)
        kept = []
        if change and ids is not None:
            kept = list(form.instance.municipalities.exclude(id__in=ids))
        super().save_related(request, form, formsets, change)
        if kept:
            form.instance.municipalities.add(*kept)

    def has_delete_permission(self, request, obj=None):
        ids = self.scope_ids(request)
        if obj is not None and ids is not None and obj.municipalities.exclude(id__in=ids).exists():
            return False  # other municipalities still use it
        return super().has_delete_permission(request, obj)
