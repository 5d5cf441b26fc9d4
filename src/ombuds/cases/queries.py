"""Small reads the staff pages need besides the cases themselves: choice lists for forms.

Cases are never read here: those go through ``selectors``. Every function costs a fixed
number of queries, so the pages that use them stay constant in the number of queries.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from ombuds.accounts.models import User
from ombuds.accounts.roles import CASE_ROLES, HANDLER_ROLES, INTAKE_ROLES
from ombuds.cases.models import Attachment, Case
from ombuds.cases.permissions import sees_health_details
from ombuds.core.models import Domain, Municipality, Theme, WorkflowDefinition
from ombuds.socialmap.models import Organisation


def case_municipalities(user) -> list[Municipality]:
    """Return the municipalities where ``user`` works on cases (from the cached memberships)."""
    ids = user.municipality_ids(CASE_ROLES)
    seen = {m.municipality_id: m.municipality for m in user.cached_memberships if m.municipality_id in ids}
    return sorted(seen.values(), key=lambda m: m.name)


def intake_municipalities(user) -> QuerySet[Municipality]:
    """Return the municipalities where ``user`` may register a case."""
    return Municipality.objects.filter(pk__in=user.municipality_ids(INTAKE_ROLES)).order_by("name")


def handlers(municipality_ids: Iterable[int]) -> QuerySet[User]:
    """Return the active users who may be assigned cases in any of these municipalities."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__municipality_id__in=list(municipality_ids),
            memberships__role__in=[r.value for r in HANDLER_ROLES],
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def themes(municipality_ids: Iterable[int]) -> QuerySet[Theme]:
    return (
        Theme.objects.filter(municipality_id__in=list(municipality_ids), active=True)
        .select_related("domain", "municipality")
        .order_by("municipality__name", "domain__name", "name")
    )


def domains() -> QuerySet[Domain]:
    return Domain.objects.order_by("name")


def organisations(municipality_ids: Iterable[int]) -> QuerySet[Organisation]:
    """Return the active social-map organisations serving any of these municipalities."""
    return (
        Organisation.objects.filter(municipalities__in=list(municipality_ids), active=True)
        .distinct()
        .prefetch_related("municipalities")
        .order_by("name")
    )


def status_choices(municipalities: Iterable[Municipality]) -> list[tuple[str, list]]:
    """Return the statuses of the process variants these municipalities use, grouped per
    variant (for a ``<select>`` with ``<optgroup>``). One query."""
    ids = {m.workflow_id for m in municipalities}
    groups = []
    for definition in WorkflowDefinition.objects.filter(pk__in=ids).order_by("variant"):
        workflow = definition.workflow
        groups.append((workflow.name, [(s.code, s.label) for s in workflow.statuses]))
    return groups


def case_attachment(user, case: Case, uuid) -> Attachment | None:
    """Return the attachment ``uuid`` of ``case`` if ``user`` may download it, else ``None``.

    ``case`` must come from ``selectors.access_case`` (the case check); this adds that an
    attachment of a sensitive (health) entry is only for users who see health details.
    """
    attachment = (
        Attachment.objects.select_related("entry").filter(uuid=uuid, entry__case=case).first()
    )
    if attachment is None:
        return None
    if attachment.entry.sensitive and not sees_health_details(user, case):
        return None
    return attachment
