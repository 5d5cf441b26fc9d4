"""Staff pages of partner links and the survey; mounted under ``/werk/``."""

from django.urls import path

from ombuds.mediation import staff_views

app_name = "partner-staff"

urlpatterns = [
    path("zaken/<str:reference>/partnerverzoek/", staff_views.link_create, name="link_create"),
    path("zaken/<str:reference>/partnerverzoek/<int:link_id>/intrekken/",
         staff_views.link_revoke, name="link_revoke"),
    path("zaken/<str:reference>/enquete/", staff_views.survey_invite, name="survey_invite"),
]
