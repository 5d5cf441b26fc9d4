from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

# The resident pages: Dutch at /, English under /en/ (LocaleMiddleware reads the prefix).
urlpatterns = i18n_patterns(
    path("", include("ombuds.public.urls")),
    prefix_default_language=False,
)
urlpatterns += [
    path("", include("ombuds.accounts.urls")),
    path("werk/", include("ombuds.accounts.account_urls")),
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
    path("werk/", include("ombuds.interop.urls")),
    path("werk/", include("ombuds.privacy.urls")),
    path("werk/", include("ombuds.public.staff_urls")),
    path("", include("ombuds.mediation.public_urls")),
    path("", include("ombuds.signals.public_urls")),
    path("werk/sociale-kaart/", include("ombuds.socialmap.urls")),
    path("beheer/", admin.site.urls),
    path("api/v1/", include("ombuds.config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves the Swagger UI's start script as a file (?script), not inline,
    # so the API docs page keeps the strict Content-Security-Policy.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(
        url_name="api-schema", template_name="core/swagger_ui.html"), name="api-docs"),
]
