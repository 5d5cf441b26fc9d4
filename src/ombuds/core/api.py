"""API plumbing shared by every app: authentication, permissions, error format."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, permissions
from rest_framework.views import exception_handler as drf_exception_handler

from ombuds.domain.workflow import InvalidTransition


class HasRole(permissions.BasePermission):
    """Allow users holding at least one of ``view.required_roles`` somewhere."""

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and user.has_role(view.required_roles))


def exception_handler(exc, context):
    """Turn domain and Django errors into precise API errors.

    ``InvalidTransition`` → 409 with ``code``; Django ``ValidationError`` → 400 with the
    field errors; Django ``PermissionDenied`` → 403.
    """
    if isinstance(exc, InvalidTransition):
        exc = exceptions.APIException(detail={"detail": exc.message, "code": exc.code})
        exc.status_code = 409
    elif isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(detail=str(exc) or None)
    return drf_exception_handler(exc, context)
