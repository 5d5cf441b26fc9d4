"""The meetings of a case: ``/cases/{reference}/meetings/`` and what a meeting goes through.

Plan (POST the collection), change or move (PATCH the item), cancel, record as held with the
agreements, and send the invitations (each a POST on the item). Every write goes through the
mediation services, as the pages do. Errors are precise: 400 names the field (an agreement's
by its index, ``{"agreements": {"0": {"due_on": [...]}}}``); a meeting that is no longer
planned, or one held before it started, is a 409 ``{"detail": ..., "code": ...}`` with code
``gesprek_gehouden``, ``gesprek_geannuleerd``, ``gesprek_nog_niet_begonnen``,
``gesprek_begonnen`` or ``niemand_bereikbaar``.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.cases.api.common import CaseRoleApiMixin, Conflict
from ombuds.cases.models import CaseOrganisation
from ombuds.cases.selectors import access_case
from ombuds.mediation import invitations, selectors, services
from ombuds.mediation.models import Agreement, Meeting

TAG = "Gesprekken"
NOT_FOUND = OpenApiResponse(description="Geen zaak (of geen gesprek in deze zaak) die u mag "
                            "inzien.")
FORBIDDEN = OpenApiResponse(description="Uw rol geeft geen toegang tot zaken.")
CONFLICT = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description='The meeting is not in a state for this: `{"detail": "<Dutch reason>", '
    '"code": "gesprek_gehouden" | "gesprek_geannuleerd" | "gesprek_nog_niet_begonnen" | '
    '"gesprek_begonnen" | "niemand_bereikbaar"}`.')
BAD_REQUEST = OpenApiResponse(response=OpenApiTypes.OBJECT,
                              description="Field errors in Dutch, per field name.")


@contextmanager
def meeting_errors():
    """A field-less refusal of the services is a 409 with its code; field errors stay a 400,
    an agreement's keyed by its index."""
    try:
        yield
    except DjangoValidationError as error:
        if not hasattr(error, "error_dict"):
            first = error.error_list[0]
            raise Conflict(" ".join(error.messages), first.code or "conflict") from None
        detail: dict = {}
        for name, messages in error.message_dict.items():
            if name.startswith("agreement-"):
                _, index, field = name.split("-", 2)
                detail.setdefault("agreements", {}).setdefault(index, {})[field] = messages
            else:
                detail[name] = messages
        raise serializers.ValidationError(detail) from None


@extend_schema_field(OpenApiTypes.INT)
class PartyField(serializers.PrimaryKeyRelatedField):
    """A party of the case (``context["case"]``), by the id of its case link."""

    def get_queryset(self):
        return CaseOrganisation.objects.filter(case=self.context["case"]).select_related(
            "organisation")


class PartyRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The party's id in this case.")
    organisation = serializers.CharField(source="organisation.name")


class AgreementOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    description = serializers.CharField()
    owner = serializers.CharField()
    party = serializers.IntegerField(source="party_id", allow_null=True)
    due_on = serializers.DateField()
    status = serializers.CharField()


class MeetingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Meeting.Kind.choices)
    status = serializers.ChoiceField(choices=Meeting.Status.choices,
                                     help_text="gepland → gehouden of geannuleerd.")
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    duration_minutes = serializers.IntegerField()
    place = serializers.CharField()
    video_url = serializers.CharField()
    resident_invited = serializers.BooleanField()
    representative_invited = serializers.BooleanField()
    parties = PartyRefSerializer(many=True, source="parties.all")
    other_participants = serializers.CharField()
    invitations_sent_at = serializers.DateTimeField(
        allow_null=True, help_text="Null until sent, and again after a move (send them again).")
    sequence = serializers.IntegerField(help_text="Goes up with each move (the .ics SEQUENCE).")
    resident_present = serializers.BooleanField(allow_null=True,
                                                help_text="Null until the meeting is held.")
    minutes = serializers.CharField()
    held_at = serializers.DateTimeField(allow_null=True)
    cancelled_reason = serializers.CharField()
    agreements = AgreementOutSerializer(many=True, source="agreements.all")


@extend_schema_serializer(component_name="MeetingInput")
class MeetingInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Meeting.Kind.choices)
    starts_at = serializers.DateTimeField(help_text="With its offset, e.g. "
                                          "2026-04-20T10:00:00+02:00.")
    duration_minutes = serializers.IntegerField(
        required=False, default=60,
        help_text=f"{services.MEETING_MINUTES[0]} to {services.MEETING_MINUTES[1]}.")
    place = serializers.CharField(required=False, allow_blank=True, default="", max_length=200,
                                  help_text="A place, a video link, or both.")
    video_url = serializers.CharField(required=False, allow_blank=True, default="",
                                      max_length=200, help_text="https:// only.")
    parties = PartyField(many=True, required=False, default=list,
                         help_text="Ids of the case's parties that are invited; a joint "
                         "meeting needs at least one.")
    resident_invited = serializers.BooleanField(required=False, default=True)
    representative_invited = serializers.BooleanField(required=False, default=False)
    other_participants = serializers.CharField(required=False, allow_blank=True, default="",
                                               max_length=300)


class AgreementInSerializer(serializers.Serializer):
    description = serializers.CharField()
    due_on = serializers.DateField()
    owner = serializers.ChoiceField(choices=Agreement.Owner.choices, required=False,
                                    default=Agreement.Owner.PARTY)
    party = PartyField(required=False, allow_null=True, default=None)


@extend_schema_serializer(component_name="MeetingHoldInput")
class HoldInputSerializer(serializers.Serializer):
    resident_present = serializers.BooleanField(help_text="Whether the resident was there.")
    minutes = serializers.CharField(required=False, allow_blank=True, default="")
    agreements = AgreementInSerializer(many=True, required=False, default=list)


@extend_schema_serializer(component_name="MeetingCancelInput")
class CancelInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


class InvitedSerializer(serializers.Serializer):
    invitee = serializers.CharField(help_text="inwoner, vertegenwoordiger or partij-<id>.")
    channel = serializers.CharField(help_text="email (with the .ics) or post.")
    letter = serializers.IntegerField()


class NotInvitedSerializer(serializers.Serializer):
    invitee = serializers.CharField()
    reason = serializers.CharField()


class InvitationReportSerializer(serializers.Serializer):
    sent = InvitedSerializer(many=True)
    not_invited = NotInvitedSerializer(many=True)


def _meeting(case, meeting_id: int) -> Meeting:
    meeting = selectors.case_meeting(case, meeting_id)
    if meeting is None:
        raise Http404
    return meeting


def _data(case, meeting_id: int) -> dict:
    return MeetingSerializer(_meeting(case, meeting_id)).data


class MeetingCollectionApi(CaseRoleApiMixin, APIView):
    """``/cases/{reference}/meetings/``: GET lists, POST plans one."""

    parser_classes = [JSONParser]

    @extend_schema(tags=[TAG], operation_id="cases_meetings_list", summary="Gesprekken",
                   description="The case's meetings, latest first, planned, held and "
                   "cancelled, each with its agreements.",
                   responses={200: MeetingSerializer(many=True), 403: FORBIDDEN,
                              404: NOT_FOUND})
    def get(self, request, reference: str):
        case = access_case(request.user, reference)
        meetings = (Meeting.objects.filter(case=case)
                    .prefetch_related("parties__organisation", "agreements")
                    .order_by("-starts_at", "-id"))
        return Response(MeetingSerializer(meetings, many=True).data)

    @extend_schema(tags=[TAG], operation_id="cases_meetings_create",
                   summary="Een gesprek plannen",
                   description="Plans a meeting; it stays editable until held or cancelled. "
                   "It needs a place or a video link; a joint meeting needs parties.",
                   request=MeetingInputSerializer,
                   responses={201: MeetingSerializer, 400: BAD_REQUEST, 403: FORBIDDEN,
                              404: NOT_FOUND})
    def post(self, request, reference: str):
        case = access_case(request.user, reference)
        serializer = MeetingInputSerializer(data=request.data, context={"case": case})
        serializer.is_valid(raise_exception=True)
        with meeting_errors():
            meeting = services.meeting_plan(user=request.user, case=case,
                                            **serializer.validated_data)
        return Response(_data(case, meeting.pk), status=status.HTTP_201_CREATED)


class MeetingItemApi(CaseRoleApiMixin, APIView):
    """``/cases/{reference}/meetings/{id}/``: GET reads, PATCH changes or moves."""

    parser_classes = [JSONParser]

    @extend_schema(tags=[TAG], operation_id="cases_meetings_retrieve", summary="Een gesprek",
                   responses={200: MeetingSerializer, 403: FORBIDDEN, 404: NOT_FOUND})
    def get(self, request, reference: str, meeting_id: int):
        case = access_case(request.user, reference)
        return Response(_data(case, meeting_id))

    @extend_schema(tags=[TAG], operation_id="cases_meetings_partial_update",
                   summary="Een gepland gesprek wijzigen of verplaatsen",
                   description="Partial update of a planned meeting. A new `starts_at` is a "
                   "move, recorded on the timeline; after a change of time or place the "
                   "invitations are to be sent again (`invitations_sent_at` becomes null). "
                   "A held or cancelled meeting gives 409.",
                   request=MeetingInputSerializer(partial=True),
                   responses={200: MeetingSerializer, 400: BAD_REQUEST, 403: FORBIDDEN,
                              404: NOT_FOUND, 409: CONFLICT})
    def patch(self, request, reference: str, meeting_id: int):
        case = access_case(request.user, reference)
        meeting = _meeting(case, meeting_id)
        serializer = MeetingInputSerializer(data=request.data, partial=True,
                                            context={"case": case})
        serializer.is_valid(raise_exception=True)
        current = {name: getattr(meeting, name) for name in
                   ("kind", "starts_at", "duration_minutes", "place", "video_url",
                    "resident_invited", "representative_invited", "other_participants")}
        current["parties"] = list(meeting.parties.all())
        values = {**current, **{k: v for k, v in serializer.validated_data.items()
                                if k in request.data}}
        with meeting_errors():
            services.meeting_update(user=request.user, meeting=meeting, **values)
        return Response(_data(case, meeting_id))


class MeetingCancelApi(CaseRoleApiMixin, APIView):
    parser_classes = [JSONParser]

    @extend_schema(tags=[TAG], operation_id="cases_meetings_cancel",
                   summary="Een gepland gesprek annuleren", request=CancelInputSerializer,
                   responses={200: MeetingSerializer, 400: BAD_REQUEST, 403: FORBIDDEN,
                              404: NOT_FOUND, 409: CONFLICT})
    def post(self, request, reference: str, meeting_id: int):
        case = access_case(request.user, reference)
        meeting = _meeting(case, meeting_id)
        serializer = CancelInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with meeting_errors():
            services.meeting_cancel(user=request.user, meeting=meeting,
                                    **serializer.validated_data)
        return Response(_data(case, meeting_id))


class MeetingHoldApi(CaseRoleApiMixin, APIView):
    parser_classes = [JSONParser]

    @extend_schema(tags=[TAG], operation_id="cases_meetings_hold",
                   summary="Een gesprek vastleggen als gehouden",
                   description="Attendance, minutes and the agreements made. A meeting that "
                   "has not started yet gives 409 `gesprek_nog_niet_begonnen`.",
                   request=HoldInputSerializer,
                   responses={200: MeetingSerializer, 400: BAD_REQUEST, 403: FORBIDDEN,
                              404: NOT_FOUND, 409: CONFLICT})
    def post(self, request, reference: str, meeting_id: int):
        case = access_case(request.user, reference)
        meeting = _meeting(case, meeting_id)
        serializer = HoldInputSerializer(data=request.data, context={"case": case})
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with meeting_errors():
            services.meeting_hold(
                user=request.user, meeting=meeting, resident_present=data["resident_present"],
                minutes=data["minutes"],
                agreements=[services.AgreementData(**a) for a in data["agreements"]])
        return Response(_data(case, meeting_id))


class MeetingInvitationsApi(CaseRoleApiMixin, APIView):
    @extend_schema(tags=[TAG], operation_id="cases_meetings_invite",
                   summary="Uitnodigingen versturen",
                   description="Sends the invitation letter about this meeting to everyone "
                   "invited: by e-mail with the .ics calendar file when an address is known, "
                   "else by post when a postal address is known. Who cannot be reached (no "
                   "address, or a party without the resident's consent for a joint meeting) "
                   "is listed in `not_invited`.",
                   request=None,
                   responses={201: InvitationReportSerializer, 403: FORBIDDEN, 404: NOT_FOUND,
                              409: CONFLICT})
    def post(self, request, reference: str, meeting_id: int):
        case = access_case(request.user, reference)
        meeting = _meeting(case, meeting_id)
        with meeting_errors():
            report = invitations.meeting_invitations_send(user=request.user, meeting=meeting)
        return Response(InvitationReportSerializer({
            "sent": [{"invitee": p.key, "channel": letter.channel, "letter": letter.pk}
                     for p, letter in report.sent],
            "not_invited": [{"invitee": p.key, "reason": p.problem}
                            for p in report.not_invited],
        }).data, status=status.HTTP_201_CREATED)
