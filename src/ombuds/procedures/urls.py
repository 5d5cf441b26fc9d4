from django.urls import path

from ombuds.procedures import application_views, views

app_name = "procedures"

urlpatterns = [
    path("zaken/<str:reference>/besluiten/nieuw/", views.decision_add, name="decision_add"),
    path("zaken/<str:reference>/besluiten/<int:decision_id>/wijzigen/", views.decision_change,
         name="decision_change"),
    path("zaken/<str:reference>/besluiten/<int:decision_id>/verwijderen/", views.decision_delete,
         name="decision_delete"),
    path("zaken/<str:reference>/besluiten/<int:decision_id>/pro-forma-bezwaar/",
         views.proforma_letter, name="proforma_letter"),
    # The case's one complaint (opened by its workflow), one page per step of its handling.
    path("zaken/<str:reference>/klacht/<slug:step>/", views.complaint_edit,
         name="complaint_edit"),
    path("zaken/<str:reference>/klacht/onderdelen/nieuw/", views.complaint_element_add,
         name="complaint_element_add"),
    path("zaken/<str:reference>/klacht/onderdelen/<int:element_id>/wijzigen/",
         views.complaint_element_change, name="complaint_element_change"),
    path("zaken/<str:reference>/klacht/onderdelen/<int:element_id>/verwijderen/",
         views.complaint_element_delete, name="complaint_element_delete"),
    # Applications and reports of need: a decision that does not come (issue 14).
    path("zaken/<str:reference>/aanvragen/nieuw/", application_views.application_add,
         name="application_add"),
    path("zaken/<str:reference>/aanvragen/<int:application_id>/wijzigen/",
         application_views.application_change, name="application_change"),
    path("zaken/<str:reference>/aanvragen/<int:application_id>/verwijderen/",
         application_views.application_delete_view, name="application_delete"),
]
