from django.urls import path

from ombuds.reports.api import FiguresApi

app_name = "api-reports"

urlpatterns = [
    path("reports/figures/", FiguresApi.as_view(), name="figures"),
]
