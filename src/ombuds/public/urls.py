"""The resident pages. Mounted in ``i18n_patterns``: Dutch at ``/``, English under ``/en/``."""

from django.urls import path

from ombuds.public import views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("gemeente/<slug:municipality>/", views.municipality, name="municipality"),
    path("gemeente/<slug:municipality>/waar-terecht/", views.routes, name="routes"),
    path("gemeente/<slug:municipality>/sociale-kaart/", views.social_map, name="social_map"),
    path("gemeente/<slug:municipality>/contact/", views.contact, name="contact"),
    path("gemeente/<slug:municipality>/hulp-vragen/", views.request_form, name="request"),
    path("gemeente/<slug:municipality>/hulp-vragen/verstuurd/", views.request_sent,
         name="request_sent"),
    path("status/verzoek/<int:request_id>/", views.status, name="status"),
    path("status/verzoek/<int:request_id>/herinnering/", views.status_reminder,
         name="status_reminder"),
    path("status/<str:token>/", views.status_entry, name="status_entry"),
]
