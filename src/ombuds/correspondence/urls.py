from django.urls import path

from ombuds.correspondence import views

app_name = "correspondence"

urlpatterns = [
    path("zaken/<str:reference>/brieven/nieuw/", views.letter_add, name="letter_add"),
]
