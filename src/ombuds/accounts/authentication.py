from drf_spectacular.authentication import SessionScheme
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication

from ombuds.accounts.mfa import second_factor_done
from ombuds.accounts.middleware import API_MESSAGE


class SecondFactorSessionAuthentication(SessionAuthentication):
    """DRF's session authentication, refusing (403) a session whose second factor is not
    done. ``SecondFactorMiddleware`` already stops such requests; this keeps the rule where
    DRF decides who the user is, too."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None and not second_factor_done(request._request):
            raise exceptions.PermissionDenied(API_MESSAGE)
        return result


class SecondFactorSessionScheme(SessionScheme):
    """The OpenAPI description of the session: drf-spectacular's own cookie scheme."""

    target_class = "ombuds.accounts.authentication.SecondFactorSessionAuthentication"
