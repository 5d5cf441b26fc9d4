"""Report figures through the API: ``GET /api/v1/reports/figures/``, for a municipality's own
dashboards.

The same tidy rows as the CSV file (``render.tidy_rows``), the sentences about tables left
out and the key figures, made by the same service as the files (``services.report_export``,
format ``json``): the same permission checks (``beleid`` only ever gets the publishable,
disclosure-controlled version) and the same audit entry ``report.exported``.
"""

from __future__ import annotations

import json

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.accounts.roles import FIGURES_ROLES
from ombuds.core.api import HasRole
from ombuds.core.models import Municipality
from ombuds.reports.periods import Period, PeriodError, is_pilot
from ombuds.reports.services import report_export, report_municipalities

TAG = "Rapportages"
VERSIONS = {"publicatie": False, "exact": True}


class FiguresQuerySerializer(serializers.Serializer):
    gemeente = serializers.CharField(
        max_length=10, help_text="CBS code of the municipality, e.g. GM1708. With "
        "`regionaal=1`: any municipality of the office.")
    periode = serializers.CharField(
        max_length=30, help_text="A year (2026), a quarter (2026-Q3), two dates "
        "(2025-01-01..2026-12-31) or `pilot`: the municipality's own pilot period where it has "
        "one, else the installation's.")
    versie = serializers.ChoiceField(
        choices=list(VERSIONS), default="publicatie", help_text="`publicatie` (default): "
        "disclosure-controlled, no count of persons under 10. `exact`: exact numbers, only for "
        "ombudspersons and coordinators of the municipality (403 otherwise).")
    regionaal = serializers.BooleanField(
        default=False, help_text="1: the regional report of the municipality's office, the "
        "region first and then each municipality (rows then carry `municipality`).")
    soort = serializers.ChoiceField(
        choices=[("general", "general"), ("complaints", "complaints")], default="general",
        help_text="`general` (default) or `complaints`: the annual complaint register "
        "(Awb 9:12a); not regional.")

    def validate_gemeente(self, value: str) -> Municipality:
        municipality = (Municipality.objects.select_related("office", "workflow")
                        .filter(cbs_code=value.strip().upper()).first())
        if municipality is None:
            raise serializers.ValidationError(f"Onbekende gemeente: {value}.",
                                              code="unknown_municipality")
        return municipality

    def validate(self, data):
        municipality, text = data["gemeente"], data["periode"]
        try:
            if is_pilot(text) and data["regionaal"]:
                data["periode"] = Period.pilot(*municipality.office.municipalities.all())
            else:
                data["periode"] = Period.parse(text, municipality=municipality)
        except PeriodError as error:
            raise serializers.ValidationError({"periode": [str(error)]},
                                              code="invalid_period") from None
        if data["regionaal"] and data["soort"] != "general":
            raise serializers.ValidationError(
                {"regionaal": ["Het klachtenregister is er alleen per gemeente."]},
                code="not_regional")
        return data


class FigureRowSerializer(serializers.Serializer):
    municipality = serializers.CharField(
        required=False, help_text="Only in a regional report: `regio` for the region's "
        "figures, else the CBS code of the municipality's part.")
    table = serializers.CharField(help_text="The table's key, e.g. `channel`.")
    category = serializers.CharField(help_text="The row of the table, e.g. `Telefoon`.")
    measure = serializers.CharField(help_text="`count`, `percentage`, `median_days`, ….")
    value = serializers.JSONField(
        allow_null=True, help_text="A number; in the publishable version a hidden count is "
        "the string `<10` (or `x` for a larger number hidden to protect a small one); null "
        "where there is nothing to show.")


class KeyFigureSerializer(serializers.Serializer):
    municipality = serializers.CharField(required=False, help_text="As in the rows.")
    label = serializers.CharField()
    value = serializers.CharField(help_text="As published, e.g. `31` or `<10`.")
    detail = serializers.CharField(help_text="A short explanation, e.g. `2025: 24`.")


class FiguresSerializer(serializers.Serializer):
    municipality = serializers.CharField(allow_null=True,
                                         help_text="CBS code; null for a regional report.")
    regional = serializers.BooleanField()
    municipalities = serializers.ListField(child=serializers.CharField(),
                                           help_text="The CBS codes the report covers.")
    kind = serializers.CharField(help_text="`general` or `complaints`.")
    period = serializers.CharField(help_text="The period as written, e.g. `2026`; `pilot` "
                                   "as its two dates.")
    start = serializers.DateField()
    end = serializers.DateField()
    label = serializers.CharField(help_text="The period in Dutch, e.g. `3e kwartaal 2026`.")
    exact = serializers.BooleanField()
    rows = FigureRowSerializer(many=True)
    omitted = serializers.ListField(
        child=serializers.CharField(), help_text="One Dutch sentence per table the "
        "publishable version left out because it could not be shown at any grain.")
    key_figures = KeyFigureSerializer(many=True)


class FiguresApi(APIView):
    """The figures of a municipality (or its office's region) over a period, as tidy rows."""

    permission_classes = [HasRole]
    required_roles = FIGURES_ROLES

    @extend_schema(
        tags=[TAG], operation_id="reports_figures", summary="Cijfers van een rapportage",
        description="The figures of one report as tidy rows, the same rows as the report's "
        "CSV file: `table`, `category`, `measure`, `value` (and `municipality` in a regional "
        "report). Publishable (disclosure-controlled) unless `versie=exact`. Audited as a "
        "report export. 400 names the query parameter (`unknown_municipality`, "
        "`invalid_period`, `not_regional`); 403 for a municipality you have no figures of, "
        "or for the exact version without a case role there.",
        parameters=[FiguresQuerySerializer],
        responses={
            200: FiguresSerializer,
            400: OpenApiResponse(description="A query parameter is wrong; the body names it."),
            403: OpenApiResponse(description="No figures of this municipality, or not the "
                                 "exact version."),
        },
        examples=[OpenApiExample("Publicatieversie", response_only=True, value={
            "municipality": "GM1708", "regional": False, "municipalities": ["GM1708"],
            "kind": "general", "period": "2026", "start": "2026-01-01", "end": "2026-12-31",
            "label": "2026", "exact": False,
            "rows": [{"table": "channel", "category": "Telefoon", "measure": "count",
                      "value": 31},
                     {"table": "channel", "category": "Brief", "measure": "count",
                      "value": "<10"}],
            "omitted": ["Nieuwe zaken per thema: te weinig zaken om te tonen."],
            "key_figures": [{"label": "Nieuwe aanvragen", "value": "58", "detail": "2025: 41"}],
        })],
    )
    def get(self, request):
        query = FiguresQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        data = query.validated_data
        municipality = data["gemeente"]
        if municipality not in report_municipalities(request.user):
            raise PermissionDenied("U heeft geen cijfers van deze gemeente.")
        content, _name = report_export(
            user=request.user, municipality=municipality, period=data["periode"], fmt="json",
            exact=VERSIONS[data["versie"]], kind=data["soort"], regional=data["regionaal"])
        return Response(json.loads(content))
