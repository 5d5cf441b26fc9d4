"""Moving a case through its own process variant through the API."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.cases.api.cases import FORBIDDEN, NOT_FOUND
from ombuds.cases.api.common import (
    TAG,
    CaseDetailSerializer,
    CaseRoleApiMixin,
    TransitionSerializer,
    case_detail_data,
    transitions_of,
)
from ombuds.cases.selectors import access_case
from ombuds.cases.services import case_transition

REFUSED = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description='The workflow does not allow this move: `{"detail": "<reason>", "code": '
    '"transition_not_allowed" | "outcome_required" | "outcome_not_allowed" | '
    '"outcome_not_expected" | "unknown_status" | "case_closed"}`. The case is unchanged.',
)


class TransitionListApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_transitions_list",
        summary="Toegestane statuswijzigingen",
        description="The moves the case's own process variant allows from its current status, "
        "with the outcomes a closing move takes.",
        responses={200: TransitionSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str):
        case = access_case(request.user, reference)
        return Response(TransitionSerializer(transitions_of(case), many=True).data)


class TransitionCreateApi(CaseRoleApiMixin, APIView):
    parser_classes = [JSONParser]

    @extend_schema_serializer(component_name="TransitionInput")
    class InputSerializer(serializers.Serializer):
        to = serializers.CharField(max_length=30, help_text="Code of the target status.")
        outcome = serializers.CharField(
            max_length=30, required=False, allow_blank=True, default="",
            help_text="Required when the move closes the case; empty otherwise.",
        )
        note = serializers.CharField(
            required=False, allow_blank=True, default="",
            help_text="Explanation, kept in the timeline entry of the move.",
        )

    @extend_schema(
        tags=[TAG], operation_id="cases_transitions_create",
        summary="De status van een zaak wijzigen",
        description="Checks the move against the case's variant, changes the status, writes "
        "the timeline entry and the audit entry in one transaction.",
        request=InputSerializer,
        responses={200: CaseDetailSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND, 409: REFUSED},
    )
    def post(self, request, reference: str):
        case = access_case(request.user, reference)  # out of scope: 404 before any 400
        serializer = TransitionCreateApi.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        case = case_transition(user=request.user, case=case, target=data["to"],
                               outcome=data["outcome"], note=data["note"])
        return Response(case_detail_data(case, request))


class TransitionCollectionApi(TransitionListApi, TransitionCreateApi):
    """``/cases/{reference}/transitions/``: GET lists the moves, POST makes one."""
