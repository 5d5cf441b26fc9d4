from django.urls import path

from ombuds.cases.api.cases import CaseAssignApi, CaseCollectionApi, CaseDetailApi
from ombuds.cases.api.timeline import AttachmentDownloadApi, TimelineCollectionApi
from ombuds.cases.api.transitions import TransitionCollectionApi

app_name = "api-cases"

urlpatterns = [
    path("cases/", CaseCollectionApi.as_view(), name="cases"),
    path("cases/<str:reference>/", CaseDetailApi.as_view(), name="case"),
    path("cases/<str:reference>/timeline/", TimelineCollectionApi.as_view(), name="timeline"),
    path("cases/<str:reference>/attachments/<uuid:uuid>/", AttachmentDownloadApi.as_view(),
         name="attachment-download"),
    path("cases/<str:reference>/assign/", CaseAssignApi.as_view(), name="assign"),
    path("cases/<str:reference>/transitions/", TransitionCollectionApi.as_view(),
         name="transitions"),
]
