from django.urls import path

from ombuds.mediation.api import PartnerRequestApi

app_name = "api-mediation"

urlpatterns = [
    path("partner/<str:token>/", PartnerRequestApi.as_view(), name="partner"),
]
