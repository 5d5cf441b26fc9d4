from django.urls import path

from ombuds.socialmap import views

app_name = "socialmap"

urlpatterns = [
    path("", views.organisation_list, name="list"),
]
