"""The social map through the API: every staff user reads the organisations of their
municipalities; the beheerder of all of an organisation's municipalities maintains it."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.accounts.roles import CONFIG_ROLES
from ombuds.core.api import HasRole
from ombuds.core.models import Municipality
from ombuds.socialmap.models import Organisation, OrganisationType, Route
from ombuds.socialmap.services import organisation_create, organisation_update

TAG = "Sociale kaart"
NOT_FOUND = OpenApiResponse(description="Geen organisatie op de sociale kaart van uw gemeenten.")
FORBIDDEN = OpenApiResponse(
    description="Alleen de beheerder van alle gemeenten van de organisatie mag haar wijzigen."
)


def user_organisations(user) -> QuerySet[Organisation]:
    """Return the organisations serving any municipality where ``user`` holds a role."""
    ids = {m.municipality_id for m in user.cached_memberships}
    return (
        Organisation.objects.filter(municipalities__in=ids)
        .distinct()
        .prefetch_related("municipalities")
        .order_by("name", "id")
    )


class OrganisationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    type = serializers.CharField()
    type_label = serializers.CharField(source="get_type_display")
    description = serializers.CharField()
    routes = serializers.ListField(child=serializers.CharField(), help_text="Route codes.")
    route_labels = serializers.ListField(child=serializers.CharField())
    municipalities = serializers.SerializerMethodField(help_text="CBS codes it serves.")
    phone = serializers.CharField()
    email = serializers.CharField()
    website = serializers.CharField()
    address = serializers.CharField()
    public = serializers.BooleanField(help_text="Shown on the public social map.")
    active = serializers.BooleanField()

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_municipalities(self, organisation: Organisation) -> list[str]:
        return [m.cbs_code for m in organisation.municipalities.all()]


class OrganisationInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    type = serializers.ChoiceField(choices=OrganisationType.choices)
    description = serializers.CharField(required=False, allow_blank=True)
    routes = serializers.ListField(
        child=serializers.ChoiceField(choices=Route.choices), required=False
    )
    municipalities = serializers.SlugRelatedField(
        slug_field="cbs_code", queryset=Municipality.objects.all(), many=True,
        allow_empty=False, help_text="CBS codes of the municipalities it serves.",
    )
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    website = serializers.URLField(required=False, allow_blank=True)
    address = serializers.CharField(required=False, allow_blank=True)
    public = serializers.BooleanField(required=False)
    active = serializers.BooleanField(required=False)


class OrganisationListApi(APIView):
    @extend_schema_serializer(component_name="OrganisationListFilter")
    class FilterSerializer(serializers.Serializer):
        municipality = serializers.CharField(required=False, help_text="CBS code, e.g. GM1708.")
        type = serializers.ChoiceField(choices=OrganisationType.choices, required=False)
        route = serializers.ChoiceField(
            choices=Route.choices, required=False, help_text="Organisations offering this route."
        )
        active = serializers.BooleanField(required=False)

    @extend_schema(
        tags=[TAG], operation_id="organisations_list", summary="De sociale kaart",
        description="Organisations serving the user's municipalities, by name.",
        parameters=[FilterSerializer],
        responses={200: OrganisationSerializer(many=True)},
    )
    def get(self, request):
        filters = OrganisationListApi.FilterSerializer(data=request.query_params.dict())
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        organisations = user_organisations(request.user)
        if "municipality" in data:
            organisations = organisations.filter(municipalities__cbs_code=data["municipality"])
        if "type" in data:
            organisations = organisations.filter(type=data["type"])
        if "route" in data:
            # Route codes are whole JSON strings, so the quoted code matches only itself;
            # unlike ``contains``, this works on SQLite too.
            organisations = organisations.filter(routes__icontains=f'"{data["route"]}"')
        if "active" in data:
            organisations = organisations.filter(active=data["active"])
        return Response(OrganisationSerializer(organisations, many=True).data)


class OrganisationCreateApi(APIView):
    permission_classes = [HasRole]
    required_roles = CONFIG_ROLES
    parser_classes = [JSONParser]

    @extend_schema(
        tags=[TAG], operation_id="organisations_create", summary="Een organisatie toevoegen",
        description="For the beheerder of every municipality listed.",
        request=OrganisationInputSerializer,
        responses={201: OrganisationSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN},
    )
    def post(self, request):
        serializer = OrganisationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        organisation = organisation_create(user=request.user, **serializer.validated_data)
        return Response(OrganisationSerializer(organisation).data, status=status.HTTP_201_CREATED)


class OrganisationCollectionApi(OrganisationListApi, OrganisationCreateApi):
    """``/organisations/``: GET for every staff user, POST for the beheerder."""

    def get_permissions(self):
        if self.request.method == "POST":
            return super().get_permissions()
        return [permission() for permission in OrganisationListApi.permission_classes]


def _organisation(user, pk: int) -> Organisation:
    organisation = user_organisations(user).filter(pk=pk).first()
    if organisation is None:
        raise Http404("Geen organisatie op de sociale kaart van uw gemeenten.")
    return organisation


class OrganisationDetailApi(APIView):
    @extend_schema(
        tags=[TAG], operation_id="organisations_retrieve", summary="Een organisatie",
        responses={200: OrganisationSerializer, 404: NOT_FOUND},
    )
    def get(self, request, pk: int):
        return Response(OrganisationSerializer(_organisation(request.user, pk)).data)


class OrganisationUpdateApi(APIView):
    permission_classes = [HasRole]
    required_roles = CONFIG_ROLES
    parser_classes = [JSONParser]

    @extend_schema(
        tags=[TAG], operation_id="organisations_partial_update",
        summary="Een organisatie wijzigen",
        description="Partial update. For the beheerder of all the organisation's "
        "municipalities, before and after the change.",
        request=OrganisationInputSerializer(partial=True),
        responses={200: OrganisationSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND},
    )
    def patch(self, request, pk: int):
        organisation = _organisation(request.user, pk)
        serializer = OrganisationInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        organisation = organisation_update(
            user=request.user, organisation=organisation, **serializer.validated_data
        )
        return Response(OrganisationSerializer(organisation).data)


class OrganisationItemApi(OrganisationDetailApi, OrganisationUpdateApi):
    """``/organisations/{id}/``: GET for every staff user, PATCH for the beheerder."""

    def get_permissions(self):
        if self.request.method == "PATCH":
            return super().get_permissions()
        return [permission() for permission in OrganisationDetailApi.permission_classes]
