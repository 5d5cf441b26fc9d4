from django.urls import path

from ombuds.mediation.api import PartnerRequestApi
from ombuds.mediation.api_meetings import (
    MeetingCancelApi,
    MeetingCollectionApi,
    MeetingHoldApi,
    MeetingInvitationsApi,
    MeetingItemApi,
)

app_name = "api-mediation"

MEETING = "cases/<str:reference>/meetings/<int:meeting_id>/"

urlpatterns = [
    path("partner/<str:token>/", PartnerRequestApi.as_view(), name="partner"),
    path("cases/<str:reference>/meetings/", MeetingCollectionApi.as_view(), name="meetings"),
    path(MEETING, MeetingItemApi.as_view(), name="meeting"),
    path(MEETING + "cancel/", MeetingCancelApi.as_view(), name="meeting_cancel"),
    path(MEETING + "hold/", MeetingHoldApi.as_view(), name="meeting_hold"),
    path(MEETING + "invitations/", MeetingInvitationsApi.as_view(), name="meeting_invitations"),
]
