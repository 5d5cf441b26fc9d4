from django.urls import path

from ombuds.insights.api import SuggestionApi

app_name = "api-insights"

urlpatterns = [
    path("suggestions/", SuggestionApi.as_view(), name="suggestions"),
]
