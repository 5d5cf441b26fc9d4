from django.urls import path

from ombuds.socialmap.api import OrganisationCollectionApi, OrganisationItemApi

app_name = "api-socialmap"

urlpatterns = [
    path("organisations/", OrganisationCollectionApi.as_view(), name="organisations"),
    path("organisations/<int:pk>/", OrganisationItemApi.as_view(), name="organisation"),
]
