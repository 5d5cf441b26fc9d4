"""Complaints of a case (variants 4–6): ``/cases/{reference}/complaints/`` and ``…/{id}/``.

Every write goes through ``procedures.services``, which checks the dates (Dutch messages per
field) and recomputes the case's deadlines in the same transaction.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.cases.api.common import CaseRoleApiMixin
from ombuds.cases.selectors import access_case
from ombuds.procedures.api.common import (
    FORBIDDEN,
    NOT_FOUND,
    TAG,
    DeadlineSerializer,
    case_complaints,
    complaint_of,
)
from ombuds.procedures.models import Complaint
from ombuds.procedures.services import complaint_create, complaint_delete, complaint_update


class ComplaintSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField(help_text="klacht (Awb 9.1) or ombudsman (Awb 9.2).")
    kind_label = serializers.CharField(source="get_kind_display")
    subject = serializers.CharField()
    received_on = serializers.DateField()
    conduct_on = serializers.DateField(allow_null=True)
    internal_findings_on = serializers.DateField(allow_null=True)
    committee = serializers.BooleanField()
    acknowledged_on = serializers.DateField(allow_null=True)
    not_handled_notice_on = serializers.DateField(allow_null=True)
    hearing_on = serializers.DateField(allow_null=True)
    postponed_on = serializers.DateField(allow_null=True)
    delay_consented_until = serializers.DateField(allow_null=True)
    findings_on = serializers.DateField(allow_null=True)
    deadlines = DeadlineSerializer(many=True, source="deadlines.all",
                                   help_text="The terms computed from these dates.")


@extend_schema_field({"type": "string", "pattern": "^(klacht|ombudsman)$"})
class ComplaintKindField(serializers.ChoiceField):
    """The kind of complaint. Documented by a pattern, not an enum: an enum named after the
    field ``kind`` would rename the timeline's ``KindEnum`` in the published schema."""


@extend_schema_serializer(component_name="ComplaintInput")
class ComplaintInputSerializer(serializers.Serializer):
    kind = ComplaintKindField(
        choices=Complaint.Kind.choices, required=False,
        help_text="klacht (default): a complaint handled under Awb 9.1; ombudsman: a request "
        "to the ombudsman as second instance (Awb 9.2).")
    subject = serializers.CharField(max_length=200, help_text="What the complaint is about.")
    received_on = serializers.DateField()
    conduct_on = serializers.DateField(
        required=False, allow_null=True,
        help_text="When the conduct complained about took place (Awb 9:8 lid 1 onder b).")
    internal_findings_on = serializers.DateField(
        required=False, allow_null=True,
        help_text="Ombudsman requests only: the body's findings on the complaint (Awb 9:24).")
    committee = serializers.BooleanField(
        required=False, help_text="A complaints committee advises (afdeling 9.1.3): 10 weeks.")
    acknowledged_on = serializers.DateField(required=False, allow_null=True,
                                            help_text="Written acknowledgement (Awb 9:6).")
    not_handled_notice_on = serializers.DateField(required=False, allow_null=True,
                                                  help_text="Notice of not handling (Awb 9:8).")
    hearing_on = serializers.DateField(required=False, allow_null=True,
                                       help_text="Hearing of both sides (Awb 9:10).")
    postponed_on = serializers.DateField(
        required=False, allow_null=True, help_text="Written postponement (Awb 9:11 lid 2).")
    delay_consented_until = serializers.DateField(
        required=False, allow_null=True,
        help_text="Further delay the complainant consented to in writing (Awb 9:11 lid 2).")
    findings_on = serializers.DateField(required=False, allow_null=True,
                                        help_text="Written findings and judgment (Awb 9:12).")


def complaint_data(case, complaint_id: int) -> dict:
    return ComplaintSerializer(complaint_of(case, complaint_id)).data


class ComplaintListApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_complaints_list", summary="Klachten",
        description="The complaints (and ombudsman requests) of the case, oldest first, each "
        "with the terms computed from its dates.",
        responses={200: ComplaintSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str):
        case = access_case(request.user, reference)
        return Response(ComplaintSerializer(case_complaints(case), many=True).data)


class ComplaintCreateApi(CaseRoleApiMixin, APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        tags=[TAG], operation_id="cases_complaints_create", summary="Een klacht vastleggen",
        description="Records the complaint and computes its terms: handling (Awb 9:11), the "
        "notice of not handling (9:8 lid 3) and the one-year limits (9:8, 9:24). A date in the "
        "future or out of order gives 400 naming the field.",
        request=ComplaintInputSerializer,
        responses={201: ComplaintSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND},
    )
    def post(self, request, reference: str):
        case = access_case(request.user, reference)  # out of scope: 404 before any 400
        serializer = ComplaintInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        complaint = complaint_create(user=request.user, case=case, **serializer.validated_data)
        return Response(complaint_data(case, complaint.pk), status=status.HTTP_201_CREATED)


class ComplaintCollectionApi(ComplaintListApi, ComplaintCreateApi):
    """``/cases/{reference}/complaints/``: GET lists, POST records one."""


class ComplaintDetailApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_complaints_retrieve", summary="Een klacht",
        responses={200: ComplaintSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str, complaint_id: int):
        case = access_case(request.user, reference)
        return Response(ComplaintSerializer(complaint_of(case, complaint_id)).data)


class ComplaintUpdateApi(CaseRoleApiMixin, APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        tags=[TAG], operation_id="cases_complaints_partial_update",
        summary="Een klacht wijzigen",
        description="Partial update; every term of the complaint is recomputed at once and "
        "returned. Send null to clear a date.",
        request=ComplaintInputSerializer(partial=True),
        responses={200: ComplaintSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND},
    )
    def patch(self, request, reference: str, complaint_id: int):
        case = access_case(request.user, reference)
        complaint = complaint_of(case, complaint_id)
        serializer = ComplaintInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        complaint_update(user=request.user, complaint=complaint, **serializer.validated_data)
        return Response(complaint_data(case, complaint_id))


class ComplaintDeleteApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_complaints_destroy", summary="Een klacht verwijderen",
        description="Removes the complaint and the terms computed from it.",
        responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def delete(self, request, reference: str, complaint_id: int):
        case = access_case(request.user, reference)
        complaint_delete(user=request.user, complaint=complaint_of(case, complaint_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ComplaintItemApi(ComplaintDetailApi, ComplaintUpdateApi, ComplaintDeleteApi):
    """``/cases/{reference}/complaints/{id}/``: GET, PATCH, DELETE."""
