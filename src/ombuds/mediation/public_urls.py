"""Pages without an account: a party's request and the resident survey. The token URLs only
check the token and redirect (see ``public_views``)."""

from django.urls import path

from ombuds.mediation import public_views

app_name = "partner"

urlpatterns = [
    path("partner/verzoek/<int:link_id>/", public_views.partner_page, name="page"),
    path("partner/verzoek/<int:link_id>/bedankt/", public_views.partner_thanks, name="thanks"),
    path("partner/<str:token>/", public_views.partner_entry, name="request"),
    path("enquete/vragen/", public_views.survey_form, name="survey_form"),
    path("enquete/bedankt/", public_views.survey_thanks, name="survey_thanks"),
    path("enquete/<str:survey_token>/", public_views.survey_entry, name="survey"),
]
