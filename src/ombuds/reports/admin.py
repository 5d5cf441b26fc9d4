"""Beheer of the figures the reports need from outside the system: the yearly number of
objections in the social domain (pilot evaluation), scoped like all of /beheer/."""

from __future__ import annotations

from django.contrib import admin

from ombuds.core.admin import ScopedAdmin
from ombuds.reports.models import ObjectionCount


@admin.register(ObjectionCount)
class ObjectionCountAdmin(ScopedAdmin):
    list_display = ("municipality", "year", "objections", "source", "entered_by", "updated_at")
    list_filter = ("municipality", "year")
    fields = ("municipality", "year", "objections", "source", "entered_by")
    readonly_fields = ("entered_by",)

    def save_model(self, request, obj, form, change):
        obj.entered_by = request.user
        super().save_model(request, obj, form, change)
