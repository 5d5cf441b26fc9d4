from django.urls import path

from ombuds.reports import views

app_name = "reports"

urlpatterns = [
    path("rapportages/", views.index, name="index"),
    path("rapportages/bestand/", views.export, name="export"),
    path("rapportages/maken/", views.run_create, name="run_create"),
    path("rapportages/<uuid:uuid>/", views.run, name="run"),
    path("rapportages/<uuid:uuid>/bestand/", views.run_download, name="run_download"),
]
