"""The case register through the API: worklist, intake, the case file header, assignment."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.accounts.models import User
from ombuds.accounts.roles import INTAKE_ROLES
from ombuds.cases.api.common import (
    TAG,
    CaseDetailSerializer,
    CaseRoleApiMixin,
    CaseSummarySerializer,
    case_detail_data,
    errors_on,
    request_user,
)
from ombuds.cases.models import Channel, ContactChannel, RepresentativeRelation, Urgency
from ombuds.cases.selectors import (
    CaseFilter,
    SearchOutcome,
    access_case,
    case_detail,
    case_search,
)
from ombuds.cases.services import PersonData, case_assign, case_register, case_update
from ombuds.core.models import Domain, Municipality, Theme
from ombuds.domain.search import SearchKind
from ombuds.socialmap.models import Organisation

NOT_FOUND = OpenApiResponse(description="Geen zaak met dit zaaknummer die u mag inzien.")
FORBIDDEN = OpenApiResponse(description="Uw rol geeft geen toegang tot zaken.")


class CasePagination(PageNumberPagination):
    """Pages of 50 cases, and how the search text was read (``search``, null without one)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["search"] = {
            "type": "object", "nullable": True,
            "description": "How `q` was read: `kind` is zaaknummer, telefoon, e-mail, postcode "
            "or woorden (a name, or words of subject and story); `refused` when the role may "
            "not search by a person's details (only case number and subject were searched); "
            "`capped` when more persons matched than the search takes; `messages` says so.",
            "properties": {
                # No "enum": a second enum named "kind" would collide in the components.
                "kind": {"type": "string", "description": ", ".join(k.value for k in SearchKind)},
                "refused": {"type": "boolean"},
                "capped": {"type": "boolean"},
                "messages": {"type": "array", "items": {"type": "string"}},
            },
        }
        return schema


def search_data(outcome: SearchOutcome) -> dict | None:
    if outcome.kind is None:
        return None
    return {"kind": outcome.kind.value, "refused": outcome.refused, "capped": outcome.capped,
            "messages": outcome.notes()}


class CaseListApi(CaseRoleApiMixin, APIView):
    """The worklist, scoped and filtered exactly like the worklist page."""

    #: Named so the OpenAPI schema shows the page around the cases (``count``, ``search``…).
    pagination_class = CasePagination

    @extend_schema_serializer(component_name="CaseListFilter")
    class FilterSerializer(serializers.Serializer):
        view = serializers.ChoiceField(
            choices=["mijn", "nieuw", "alle"], default="alle",
            help_text="mijn: assigned to me; nieuw: not assigned yet; alle: everything I may see.",
        )
        municipality = serializers.CharField(required=False, help_text="CBS code, e.g. GM1708.")
        status = serializers.CharField(required=False, help_text="Status code of the variant.")
        channel = serializers.ChoiceField(choices=Channel.choices, required=False)
        urgency = serializers.ChoiceField(choices=Urgency.choices, required=False)
        assignee = serializers.CharField(required=False, help_text="Username of the handler.")
        q = serializers.CharField(
            required=False, max_length=200,
            help_text="A resident's or representative's name, phone number (any spelling: "
            "06-12345678, +31 6 12345678), e-mail address or postcode (8331 AB, 8331ab); a case "
            "number or part of one (STW-2026-0031, 2026-0031, 0031); or words of title, story "
            "and wish. Person details only for roles that see persons; see `search` in the "
            "response. Every search is audited (its kind, never the text).",
        )
        open = serializers.BooleanField(
            default=True, help_text="Only open cases (ignored when a status is given)."
        )

        def validate_municipality(self, value: str) -> int:
            codes = {m.municipality.cbs_code: m.municipality_id
                     for m in request_user(self).cached_memberships}
            if value not in codes:
                raise serializers.ValidationError(
                    f"Onbekende gemeente of geen toegang: {value}.", code="unknown_municipality"
                )
            return codes[value]

        def validate_assignee(self, value: str) -> int:
            pk = User.objects.filter(username=value).values_list("pk", flat=True).first()
            if pk is None:
                raise serializers.ValidationError(
                    f"Onbekende medewerker: {value}.", code="unknown_user"
                )
            return pk

    @extend_schema(
        tags=[TAG], operation_id="cases_list", summary="Werklijst: zaken zoeken en filteren",
        description="Returns the cases the user may see, newest first, paginated (50 per page). "
        "Filters combine; every search is written to the audit log.",
        parameters=[FilterSerializer],
        responses={200: CaseSummarySerializer(many=True), 403: FORBIDDEN},
    )
    def get(self, request):
        filters = CaseListApi.FilterSerializer(
            data=request.query_params.dict(), context={"request": request}
        )
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        cases, outcome = case_search(request.user, CaseFilter(
            view=data["view"], municipality=data.get("municipality"),
            status=data.get("status", ""), channel=data.get("channel", ""),
            urgency=data.get("urgency", ""), assignee=data.get("assignee"),
            q=data.get("q", ""), open_only=data["open"],
        ))
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(cases, request, view=self)
        response = paginator.get_paginated_response(CaseSummarySerializer(page, many=True).data)
        response.data["search"] = search_data(outcome)
        return response


@extend_schema_field({
    "type": "array", "items": {"type": "string", "enum": ContactChannel.values},
    "description": "Channels through which the resident does not want to be contacted.",
})
class ContactChannelListField(serializers.ListField):
    """A list of contact channels (inline in the schema: the enum is already named once)."""

    child = serializers.ChoiceField(choices=ContactChannel.choices)


class PersonInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    date_of_birth = serializers.DateField(required=False, allow_null=True, default=None)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    street = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    postcode = serializers.CharField(max_length=10, required=False, allow_blank=True, default="")
    city = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    preferred_channel = serializers.ChoiceField(
        choices=ContactChannel.choices, required=False, allow_blank=True, default=""
    )
    avoid_channels = ContactChannelListField(required=False, default=list)
    interpreter_language = serializers.CharField(
        max_length=60, required=False, allow_blank=True, default=""
    )
    easy_language = serializers.BooleanField(required=False, default=False)
    accessibility_needs = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default=""
    )


class RepresentativeInputSerializer(PersonInputSerializer):
    relation = serializers.ChoiceField(choices=RepresentativeRelation.choices)


class CaseCreateApi(CaseRoleApiMixin, APIView):
    """Intake: register a case from any channel in the municipality's current variant."""

    parser_classes = [JSONParser]

    @extend_schema_serializer(component_name="CaseCreateInput")
    class InputSerializer(serializers.Serializer):
        municipality = serializers.SlugRelatedField(
            slug_field="cbs_code", queryset=Municipality.objects.all(),
            help_text="CBS code of a municipality where you may register cases.",
        )
        channel = serializers.ChoiceField(choices=Channel.choices)
        title = serializers.CharField(max_length=160)
        story = serializers.CharField()
        wish = serializers.CharField(required=False, allow_blank=True, default="")
        route_tried = serializers.CharField(required=False, allow_blank=True, default="")
        referred_by = serializers.CharField(
            max_length=200, required=False, allow_blank=True, default=""
        )
        urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL)
        sensitive_details = serializers.CharField(required=False, allow_blank=True, default="")
        domains = serializers.SlugRelatedField(
            slug_field="code", queryset=Domain.objects.all(), many=True, required=False,
            default=list,
        )
        themes = serializers.PrimaryKeyRelatedField(
            queryset=Theme.objects.filter(active=True), many=True, required=False, default=list
        )
        organisations = serializers.PrimaryKeyRelatedField(
            queryset=Organisation.objects.filter(active=True), many=True, required=False,
            default=list,
        )
        assignee = serializers.SlugRelatedField(
            slug_field="username", queryset=User.objects.filter(is_active=True),
            required=False, allow_null=True, default=None,
        )
        person = PersonInputSerializer()
        representative = RepresentativeInputSerializer(
            required=False, allow_null=True, default=None
        )

        def validate_municipality(self, municipality: Municipality) -> Municipality:
            if municipality.pk not in request_user(self).municipality_ids(INTAKE_ROLES):
                raise serializers.ValidationError(
                    "U mag in deze gemeente geen zaken registreren.", code="not_allowed"
                )
            return municipality

    @extend_schema(
        tags=[TAG], operation_id="cases_create", summary="Intake: een zaak registreren",
        description="Registers the resident (and any representative) and the case; the "
        "reference (e.g. STW-2026-0042) is unique per municipality and year, also when several "
        "app servers register at once. Field errors name the field (`person.email`).",
        request=InputSerializer,
        responses={201: CaseDetailSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN},
    )
    def post(self, request):
        serializer = CaseCreateApi.InputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        person = data.pop("person")
        representative = data.pop("representative")
        relation = representative.pop("relation") if representative else ""
        case = case_register(
            user=request.user, person_data=PersonData(**person),
            representative_data=PersonData(**representative) if representative else None,
            representative_relation=relation, **data,
        )
        return Response(case_detail_data(case, request), status=status.HTTP_201_CREATED)


class CaseCollectionApi(CaseListApi, CaseCreateApi):
    """``/cases/``: GET is ``CaseListApi``, POST is ``CaseCreateApi``."""


class CaseDetailApi(CaseRoleApiMixin, APIView):
    parser_classes = [JSONParser]

    @extend_schema_serializer(component_name="CaseUpdateInput")
    class UpdateSerializer(serializers.Serializer):
        """Every field is optional: only those sent change."""

        title = serializers.CharField(max_length=160, required=False)
        story = serializers.CharField(required=False)
        wish = serializers.CharField(required=False, allow_blank=True)
        route_tried = serializers.CharField(required=False, allow_blank=True)
        referred_by = serializers.CharField(max_length=200, required=False, allow_blank=True)
        urgency = serializers.ChoiceField(choices=Urgency.choices, required=False)
        sensitive_details = serializers.CharField(required=False, allow_blank=True)
        domains = serializers.SlugRelatedField(slug_field="code", queryset=Domain.objects.all(),
                                               many=True, required=False)
        # All themes: a retired one may stay on a case that has it (case_update checks).
        themes = serializers.PrimaryKeyRelatedField(queryset=Theme.objects.all(), many=True,
                                                    required=False)

    @extend_schema(
        tags=[TAG], operation_id="cases_retrieve", summary="Een zaak openen",
        description="The case with its resident, representative, domains, themes, "
        "organisations, status and outcome (code and label), process variant and the moves "
        "allowed now. Health details only for users who may see them. Audited.",
        responses={200: CaseDetailSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request, reference: str):
        case = case_detail(request.user, reference)
        return Response(case_detail_data(case, request))

    @extend_schema(
        tags=[TAG], operation_id="cases_partial_update", summary="Zaakgegevens corrigeren",
        description="Corrects the intake details of an open case; only the fields sent change. "
        "The timeline and the audit log name the changed fields. The health details only by "
        "users who may see them (403). A closed case gives 409 with code `case_closed`; its "
        "resident's data is corrected through an AVG rectification request.",
        request=UpdateSerializer,
        responses={200: CaseDetailSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND, 409: OpenApiTypes.OBJECT},
    )
    def patch(self, request, reference: str):
        with errors_on("non_field_errors", conflicts=("case_closed",)):
            case = access_case(request.user, reference)
            serializer = CaseDetailApi.UpdateSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            case_update(user=request.user, case=case, **serializer.validated_data)
        case.refresh_from_db()
        return Response(case_detail_data(case, request))


class CaseAssignApi(CaseRoleApiMixin, APIView):
    parser_classes = [JSONParser]

    @extend_schema_serializer(component_name="CaseAssignInput")
    class InputSerializer(serializers.Serializer):
        assignee = serializers.SlugRelatedField(
            slug_field="username", queryset=User.objects.filter(is_active=True), allow_null=True,
            help_text="Username of the new handler; null returns the case to the intake queue.",
        )

    @extend_schema(
        tags=[TAG], operation_id="cases_assign", summary="Een zaak toewijzen",
        description="Makes a user with a handler role in the case's municipality its handler. "
        "A closed case gives 409 with code `case_closed`.",
        request=InputSerializer,
        responses={200: CaseDetailSerializer, 400: OpenApiTypes.OBJECT, 403: FORBIDDEN,
                   404: NOT_FOUND, 409: OpenApiTypes.OBJECT},
    )
    def post(self, request, reference: str):
        # The case is checked first: out of scope is 404 whatever the body says.
        with transaction.atomic(), errors_on("assignee", conflicts=("case_closed",)):
            case = access_case(request.user, reference, for_update=True)
            serializer = CaseAssignApi.InputSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            case = case_assign(user=request.user, case=case,
                               assignee=serializer.validated_data["assignee"])
        return Response(case_detail_data(case, request))
