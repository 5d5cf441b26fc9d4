from django.urls import path

from ombuds.insights import views

app_name = "insights"

urlpatterns = [
    path("patronen/", views.patterns, name="patterns"),
    path("werkverdeling/", views.workload, name="workload"),
    path("zaken/<str:reference>/verwant/", views.case_related, name="case_related"),
    path("patronen/themavoorstel/", views.theme_suggest, name="theme_suggest"),
    path("patronen/themavoorstel/vastleggen/", views.suggestion_record,
         name="suggestion_record"),
]
