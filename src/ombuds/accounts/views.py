"""Log in and out with Django's auth views and Dutch NL Design System templates."""

from django.conf import settings
from django.contrib.auth import views as auth_views

from ombuds.accounts.forms import LoginForm

#: The demo accounts of ``make demo``; listed on the login page in demo mode only.
DEMO_ACCOUNTS = [
    ("ombudsman", "Ombudsfunctionaris, beide gemeenten"),
    ("secretariaat", "Secretariaat, beide gemeenten"),
    ("coordinator", "Coördinator, beide gemeenten"),
    ("beleid", "Beleid en raad: alleen cijfers"),
    ("beheer", "Beheerder: instellingen en auditlog"),
    ("ombudsman-westerveld", "Ombudsfunctionaris, alleen Westerveld"),
]


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["demo_accounts"] = DEMO_ACCOUNTS if settings.DEMO_MODE else []
        context["oidc_label"] = settings.OIDC_LOGIN_LABEL if settings.OIDC_ENABLED else ""
        return context


class LogoutView(auth_views.LogoutView):
    """POST only (Django's default since 5.0): a link cannot log someone out."""
