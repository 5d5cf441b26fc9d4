"""Beheer of the figures the reports need from outside the system: the yearly number of
objections in the social domain (pilot evaluation), scoped like all of /beheer/; and an
overview of the annual reports, read-only (they are written on /werk/rapportages/jaarverslag/,
through the services that check and audit; the stories' texts, which come from cases, are
not shown to the beheerder)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, Q

from ombuds.core.admin import ScopedAdmin
from ombuds.reports.models import AnnualReport, ObjectionCount


@admin.register(ObjectionCount)
class ObjectionCountAdmin(ScopedAdmin):
    list_display = ("municipality", "year", "objections", "source", "entered_by", "updated_at")
    list_filter = ("municipality", "year")
    fields = ("municipality", "year", "objections", "source", "entered_by")
    readonly_fields = ("entered_by",)

    def save_model(self, request, obj, form, change):
        obj.entered_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(AnnualReport)
class AnnualReportAdmin(ScopedAdmin):
    list_display = ("municipality", "year", "stories_total", "stories_approved", "updated_at")
    list_filter = ("municipality", "year")
    fields = ("municipality", "year", "stories_total", "stories_approved", "created_at",
              "updated_at")
    readonly_fields = fields
    can_add = can_change = can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("municipality").annotate(
            n_stories=Count("stories", distinct=True),
            n_approved=Count("stories", filter=Q(stories__approved_at__isnull=False),
                             distinct=True))

    @admin.display(description="verhalen")
    def stories_total(self, obj) -> int:
        return obj.n_stories

    @admin.display(description="goedgekeurd")
    def stories_approved(self, obj) -> int:
        return obj.n_approved
