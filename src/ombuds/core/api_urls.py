from django.urls import path

from ombuds.core.api_views import MunicipalityDetailApi, MunicipalityListApi

app_name = "api-core"

urlpatterns = [
    path("municipalities/", MunicipalityListApi.as_view(), name="municipalities"),
    path("municipalities/<str:cbs_code>/", MunicipalityDetailApi.as_view(), name="municipality"),
]
