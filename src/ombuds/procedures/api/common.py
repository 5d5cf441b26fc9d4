"""Pieces the procedures endpoints share: the deadline representation with its watch state,
and the lookups of one decision, complaint or complaint element inside a case the user has
opened."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from ombuds.cases.models import Case
from ombuds.procedures.models import Complaint, ComplaintElement, Deadline, DisputedDecision
from ombuds.procedures.selectors import deadline_state, holiday_calendar
from ombuds.socialmap.models import Organisation

TAG = "Procedures"
MET = "met"
INFO = "info"
NOT_FOUND = OpenApiResponse(description="Geen zaak (of geen besluit, klacht of "
                            "klachtonderdeel in deze zaak) die u mag inzien.")
FORBIDDEN = OpenApiResponse(description="Uw rol geeft geen toegang tot zaken.")


class DeadlineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    decision = serializers.IntegerField(source="decision_id", allow_null=True,
                                        help_text="The disputed decision it follows from.")
    complaint = serializers.IntegerField(source="complaint_id", allow_null=True,
                                         help_text="The complaint it follows from.")
    application = serializers.IntegerField(
        source="application_id", allow_null=True,
        help_text="The application or report of need it follows from. All three are null for "
        "a term of the case itself (eerste_contact, the office's promise).")
    kind = serializers.CharField(
        help_text="bezwaar, beslissing_bezwaar, beroep, afhandeling_klacht, niet_behandelen, "
        "jaartermijn_klacht, jaartermijn_ombudsman, klacht_gemeente, herstel_klacht, "
        "beslistermijn_aanvraag, dwangsom (information: the penalty as it would run, Awb "
        "4:17) or eerste_contact (the office's promise of first contact, "
        "not a statutory term; basis 'Werkwijze van het bureau').")
    kind_label = serializers.CharField(source="get_kind_display")
    name = serializers.CharField()
    start = serializers.DateField(help_text="First day of the term.")
    raw_end = serializers.DateField(help_text="Last day before the Algemene termijnenwet: the "
                                    "date to act by.")
    end = serializers.DateField(help_text="The legal last day (after the Atw, where it applies).")
    basis = serializers.CharField(help_text="The articles, e.g. 'Awb 6:7, 6:8; Atw art. 1'.")
    explanation = serializers.CharField(help_text="How the dates were computed, in Dutch.")
    caveat = serializers.CharField(help_text="E.g. no designated days known for that year.")
    watched = serializers.BooleanField(help_text="False for information-only terms (the "
                                       "resident's own one-year limits, the penalty).")
    met_on = serializers.DateField(allow_null=True, help_text="When the act it is for happened.")
    state = serializers.CharField(help_text="met (met_on is set), info (not watched), or ok / "
                                  "warning / urgent / passed as seen today with the office's "
                                  "warning window.")


class OrganisationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class CaseOrganisationField(serializers.PrimaryKeyRelatedField):
    """An organisation on the social map of the case's municipality (``context["case"]``)."""

    def get_queryset(self):
        return Organisation.objects.filter(municipalities=self.context["case"].municipality_id)


def with_states(deadlines, case: Case, today: date | None = None) -> list[Deadline]:
    """Set ``state`` on each deadline as seen today with the office's warning window.

    A met deadline is ``met``, an information-only one (not watched: a resident's year
    limit, the penalty as it would run) ``info``, as on the case page, so it never shows as
    overdue; the others get the watch state of ``deadline_state``. Costs
    the office and the calendar (three queries), however many deadlines there are.
    """
    deadlines = list(deadlines)
    office = case.municipality.office
    calendar = holiday_calendar()
    today = today or timezone.localdate()
    for deadline in deadlines:
        if deadline.met_on:
            deadline.state = MET
        elif not deadline.watched:
            deadline.state = INFO
        else:
            deadline.state = deadline_state(raw_end=deadline.raw_end, end=deadline.end,
                                            office=office, calendar=calendar, today=today)
    return deadlines


def _ordered_deadlines() -> QuerySet[Deadline]:
    return Deadline.objects.order_by("end", "raw_end", "id")


def _decisions(case: Case) -> QuerySet[DisputedDecision]:
    return (DisputedDecision.objects.filter(case=case).select_related("organisation")
            .prefetch_related(Prefetch("deadlines", queryset=_ordered_deadlines())))


def _complaints(case: Case) -> QuerySet[Complaint]:
    return (Complaint.objects.filter(case=case).select_related("respondent_organisation")
            .prefetch_related(Prefetch("deadlines", queryset=_ordered_deadlines()),
                              "elements"))


def _with_deadline_states(objects: QuerySet, case: Case) -> list:
    objects = list(objects)
    for obj in objects:
        obj.case = case  # the services read it; spare them a query
    if objects:
        with_states([d for o in objects for d in o.deadlines.all()], case)
    return objects


def case_decisions(case: Case) -> list[DisputedDecision]:
    """Return the case's decisions with their organisation and deadlines (states set)."""
    return _with_deadline_states(_decisions(case), case)


def case_complaints(case: Case) -> list[Complaint]:
    """Return the case's complaints with their deadlines (states set)."""
    return _with_deadline_states(_complaints(case), case)


def decision_of(case: Case, decision_id: int) -> DisputedDecision:
    """Return decision ``decision_id`` of ``case``; a decision of another case is a 404."""
    found = _with_deadline_states(_decisions(case).filter(pk=decision_id), case)
    if not found:
        raise Http404("Geen besluit in deze zaak.")
    return found[0]


def element_of(complaint: Complaint, element_id: int) -> ComplaintElement:
    """Return element ``element_id`` of ``complaint``; another complaint's element is a 404."""
    for element in complaint.elements.all():
        if element.pk == element_id:
            element.complaint = complaint  # the services read its case; spare the queries
            return element
    raise Http404("Geen klachtonderdeel van deze klacht.")


def complaint_of(case: Case, complaint_id: int) -> Complaint:
    """Return complaint ``complaint_id`` of ``case``; a complaint of another case is a 404."""
    found = _with_deadline_states(_complaints(case).filter(pk=complaint_id), case)
    if not found:
        raise Http404("Geen klacht in deze zaak.")
    return found[0]
