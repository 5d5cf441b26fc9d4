"""Named audit events, written in the same transaction as the change they record.

Every read, search, print, export or change of personal data calls ``audit_log``; the entry
carries the NEN 7513 fields (DOMAIN.md §4). ``details`` never holds personal data: only ids,
codes and filter names.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass

from ombuds.core.models import AuditEntry

Action = AuditEntry.Action


@dataclass(frozen=True)
class Origin:
    """Where a request came from: client address and channel (web, api, cli, worker)."""

    address: str = ""
    channel: str = "cli"

    def __str__(self) -> str:
        return f"{self.channel}:{self.address}" if self.address else self.channel


_origin: contextvars.ContextVar[Origin] = contextvars.ContextVar("audit_origin", default=Origin())  # noqa: B039 (frozen)


def set_origin(origin: Origin) -> contextvars.Token:
    return _origin.set(origin)


def reset_origin(token: contextvars.Token) -> None:
    _origin.reset(token)


def current_origin() -> Origin:
    return _origin.get()


def audit_log(
    *,
    user,
    action: str,
    event: str,
    obj=None,
    object_type: str = "",
    object_id: str = "",
    object_label: str = "",
    person_id: int | None = None,
    municipality_code: str = "",
    role: str = "",
    authorisation: str = "",
    on_behalf_of: str = "",
    details: dict | None = None,
) -> AuditEntry:
    """Write one audit entry. ``obj`` fills the object fields when given."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_label = object_label or str(obj)
    authenticated = user is not None and getattr(user, "is_authenticated", False)
    return AuditEntry.objects.create(
        user=user if authenticated else None,
        username=user.get_username() if authenticated else "",
        role=role,
        on_behalf_of=on_behalf_of,
        action=action,
        event=event,
        object_type=object_type,
        object_id=object_id,
        object_label=object_label[:120],
        person_id=person_id,
        municipality_code=municipality_code,
        origin=str(current_origin())[:100],
        authorisation=authorisation[:200],
        details=details or {},
    )
