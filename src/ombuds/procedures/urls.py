from django.urls import path

from ombuds.procedures import views

app_name = "procedures"

urlpatterns = [
    path("zaken/<str:reference>/besluiten/nieuw/", views.decision_add, name="decision_add"),
    path("zaken/<str:reference>/besluiten/<int:decision_id>/wijzigen/", views.decision_change,
         name="decision_change"),
    path("zaken/<str:reference>/besluiten/<int:decision_id>/verwijderen/", views.decision_delete,
         name="decision_delete"),
    path("zaken/<str:reference>/besluiten/<int:decision_id>/pro-forma-bezwaar/",
         views.proforma_letter, name="proforma_letter"),
    path("zaken/<str:reference>/klachten/nieuw/", views.complaint_add, name="complaint_add"),
    path("zaken/<str:reference>/klachten/<int:complaint_id>/wijzigen/", views.complaint_change,
         name="complaint_change"),
    path("zaken/<str:reference>/klachten/<int:complaint_id>/verwijderen/",
         views.complaint_delete, name="complaint_delete"),
]
