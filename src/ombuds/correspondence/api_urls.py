from django.urls import path

from ombuds.correspondence.api import LetterDraftApi

app_name = "api-correspondence"

urlpatterns = [
    path("cases/<str:reference>/letters/draft/", LetterDraftApi.as_view(), name="letter_draft"),
]
