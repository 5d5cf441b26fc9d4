"""The draft of a letter of a case: ``/cases/{reference}/letters/draft/?kind=…``.

The text the letter page previews (``correspondence.services.letter_draft``): the
municipality's template of that kind filled in for the case, for the addressee chosen
(resident, representative, party, beklaagde) and about the meeting chosen, with the dates and
articles from the deadline engine. Reading it is audited like the page preview. Sending stays
on the page.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from ombuds.cases.api.cases import FORBIDDEN, NOT_FOUND
from ombuds.cases.api.common import CaseRoleApiMixin
from ombuds.cases.selectors import access_case
from ombuds.correspondence.models import (
    MEETING_LETTERS,
    RESPONDENT_ONLY_LETTERS,
    Addressee,
    LetterKind,
)
from ombuds.correspondence.rendering import LetterTemplateError
from ombuds.correspondence.services import (
    check_meeting,
    letter_draft,
    letter_kinds,
    letter_recipient,
)
from ombuds.domain.readability import readability

TAG = "Brieven"


class LetterDraftSerializer(serializers.Serializer):
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    addressee = serializers.ChoiceField(choices=Addressee.choices)
    recipient = serializers.CharField(help_text="The addressee's name as the letter gives it "
                                                "(an organisation with its contact person).")
    channels = serializers.ListField(
        child=serializers.ChoiceField(choices=["post", "email"]),
        help_text="How the letter can reach the addressee: `post` only with a postal address, "
                  "`email` only with an e-mail address.")
    meeting = serializers.IntegerField(allow_null=True)
    subject = serializers.CharField()
    body = serializers.CharField(help_text="Plain text; blank lines separate paragraphs.")
    readability = serializers.DictField(
        help_text="Flesch-Douma score of the body (`score`, 0–100), its band in words "
                  "(`label`, `level`) and `above_b1` (score below 60: harder than taalniveau "
                  "B1).")


class LetterDraftApi(CaseRoleApiMixin, APIView):
    class QuerySerializer(serializers.Serializer):
        kind = serializers.ChoiceField(choices=LetterKind.choices)
        addressee = serializers.ChoiceField(choices=Addressee.choices, default=Addressee.RESIDENT)
        party = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
        meeting = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)

    @extend_schema(
        tags=[TAG], operation_id="cases_letters_draft", summary="Concept van een brief",
        description="Subject and body of the letter of `kind` as the municipality's template "
        "gives it for this case, e.g. the acknowledgement or the findings of a complaint, "
        "for `addressee` and about `meeting`. An unknown kind, a kind that does not fit the "
        "case (a complaint letter on a case without a complaint), or a template that does not "
        "work, gives 400 naming `kind`; an addressee the case does not have (no representative, "
        "no beklaagde, a party of another case) 400 naming `addressee` or `party`; a missing "
        "or unfitting meeting for an invitation (a planned meeting) or a report (a held "
        "meeting), or a meeting of another case, 400 naming `meeting`.",
        parameters=[
            OpenApiParameter(
                "kind", OpenApiTypes.STR, required=True, enum=[k.value for k in LetterKind],
                description="; ".join(f"`{k.value}`: {k.label}" for k in LetterKind)),
            OpenApiParameter(
                "addressee", OpenApiTypes.STR, enum=Addressee.values,
                description="Who the letter goes to (default `inwoner`): the resident, the "
                "representative (the letter is then about the resident), a party of the case "
                "(`partij`, with `party`) or the beklaagde of the complaint (`beklaagde`)."),
            OpenApiParameter("party", OpenApiTypes.INT,
                             description="With `addressee=partij`: the id of the case's party "
                             "(as in the case's `organisations`)."),
            OpenApiParameter("meeting", OpenApiTypes.INT,
                             description="The id of the case's meeting the letter is about; "
                             "required for `" + "` and `".join(MEETING_LETTERS) + "`."),
        ],
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
        addressee, party, meeting = self._choices(case, kind, query.validated_data)
        try:
            recipient = letter_recipient(case=case, addressee=addressee, party=party)
        except ValidationError as error:
            raise serializers.ValidationError(
                {"addressee": error.message_dict["recipient"]}) from None
        try:
            draft = letter_draft(case=case, kind=kind, addressee=addressee, party=party,
                                 meeting=meeting)
        except LetterTemplateError as error:
            raise serializers.ValidationError(
                {"kind": [f"Het sjabloon van deze brief werkt niet: {error}"]}) from None
        score = readability(draft.body)
        return Response(LetterDraftSerializer({
            "kind": kind, "kind_label": LetterKind(kind).label, "addressee": addressee,
            "recipient": recipient.name.replace("\n", ", "), "channels": recipient.channels(),
            "meeting": meeting.pk if meeting is not None else None,
            "subject": draft.subject, "body": draft.body,
            "readability": {"score": round(score.score, 1), "label": score.label,
                            "level": score.level, "above_b1": score.above_b1}}).data)

    @staticmethod
    def _choices(case, kind: str, data: dict):
        """The addressee, party and meeting of the query, checked against the case."""
        addressee, party, meeting = data["addressee"], None, None
        if kind in RESPONDENT_ONLY_LETTERS and addressee != Addressee.RESPONDENT:
            raise serializers.ValidationError(
                {"addressee": ["Het afschrift van de klacht gaat naar degene over wie is "
                               "geklaagd (Awb 9:9): addressee=beklaagde."]})
        if addressee == Addressee.PARTY:
            if "party" not in data:
                raise serializers.ValidationError(
                    {"party": ["Geef bij addressee=partij het id van de partij van de zaak."]})
            party = (case.organisations.select_related("organisation")
                     .filter(pk=data["party"]).first())
            if party is None:
                raise serializers.ValidationError(
                    {"party": ["Deze organisatie is geen partij van deze zaak."]})
        if "meeting" in data:
            meeting = case.meetings.filter(pk=data["meeting"]).first()
            if meeting is None:
                raise serializers.ValidationError(
                    {"meeting": ["Dit gesprek hoort niet bij deze zaak."]})
        try:
            check_meeting(case=case, kind=kind, meeting=meeting)
        except ValidationError as error:
            raise serializers.ValidationError({"meeting": error.message_dict["meeting"]}) from None
        return addressee, party, meeting

