"""What every staff case page shares: the access guard."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from ombuds.cases.permissions import has_case_role


def case_role_required(view):
    """Only for users with a case role; policy and admin users never reach person data."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not has_case_role(request.user):
            raise PermissionDenied("U heeft geen toegang tot zaken.")
        return view(request, *args, **kwargs)

    return wrapper


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"
