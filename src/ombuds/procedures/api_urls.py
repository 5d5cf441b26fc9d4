from django.urls import path

from ombuds.procedures.api.applications import ApplicationCollectionApi, ApplicationItemApi
from ombuds.procedures.api.complaints import ComplaintCollectionApi, ComplaintItemApi
from ombuds.procedures.api.deadlines import DeadlineListApi
from ombuds.procedures.api.decisions import DecisionCollectionApi, DecisionItemApi
from ombuds.procedures.api.elements import ElementCollectionApi, ElementItemApi

app_name = "api-procedures"

urlpatterns = [
    path("cases/<str:reference>/decisions/", DecisionCollectionApi.as_view(), name="decisions"),
    path("cases/<str:reference>/decisions/<int:decision_id>/", DecisionItemApi.as_view(),
         name="decision"),
    path("cases/<str:reference>/applications/", ApplicationCollectionApi.as_view(),
         name="applications"),
    path("cases/<str:reference>/applications/<int:application_id>/",
         ApplicationItemApi.as_view(), name="application"),
    path("cases/<str:reference>/complaints/", ComplaintCollectionApi.as_view(),
         name="complaints"),
    path("cases/<str:reference>/complaints/<int:complaint_id>/", ComplaintItemApi.as_view(),
         name="complaint"),
    path("cases/<str:reference>/complaints/<int:complaint_id>/elements/",
         ElementCollectionApi.as_view(), name="complaint_elements"),
    path("cases/<str:reference>/complaints/<int:complaint_id>/elements/<int:element_id>/",
         ElementItemApi.as_view(), name="complaint_element"),
    path("cases/<str:reference>/deadlines/", DeadlineListApi.as_view(), name="deadlines"),
]
