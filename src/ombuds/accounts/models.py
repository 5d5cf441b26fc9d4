"""Staff users and their memberships: a role in a municipality."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.roles import Role


class User(AbstractUser):
    """A staff member. What they may see follows from their memberships, never from flags
    on the user; ``is_demo`` marks the demo accounts that only log in in demo mode."""

    is_demo = models.BooleanField(_("demo-account"), default=False)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    def roles_in(self, municipality_id: int) -> set[Role]:
        """Return the roles this user holds in a municipality (cached per request)."""
        return {m.role for m in self.cached_memberships if m.municipality_id == municipality_id}

    @property
    def cached_memberships(self) -> list[Membership]:
        cached = self.__dict__.get("_memberships")
        if cached is None:
            cached = self.__dict__["_memberships"] = list(
                self.memberships.select_related("municipality")
            )
        return cached

    def municipality_ids(self, roles) -> set[int]:
        """Return the municipalities where the user has one of ``roles``."""
        return {m.municipality_id for m in self.cached_memberships if m.role in roles}

    def has_role(self, roles) -> bool:
        return any(m.role in roles for m in self.cached_memberships)


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rol"), max_length=20, choices=[(r.value, r.label) for r in Role])
    sees_health_details = models.BooleanField(
        _("mag gezondheidsgegevens zien"), default=False,
        help_text=_("Alleen voor het secretariaat: toegang tot tijdlijnregels die als "
                    "gevoelig (gezondheid) zijn gemarkeerd."),
    )

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality", "role"], name="membership_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {Role(self.role).label} in {self.municipality}"

    @property
    def role_enum(self) -> Role:
        return Role(self.role)
