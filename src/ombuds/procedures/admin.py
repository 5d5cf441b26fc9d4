"""Beheer of the days designated equal to holidays (Atw art. 3 lid 3).

The Crown designates these days by decree a few years at a time (e.g. the Friday after
Ascension Day); they cannot be computed, so the beheerder keeps them here. They are
national: any beheerder may maintain them. Every change recomputes the open deadlines of
every case at once, so no term is shown with a stale end date. Deadlines, decisions and
complaints are not registered here: they belong to a case and are seen on its page only.
"""

from __future__ import annotations

from django.contrib import admin, messages

from ombuds.core.admin import LabelledTabularInline, ScopedAdmin, may_administer
from ombuds.core.audit import Action, audit_log
from ombuds.procedures.models import DesignatedDay, DesignationDecree
from ombuds.procedures.planning import deadlines_recompute_open


class DesignatedDayInline(LabelledTabularInline):
    model = DesignatedDay
    extra = 1
    fields = ["day", "description"]

    # The site's role rule instead of Django's per-model permissions, as in ScopedAdmin.
    def has_view_permission(self, request, obj=None):
        return may_administer(request)

    def has_add_permission(self, request, obj=None):
        return may_administer(request)

    def has_change_permission(self, request, obj=None):
        return may_administer(request)

    def has_delete_permission(self, request, obj=None):
        return may_administer(request)


@admin.register(DesignationDecree)
class DesignationDecreeAdmin(ScopedAdmin):
    municipality_lookup = None  # national: the same days for every municipality
    list_display = ["title", "publication", "first_year", "last_year", "day_count"]
    fields = ["title", "publication", "first_year", "last_year"]
    inlines = [DesignatedDayInline]

    @admin.display(description="gelijkgestelde dagen")
    def day_count(self, obj: DesignationDecree) -> int:
        return obj.days.count()

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("days")

    def _recompute(self, request, decree_id: int | None) -> None:
        """Recompute every open deadline with the new calendar and say how many cases."""
        count = deadlines_recompute_open()
        audit_log(user=request.user, action=Action.UPDATE, event="designated_days.changed",
                  object_type="procedures.designationdecree", object_id=str(decree_id or ""),
                  details={"decree": decree_id, "cases_recomputed": count})
        messages.info(request, f"De termijnen van {count} "
                               f"{'zaak' if count == 1 else 'zaken'} zijn opnieuw berekend.")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The decree's years decide the caveat; its days decide the ends.
        if not change or form.has_changed() or any(f.has_changed() for f in formsets):
            self._recompute(request, form.instance.pk)

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        self._recompute(request, pk)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        self._recompute(request, None)
