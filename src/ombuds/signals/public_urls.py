"""The organisation's answer page for a signal, without an account; mounted at ``/``.
The token URL only checks the token and redirects (see ``public_views``)."""

from django.urls import path

from ombuds.signals import public_views

app_name = "signal-public"

urlpatterns = [
    path("signaal/antwoord/<int:link_id>/", public_views.signal_page, name="page"),
    path("signaal/antwoord/<int:link_id>/bedankt/", public_views.signal_thanks,
         name="thanks"),
    path("signaal/<str:token>/", public_views.signal_entry, name="entry"),
]
