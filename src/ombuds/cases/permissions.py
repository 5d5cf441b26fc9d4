"""What a user may do with a case, from their memberships. Used by selectors, views and API."""

from __future__ import annotations

from django.db.models import Q

from ombuds.accounts.roles import (
    ALL_CASES_ROLES,
    ASSIGN_ROLES,
    CASE_ROLES,
    HANDLER_ROLES,
    IMPORT_ROLES,
    INTAKE_ROLES,
    PERSON_ROLES,
    TRANSITION_ROLES,
    Role,
)

#: When a user holds several roles in one municipality, the audit log names the strongest.
ROLE_ORDER = [Role.OMBUDSPERSON, Role.COORDINATOR, Role.SECRETARIAT, Role.ADMIN, Role.POLICY]


def case_scope(user) -> Q:
    """Return the filter of the cases ``user`` may open; ``Q(pk__in=[])`` when none.

    Ombudspersons and coordinators see every case of their municipalities. The secretariat
    sees what PRODUCT.md gives it: the intake (open cases nobody is assigned to yet) and the
    cases assigned to them — not a case they registered once it is handed to a handler
    (registering every intake would otherwise show them every case). Policy and admin roles
    never see a case.
    """
    full = user.municipality_ids(ALL_CASES_ROLES)
    secretariat = user.municipality_ids({Role.SECRETARIAT}) - full
    scope = Q(pk__in=[])
    if full:
        scope |= Q(municipality_id__in=full)
    if secretariat:
        scope |= Q(municipality_id__in=secretariat) & (
            Q(assignee__isnull=True, closed_at__isnull=True) | Q(assignee=user)
        )
    return scope


def can_search_persons(user) -> bool:
    """Whether ``user`` may search cases by a person's name, phone, e-mail or postcode
    (``PERSON_ROLES``); the search itself stays within ``case_scope``."""
    return user.is_authenticated and user.has_role(PERSON_ROLES)


def main_role(user, municipality_id: int) -> Role | None:
    roles = user.roles_in(municipality_id)
    return next((r for r in ROLE_ORDER if r in roles), None)


def has_case_role(user) -> bool:
    return user.is_authenticated and user.has_role(CASE_ROLES)


def can_register(user, municipality_id: int | None = None) -> bool:
    if municipality_id is None:
        return user.has_role(INTAKE_ROLES)
    return bool(user.roles_in(municipality_id) & INTAKE_ROLES)


def can_import(user, municipality_id: int | None = None) -> bool:
    """Whether ``user`` may import cases (from a spreadsheet) into this municipality."""
    if municipality_id is None:
        return user.has_role(IMPORT_ROLES)
    return bool(user.roles_in(municipality_id) & IMPORT_ROLES)


def can_assign(user, case) -> bool:
    return bool(user.roles_in(case.municipality_id) & ASSIGN_ROLES)


def can_edit(user, case) -> bool:
    """Whether ``user`` may correct the intake details of a case (one they can open)."""
    return bool(user.roles_in(case.municipality_id) & CASE_ROLES)


def can_transition(user, case) -> bool:
    return bool(user.roles_in(case.municipality_id) & TRANSITION_ROLES)


def sees_health_details(user, case) -> bool:
    """Health details are for handlers; the secretariat only with an explicit grant."""
    if user.roles_in(case.municipality_id) & ALL_CASES_ROLES:
        return True
    return any(
        m.sees_health_details
        for m in user.cached_memberships
        if m.municipality_id == case.municipality_id and m.role == Role.SECRETARIAT
    )


def may_handle(user, municipality_id: int) -> bool:
    """Whether ``user`` may be assigned as handler of cases in this municipality."""
    return bool(user.roles_in(municipality_id) & HANDLER_ROLES)
