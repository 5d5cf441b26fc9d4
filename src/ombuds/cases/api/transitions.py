"""Moving a case through its own process variant through the API."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
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
    description='The move is refused and the case is unchanged: `{"detail": "<reason in '
    'Dutch>", "code": "<code>"}`. The workflow refuses with `transition_not_allowed`, '
    '`outcome_required`, `outcome_not_allowed`, `outcome_not_expected`, `unknown_status` or '
    '`case_closed`. In a complaint procedure (variants 4–6) the law refuses a move it does not '
    'allow yet, and the detail names the article: `findings_required`, `judgment_required`, '
    '`judgment_mismatch` (Awb 9:12 lid 1), `ground_required` (9:8, 9:7; variant 6: 9:20–9:24), '
    '`settlement_required` (9:5), `hearing_required` (9:10) or `not_admissible` (9:20 lid 1, '
    '9:24 lid 1).',
)


class TransitionListApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_transitions_list",
        summary="Toegestane statuswijzigingen",
        description="The moves the case's own process variant allows from its current status, "
        "with the outcomes a closing move takes and the label of the date the move records "
        "(`date_label`, empty when none).",
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
        on = serializers.DateField(
            required=False, allow_null=True, default=None,
            help_text="The date the move records, where the listing gives it a `date_label` "
            "(e.g. the receipt of a complaint, the sending of the findings); default today. "
            "Not in the future, not before the complaint's receipt.",
        )
        reason = serializers.CharField(
            required=False, allow_blank=True, default="", max_length=2000,
            help_text="Closing only: why the case closes although something is still open "
            "(\"Toch afsluiten, omdat …\"). Required when the closing check finds open items; "
            "kept with the list of those items in the timeline entry of the closure.",
        )

    @extend_schema(
        tags=[TAG], operation_id="cases_transitions_create",
        summary="De status van een zaak wijzigen",
        description="Checks the move against the case's variant and, in a complaint procedure, "
        "against the law (Awb chapter 9); changes the status, writes the timeline entry and "
        "the audit entry, and records the move's date on the complaint, in one transaction. "
        "A bad `on` gives 400 naming the field.\n\n"
        "The closing check: a move that closes the case while something is still open (a "
        "planned meeting, an open agreement, a referral whose arrival is unknown, a legal term "
        "still running, a letter not sent) needs `reason`. Without it: 400 with `reason` "
        "(one message naming every item) and `open_items`, a list of `{kind, label, detail, "
        "url}` (`kind`: gesprek, afspraak, verwijzing, termijn or brief; `url`: the page that "
        "settles it).",
        request=InputSerializer,
        responses={200: CaseDetailSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND, 409: REFUSED},
    )
    def post(self, request, reference: str):
        case = access_case(request.user, reference)  # out of scope: 404 before any 400
        serializer = TransitionCreateApi.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            case = case_transition(user=request.user, case=case, target=data["to"],
                                   outcome=data["outcome"], note=data["note"], on=data["on"],
                                   reason=data["reason"])
        except DjangoValidationError as error:
            items = getattr(error, "open_items", None)
            if items is None:
                raise
            raise serializers.ValidationError({
                "reason": error.message_dict["reason"],
                "open_items": [{"kind": item.kind, "label": item.label, "detail": item.detail,
                                "url": item.url} for item in items],
            }) from None
        return Response(case_detail_data(case, request))


class TransitionCollectionApi(TransitionListApi, TransitionCreateApi):
    """``/cases/{reference}/transitions/``: GET lists the moves, POST makes one."""
