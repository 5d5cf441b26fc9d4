from django.urls import path

from ombuds.reports import annual_views, views

app_name = "reports"

urlpatterns = [
    path("rapportages/", views.index, name="index"),
    path("rapportages/bestand/", views.export, name="export"),
    path("rapportages/maken/", views.run_create, name="run_create"),
    path("rapportages/<uuid:uuid>/", views.run, name="run"),
    path("rapportages/<uuid:uuid>/bestand/", views.run_download, name="run_download"),
    # The annual report (jaarverslag): reports/annual_views.py
    path("rapportages/jaarverslag/", annual_views.annual_index, name="annual_index"),
    path("rapportages/jaarverslag/<str:cbs_code>/<int:year>/", annual_views.annual_detail,
         name="annual"),
    path("rapportages/jaarverslag/<str:cbs_code>/<int:year>/teksten/",
         annual_views.annual_texts, name="annual_texts"),
    path("rapportages/jaarverslag/<str:cbs_code>/<int:year>/casus/",
         annual_views.annual_story_add, name="annual_story_add"),
    path("rapportages/jaarverslag/<str:cbs_code>/<int:year>/casus/wijzigen/",
         annual_views.annual_story, name="annual_story"),
    path("rapportages/jaarverslag/<str:cbs_code>/<int:year>/maken/",
         annual_views.annual_run, name="annual_run"),
]
