"""Staff pages of mediation, mounted under ``/werk/``."""

from django.urls import path

from ombuds.mediation import views

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
    path(CASE + "gesprekken/nieuw/", views.meeting_add, name="meeting_add"),
    path(CASE + "afspraken/<int:agreement_id>/status/", views.agreement_status,
         name="agreement_status"),
    path(CASE + "verwijzingen/nieuw/", views.referral_add, name="referral_add"),
    path(CASE + "verwijzingen/<int:referral_id>/aankomst/", views.referral_arrival,
         name="referral_arrival"),
]
