from django.urls import path

from ombuds.records import views

app_name = "records"

urlpatterns = [
    path("bewaartermijnen/", views.overview, name="overview"),
    path("bewaartermijnen/bewaarplicht/", views.hold_place, name="hold_place"),
    path("bewaartermijnen/bewaarplicht/<str:reference>/opheffen/", views.hold_lift,
         name="hold_lift"),
]
