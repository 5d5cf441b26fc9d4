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


# --- the worklist filter's choices: (value, label) pairs, without model instances -----------
# The worklist shows these four lists on every page view; a municipality of 300,000 cases has
# 100+ handlers. Reading tuples instead of User/Theme rows saves building a model per option.

def domain_choices() -> list[tuple[int, str]]:
    return list(domains().values_list("pk", "name"))


def theme_choices(municipality_ids: Iterable[int], *, with_municipality: bool) -> list[tuple[int, str]]:
    """Return (pk, "Domain – Theme") of the active themes, prefixed by the municipality's name
    when the user works for several."""
    rows = themes(municipality_ids).values_list("pk", "municipality__name", "domain__name", "name")
    return [(pk, f"{municipality}: {domain} – {name}" if with_municipality else f"{domain} – {name}")
            for pk, municipality, domain, name in rows]


def handler_choices(municipality_ids: Iterable[int]) -> list[tuple[int, str]]:
    """Return (pk, display name) of ``handlers``, in the same order."""
    rows = handlers(municipality_ids).values_list("pk", "first_name", "last_name", "username")
    # User.display_name: the full name, else the username.
    return [(pk, f"{first} {last}".strip() or username) for pk, first, last, username in rows]


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


def status_labels(workflow_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """Return per process variant (definition id) its statuses' labels by code: what
    ``Case.status_label`` shows, for a list of cases in one query (none for no ids)."""
    ids = set(workflow_ids)
    if not ids:
        return {}
    return {definition.pk: {s.code: s.label for s in definition.workflow.statuses}
            for definition in WorkflowDefinition.objects.filter(pk__in=ids)}


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
