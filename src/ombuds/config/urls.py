from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

urlpatterns = [
    path("", include("ombuds.public.urls")),
    path("", include("ombuds.accounts.urls")),
    path("werk/", include("ombuds.cases.urls")),
    path("werk/", include("ombuds.core.urls")),
    path("werk/", include("ombuds.procedures.urls")),
    path("werk/", include("ombuds.mediation.urls")),
    path("werk/", include("ombuds.mediation.staff_urls")),
    path("werk/", include("ombuds.correspondence.urls")),
    path("werk/", include("ombuds.signals.urls")),
    path("werk/", include("ombuds.insights.urls")),
    path("werk/", include("ombuds.reports.urls")),
    path("werk/", include("ombuds.records.urls")),
    path("", include("ombuds.mediation.public_urls")),
    path("", include("ombuds.signals.public_urls")),
    path("werk/sociale-kaart/", include("ombuds.socialmap.urls")),
    path("beheer/", admin.site.urls),
    path("api/v1/", include("ombuds.config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]
