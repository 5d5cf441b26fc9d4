"""The municipalities a user works for, with their process variant and themes."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.core.models import Municipality, Theme

TAG = "Gemeenten"


def user_municipalities(user) -> QuerySet[Municipality]:
    """Return the municipalities where ``user`` holds any role, with variant and themes."""
    ids = {m.municipality_id for m in user.cached_memberships}
    themes = Theme.objects.select_related("domain").order_by("domain__name", "name")
    return (
        Municipality.objects.filter(pk__in=ids)
        .select_related("workflow")
        .prefetch_related(Prefetch("themes", queryset=themes))
        .order_by("name")
    )


class StatusSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    closed = serializers.BooleanField()


class OutcomeSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class MunicipalityVariantSerializer(serializers.Serializer):
    number = serializers.IntegerField(source="variant")
    name = serializers.CharField()
    version = serializers.IntegerField()
    statuses = StatusSerializer(many=True, source="workflow.statuses")
    outcomes = OutcomeSerializer(many=True, source="workflow.outcomes")


class MunicipalityThemeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    domain = serializers.CharField(source="domain.code")
    domain_name = serializers.CharField(source="domain.name")
    active = serializers.BooleanField()


class MunicipalitySerializer(serializers.Serializer):
    name = serializers.CharField()
    cbs_code = serializers.CharField()
    reference_prefix = serializers.CharField()
    variant = MunicipalityVariantSerializer(source="workflow", help_text="The variant new cases follow.")
    themes = MunicipalityThemeSerializer(many=True)


class MunicipalityListApi(APIView):
    @extend_schema(
        tags=[TAG], operation_id="municipalities_list", summary="Mijn gemeenten",
        description="The municipalities the user holds a role in, with the process variant "
        "new cases follow (its statuses and outcomes) and the themes.",
        responses={200: MunicipalitySerializer(many=True)},
    )
    def get(self, request):
        return Response(MunicipalitySerializer(user_municipalities(request.user), many=True).data)


class MunicipalityDetailApi(APIView):
    @extend_schema(
        tags=[TAG], operation_id="municipalities_retrieve", summary="Een gemeente",
        responses={200: MunicipalitySerializer,
                   404: OpenApiResponse(description="Geen gemeente van deze gebruiker.")},
    )
    def get(self, request, cbs_code: str):
        municipality = user_municipalities(request.user).filter(cbs_code=cbs_code).first()
        if municipality is None:
            raise Http404("Geen gemeente met deze CBS-code waarvoor u werkt.")
        return Response(MunicipalitySerializer(municipality).data)
