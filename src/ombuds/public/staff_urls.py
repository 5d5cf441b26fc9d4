"""The staff side of the resident pages; mounted under ``/werk/``."""

from django.urls import path

from ombuds.public import staff_views

app_name = "public-staff"

urlpatterns = [
    path("zaken/<str:reference>/statuslink/maken/", staff_views.status_link_issue,
         name="status_link_issue"),
    path("zaken/<str:reference>/statuslink/intrekken/", staff_views.status_link_revoke,
         name="status_link_revoke"),
]
