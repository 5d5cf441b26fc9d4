"""Applications and reports of need of a case: ``/cases/{reference}/applications/`` and
``…/{id}/``: the decision that does not come.

Every write goes through ``procedures.applications``, which checks the facts (Dutch messages
per field, e.g. a notice of default before the term ended, Awb 4:17 lid 3) and recomputes the
case's terms in the same transaction. The penalty and the appeal date are computed here from
the stored decision term with ``domain.not_in_time``, never typed.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.cases.api.common import CaseRoleApiMixin
from ombuds.cases.models import Case
from ombuds.cases.selectors import access_case
from ombuds.domain import not_in_time
from ombuds.procedures.api.common import (
    FORBIDDEN,
    NOT_FOUND,
    TAG,
    CaseOrganisationField,
    DeadlineSerializer,
    OrganisationRefSerializer,
    with_states,
)
from ombuds.procedures.applications import (
    application_create,
    application_delete,
    application_update,
)
from ombuds.procedures.models import Application, Deadline, DeadlineKind
from ombuds.socialmap.models import Organisation


class PenaltyPeriodSerializer(serializers.Serializer):
    first_day = serializers.DateField()
    last_day = serializers.DateField()
    per_day = serializers.IntegerField(help_text="EUR a day (Awb 4:17 lid 2).")


class PenaltySerializer(serializers.Serializer):
    """The penalty for not deciding in time as it would run (Awb 4:17); information."""

    first_day = serializers.DateField(help_text="Two weeks after the later of the term's end "
                                      "and the receipt of the notice of default (lid 3).")
    last_day = serializers.DateField(help_text="At most 42 days, no Atw extension (lid 1).")
    periods = PenaltyPeriodSerializer(many=True)
    maximum = serializers.IntegerField(help_text="EUR for all 42 days.")
    owed_today = serializers.IntegerField(help_text="EUR run up to and including today if no "
                                          "decision came; 0 before the first day.")
    explanation = serializers.CharField()


class ApplicationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=list(not_in_time.APPLICATION_KINDS.items()))
    kind_label = serializers.CharField(source="get_kind_display")
    subject = serializers.CharField()
    organisation = OrganisationRefSerializer(allow_null=True)
    submitted_on = serializers.DateField()
    urgent = serializers.BooleanField()
    decided_on = serializers.DateField(allow_null=True)
    notice_of_default_on = serializers.DateField(allow_null=True)
    appeal_filed_on = serializers.DateField(allow_null=True)
    is_decision = serializers.BooleanField(
        help_text="Whether a decision (beschikking) is due: only then a notice of default, a "
        "penalty (Awb 4:17) and an appeal against not deciding in time (6:12) can follow.")
    deadlines = serializers.SerializerMethodField(
        help_text="The decision term (beslistermijn_aanvraag) and, after a valid notice of "
        "default, the penalty row (dwangsom, information: watched is false).")
    penalty = serializers.SerializerMethodField(
        help_text="For a decision still not made after a valid notice of default: the penalty "
        "as it would run; null otherwise.")
    appeal_not_in_time_from = serializers.SerializerMethodField(
        help_text="The first day an appeal against not deciding in time can be lodged with the "
        "court (Awb 6:12 lid 2; no objection first, 7:1 lid 1 onder f); null without a valid "
        "notice of default or once the decision came.")

    @extend_schema_field(DeadlineSerializer(many=True))
    def get_deadlines(self, application: Application) -> list:
        return DeadlineSerializer(application.deadlines.all(), many=True).data

    @staticmethod
    def _term(application: Application) -> Deadline | None:
        return next((d for d in application.deadlines.all()
                     if d.kind == DeadlineKind.APPLICATION_DECISION), None)

    @extend_schema_field(PenaltySerializer(allow_null=True))
    def get_penalty(self, application: Application) -> dict | None:
        term = self._term(application)
        if (term is None or not application.is_decision or application.decided_on
                or not application.notice_of_default_on):
            return None
        penalty = not_in_time.penalty_for_late_decision(
            term_end=term.end, notice_received_on=application.notice_of_default_on)
        if penalty is None:
            return None
        return PenaltySerializer({
            "first_day": penalty.first_day, "last_day": penalty.last_day,
            "periods": [{"first_day": a, "last_day": b, "per_day": rate}
                        for a, b, rate in penalty.periods()],
            "maximum": penalty.maximum, "owed_today": penalty.owed_until(timezone.localdate()),
            "explanation": penalty.explanation,
        }).data

    @extend_schema_field(OpenApiTypes.DATE)
    def get_appeal_not_in_time_from(self, application: Application) -> date | None:
        term = self._term(application)
        if (term is None or not application.is_decision or application.decided_on
                or not application.notice_of_default_on):
            return None
        return not_in_time.appeal_not_in_time_from(
            term_end=term.end, notice_received_on=application.notice_of_default_on)


@extend_schema_serializer(component_name="ApplicationInput")
class ApplicationInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=list(not_in_time.APPLICATION_KINDS.items()),
        help_text="wmo_melding (Wmo 2015 art. 2.3.2), wmo_aanvraag (2.3.5), jeugdwet, "
        "participatiewet, anders (Awb 4:13) or schuldhulp (Wgs art. 4).")
    subject = serializers.CharField(max_length=200, help_text="What it is for; no health "
                                    "details.")
    organisation = CaseOrganisationField(
        queryset=Organisation.objects.all(), required=False, allow_null=True,
        help_text="Id of the organisation it was submitted to, on the municipality's social "
        "map.")
    submitted_on = serializers.DateField(help_text="The day the body received it.")
    urgent = serializers.BooleanField(
        required=False, help_text="Debt help only: eviction, cut-off or cancellation of health "
        "insurance threatens (Wgs art. 4 lid 2: three working days).")
    decided_on = serializers.DateField(required=False, allow_null=True,
                                       help_text="The decision (or first conversation) came.")
    notice_of_default_on = serializers.DateField(
        required=False, allow_null=True,
        help_text="The body received a written notice of default; counts only after the term "
        "(Awb 4:17 lid 3).")
    appeal_filed_on = serializers.DateField(
        required=False, allow_null=True,
        help_text="Appeal against not deciding in time lodged (Awb 6:12 lid 2).")


def _applications(case: Case) -> QuerySet[Application]:
    return (Application.objects.filter(case=case).select_related("organisation")
            .prefetch_related(Prefetch("deadlines",
                                       queryset=Deadline.objects.order_by("end", "raw_end", "id"))))


def _with_states(applications: QuerySet, case: Case) -> list[Application]:
    applications = list(applications)
    for application in applications:
        application.case = case
    if applications:
        with_states([d for a in applications for d in a.deadlines.all()], case)
    return applications


def application_of(case: Case, application_id: int) -> Application:
    """Return application ``application_id`` of ``case``; another case's is a 404."""
    found = _with_states(_applications(case).filter(pk=application_id), case)
    if not found:
        raise Http404("Geen aanvraag of melding in deze zaak.")
    return found[0]


def _data(case: Case, application_id: int) -> dict:
    return ApplicationSerializer(application_of(case, application_id)).data


class ApplicationListApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_applications_list", summary="Aanvragen en meldingen",
        description="The applications and reports of need of the case, oldest first, each "
        "with its decision term and, for a late decision after a valid notice of default, the "
        "penalty as it would run and the first day of an appeal against not deciding in time.",
        responses={200: ApplicationSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str):
        case = access_case(request.user, reference)
        return Response(ApplicationSerializer(_with_states(_applications(case), case),
                                              many=True).data)


class ApplicationCreateApi(CaseRoleApiMixin, APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        tags=[TAG], operation_id="cases_applications_create",
        summary="Een aanvraag of melding vastleggen",
        description="Records the application and watches its decision term (Wmo 2015 art. "
        "2.3.2, 2.3.5; Awb 4:13; Wgs art. 4). A date in the future, a date before the "
        "application, urgency on anything but debt help, or a notice of default received "
        "before the term ended (Awb 4:17 lid 3) gives 400 naming the field.",
        request=ApplicationInputSerializer,
        responses={201: ApplicationSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND},
    )
    def post(self, request, reference: str):
        case = access_case(request.user, reference)  # out of scope: 404 before any 400
        serializer = ApplicationInputSerializer(data=request.data, context={"case": case})
        serializer.is_valid(raise_exception=True)
        application = application_create(user=request.user, case=case,
                                         **serializer.validated_data)
        return Response(_data(case, application.pk), status=status.HTTP_201_CREATED)


class ApplicationCollectionApi(ApplicationListApi, ApplicationCreateApi):
    """``/cases/{reference}/applications/``: GET lists, POST records one."""


class ApplicationDetailApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_applications_retrieve",
        summary="Een aanvraag of melding",
        responses={200: ApplicationSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str, application_id: int):
        case = access_case(request.user, reference)
        return Response(ApplicationSerializer(application_of(case, application_id)).data)


class ApplicationUpdateApi(CaseRoleApiMixin, APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        tags=[TAG], operation_id="cases_applications_partial_update",
        summary="Een aanvraag of melding wijzigen",
        description="Partial update (the decision came, a notice of default was received …); "
        "the terms are recomputed at once and returned. Send null to clear a date.",
        request=ApplicationInputSerializer(partial=True),
        responses={200: ApplicationSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND},
    )
    def patch(self, request, reference: str, application_id: int):
        case = access_case(request.user, reference)
        application = application_of(case, application_id)
        serializer = ApplicationInputSerializer(data=request.data, partial=True,
                                                context={"case": case})
        serializer.is_valid(raise_exception=True)
        application_update(user=request.user, application=application,
                           **serializer.validated_data)
        return Response(_data(case, application_id))


class ApplicationDeleteApi(CaseRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="cases_applications_destroy",
        summary="Een aanvraag of melding verwijderen",
        description="Removes the application and the terms computed from it.",
        responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def delete(self, request, reference: str, application_id: int):
        case = access_case(request.user, reference)
        application_delete(user=request.user, application=application_of(case, application_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ApplicationItemApi(ApplicationDetailApi, ApplicationUpdateApi, ApplicationDeleteApi):
    """``/cases/{reference}/applications/{id}/``: GET, PATCH, DELETE."""
