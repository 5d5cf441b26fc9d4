"""The draft of a letter of a case: ``/cases/{reference}/letters/draft/?kind=…``.

The text the letter page previews (``correspondence.services.letter_draft``): the
municipality's template of that kind filled in for the case, with the dates and articles from
the deadline engine. Reading it is audited like the page preview. Sending stays on the page.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.cases.api.cases import FORBIDDEN, NOT_FOUND
from ombuds.cases.api.common import CaseRoleApiMixin
from ombuds.cases.selectors import access_case
from ombuds.correspondence.models import LetterKind
from ombuds.correspondence.rendering import LetterTemplateError
from ombuds.correspondence.services import letter_draft, letter_kinds

TAG = "Brieven"


class LetterDraftSerializer(serializers.Serializer):
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    subject = serializers.CharField()
    body = serializers.CharField(help_text="Plain text; blank lines separate paragraphs.")


class LetterDraftApi(CaseRoleApiMixin, APIView):
    class QuerySerializer(serializers.Serializer):
        kind = serializers.ChoiceField(choices=LetterKind.choices)

    @extend_schema(
        tags=[TAG], operation_id="cases_letters_draft", summary="Concept van een brief",
        description="Subject and body of the letter of `kind` as the municipality's template "
        "gives it for this case, e.g. the acknowledgement or the findings of a complaint. "
        "An unknown kind, a kind that does not fit the case (a complaint letter on a case "
        "without a complaint), or a template that does not work, gives 400 naming `kind`.",
        parameters=[OpenApiParameter(
            "kind", OpenApiTypes.STR, required=True, enum=[k.value for k in LetterKind],
            description="; ".join(f"`{k.value}`: {k.label}" for k in LetterKind))],
        responses={200: LetterDraftSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND},
    )
    def get(self, request, reference: str):
        case = access_case(request.user, reference, event="letter.previewed")
        query = LetterDraftApi.QuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        kind = query.validated_data["kind"]
        if kind not in letter_kinds(case):
            raise serializers.ValidationError(
                {"kind": ["Deze brief past niet bij deze zaak: de klachtbrieven horen bij een "
                          "zaak met een klacht, het rapport bij een verzoek als tweede lijn."]})
        try:
            draft = letter_draft(case=case, kind=kind)
        except LetterTemplateError as error:
            raise serializers.ValidationError(
                {"kind": [f"Het sjabloon van deze brief werkt niet: {error}"]}) from None
        return Response(LetterDraftSerializer({
            "kind": kind, "kind_label": LetterKind(kind).label, "subject": draft.subject,
            "body": draft.body}).data)

