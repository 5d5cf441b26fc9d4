from django.urls import path

from ombuds.interop.api import CaseZgwApi

app_name = "api-interop"

urlpatterns = [
    path("cases/<str:reference>/zgw/", CaseZgwApi.as_view(), name="case-zgw"),
]
