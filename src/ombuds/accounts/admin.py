"""Users and their memberships in the beheer (admin), scoped to the beheerder's
municipalities: they see users with a membership there, only the memberships there, and
cannot give a membership in a municipality they do not administer."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group

from ombuds.accounts.mfa import second_factor_reset
from ombuds.accounts.models import Membership, User
from ombuds.core.admin import LabelledTabularInline, ScopedAdmin, may_administer
from ombuds.core.models import Municipality
from ombuds.core.selectors import administered_municipality_ids

# Groups and per-model permissions play no part: what a user may do follows from memberships.
if admin.site.is_registered(Group):
    admin.site.unregister(Group)
# The devices of django-otp hold the users' secrets and are not scoped to municipalities: a
# beheerder resets them with the action on the user below, never reads or edits them.
for _model in ("otp_totp.TOTPDevice", "otp_static.StaticDevice"):
    from django.apps import apps as _apps

    if admin.site.is_registered(_apps.get_model(_model)):
        admin.site.unregister(_apps.get_model(_model))


def reaches_beyond_scope(request, user: User | None) -> bool:
    """Whether ``user`` has access a beheerder does not administer (another municipality, or
    superuser rights): such a user is read-only for them, else resetting the password would
    hand over that access."""
    ids = administered_municipality_ids(request.user)
    if user is None or ids is None:
        return False
    return user.is_superuser or user.memberships.exclude(municipality_id__in=ids).exists()


class MembershipInline(LabelledTabularInline):
    model = Membership
    extra = 1
    fields = ["municipality", "role", "sees_health_details"]

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("municipality")
        ids = administered_municipality_ids(request.user)
        return qs if ids is None else qs.filter(municipality_id__in=ids)

    def get_min_num(self, request, obj=None, **kwargs):
        # A beheerder's new user needs a membership in one of their municipalities, or the
        # user would vanish from their scope the moment it is saved.
        return 1 if obj is None and not request.user.is_superuser else 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "municipality":
            kwargs.setdefault("label", "Gemeente")  # the model field has no Dutch name
            ids = administered_municipality_ids(request.user)
            if ids is not None:
                kwargs["queryset"] = Municipality.objects.filter(id__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_view_permission(self, request, obj=None):
        return may_administer(request)

    def has_add_permission(self, request, obj=None):
        return may_administer(request) and not reaches_beyond_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return may_administer(request) and not reaches_beyond_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return may_administer(request) and not reaches_beyond_scope(request, obj)


@admin.register(User)
class UserAdmin(ScopedAdmin, DjangoUserAdmin):
    municipality_lookup = "memberships__municipality_id"
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "memberships__role", "memberships__municipality"]
    search_fields = ["username", "first_name", "last_name", "email"]
    readonly_fields = ["last_login", "date_joined", "is_demo"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Persoonlijke gegevens", {"fields": ["first_name", "last_name", "email"]}),
        ("Toegang", {"fields": ["is_active", "is_staff", "is_demo"],
                     "description": "Wat iemand mag zien volgt uit de lidmaatschappen hieronder. "
                     "'Medewerker' (is_staff) is nodig om met de rol beheerder in dit beheer "
                     "te komen."}),
        ("Data", {"fields": ["last_login", "date_joined"]}),
    ]
    superuser_fieldsets = [
        *fieldsets[:2],
        ("Toegang", {"fields": ["is_active", "is_staff", "is_superuser", "is_demo"]}),
        fieldsets[3],
    ]
    filter_horizontal = []
    actions = ["second_factor_reset", "lockout_reset"]

    @admin.action(description="Tweestapsverificatie opnieuw laten instellen")
    def second_factor_reset(self, request, queryset):
        done = 0
        for target in queryset:
            if reaches_beyond_scope(request, target):
                continue
            second_factor_reset(user=request.user, target=target)
            done += 1
        self.message_user(request, f"Tweestapsverificatie gewist voor {done} gebruiker(s). Zij "
                          "stellen bij de volgende keer inloggen een nieuwe authenticator-app in.")

    @admin.action(description="Vergrendeling na te veel inlogpogingen opheffen")
    def lockout_reset(self, request, queryset):
        from axes.utils import reset

        from ombuds.core.audit import Action, audit_log

        done = 0
        for target in queryset:
            if reaches_beyond_scope(request, target):
                continue
            if reset(username=target.username):
                audit_log(user=request.user, action=Action.UPDATE, event="auth.lockout_lifted",
                          object_type="accounts.user", object_id=str(target.pk),
                          object_label=target.username)
                done += 1
        self.message_user(request, f"Vergrendeling opgeheven voor {done} gebruiker(s).")

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.add_fieldsets
        return self.superuser_fieldsets if request.user.is_superuser else self.fieldsets

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.exclude(is_superuser=True)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not reaches_beyond_scope(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not reaches_beyond_scope(
            request, obj
        )
