from django.urls import path

from ombuds.privacy import views

app_name = "privacy"

urlpatterns = [
    path("avg/", views.request_list, name="list"),
    path("avg/nieuw/", views.request_create, name="create"),
    path("avg/<int:request_id>/", views.request_detail, name="detail"),
    path("avg/<int:request_id>/verlengen/", views.request_extend, name="extend"),
    path("avg/<int:request_id>/afhandelen/", views.request_decide, name="decide"),
    path("avg/<int:request_id>/wissen/", views.request_erase, name="erase"),
    path("avg/<int:request_id>/verbeteren/", views.person_correct, name="correct"),
    path("avg/<int:request_id>/inzage.json", views.access_json, name="access_json"),
    path("avg/<int:request_id>/inzage.pdf", views.access_pdf, name="access_pdf"),
    path("avg/<int:request_id>/bijlagen.zip", views.access_attachments, name="access_attachments"),
    path("avg/personen/<int:person_id>/ingezien/", views.person_audit, name="person_audit"),
    path("avg/personen/<int:person_id>/ingezien.csv", views.person_audit_export,
         name="person_audit_export"),
]
