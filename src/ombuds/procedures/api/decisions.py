"""Disputed decisions of a case: ``/cases/{reference}/decisions/`` and ``…/{id}/``.

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
from ombuds.domain import objections
from ombuds.procedures.api.common import (
    FORBIDDEN,
    NOT_FOUND,
    TAG,
    CaseOrganisationField,
    DeadlineSerializer,
    OrganisationRefSerializer,
    case_decisions,
    decision_of,
)
from ombuds.procedures.models import DeadlineKind, DisputedDecision
from ombuds.procedures.services import decision_create, decision_delete, decision_update
from ombuds.socialmap.models import Organisation


class ReceiptSerializer(serializers.Serializer):
    """How the objection stands against its term (Awb 6:9; a late one: what 6:11 allows)."""

    in_time = serializers.BooleanField()
    basis = serializers.CharField(help_text="Awb 6:9 lid 1, Awb 6:9 lid 2 or Awb 6:9, 6:11.")
    explanation = serializers.CharField(help_text="In Dutch; for a late objection it says the "
                                        "objection is still handled when the lateness is "
                                        "excusable (Awb 6:11).")


class DecisionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    organisation = OrganisationRefSerializer(allow_null=True)
    subject = serializers.CharField()
    made_known_on = serializers.DateField()
    given_by_resident = serializers.BooleanField(
        help_text="The date was given by the resident on the web form; watched at once, "
        "marked 'nog niet gecontroleerd' until checked_on is set.")
    checked_on = serializers.DateField(allow_null=True,
                                       help_text="When staff checked the date of the decision.")
    objection_filed_on = serializers.DateField(allow_null=True)
    objection_posted_on = serializers.DateField(allow_null=True)
    receipt = serializers.SerializerMethodField(
        help_text="The 6:9 judgment of the objection once it was received; null before.")
    lateness_reason = serializers.CharField()
    committee = serializers.BooleanField()
    postponed_on = serializers.DateField(allow_null=True)
    delay_consent_on = serializers.DateField(allow_null=True)
    delay_consented_until = serializers.DateField(allow_null=True)
    objection_decided_on = serializers.DateField(allow_null=True)
    appeal_filed_on = serializers.DateField(allow_null=True)
    deadlines = DeadlineSerializer(many=True, source="deadlines.all",
                                   help_text="The terms computed from these dates.")

    @extend_schema_field(ReceiptSerializer(allow_null=True))
    def get_receipt(self, decision: DisputedDecision) -> dict | None:
        term = next((d for d in decision.deadlines.all() if d.kind == DeadlineKind.OBJECTION),
                    None)
        if term is None or decision.objection_filed_on is None:
            return None
        # The stored objection term (its legal end) is the one the rule judges against.
        receipt = objections.objection_receipt(term, received_on=decision.objection_filed_on,
                                               posted_on=decision.objection_posted_on)
        return ReceiptSerializer(receipt).data


@extend_schema_serializer(component_name="DecisionInput")
class DecisionInputSerializer(serializers.Serializer):
    organisation = CaseOrganisationField(
        queryset=Organisation.objects.all(), required=False, allow_null=True,
        help_text="Id of the organisation that decided, on the municipality's social map.")
    subject = serializers.CharField(max_length=200, help_text="What was decided.")
    made_known_on = serializers.DateField(
        help_text="The day the decision was sent or handed over (Awb 3:41), even if it arrived "
        "later or never.")
    objection_filed_on = serializers.DateField(required=False, allow_null=True,
                                               help_text="The day the objection was received.")
    objection_posted_on = serializers.DateField(
        required=False, allow_null=True,
        help_text="An objection sent by post: the postmark date. In time when posted before "
        "the end of the term and received within a week after it (Awb 6:9 lid 2).")
    lateness_reason = serializers.CharField(
        required=False, allow_blank=True,
        help_text="Why a late objection was late: it is still handled when the lateness is "
        "excusable (Awb 6:11).")
    committee = serializers.BooleanField(
        required=False, help_text="An advisory committee on objections (Awb 7:13): 12 weeks.")
    postponed_on = serializers.DateField(
        required=False, allow_null=True,
        help_text="Written postponement of the decision on the objection (Awb 7:10 lid 3); "
        "refused (400) when sent after the decision term ended.")
    delay_consent_on = serializers.DateField(
        required=False, allow_null=True,
        help_text="The objector consented to further delay (Awb 7:10 lid 4).")
    delay_consented_until = serializers.DateField(
        required=False, allow_null=True,
        help_text="Further delay agreed until this day; needs delay_consent_on.")
    checked_on = serializers.DateField(
        required=False, allow_null=True,
        help_text="Staff checked a date the resident gave on the web form.")
    objection_decided_on = serializers.DateField(required=False, allow_null=True)
    appeal_filed_on = serializers.DateField(required=False, allow_null=True)


def decision_data(case, decision_id: int) -> dict:
    return DecisionSerializer(decision_of(case, decision_id)).data


class DecisionListApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_decisions_list", summary="Besluiten in geschil",
        description="The disputed decisions of the case, oldest first, each with the terms "
        "computed from its dates.",
        responses={200: DecisionSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str):
        case = access_case(request.user, reference)
        return Response(DecisionSerializer(case_decisions(case), many=True).data)


class DecisionCreateApi(CaseRoleApiMixin, APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        tags=[TAG], operation_id="cases_decisions_create",
        summary="Een besluit in geschil vastleggen",
        description="Records the decision and computes its objection term (Awb 6:7, 6:8 and "
        "the Algemene termijnenwet) and, from the later dates, the decision and appeal terms. "
        "A date in the future or out of order gives 400 naming the field.",
        request=DecisionInputSerializer,
        responses={201: DecisionSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND},
    )
    def post(self, request, reference: str):
        case = access_case(request.user, reference)  # out of scope: 404 before any 400
        serializer = DecisionInputSerializer(data=request.data, context={"case": case})
        serializer.is_valid(raise_exception=True)
        decision = decision_create(user=request.user, case=case, **serializer.validated_data)
        return Response(decision_data(case, decision.pk), status=status.HTTP_201_CREATED)


class DecisionCollectionApi(DecisionListApi, DecisionCreateApi):
    """``/cases/{reference}/decisions/``: GET lists, POST records one."""


class DecisionDetailApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_decisions_retrieve", summary="Een besluit in geschil",
        responses={200: DecisionSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str, decision_id: int):
        case = access_case(request.user, reference)
        return Response(DecisionSerializer(decision_of(case, decision_id)).data)


class DecisionUpdateApi(CaseRoleApiMixin, APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        tags=[TAG], operation_id="cases_decisions_partial_update",
        summary="Een besluit in geschil wijzigen",
        description="Partial update; every term of the decision is recomputed at once and "
        "returned. Send null to clear a date.",
        request=DecisionInputSerializer(partial=True),
        responses={200: DecisionSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND},
    )
    def patch(self, request, reference: str, decision_id: int):
        case = access_case(request.user, reference)
        decision: DisputedDecision = decision_of(case, decision_id)
        serializer = DecisionInputSerializer(data=request.data, partial=True,
                                             context={"case": case})
        serializer.is_valid(raise_exception=True)
        decision_update(user=request.user, decision=decision, **serializer.validated_data)
        return Response(decision_data(case, decision_id))


class DecisionDeleteApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_decisions_destroy",
        summary="Een besluit in geschil verwijderen",
        description="Removes the decision and the terms computed from it.",
        responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def delete(self, request, reference: str, decision_id: int):
        case = access_case(request.user, reference)
        decision_delete(user=request.user, decision=decision_of(case, decision_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class DecisionItemApi(DecisionDetailApi, DecisionUpdateApi, DecisionDeleteApi):
    """``/cases/{reference}/decisions/{id}/``: GET, PATCH, DELETE."""
