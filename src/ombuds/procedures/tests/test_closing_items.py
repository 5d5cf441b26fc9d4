"""The legal terms still running at closure (``procedures.closing``): the objection term, the
decision on an objection or an application hold a closure; the office's promise and the terms
the closure of the case's own complaint ends do not."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from ombuds.domain.deadlines import nl_date
from ombuds.procedures.applications import application_create
from ombuds.procedures.closing import ProceduresClosingHook, running_terms
from ombuds.procedures.models import Deadline, DeadlineKind
from ombuds.procedures.services import decision_create, decision_update
from ombuds.tests.factories import municipality_in_variant, register_case

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


def items(case):
    return ProceduresClosingHook().open_items(case)


def test_a_running_objection_term_is_open_with_its_last_day(office):
    case = register_case(office)
    decision = decision_create(user=office.ombudsman, case=case, subject="Traplift afgewezen",
                               made_known_on=TODAY - timedelta(days=3))
    term = Deadline.objects.get(case=case, kind=DeadlineKind.OBJECTION)
    (item,) = items(case)
    assert item.kind == "termijn"
    assert item.label == "Bezwaartermijn (besluit over Traplift afgewezen)"
    assert f"laatste dag {nl_date(term.end, weekday=True)}" in item.detail
    assert item.url == f"/werk/zaken/{case.reference}/besluiten/{decision.pk}/wijzigen/"


def test_once_objected_the_decision_on_the_objection_is_open_instead(office):
    case = register_case(office)
    decision = decision_create(user=office.ombudsman, case=case, subject="Traplift afgewezen",
                               made_known_on=TODAY - timedelta(days=10))
    decision_update(user=office.ombudsman, decision=decision, objection_filed_on=TODAY)
    assert [i.label for i in items(case)] == [
        "Beslistermijn bezwaar (besluit over Traplift afgewezen)"]


def test_a_term_that_has_passed_is_no_longer_running(office):
    case = register_case(office)
    decision_create(user=office.ombudsman, case=case, subject="Oud besluit",
                    made_known_on=TODAY - timedelta(days=120))
    assert items(case) == [] and running_terms(case) == []


def test_the_decision_term_of_an_application_is_open(office):
    case = register_case(office)
    application = application_create(user=office.ombudsman, case=case, kind="wmo_aanvraag",
                                     subject="scootmobiel", submitted_on=TODAY)
    (item,) = items(case)
    assert item.label == "Beslistermijn Wmo (aanvraag scootmobiel)"
    assert item.url == (f"/werk/zaken/{case.reference}/aanvragen/{application.pk}/wijzigen/")


def test_the_promise_of_first_contact_holds_nothing(office):
    case = register_case(office)
    assert Deadline.objects.filter(case=case, kind=DeadlineKind.FIRST_CONTACT,
                                   met_on__isnull=True).exists()
    assert items(case) == [] and running_terms(case) == []


def test_the_terms_of_the_cases_own_complaint_end_with_its_closure(office):
    case = register_case(office, municipality=municipality_in_variant(office, 4))
    assert Deadline.objects.filter(case=case, kind=DeadlineKind.COMPLAINT_DECISION,
                                   met_on__isnull=True, end__gte=timezone.localdate()).exists()
    assert items(case) == []
    assert DeadlineKind.COMPLAINT_DECISION not in {d.kind for d in running_terms(case)}


def test_a_complaint_case_is_a_formal_procedure_itself(office):
    hook = ProceduresClosingHook()
    complaint = register_case(office, municipality=municipality_in_variant(office, 4))
    request = register_case(office, municipality=municipality_in_variant(office, 6))
    assert hook.formal_procedure(complaint) == "een klachtprocedure (Awb hoofdstuk 9)"
    assert hook.formal_procedure(request) == "een verzoek aan de ombudsfunctie (tweede lijn)"
    assert hook.formal_procedure(register_case(office)) == ""
    # variant 5 before conversion: listening and mediation, no complaint yet
    assert hook.formal_procedure(register_case(office, municipality=office.westerveld)) == ""
