from django.urls import path

from ombuds.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.home, name="home"),
    path("zaken/", views.worklist, name="worklist"),
    path("_floor/", views.floor, name="floor"),
    path("zaken/nieuw/", views.case_register_view, name="register"),
    path("zaken/filters/", views.saved_filter_save_view, name="saved_filter_save"),
    path("zaken/filters/<int:pk>/verwijderen/", views.saved_filter_delete_view,
         name="saved_filter_delete"),
    path("zaken/<str:reference>/", views.case_page, name="detail"),
    path("zaken/<str:reference>/tijdlijn/", views.case_add_entry, name="add_entry"),
    path("zaken/<str:reference>/gegevens/", views.case_edit, name="edit"),
    path("zaken/<str:reference>/toewijzen/", views.case_assign_view, name="assign"),
    path("zaken/<str:reference>/status/", views.case_transition_view, name="transition"),
    path("zaken/<str:reference>/afsluiten/", views.case_close, name="close"),
    path("zaken/<str:reference>/heropenen/", views.case_reopen_view, name="reopen"),
    path("zaken/<str:reference>/bijlagen/<uuid:uuid>/", views.attachment_download,
         name="attachment"),
]
