"""Staff pages of signals, mounted under ``/werk/``.

Only the signal's id is in a path; which recommendation or link a page is about is a query
or form parameter (``aanbeveling``, ``link``), checked against the signal in the view."""

from django.urls import path

from ombuds.signals import views

app_name = "signals"

SIGNAL = "signalen/<int:signal_id>/"
#: The recommendations of a case's report (variant 6): the same concept, under the case.
CASE = "zaken/<str:reference>/aanbevelingen/"

urlpatterns = [
    path("signalen/", views.signal_list, name="list"),
    path("signalen/nieuw/", views.signal_create, name="create"),
    path(SIGNAL, views.signal_detail, name="detail"),
    path(SIGNAL + "status/", views.signal_transition, name="transition"),
    path(SIGNAL + "zaken/", views.signal_link_cases, name="link_cases"),
    path(SIGNAL + "aanbevelingen/nieuw/", views.recommendation_add, name="recommendation_add"),
    path(SIGNAL + "aanbevelingen/reactie/", views.recommendation_response,
         name="recommendation_response"),
    path(SIGNAL + "publicatie/", views.signal_publication, name="publication"),
    path(SIGNAL + "publicatie/intrekken/", views.signal_publication_withdraw,
         name="publication_withdraw"),
    path(SIGNAL + "link/", views.link_create, name="link_create"),
    path(SIGNAL + "link/intrekken/", views.link_revoke, name="link_revoke"),
    path(CASE + "nieuw/", views.case_recommendation_add, name="case_recommendation_add"),
    path(CASE + "reactie/", views.case_recommendation_response,
         name="case_recommendation_response"),
    path(CASE + "publicatie/", views.case_recommendation_publication,
         name="case_recommendation_publication"),
]
