"""Writes to the social map; the API and the admin pages use the same functions."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ombuds.accounts.roles import CONFIG_ROLES
from ombuds.core.audit import Action, audit_log
from ombuds.socialmap.models import Organisation


def _check_admin_of(user, municipalities) -> None:
    missing = {m.pk for m in municipalities} - user.municipality_ids(CONFIG_ROLES)
    if missing:
        raise PermissionDenied(
            "U bent niet de beheerder van alle gemeenten van deze organisatie."
        )


@transaction.atomic
def organisation_create(*, user, municipalities, **fields) -> Organisation:
    """Add an organisation to the social map of ``municipalities``."""
    _check_admin_of(user, municipalities)
    organisation = Organisation(**fields)
    organisation.full_clean()
    organisation.save()
    organisation.municipalities.set(municipalities)
    audit_log(user=user, action=Action.CREATE, event="organisation.created", obj=organisation,
              details={"municipalities": sorted(m.cbs_code for m in municipalities)})
    return organisation


@transaction.atomic
def organisation_update(*, user, organisation: Organisation, municipalities=None,
                        **fields) -> Organisation:
    """Change an organisation; the user administers all its municipalities, old and new."""
    current = list(organisation.municipalities.all())
    _check_admin_of(user, current + list(municipalities or []))
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save()
    if municipalities is not None:
        organisation.municipalities.set(municipalities)
    audit_log(user=user, action=Action.UPDATE, event="organisation.updated", obj=organisation,
              details={"fields": sorted([*fields, *(["municipalities"] if municipalities
                                                    is not None else [])])})
    return Organisation.objects.prefetch_related("municipalities").get(pk=organisation.pk)
