from django.urls import path

from ombuds.interop import views

app_name = "interop"

urlpatterns = [
    path("import/", views.import_start, name="import_start"),
    path("import/<int:job_id>/kolommen/", views.import_mapping, name="import_mapping"),
    path("import/<int:job_id>/proefimport/", views.import_report, name="import_report"),
    path("import/<int:job_id>/importeren/", views.import_go, name="import_go"),
    path("import/<int:job_id>/voortgang/", views.import_progress, name="import_progress"),
    path("import/<int:job_id>/opnieuw/", views.import_retry, name="import_retry"),
    path("export/", views.export_index, name="export"),
    path("export/zaken.<str:fmt>", views.export_cases, name="export_cases"),
    path("export/signalen.<str:fmt>", views.export_signals, name="export_signals"),
]
