from django.urls import path

from ombuds.core import views

app_name = "core"

urlpatterns = [
    path("audit/", views.audit_search, name="audit"),
    path("audit/export.csv", views.audit_export, name="audit_export"),
    path("cijfers/", views.figures, name="figures"),
]
