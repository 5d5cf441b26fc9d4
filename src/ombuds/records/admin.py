"""Beheer of retention: the term per result type (installation-wide), and the tombstones of
destroyed cases (read only, scoped to the beheerder's municipalities)."""

from __future__ import annotations

from django.contrib import admin

from ombuds.core.admin import ScopedAdmin
from ombuds.core.audit import Action, audit_log
from ombuds.records.models import RetentionRule, Tombstone


@admin.register(RetentionRule)
class RetentionRuleAdmin(ScopedAdmin):
    """One row per result type, seeded from the Selectielijst; only the years and the basis
    change. Every change is in the audit log."""

    municipality_lookup = None
    can_add = can_delete = False
    list_display = ("result_type", "years", "basis", "updated_at")
    fields = ("result_type", "years", "basis")
    readonly_fields = ("result_type",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit_log(user=request.user, action=Action.UPDATE, event="retention_rule.saved",
                  object_type="records.retentionrule", object_id=str(obj.pk),
                  object_label=obj.result_type, details={"years": obj.years})


@admin.register(Tombstone)
class TombstoneAdmin(ScopedAdmin):
    can_add = can_change = can_delete = False
    list_display = ("reference", "municipality", "result_type", "opened_at", "closed_at",
                    "destroyed_at", "rule")
    list_filter = ("municipality", "result_type")
    search_fields = ("=reference",)
    date_hierarchy = "destroyed_at"
    exclude = ("domains", "themes", "organisations")
    readonly_fields = [f.name for f in Tombstone._meta.fields]
