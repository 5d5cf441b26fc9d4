from django.urls import path

from ombuds.signals.api import SignalDetailApi, SignalListApi, SignalPublishableApi

app_name = "api-signals"

urlpatterns = [
    path("signals/", SignalListApi.as_view(), name="signals"),
    path("signals/<int:signal_id>/", SignalDetailApi.as_view(), name="signal"),
    path("signals/<int:signal_id>/publishable/", SignalPublishableApi.as_view(),
         name="signal_publishable"),
]
