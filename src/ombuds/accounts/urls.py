from django.urls import path

from ombuds.accounts import otp_views, views
from ombuds.accounts.oidc import OmbudsOIDCCallbackView, OmbudsOIDCRequestView

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("inloggen/tweestapsverificatie/", otp_views.otp_verify, name="otp_verify"),
    path("inloggen/tweestapsverificatie/instellen/", otp_views.otp_setup, name="otp_setup"),
    path("inloggen/tweestapsverificatie/herstelcodes/", otp_views.otp_recovery_codes,
         name="otp_recovery_codes"),
    # OpenID Connect (404 while OMBUDS_OIDC_ISSUER is unset)
    path("inloggen/sso/", OmbudsOIDCRequestView.as_view(), name="oidc_start"),
    path("inloggen/sso/terug/", OmbudsOIDCCallbackView.as_view(), name="oidc_callback"),
    path("inloggen/sso/mislukt/", otp_views.oidc_failed, name="oidc_failed"),
]
