"""The complaint of a case (variants 4–6): ``/cases/{reference}/complaints/`` and ``…/{id}/``.

A complaint is opened by the case's workflow (entering its complaint status) and closed with
the case, so there is no POST or DELETE here. PATCH records the facts of the handling through
``procedures.services.complaint_update``, which checks them (Dutch messages per field) and
recomputes the terms in the same transaction.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.cases.api.common import CaseRoleApiMixin, errors_on
from ombuds.cases.selectors import access_case
from ombuds.domain.complaints import overall_judgment
from ombuds.procedures.api.common import (
    FORBIDDEN,
    NOT_FOUND,
    TAG,
    CaseOrganisationField,
    DeadlineSerializer,
    OrganisationRefSerializer,
    case_complaints,
    complaint_of,
)
from ombuds.procedures.models import Complaint, ComplaintElement
from ombuds.procedures.services import COMPLAINT_FIELDS, complaint_update
from ombuds.socialmap.models import Organisation

CLOSED = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description='`{"detail": "<reason>", "code": "complaint_closed"}`: the complaint was closed '
    "with its case; reopen the case to change it. Nothing is changed.",
)
#: Service errors about the state of the complaint rather than the input: a 409.
CONFLICTS = ("complaint_closed",)


class ElementSerializer(serializers.ModelSerializer):
    judgment_label = serializers.CharField(source="get_judgment_display")
    norm_label = serializers.CharField(source="get_norm_display")

    class Meta:
        model = ComplaintElement
        fields = ("id", "position", "description", "judgment", "judgment_label", "norm",
                  "norm_label", "reasons")
        read_only_fields = fields


class ComplaintSerializer(serializers.ModelSerializer):
    """Every fact of the complaint, what follows from them, and its terms."""

    kind = serializers.CharField(help_text="klacht (Awb 9.1, variants 4 and 5) or ombudsman "
                                 "(a request as second instance, Awb 9.2, variant 6).")
    kind_label = serializers.CharField(source="get_kind_display")
    respondent_organisation = OrganisationRefSerializer(allow_null=True)
    respondent = serializers.CharField(help_text="The beklaagde in one line: official, "
                                       "department, organisation (Awb 9:9, 9:10).")
    missing = serializers.ListField(
        child=serializers.CharField(),
        help_text="What the written complaint lacks of Awb 9:4 lid 2, in Dutch; empty when "
        "complete.")
    outcome = serializers.CharField(help_text="How the complaint ended: the case's outcome, "
                                    "set when the case closes; empty while it is open.")
    elements = ElementSerializer(many=True, source="elements.all",
                                 help_text="The elements of the complaint and the judgment on "
                                 "each (Awb 9:12 lid 1).")
    overall_judgment = serializers.SerializerMethodField(
        help_text="The judgment the elements give together (gegrond, deels_gegrond, ongegrond, "
        "geen_oordeel); null while an element is unjudged or there are none. A closing ruling "
        "must have this outcome.")
    deadlines = DeadlineSerializer(many=True, source="deadlines.all",
                                   help_text="The terms computed from these dates.")

    class Meta:
        model = Complaint
        fields = ("id", "kind", "kind_label", *COMPLAINT_FIELDS, "respondent", "missing",
                  "outcome", "elements", "overall_judgment", "deadlines")
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_overall_judgment(self, complaint: Complaint) -> str | None:
        return overall_judgment(e.judgment for e in complaint.elements.all())


@extend_schema_serializer(component_name="ComplaintInput")
class ComplaintInputSerializer(serializers.ModelSerializer):
    """The facts of the handling that may be recorded; the model gives lengths and choices."""

    respondent_organisation = CaseOrganisationField(
        queryset=Organisation.objects.all(), required=False, allow_null=True,
        help_text="Id of the organisation complained about, on the municipality's social map.")

    class Meta:
        model = Complaint
        fields = COMPLAINT_FIELDS


def complaint_data(case, complaint_id: int) -> dict:
    return ComplaintSerializer(complaint_of(case, complaint_id)).data


class ComplaintListApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_complaints_list", summary="Klachten",
        description="The complaint (or ombudsman request) of the case, with every fact of its "
        "handling, its elements and the terms computed from its dates. A complaint is opened "
        "by the case's workflow (a transition into the complaint status), never on its own.",
        responses={200: ComplaintSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str):
        case = access_case(request.user, reference)
        return Response(ComplaintSerializer(case_complaints(case), many=True).data)


class ComplaintCollectionApi(ComplaintListApi):
    """``/cases/{reference}/complaints/``: GET lists. A complaint is opened by the case's
    workflow (a transition into the complaint status), never created on its own."""


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
        description="Partial update of the facts of the handling (the beklaagde, the 9:4 "
        "check and its repair, forwarding, not handling, the hearing, postponement and "
        "delay, settlement, findings); every term is recomputed at once and the complaint "
        "returned. Send null to clear a date. A bad value gives 400 naming the field; a "
        "closed complaint gives 409 `complaint_closed`.",
        request=ComplaintInputSerializer(partial=True),
        responses={200: ComplaintSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND, 409: CLOSED},
    )
    def patch(self, request, reference: str, complaint_id: int):
        case = access_case(request.user, reference)
        complaint = complaint_of(case, complaint_id)
        serializer = ComplaintInputSerializer(data=request.data, partial=True,
                                              context={"case": case})
        serializer.is_valid(raise_exception=True)
        with errors_on("non_field_errors", conflicts=CONFLICTS):
            complaint_update(user=request.user, complaint=complaint, **serializer.validated_data)
        return Response(complaint_data(case, complaint_id))


class ComplaintItemApi(ComplaintDetailApi, ComplaintUpdateApi):
    """``/cases/{reference}/complaints/{id}/``: GET, PATCH. A complaint closes with its case."""
