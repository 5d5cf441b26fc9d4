"""The project's URLs plus the organisation's public signal page, which the project mounts
at ``/`` (``ombuds.signals.public_urls``); tests of that page use this configuration."""

from django.urls import include, path

from ombuds.config.urls import urlpatterns as project

mounted = any(getattr(p, "namespace", None) == "signal-public" for p in project)

urlpatterns = [*project] if mounted else [
    *project,
    path("", include("ombuds.signals.public_urls")),
]
