"""The partner API: a party reads its request and answers it with the link's token as the
only credential. The same consent rules as the page apply (``partner.partner_request``).

The token is part of the path, as in the link; keep it out of proxies' access logs where you
can. Responses for a wrong or closed token are not written to Django's request log.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.mediation import partner

TAG = "partner"

NOT_FOUND = OpenApiResponse(response=OpenApiTypes.OBJECT,
                            description="No link has this token.")
GONE = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description='The link no longer works: `{"detail": "<reason>", "code": "verlopen" | '
    '"ingetrokken" | "beantwoord"}`. No case data is returned.')


class PartnerRequestSerializer(serializers.Serializer):
    reference = serializers.CharField(help_text="The case reference.")
    purpose = serializers.CharField(help_text="What is asked: information, a reaction or a proposal.")
    question = serializers.CharField()
    organisation = serializers.CharField(help_text="The party the request is for.")
    expires_at = serializers.DateTimeField(help_text="The link works until then.")
    ombudsperson = serializers.CharField(help_text="Who asks.")
    office_name = serializers.CharField()
    office_email = serializers.CharField(allow_blank=True)
    office_phone = serializers.CharField(allow_blank=True)
    consent = serializers.CharField(source="consent_note",
                                    help_text="What the resident's consent allows to share.")
    shared = serializers.ListField(child=serializers.CharField(), source="disclosure.shared",
                                   help_text="Which personal data this party may see now: "
                                   "story, name, contact. Empty without consent.")
    story = serializers.CharField(allow_blank=True,
                                  help_text="The resident's story; empty unless shared.")
    resident_name = serializers.CharField(allow_blank=True, help_text="Empty unless shared.")
    resident_email = serializers.CharField(allow_blank=True, help_text="Empty unless shared.")
    resident_phone = serializers.CharField(allow_blank=True, help_text="Empty unless shared.")


def _closed(error: partner.LinkGone) -> Response:
    reasons = {
        partner.LinkState.EXPIRED: "Deze link is verlopen.",
        partner.LinkState.REVOKED: "Deze link is ingetrokken door de sociale ombudsfunctie.",
        partner.LinkState.ANSWERED: "Op dit verzoek is al geantwoord.",
    }
    response = Response({"detail": reasons[error.state], "code": error.state},
                        status=status.HTTP_410_GONE)
    return response


class PartnerRequestApi(APIView):
    """``/partner/{token}/``: GET reads the request, POST answers it (once)."""

    authentication_classes = []
    permission_classes = [AllowAny]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema_serializer(component_name="PartnerAnswerInput")
    class InputSerializer(serializers.Serializer):
        text = serializers.CharField(help_text="The party's answer.")
        attachment = serializers.FileField(required=False,
                                           help_text="One file (multipart requests only).")

    def _link(self, token: str):
        return partner.partner_link_by_token(token)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response._has_been_logged = True  # the path holds the token
        response["Cache-Control"] = "no-store"
        return response

    @extend_schema(
        tags=[TAG], operation_id="partner_request_read", auth=[],
        summary="Een verzoek aan een partij lezen",
        description="The request behind a partner link, with only the personal data the "
        "resident's consent (or a recorded override) allows for this party right now. The "
        "token from the link is the only credential. Every call is audited.",
        responses={200: PartnerRequestSerializer, 404: NOT_FOUND, 410: GONE},
    )
    def get(self, request, token: str):
        try:
            link = self._link(token)
        except partner.LinkGone as error:
            return _closed(error)
        data = partner.partner_request_view(link, channel="api")
        return Response(PartnerRequestSerializer(data).data)

    @extend_schema(
        tags=[TAG], operation_id="partner_request_answer", auth=[],
        summary="Een verzoek beantwoorden",
        description="Stores the answer in the case's timeline. A link takes one answer; "
        "after that it returns 410.",
        request={"application/json": InputSerializer, "multipart/form-data": InputSerializer},
        responses={201: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT, 404: NOT_FOUND,
                   410: GONE},
    )
    def post(self, request, token: str):
        try:
            link = self._link(token)
        except partner.LinkGone as error:
            return _closed(error)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        files = [data["attachment"]] if data.get("attachment") else []
        try:
            partner.partner_answer_submit(link=link, text=data["text"], files=files,
                                          channel="api")
        except partner.AlreadyAnswered:
            return _closed(partner.LinkGone(link, partner.LinkState.ANSWERED))
        except ValidationError as error:
            detail = error.message_dict if hasattr(error, "error_dict") \
                else {"attachment": error.messages}
            return Response(detail, status=status.HTTP_400_BAD_REQUEST)
        return Response({"detail": "Uw antwoord is ontvangen. Dank u wel."},
                        status=status.HTTP_201_CREATED)
