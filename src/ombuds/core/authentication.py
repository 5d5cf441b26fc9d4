from django.conf import settings
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


class OmbudsTokenAuthentication(TokenAuthentication):
    """DRF token authentication that, like the login page, refuses demo accounts outside
    demo mode."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if getattr(user, "is_demo", False) and not settings.DEMO_MODE:
            raise exceptions.AuthenticationFailed("Demo accounts only work in demo mode.")
        return user, token
