"""Pieces every case API shares: the case representations, error translation, permissions.

Representations read what the selectors prefetched (``prefetched_*``) and fall back to a
query only for a case that came straight from a service (after a write), so list and
detail stay constant in the number of queries.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.exceptions import ErrorDetail

from ombuds.accounts.roles import CASE_ROLES
from ombuds.cases.models import Case
from ombuds.cases.permissions import can_assign, can_transition, sees_health_details
from ombuds.cases.services import transition_date_label
from ombuds.core.api import HasRole

TAG = "Zaken"


class CaseRoleApiMixin:
    """Case endpoints are for the case roles only: ``beleid`` and ``beheerder`` get 403."""

    permission_classes = [HasRole]
    required_roles = CASE_ROLES


class Conflict(exceptions.APIException):
    """409 in the same shape as a refused transition: ``{"detail": …, "code": …}``."""

    status_code = 409
    default_code = "conflict"

    def __init__(self, message: str, code: str):
        super().__init__(detail={"detail": message, "code": code})


@contextmanager
def errors_on(field: str, *, conflicts: tuple[str, ...] = ()):
    """Report a service's field-less ``ValidationError`` as an error on ``field``.

    Errors whose code is in ``conflicts`` are about the state of the case rather than the
    input and become a 409 instead. Errors that already name their fields pass unchanged.
    """
    try:
        yield
    except DjangoValidationError as exc:
        if hasattr(exc, "error_dict"):
            raise
        errors = exc.error_list
        conflict = next((e for e in errors if e.code in conflicts), None)
        if conflict is not None:
            raise Conflict(_message(conflict), conflict.code) from None
        raise serializers.ValidationError(
            {field: [ErrorDetail(_message(e), code=e.code or "invalid") for e in errors]}
        ) from None


def _message(error: DjangoValidationError) -> str:
    return str(error.message % error.params if error.params else error.message)


def request_user(serializer: serializers.Field):
    return serializer.context["request"].user


def case_domains(case: Case) -> list:
    found = getattr(case, "prefetched_domains", None)
    return found if found is not None else list(case.domains.all())


def case_themes(case: Case) -> list:
    found = getattr(case, "prefetched_themes", None)
    return found if found is not None else list(case.themes.select_related("domain"))


def case_organisations(case: Case) -> list:
    found = getattr(case, "prefetched_organisations", None)
    if found is None:
        found = list(case.organisations.select_related("organisation"))
    return found


def transitions_of(case: Case) -> list[dict]:
    """Return the moves the case's own workflow allows from its current status, each with
    the label of the date it records ("" when it records none)."""
    workflow = case.workflow.workflow
    return [
        {
            "to": t.target,
            "to_label": workflow.status(t.target).label,
            "label": t.label,
            "closes": workflow.is_closed(t.target),
            "outcomes": [{"code": o, "label": workflow.outcome(o).label} for o in t.outcomes],
            "date_label": transition_date_label(case=case, transition=t),
        }
        for t in workflow.transitions_from(case.status)
    ]


# --- representations --------------------------------------------------------------------


class CodeLabelSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class TransitionSerializer(serializers.Serializer):
    to = serializers.CharField(help_text="Code of the status the case moves to.")
    to_label = serializers.CharField()
    label = serializers.CharField(help_text="Name of the move, e.g. 'Bemiddeling starten'.")
    closes = serializers.BooleanField(help_text="Whether this move closes the case.")
    outcomes = CodeLabelSerializer(
        many=True, help_text="Outcomes to choose from when the move closes the case."
    )
    date_label = serializers.CharField(
        help_text="What the date `on` of this move records, e.g. 'Datum van ontvangst' when "
        "it opens a complaint; empty when the move records no date."
    )


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)
    email = serializers.CharField()
    phone = serializers.CharField()
    street = serializers.CharField()
    postcode = serializers.CharField()
    city = serializers.CharField()
    preferred_channel = serializers.CharField()
    avoid_channels = serializers.ListField(child=serializers.CharField())
    interpreter_language = serializers.CharField()
    easy_language = serializers.BooleanField()
    accessibility_needs = serializers.CharField()


class CaseVariantSerializer(serializers.Serializer):
    number = serializers.IntegerField(source="variant")
    name = serializers.CharField()
    version = serializers.IntegerField()


class CaseThemeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    domain = serializers.CharField(source="domain.code")


class DomainSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class CaseOrganisationSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="organisation_id")
    name = serializers.CharField(source="organisation.name")
    type = serializers.CharField(source="organisation.type")
    role = serializers.CharField()
    contact_person = serializers.CharField()


class CaseSummarySerializer(serializers.Serializer):
    """A case as it appears in a worklist: no person, no story."""

    reference = serializers.CharField()
    title = serializers.CharField()
    municipality = serializers.CharField(source="municipality.cbs_code")
    variant = serializers.IntegerField(source="workflow.variant")
    status = serializers.CharField()
    status_label = serializers.CharField()
    outcome = serializers.CharField()
    outcome_label = serializers.CharField()
    channel = serializers.CharField()
    urgency = serializers.CharField()
    assignee = serializers.CharField(source="assignee.username", allow_null=True)
    opened_at = serializers.DateTimeField()
    closed_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField()


class CasePermissionsSerializer(serializers.Serializer):
    assign = serializers.BooleanField()
    transition = serializers.BooleanField()
    sees_health_details = serializers.BooleanField()


class CaseDetailSerializer(CaseSummarySerializer):
    """The whole case file header; the timeline has its own endpoint."""

    referred_by = serializers.CharField()
    person = PersonSerializer()
    representative = PersonSerializer(allow_null=True)
    representative_relation = serializers.CharField()
    story = serializers.CharField()
    wish = serializers.CharField()
    route_tried = serializers.CharField()
    sensitive_details = serializers.SerializerMethodField(
        help_text="Health details; null for users who may not see them."
    )
    workflow = CaseVariantSerializer(help_text="The process variant the case started with.")
    domains = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()
    organisations = serializers.SerializerMethodField()
    created_by = serializers.CharField(source="created_by.username")
    available_transitions = serializers.SerializerMethodField(
        help_text="Moves the user may make now; empty for users who may not move cases."
    )
    permissions = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_sensitive_details(self, case: Case) -> str | None:
        return case.sensitive_details if sees_health_details(request_user(self), case) else None

    @extend_schema_field(DomainSerializer(many=True))
    def get_domains(self, case: Case):
        return DomainSerializer(case_domains(case), many=True).data

    @extend_schema_field(CaseThemeSerializer(many=True))
    def get_themes(self, case: Case):
        return CaseThemeSerializer(case_themes(case), many=True).data

    @extend_schema_field(CaseOrganisationSerializer(many=True))
    def get_organisations(self, case: Case):
        return CaseOrganisationSerializer(case_organisations(case), many=True).data

    @extend_schema_field(TransitionSerializer(many=True))
    def get_available_transitions(self, case: Case):
        if not can_transition(request_user(self), case):
            return []
        return TransitionSerializer(transitions_of(case), many=True).data

    @extend_schema_field(CasePermissionsSerializer)
    def get_permissions(self, case: Case):
        user = request_user(self)
        return {
            "assign": can_assign(user, case) and not case.is_closed,
            "transition": can_transition(user, case) and not case.is_closed,
            "sees_health_details": sees_health_details(user, case),
        }


def case_detail_data(case: Case, request) -> dict:
    return CaseDetailSerializer(case, context={"request": request}).data


def attachment_url(reference: str, uuid) -> str:
    return reverse("api-cases:attachment-download", kwargs={"reference": reference, "uuid": uuid})
