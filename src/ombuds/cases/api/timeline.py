"""The case file's timeline through the API: read it, append to it, download attachments."""

from __future__ import annotations

from django.http import FileResponse, Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.cases import queries
from ombuds.cases.api.cases import FORBIDDEN, NOT_FOUND
from ombuds.cases.api.common import TAG, CaseRoleApiMixin, attachment_url, errors_on
from ombuds.cases.models import MANUAL_KINDS, TimelineEntry
from ombuds.cases.permissions import sees_health_details
from ombuds.cases.selectors import access_case, audit_case, case_detail
from ombuds.cases.services import timeline_entry_add
from ombuds.core.audit import Action


class AttachmentSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="uuid")
    name = serializers.CharField(source="original_name")
    size = serializers.IntegerField(help_text="Size in bytes.")
    content_type = serializers.CharField()
    download_url = serializers.SerializerMethodField()

    def get_download_url(self, attachment) -> str:
        return attachment_url(self.context["reference"], attachment.uuid)


class TimelineEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    occurred_at = serializers.DateTimeField()
    created_at = serializers.DateTimeField()
    author = serializers.CharField(source="author.username")
    author_name = serializers.CharField(source="author.display_name")
    summary = serializers.CharField()
    body = serializers.SerializerMethodField(
        help_text="Null when the entry holds health details the user may not see."
    )
    sensitive = serializers.BooleanField()
    restricted = serializers.SerializerMethodField(
        help_text="True when body and attachments are hidden from this user (health details)."
    )
    sent_to_resident = serializers.BooleanField()
    status_from = serializers.CharField()
    status_to = serializers.CharField()
    outcome = serializers.CharField()
    attachments = serializers.SerializerMethodField()

    def _restricted(self, entry: TimelineEntry) -> bool:
        return entry.sensitive and not self.context["sees_health_details"]

    def get_restricted(self, entry: TimelineEntry) -> bool:
        return self._restricted(entry)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_body(self, entry: TimelineEntry) -> str | None:
        return None if self._restricted(entry) else entry.body

    @extend_schema_field(AttachmentSerializer(many=True))
    def get_attachments(self, entry: TimelineEntry):
        if self._restricted(entry):
            return []
        # ``case_detail`` prefetched them as a list; a single new entry has not.
        attachments = getattr(entry, "prefetched_attachments", None)
        if attachments is None:
            attachments = entry.attachments.all()
        return AttachmentSerializer(attachments, many=True, context=self.context).data


def entry_context(request, case) -> dict:
    return {"reference": case.reference,
            "sees_health_details": sees_health_details(request.user, case)}


class TimelineListApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_timeline_list", summary="De tijdlijn van een zaak",
        description="Every entry of the case file, newest first, with attachment metadata. "
        "Entries marked sensitive show no body and no attachments to users without access "
        "to health details.",
        responses={200: TimelineEntrySerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str):
        case = case_detail(request.user, reference)
        data = TimelineEntrySerializer(
            case.prefetched_timeline, many=True, context=entry_context(request, case)
        ).data
        return Response(data)


class TimelineCreateApi(CaseRoleApiMixin, APIView):
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema_serializer(component_name="TimelineEntryInput")
    class InputSerializer(serializers.Serializer):
        kind = serializers.ChoiceField(choices=[(k.value, k.label) for k in MANUAL_KINDS])
        summary = serializers.CharField(max_length=200)
        body = serializers.CharField(required=False, allow_blank=True, default="")
        occurred_at = serializers.DateTimeField(
            required=False, allow_null=True, default=None, help_text="Defaults to now."
        )
        sensitive = serializers.BooleanField(required=False, default=False)
        sent_to_resident = serializers.BooleanField(required=False, default=False)
        files = serializers.ListField(
            child=serializers.FileField(), required=False, default=list,
            help_text="Attachments (multipart only); type and size are checked by content.",
        )

    @extend_schema(
        tags=[TAG], operation_id="cases_timeline_create",
        summary="Een tijdlijnregel toevoegen (met bijlagen)",
        description="Appends an entry to the case file. Send JSON, or multipart/form-data with "
        "one or more `files`. A file of a type that is not allowed, or whose content does not "
        "match its extension, gives 400 on `files`.",
        request={"multipart/form-data": InputSerializer, "application/json": InputSerializer},
        responses={201: TimelineEntrySerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND},
    )
    def post(self, request, reference: str):
        case = access_case(request.user, reference)  # out of scope: 404 before any 400
        serializer = TimelineCreateApi.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with errors_on("files"):
            entry = timeline_entry_add(user=request.user, case=case, **serializer.validated_data)
        data = TimelineEntrySerializer(entry, context=entry_context(request, case)).data
        return Response(data, status=status.HTTP_201_CREATED)


class TimelineCollectionApi(TimelineListApi, TimelineCreateApi):
    """``/cases/{reference}/timeline/``: GET lists, POST appends."""


class AnyContentNegotiation(BaseContentNegotiation):
    """A download is a file whatever the client's Accept header says."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class AttachmentDownloadApi(CaseRoleApiMixin, APIView):
    content_negotiation_class = AnyContentNegotiation

    @extend_schema(
        tags=[TAG], operation_id="cases_attachments_download", summary="Een bijlage downloaden",
        description="Streams the file, audited. Same rules as the case page: the case must be "
        "visible, and an attachment of a sensitive entry only to users who see health details.",
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY,
                   403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str, uuid):
        case = access_case(request.user, reference)
        attachment = queries.case_attachment(request.user, case, uuid)
        if attachment is None:
            raise Http404("Geen bijlage die u mag openen.")
        audit_case(user=request.user, case=case, action=Action.READ,
                   event="attachment.downloaded", details={"attachment": str(attachment.uuid)})
        return FileResponse(
            attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name,
            content_type=attachment.content_type,
        )

