from django.urls import include, path

urlpatterns = [
    path("", include("ombuds.cases.api_urls")),
    path("", include("ombuds.core.api_urls")),
    path("", include("ombuds.socialmap.api_urls")),
    path("", include("ombuds.procedures.api_urls")),
    path("", include("ombuds.correspondence.api_urls")),
    path("", include("ombuds.mediation.api_urls")),
    path("", include("ombuds.signals.api_urls")),
    path("", include("ombuds.insights.api_urls")),
    path("", include("ombuds.reports.api_urls")),
    path("", include("ombuds.interop.api_urls")),
]
