"""Beheer (configuration) through the Django admin at /beheer/, the Open Zaak way.

Only users with the ``beheerder`` role (and ``is_staff``) get in; every queryset is scoped
to the municipalities they administer. A superuser, the installation's own administrator,
sees everything so the first municipality and beheerder can be created. Cases, persons and
timeline entries are never registered here: person-level data lives in the case pages only.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet

from ombuds.core.models import AuditEntry, Domain, Municipality, Office, Theme, WorkflowDefinition
from ombuds.core.selectors import administered_municipality_ids


def may_administer(request) -> bool:
    """The site's own rule (``admin_site.OmbudsAdminSite.has_permission``), for ModelAdmins."""
    return admin.site.has_permission(request)


class ScopedAdmin(admin.ModelAdmin):
    """Role-based permissions (not Django's per-model permissions) and municipality scope.

    Subclasses say how a row relates to a municipality with ``municipality_lookup`` and may
    switch off adding, changing or deleting.
    """

    municipality_lookup: str | None = "municipality_id"
    can_add = True
    can_change = True
    can_delete = True

    def scope_ids(self, request) -> set[int] | None:
        return administered_municipality_ids(request.user)

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        ids = self.scope_ids(request)
        if ids is None or self.municipality_lookup is None:
            return qs
        return qs.filter(**{f"{self.municipality_lookup}__in": ids}).distinct()

    def has_module_permission(self, request):
        return may_administer(request)

    def has_view_permission(self, request, obj=None):
        return may_administer(request)

    def has_add_permission(self, request):
        return self.can_add and may_administer(request)

    def has_change_permission(self, request, obj=None):
        return self.can_change and may_administer(request)

    def has_delete_permission(self, request, obj=None):
        return self.can_delete and may_administer(request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Municipality:
            ids = self.scope_ids(request)
            if ids is not None:
                kwargs["queryset"] = Municipality.objects.filter(id__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.related_model is Municipality:
            ids = self.scope_ids(request)
            if ids is not None:
                kwargs["queryset"] = Municipality.objects.filter(id__in=ids)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class LabelledInlineFormSet(BaseInlineFormSet):
    """Gives every input of a tabular inline row an accessible name (WCAG 1.3.1, 4.1.2).

    The admin's tabular inline shows the field's label once, as the column heading, and
    renders the inputs of each row without a <label>: a screen reader hears "edit text" or
    "combobox" and nothing more. Each input gets ``aria-label`` "<field> (<row>)", e.g.
    "Rol (lidmaatschap 2)"; the delete box "Verwijderen (lidmaatschap 2)".
    """

    def add_fields(self, form, index):
        super().add_fields(form, index)
        name = self.model._meta.verbose_name
        row = f"{name} {index + 1}" if index is not None else f"nieuw {name}"
        for field in form.fields.values():
            # A foreign key's select sits in the admin's RelatedFieldWidgetWrapper, whose
            # copy shares the *original* widget's attrs: name the inner widget itself.
            widget = getattr(field.widget, "widget", field.widget)
            if not widget.is_hidden:
                widget.attrs = {**widget.attrs,
                                "aria-label": f"{str(field.label).capitalize()} ({row})"}


class LabelledTabularInline(admin.TabularInline):
    """A tabular inline whose inputs have names (``LabelledInlineFormSet``)."""

    formset = LabelledInlineFormSet


class SuperuserCreates(ScopedAdmin):
    """Rows a beheerder may change but not create or delete (they would fall outside their
    own scope, or take other municipalities' data with them)."""

    def has_add_permission(self, request):
        return request.user.is_superuser and may_administer(request)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and may_administer(request)


@admin.register(Office)
class OfficeAdmin(SuperuserCreates):
    municipality_lookup = "municipalities__id"
    list_display = ["name", "phone", "email", "deadline_warning_days", "deadline_urgent_days"]
    fieldsets = [
        (None, {"fields": ["name", "phone", "email", "address", "walk_in_hours"]}),
        ("Termijnbewaking", {
            "fields": ["deadline_warning_days", "deadline_urgent_days"],
            "description": "Hoeveel werkdagen vóór de uiterste datum een wettelijke termijn "
                           "oranje (waarschuwing, ook in het dagoverzicht per e-mail) en rood "
                           "(urgent) wordt.",
        }),
    ]


class MunicipalityAdminForm(forms.ModelForm):
    """Says in Dutch, on the field, what the database's check on the pilot period refuses."""

    class Meta:
        model = Municipality
        # The admin gives the form the fields of its fieldsets; these are the ones it checks.
        fields = ["pilot_start", "pilot_end"]

    def clean(self):
        data = super().clean()
        start, end = data.get("pilot_start"), data.get("pilot_end")
        if start and not end and "pilot_end" not in self.errors:
            self.add_error("pilot_end", "Vul ook de laatste dag van de pilot in, of laat "
                                        "beide leeg.")
        elif end and not start and "pilot_start" not in self.errors:
            self.add_error("pilot_start", "Vul ook de eerste dag van de pilot in, of laat "
                                          "beide leeg.")
        elif start and end and end < start:
            self.add_error("pilot_end", "De laatste dag van de pilot ligt voor de eerste.")
        return data


@admin.register(Municipality)
class MunicipalityAdmin(SuperuserCreates):
    form = MunicipalityAdminForm
    municipality_lookup = "id"
    list_display = ["name", "cbs_code", "reference_prefix", "workflow", "office"]
    search_fields = ["name", "cbs_code"]
    fieldsets = [
        (None, {"fields": ["name", "cbs_code", "reference_prefix", "office", "workflow", "phone",
                           "email"]}),
        ("Klachtbehandeling (varianten 4–6)", {"fields": ["complaints_committee"]}),
        ("Ombudsman na de klachtbehandeling (Awb 9:17)", {
            "fields": ["ombudsman_name", "ombudsman_address", "ombudsman_phone",
                       "ombudsman_website"],
            "description": "Brieven over een klacht noemen deze ombudsman en de laatste dag om "
                           "er een verzoek in te dienen (Awb 9:12 lid 2, 9:24). Laat de naam "
                           "leeg voor de Nationale ombudsman (Postbus 93122, 2509 AC Den Haag, "
                           "0800 33 55 555, www.nationaleombudsman.nl).",
        }),
        ("Pilotperiode", {
            "fields": ["pilot_start", "pilot_end"],
            "description": "De pilot van deze gemeente (de proefperiode uit het raadsvoorstel). "
                           "Rapportages over de periode 'pilot' en het jaarverslag gebruiken "
                           "deze datums; leeg: de pilotperiode van de installatie.",
        }),
    ]

    def get_readonly_fields(self, request, obj=None):
        # The CBS code keys the audit log and the references; only a superuser changes it.
        if obj is not None and not request.user.is_superuser:
            return ["cbs_code", "reference_prefix", "office"]
        return []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "workflow":
            # Only the newest version of each variant is offered for new cases.
            latest = {}
            for definition in WorkflowDefinition.objects.order_by("variant", "-version"):
                latest.setdefault(definition.variant, definition.pk)
            kwargs["queryset"] = WorkflowDefinition.objects.filter(pk__in=latest.values())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Theme)
class ThemeAdmin(ScopedAdmin):
    list_display = ["name", "domain", "municipality", "active"]
    list_filter = ["municipality", "domain", "active"]
    search_fields = ["name"]
    list_select_related = ["domain", "municipality"]


class ReadOnlyAdmin(ScopedAdmin):
    municipality_lookup = None
    can_add = can_change = can_delete = False


@admin.register(Domain)
class DomainAdmin(ReadOnlyAdmin):
    list_display = ["name", "code"]


@admin.register(WorkflowDefinition)
class WorkflowDefinitionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "variant", "version", "created_at"]
    fields = ["variant", "version", "name", "definition", "created_at"]
    readonly_fields = fields


class MunicipalityCodeFilter(admin.SimpleListFilter):
    """The audit log by municipality, named: Django's filter on the code field shows the
    entries without one (log-ins, configuration) as a link without any text."""

    title = "gemeente"
    parameter_name = "municipality_code"

    def lookups(self, request, model_admin):
        codes = (model_admin.get_queryset(request).order_by("municipality_code")
                 .values_list("municipality_code", flat=True).distinct())
        names = dict(Municipality.objects.values_list("cbs_code", "name"))
        return [(code, f"{names.get(code, code)} ({code})" if code else "Zonder gemeente")
                for code in codes]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset if value is None else queryset.filter(municipality_code=value)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """Read-only: the log is append-only, so no add, change or delete, not even for a
    superuser. The staff page ``core:audit`` is the main search; this list is a second way."""

    list_display = ["timestamp", "username", "role", "action", "event", "object_label",
                    "person_id", "municipality_code", "origin"]
    list_filter = ["action", MunicipalityCodeFilter]
    search_fields = ["username", "object_label", "=person_id", "event"]
    date_hierarchy = "timestamp"
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def get_queryset(self, request):
        from ombuds.core.selectors import audit_scope

        return super().get_queryset(request).filter(audit_scope(request.user))
