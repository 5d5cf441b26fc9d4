"""Staff pages of mediation, mounted under ``/werk/``."""

from django.urls import path

from ombuds.mediation import meeting_views, views

app_name = "mediation"

CASE = "zaken/<str:reference>/"

urlpatterns = [
    path("afspraken/", views.my_agreements, name="my_agreements"),
    path(CASE + "partijen/nieuw/", views.party_add, name="party_add"),
    path(CASE + "partijen/<int:party_id>/toestemming/nieuw/", views.consent_add,
         name="consent_add"),
    path(CASE + "partijen/<int:party_id>/toestemming/<int:consent_id>/intrekken/",
         views.consent_revoke, name="consent_revoke"),
    path(CASE + "partijen/<int:party_id>/doorbreking/", views.override_add,
         name="override_add"),
    path(CASE + "gesprekken/nieuw/", meeting_views.meeting_plan, name="meeting_plan"),
    path(CASE + "gesprekken/<int:meeting_id>/", meeting_views.meeting_detail,
         name="meeting_detail"),
    path(CASE + "gesprekken/<int:meeting_id>/wijzigen/", meeting_views.meeting_edit,
         name="meeting_edit"),
    path(CASE + "gesprekken/<int:meeting_id>/annuleren/", meeting_views.meeting_cancel,
         name="meeting_cancel"),
    path(CASE + "gesprekken/<int:meeting_id>/gehouden/", meeting_views.meeting_hold,
         name="meeting_hold"),
    path(CASE + "gesprekken/<int:meeting_id>/uitnodigen/", meeting_views.meeting_invite,
         name="meeting_invite"),
    path(CASE + "gesprekken/<int:meeting_id>/agenda/<str:who>.ics",
         meeting_views.meeting_calendar, name="meeting_calendar"),
    path(CASE + "afspraken/<int:agreement_id>/status/", views.agreement_status,
         name="agreement_status"),
    path(CASE + "verwijzingen/nieuw/", views.referral_add, name="referral_add"),
    path(CASE + "verwijzingen/<int:referral_id>/aankomst/", views.referral_arrival,
         name="referral_arrival"),
]
