"""The elements of a complaint and the judgment on each (Awb 9:12 lid 1):
``/cases/{reference}/complaints/{id}/elements/`` and ``…/elements/{element_id}/``.

Writes go through ``procedures.complaints.element_*``, which check the element (a judgment
needs its reasons) and refuse a closed complaint.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.cases.api.common import CaseRoleApiMixin, errors_on
from ombuds.cases.selectors import access_case
from ombuds.procedures.api.common import FORBIDDEN, NOT_FOUND, TAG, complaint_of, element_of
from ombuds.procedures.api.complaints import CLOSED, CONFLICTS, ElementSerializer
from ombuds.procedures.complaints import (
    ELEMENT_FIELDS,
    element_create,
    element_delete,
    element_update,
)
from ombuds.procedures.models import ComplaintElement


@extend_schema_serializer(component_name="ComplaintElementInput")
class ElementInputSerializer(serializers.ModelSerializer):
    """An element: its description, and once judged the judgment with its reasons; in a
    variant-6 report also the standard of proper conduct (behoorlijkheidsnorm)."""

    class Meta:
        model = ComplaintElement
        fields = ELEMENT_FIELDS


def element_data(case, complaint_id: int, element_id: int) -> dict:
    return ElementSerializer(element_of(complaint_of(case, complaint_id), element_id)).data


class ElementListApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_complaints_elements_list", summary="Klachtonderdelen",
        description="The elements of the complaint in their order, each with its judgment, "
        "reasons and (variant 6) behoorlijkheidsnorm.",
        responses={200: ElementSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str, complaint_id: int):
        case = access_case(request.user, reference)
        complaint = complaint_of(case, complaint_id)
        return Response(ElementSerializer(complaint.elements.all(), many=True).data)


class ElementCreateApi(CaseRoleApiMixin, APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        tags=[TAG], operation_id="cases_complaints_elements_create",
        summary="Een klachtonderdeel vastleggen",
        description="Adds an element after the last one. A judgment needs its reasons (Awb "
        "9:12 lid 1); a bad value gives 400 naming the field; a closed complaint gives 409 "
        "`complaint_closed`.",
        request=ElementInputSerializer,
        responses={201: ElementSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND, 409: CLOSED},
    )
    def post(self, request, reference: str, complaint_id: int):
        case = access_case(request.user, reference)  # out of scope: 404 before any 400
        complaint = complaint_of(case, complaint_id)
        serializer = ElementInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with errors_on("non_field_errors", conflicts=CONFLICTS):
            element = element_create(user=request.user, complaint=complaint,
                                     **serializer.validated_data)
        return Response(element_data(case, complaint_id, element.pk),
                        status=status.HTTP_201_CREATED)


class ElementCollectionApi(ElementListApi, ElementCreateApi):
    """``/cases/{reference}/complaints/{id}/elements/``: GET lists, POST adds one."""


class ElementDetailApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_complaints_elements_retrieve",
        summary="Een klachtonderdeel",
        responses={200: ElementSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str, complaint_id: int, element_id: int):
        case = access_case(request.user, reference)
        return Response(element_data(case, complaint_id, element_id))


class ElementUpdateApi(CaseRoleApiMixin, APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        tags=[TAG], operation_id="cases_complaints_elements_partial_update",
        summary="Een klachtonderdeel wijzigen of beoordelen",
        description="Partial update, e.g. the judgment with its reasons. A bad value gives 400 "
        "naming the field; a closed complaint gives 409 `complaint_closed`.",
        request=ElementInputSerializer(partial=True),
        responses={200: ElementSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND, 409: CLOSED},
    )
    def patch(self, request, reference: str, complaint_id: int, element_id: int):
        case = access_case(request.user, reference)
        element = element_of(complaint_of(case, complaint_id), element_id)
        serializer = ElementInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        with errors_on("non_field_errors", conflicts=CONFLICTS):
            element_update(user=request.user, element=element, **serializer.validated_data)
        return Response(element_data(case, complaint_id, element_id))


class ElementDeleteApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_complaints_elements_destroy",
        summary="Een klachtonderdeel verwijderen",
        responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND, 409: CLOSED},
    )
    def delete(self, request, reference: str, complaint_id: int, element_id: int):
        case = access_case(request.user, reference)
        element = element_of(complaint_of(case, complaint_id), element_id)
        with errors_on("non_field_errors", conflicts=CONFLICTS):
            element_delete(user=request.user, element=element)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ElementItemApi(ElementDetailApi, ElementUpdateApi, ElementDeleteApi):
    """``/cases/{reference}/complaints/{id}/elements/{element_id}/``: GET, PATCH, DELETE."""
