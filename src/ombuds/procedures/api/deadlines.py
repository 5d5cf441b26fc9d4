"""Every legal term of a case, with its watch state: ``/cases/{reference}/deadlines/``."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.cases.api.common import CaseRoleApiMixin
from ombuds.cases.selectors import access_case
from ombuds.procedures.api.common import (
    FORBIDDEN,
    NOT_FOUND,
    TAG,
    DeadlineSerializer,
    with_states,
)
from ombuds.procedures.selectors import case_deadlines


class DeadlineListApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_deadlines_list", summary="Termijnen van een zaak",
        description="Every term computed from the case's disputed decisions and complaints, "
        "nearest legal end first, each with its article, start, raw end (the date to act by), "
        "legal end (after the Algemene termijnenwet), the computation and its state today: "
        "`met`, or `ok` / `warning` / `urgent` / `passed` with the office's warning window. "
        "Mediation suspends no term.",
        responses={200: DeadlineSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str):
        case = access_case(request.user, reference)
        deadlines = sorted(case_deadlines(case), key=lambda d: (d.end, d.raw_end, d.id))
        return Response(DeadlineSerializer(with_states(deadlines, case), many=True).data)
