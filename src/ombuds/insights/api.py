"""The domain and theme suggestion through the API: ``POST /api/v1/suggestions/``.

The same suggestion as the intake page, for another intake front end (a KCC system, a
form): every domain and every active theme of the municipality for a text, most probable
first, with calibrated probabilities (never 1) and the same probability in words.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.accounts.roles import INTAKE_ROLES
from ombuds.core.api import HasRole
from ombuds.core.models import Municipality
from ombuds.domain import textmodel
from ombuds.insights.services import suggestion_rank

TAG = "Voorstellen"
#: Longer than any story; a bound so a request cannot make the worker score a book.
MAX_TEXT = 20_000


class SuggestionInputSerializer(serializers.Serializer):
    municipality = serializers.CharField(
        max_length=10, help_text="CBS code of a municipality where you may register cases, "
        "e.g. GM1708.")
    text = serializers.CharField(
        max_length=MAX_TEXT, help_text="The resident's story (and title), as typed at intake. "
        "Not stored.")

    def validate_municipality(self, value: str) -> Municipality:
        municipality = Municipality.objects.filter(cbs_code=value.strip().upper()).first()
        if municipality is None:
            raise serializers.ValidationError(f"Onbekende gemeente: {value}.",
                                              code="unknown_municipality")
        return municipality

    def validate_text(self, value: str) -> str:
        if not textmodel.words(value):
            raise serializers.ValidationError(
                "De tekst bevat geen woorden om een voorstel op te baseren.", code="no_words")
        return value


class SuggestedDomainSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The domain's code, e.g. wmo.")
    name = serializers.CharField()
    probability = serializers.FloatField(help_text="Calibrated; never 1.")
    likelihood = serializers.CharField(help_text="The probability in words, as staff see it: "
                                       "zeer waarschijnlijk, waarschijnlijk, mogelijk, "
                                       "minder waarschijnlijk.")


class SuggestedThemeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    domain = serializers.CharField(help_text="The code of the theme's domain.")
    probability = serializers.FloatField(help_text="Calibrated; never 1.")
    likelihood = serializers.CharField()


class SuggestionSerializer(serializers.Serializer):
    domains = SuggestedDomainSerializer(many=True)
    themes = SuggestedThemeSerializer(many=True)


class SuggestionApi(APIView):
    """Suggest domains and themes for a text of one municipality."""

    permission_classes = [HasRole]
    required_roles = INTAKE_ROLES
    parser_classes = [JSONParser]

    @extend_schema(
        tags=[TAG], operation_id="suggestions_create",
        summary="Domein en thema voorstellen bij een verhaal",
        description="Every domain and every active theme of the municipality, most probable "
        "first, for the text. Works from the first day: the shipped vocabulary of the social "
        "domain is the starting point, the municipality's own closed cases refine it "
        "(docs/suggestions.md). Probabilities are calibrated and capped below 1. The text is "
        "not stored or logged. 400 names the field: `unknown_municipality`, `blank`, "
        "`no_words`, `max_length`; 403 when you may not register cases in the municipality.",
        request=SuggestionInputSerializer,
        responses={
            200: SuggestionSerializer,
            400: OpenApiTypes.OBJECT,
            403: OpenApiResponse(description="Geen intakerol in deze gemeente."),
        },
        examples=[OpenApiExample(
            "Een verhaal", request_only=True,
            value={"municipality": "GM1708",
                   "text": "Mijn scootmobiel is al weken kapot en de leverancier komt niet."})],
    )
    def post(self, request):
        serializer = SuggestionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ranking = suggestion_rank(user=request.user,
                                  municipality=serializer.validated_data["municipality"],
                                  text=serializer.validated_data["text"])
        return Response(SuggestionSerializer({
            "domains": [{"code": d.code, "name": d.name, "probability": round(p, 4),
                         "likelihood": textmodel.in_words(p)} for d, p in ranking.domains],
            "themes": [{"id": t.pk, "name": t.name, "domain": t.domain.code,
                        "probability": round(p, 4), "likelihood": textmodel.in_words(p)}
                       for t, p in ranking.themes],
        }).data)
