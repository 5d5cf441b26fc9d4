"""``/api/v1/cases/{reference}/zgw/``: one case in the shape of the ZGW Zaken API."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.cases.api.common import TAG, CaseRoleApiMixin
from ombuds.cases.selectors import access_case
from ombuds.core.audit import Action
from ombuds.interop.models import ZaakPush
from ombuds.interop.zgw import zaak_from_case


class CaseZgwApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_zgw_retrieve",
        summary="Een zaak in ZGW-vorm (Zaken API, Zaak)",
        description="The case as a ZGW Zaken API `Zaak` (VNG Realisatie), with zaaktype, "
        "archiefnominatie and archiefactiedatum from the mapping in docs/zgw.md; no personal "
        "data. `url` is the zaak URL in the municipality's Zaken API once the case was handed "
        "over. Audited as an export.",
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT), 403: None, 404: None},
    )
    def get(self, request, reference: str):
        with transaction.atomic():
            case = access_case(request.user, reference, event="case.exported_zgw",
                               action=Action.EXECUTE)
        pushed = ZaakPush.objects.filter(case=case).values_list("zaak_url", flat=True).first()
        return Response(zaak_from_case(case, zaak_url=pushed or ""))
