from django.urls import path

from ombuds.accounts import account_views

app_name = "account"

urlpatterns = [
    path("mijn-account/", account_views.overview, name="overview"),
    path("mijn-account/wachtwoord/", account_views.password_change, name="password_change"),
    path("mijn-account/herstelcodes/", account_views.recovery_codes, name="recovery_codes"),
]
