from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class OmbudsBackend(ModelBackend):
    """Django's model backend, except that demo accounts only log in in demo mode."""

    def user_can_authenticate(self, user) -> bool:
        if getattr(user, "is_demo", False) and not settings.DEMO_MODE:
            return False
        return super().user_can_authenticate(user)


class OmbudsLockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, first in ``AUTHENTICATION_BACKENDS``: a locked user name is
    refused before any password is looked at.

    Every log-in over HTTP (the login page, the beheer's login) passes the request. Code
    that authenticates without one (``Client.login`` in tests, a management command) has no
    client to throttle, so it is not counted; axes itself would raise instead.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
