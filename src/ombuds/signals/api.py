"""Signals through the API: the list (filtered like the list page), one signal, and marking
a signal or one of its recommendations publishable (``signals.publication``).

Scoped and audited by the same selectors as the pages: ombudspersons and coordinators see
their municipalities' signals with the linked case references; ``beleid`` sees signals
that are shared or later, with the number of cases but never the references.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.accounts.roles import ALL_CASES_ROLES, Role
from ombuds.core.api import HasRole
from ombuds.domain.disclosure import THRESHOLD
from ombuds.domain.signals import STATES
from ombuds.signals import publication, selectors
from ombuds.signals.models import Recommendation, Signal

TAG = "Signalen"
NOT_FOUND = OpenApiResponse(description="Geen signaal met dit nummer dat u mag inzien.")
FORBIDDEN = OpenApiResponse(description="Uw rol geeft geen toegang tot signalen.")


class SignalRoleApiMixin:
    """Signal endpoints are for ombudspersons, coordinators and policy staff."""

    permission_classes = [HasRole]
    required_roles = ALL_CASES_ROLES | {Role.POLICY}


class SignalPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class SignalSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    municipality = serializers.CharField(source="municipality.cbs_code")
    organisation = serializers.CharField(source="organisation.name")
    organisation_id = serializers.IntegerField()
    domain = serializers.CharField(source="domain.code", allow_null=True, default=None)
    theme = serializers.CharField(source="theme.name", allow_null=True, default=None)
    theme_id = serializers.IntegerField(allow_null=True)
    status = serializers.CharField()
    status_label = serializers.CharField()
    raised_on = serializers.DateField()
    shared_on = serializers.DateField(allow_null=True)
    answered_on = serializers.DateField(allow_null=True)
    measure_on = serializers.DateField(allow_null=True)
    checked_on = serializers.DateField(allow_null=True)
    closed_on = serializers.DateField(allow_null=True)
    public_title = serializers.CharField(help_text="The title for publication (reports).")
    publishable_at = serializers.DateTimeField(
        allow_null=True, help_text="Since when the signal may appear in published reports, "
        "with its public texts; null while it is not publishable.")


class RecommendationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    addressee = serializers.CharField()
    text = serializers.CharField()
    due_on = serializers.DateField()
    response = serializers.CharField()
    responded_on = serializers.DateField(allow_null=True)
    adoption = serializers.ChoiceField(choices=Recommendation.Adoption.choices)
    public_text = serializers.CharField(help_text="The recommendation for publication.")
    public_response = serializers.CharField(help_text="The response for publication.")
    publishable_at = serializers.DateTimeField(allow_null=True)


class SignalDetailSerializer(SignalSummarySerializer):
    description = serializers.CharField()
    answer = serializers.CharField()
    measure = serializers.CharField()
    check_result = serializers.CharField()
    public_text = serializers.CharField(help_text="The text for publication.")
    public_response = serializers.CharField(
        help_text="The response and measures, summarised for publication.")
    case_count = serializers.IntegerField(
        allow_null=True, help_text="Number of linked cases; for policy staff null when it is "
        "between 1 and 9 (a count of persons under 10 is never published).")
    cases = serializers.SerializerMethodField(
        help_text="References of the linked cases; null for policy staff.")
    recommendations = RecommendationSerializer(many=True)

    @extend_schema_field(serializers.ListField(child=serializers.CharField(), allow_null=True))
    def get_cases(self, signal: Signal):
        return signal.case_references


#: The largest id a (big)integer column holds, on SQLite and PostgreSQL alike.
ID_MAX = 2**63 - 1


class SignalListApi(SignalRoleApiMixin, APIView):
    class FilterSerializer(serializers.Serializer):
        municipality = serializers.CharField(required=False, help_text="CBS code, e.g. GM1708.")
        status = serializers.ChoiceField(choices=list(STATES.items()), required=False)
        # Bounded like the id columns: a larger number is a 400, not an overflow in the database.
        theme = serializers.IntegerField(required=False, min_value=1, max_value=ID_MAX)
        organisation = serializers.IntegerField(required=False, min_value=1, max_value=ID_MAX)

        def validate_municipality(self, value: str) -> int:
            user = self.context["request"].user
            codes = {m.municipality.cbs_code: m.municipality_id for m in user.cached_memberships}
            if value not in codes:
                raise serializers.ValidationError(
                    f"Onbekende gemeente of geen toegang: {value}.", code="unknown_municipality")
            return codes[value]

    @extend_schema(
        tags=[TAG], operation_id="signals_list", summary="Signalen zoeken en filteren",
        description="The signals the user may read, newest first, paginated (50 per page). "
        "Policy staff only see signals shared with the organisation or later. Audited.",
        parameters=[FilterSerializer],
        responses={200: SignalSummarySerializer(many=True), 403: FORBIDDEN},
    )
    def get(self, request):
        filters = self.FilterSerializer(data=request.query_params.dict(),
                                        context={"request": request})
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        signals = selectors.signal_list(request.user, selectors.SignalFilter(
            municipality=data.get("municipality"), status=data.get("status", ""),
            theme=data.get("theme"), organisation=data.get("organisation")))
        paginator = SignalPagination()
        page = paginator.paginate_queryset(signals, request, view=self)
        return paginator.get_paginated_response(SignalSummarySerializer(page, many=True).data)


class SignalDetailApi(SignalRoleApiMixin, APIView):
    @extend_schema(
        tags=[TAG], operation_id="signals_read", summary="Een signaal lezen",
        description="One signal with its lifecycle dates, the organisation's answer, the "
        "measure, the recommendations and (for case roles) the linked case references. "
        "Audited.",
        responses={200: SignalDetailSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, signal_id: int):
        signal = selectors.access_signal(request.user, signal_id)
        return Response(signal_detail_data(request, signal))


def signal_detail_data(request, signal: Signal) -> dict:
    """The detail representation of ``signal`` as ``request.user`` may see it."""
    cases = selectors.linked_cases(request.user, signal)
    signal.case_references = ([c.reference for c in cases]
                              if selectors.sees_cases(request.user, signal) else None)
    count = signal.cases.count()
    hidden = signal.case_references is None and 0 < count < THRESHOLD
    signal.case_count = None if hidden else count
    return SignalDetailSerializer(signal).data


class SignalPublishableApi(SignalRoleApiMixin, APIView):
    """``/signals/{id}/publishable/``: POST marks the signal (or one of its
    recommendations) publishable, DELETE withdraws it. Which recommendation is a body
    parameter, as on the pages."""

    class InputSerializer(serializers.Serializer):
        recommendation = serializers.IntegerField(
            required=False, min_value=1, max_value=ID_MAX,
            help_text="The id of one of the signal's recommendations; without it the signal "
            "itself.")

    def _target(self, request, signal_id: int):
        signal = selectors.access_signal(request.user, signal_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if "recommendation" not in data.validated_data:
            return signal, None
        recommendation = Recommendation.objects.filter(
            signal=signal, pk=data.validated_data["recommendation"]).first()
        if recommendation is None:
            raise serializers.ValidationError(
                {"recommendation": [f"Signaal {signal.pk} heeft geen aanbeveling met dit "
                                    f"nummer."]})
        recommendation.signal = signal
        return signal, recommendation

    @extend_schema(
        tags=[TAG], operation_id="signals_publishable_create",
        summary="Een signaal of aanbeveling publiceerbaar maken",
        description="Marks the signal (or, with `recommendation`, one of its recommendations) "
        "publishable: its public texts may then appear in published reports. Refused with 400 "
        "while a needed public text is empty or holds personal data (names of the persons of "
        "the linked cases, contact persons of their parties and staff; phone numbers, e-mail "
        "addresses, postcodes, addresses, dates, ages, case references, BSN, IBAN): a Dutch "
        "message per field, and `findings`, a list of `{field, kind, text}`. Only "
        "ombudspersons and coordinators of the municipality. Audited.",
        request=InputSerializer,
        responses={200: SignalDetailSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND},
    )
    def post(self, request, signal_id: int):
        signal, recommendation = self._target(request, signal_id)
        try:
            if recommendation is None:
                publication.signal_mark_publishable(user=request.user, signal=signal)
            else:
                publication.recommendation_mark_publishable(user=request.user,
                                                            recommendation=recommendation)
        except publication.PublicationRefused as refused:
            raise serializers.ValidationError({
                **refused.message_dict,
                "findings": [{"field": field, "kind": f.kind, "text": f.text}
                             for field, found in refused.found.items() for f in found],
            }) from None
        signal.refresh_from_db()
        return Response(signal_detail_data(request, signal))

    @extend_schema(
        tags=[TAG], operation_id="signals_publishable_delete",
        summary="Een signaal of aanbeveling niet meer publiceren",
        description="Withdraws the signal (or, with `recommendation`, one of its "
        "recommendations) from publication. Audited.",
        request=InputSerializer,
        responses={200: SignalDetailSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def delete(self, request, signal_id: int):
        signal, recommendation = self._target(request, signal_id)
        if recommendation is None:
            publication.signal_unmark_publishable(user=request.user, signal=signal)
        else:
            publication.recommendation_unmark_publishable(user=request.user,
                                                          recommendation=recommendation)
        signal.refresh_from_db()
        return Response(signal_detail_data(request, signal))
