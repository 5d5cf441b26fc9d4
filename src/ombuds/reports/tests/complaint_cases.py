"""Complaints as the workflow makes them (variants 4 and 5), for the register tests: a case
is registered or converted on the day of receipt and closed on the day it ends."""

from __future__ import annotations

from datetime import date, datetime

import time_machine
from django.utils import timezone

from ombuds.cases.services import case_transition
from ombuds.procedures.complaints import element_create, element_update
from ombuds.procedures.models import Complaint
from ombuds.procedures.services import complaint_update
from ombuds.tests.factories import municipality_in_variant, register_case

RULINGS = {"gegrond": ("gegrond",), "deels_gegrond": ("gegrond", "ongegrond"),
           "ongegrond": ("ongegrond",), "geen_oordeel": ("geen_oordeel",)}


def complaint_municipality(office, variant: int):
    """Westerveld for variant 5; a new municipality of the office for variant 4 or 6."""
    if variant == 5:
        return office.westerveld
    return municipality_in_variant(office, variant)


def _at(day: date):
    return time_machine.travel(datetime(day.year, day.month, day.day, 10,
                                        tzinfo=timezone.get_current_timezone()), tick=False)


def _move(office, case, target, outcome=""):
    # Closing anyway: the letters of 9:6 and 9:9 are not what the register counts.
    case_transition(user=office.ombudsman, case=case, target=target, outcome=outcome,
                    reason="de brieven zijn buiten het systeem verstuurd.")


def complaint_through(office, municipality, outcome: str, received: date,
                      ended: date | None = None) -> Complaint:
    """A complaint received on ``received`` and ended with ``outcome`` on ``ended`` (default
    the same day) through the workflow; ``outcome`` "" leaves it open."""
    variant = municipality.workflow.variant
    with _at(received):
        case = register_case(office, municipality=municipality)
        if variant == 5:
            _move(office, case, "intake")
            _move(office, case, "klacht")
    complaint = Complaint.objects.get(case=case)
    if not outcome:
        return complaint
    with _at(ended or received):
        user = office.ombudsman
        if outcome in RULINGS:
            if variant == 4:
                _move(office, case, "bevestigd")
            _move(office, case, "hoor_wederhoor")
            complaint_update(user=user, complaint=complaint, hearing_on=timezone.localdate(),
                             hearing_heard="Klager en consulent", hearing_report="Gehoord.")
            _move(office, case, "oordeel")
            for n, judgment in enumerate(RULINGS[outcome], 1):
                element = element_create(user=user, complaint=complaint,
                                         description=f"Onderdeel {n}")
                element_update(user=user, element=element, judgment=judgment,
                               reasons="Uit het onderzoek blijkt dit.")
            complaint_update(user=user, complaint=complaint, findings="Bevindingen.",
                             conclusions="Conclusies.")
        elif outcome == "niet_behandeld":
            complaint_update(user=user, complaint=complaint, not_handled_ground="gewicht")
        elif outcome == "informeel_opgelost":
            if variant == 4:
                _move(office, case, "bevestigd")
            complaint_update(user=user, complaint=complaint, settlement="Excuses gemaakt.")
        _move(office, case, "afgesloten", outcome)
    complaint.refresh_from_db()
    assert complaint.outcome == outcome
    return complaint
