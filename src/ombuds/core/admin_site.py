"""The admin site of Ombuds (beheer at /beheer/): only for the beheerder role."""

from __future__ import annotations

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig


class OmbudsAdminSite(AdminSite):
    site_header = "Ombuds beheer"
    site_title = "Ombuds beheer"
    index_title = "Instellingen"

    def has_permission(self, request) -> bool:
        """Only active staff with the beheerder role (or a superuser) reach the admin."""
        from ombuds.core.selectors import is_beheerder

        user = request.user
        return user.is_active and user.is_staff and (user.is_superuser or is_beheerder(user))


class OmbudsAdminConfig(AdminConfig):
    """django.contrib.admin with ``OmbudsAdminSite`` as ``admin.site`` (see INSTALLED_APPS)."""

    default_site = "ombuds.core.admin_site.OmbudsAdminSite"
