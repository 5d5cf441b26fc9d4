"""Registering, extending, correcting and erasing: the services and their audit entries."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ombuds.cases.models import Case, Person
from ombuds.core.models import AuditEntry
from ombuds.privacy.models import AvgRequest
from ombuds.privacy.services import (
    AvgRequestError,
    avg_request_create,
    avg_request_decide,
    avg_request_extend,
    person_correct,
    person_erase,
)
from ombuds.privacy.tests.conftest import make_request
from ombuds.records.models import Tombstone
from ombuds.records.services import legal_hold_place
from ombuds.tests.factories import register_case


@pytest.mark.django_db
@time_machine.travel("2026-01-31 10:00 +01:00", tick=False)
def test_a_request_received_on_31_january_is_due_on_the_first_working_day_after_february(
        avg_world):
    w = avg_world
    avg_request = make_request(w, w.anna, received_on=date(2026, 1, 31))
    assert avg_request.due_raw_on == date(2026, 2, 28) and avg_request.due_on == date(2026, 3, 2)
    entry = AuditEntry.objects.get(event="avg_request.created")
    assert entry.person_id == w.anna.pk and entry.object_label == avg_request.label
    assert entry.municipality_code == "GM1708" and "Anna" not in str(entry.details)


@pytest.mark.django_db
def test_an_extension_adds_two_months_once_and_only_within_the_first_month(avg_world):
    w = avg_world
    with time_machine.travel("2026-03-03 10:00 +01:00", tick=False):
        avg_request = make_request(w, w.anna, received_on=date(2026, 3, 3))
    with time_machine.travel("2026-04-08 10:00 +02:00", tick=False), \
            pytest.raises(AvgRequestError, match="eerste maand"):
        avg_request_extend(user=w.office.ombudsman, request=avg_request, reason="Veel stukken",
                           informed_on=date(2026, 4, 8))
    with time_machine.travel("2026-04-07 10:00 +02:00", tick=False):
        with pytest.raises(AvgRequestError, match="reden"):
            avg_request_extend(user=w.office.ombudsman, request=avg_request, reason=" ",
                               informed_on=date(2026, 4, 7))
        avg_request_extend(user=w.office.ombudsman, request=avg_request,
                           reason="Vier zaken met veel stukken", informed_on=date(2026, 4, 7))
        with pytest.raises(AvgRequestError, match="al verlengd"):
            avg_request_extend(user=w.office.ombudsman, request=avg_request, reason="Nog eens",
                               informed_on=date(2026, 4, 7))
    avg_request.refresh_from_db()
    assert avg_request.extended and avg_request.extension_informed_on == date(2026, 4, 7)
    assert (avg_request.due_raw_on, avg_request.due_on) == (date(2026, 6, 3), date(2026, 6, 3))
    assert AuditEntry.objects.filter(event="avg_request.extended").count() == 1


@pytest.mark.django_db
def test_a_correction_changes_the_person_and_audits_which_fields_not_their_values(avg_world):
    w = avg_world
    avg_request = make_request(w, w.anna, kind="rectificatie")
    changed = person_correct(user=w.office.ombudsman, request=avg_request,
                             changes={"name": "Anna Aaltink-Smit", "email": "anna@example.org",
                                      "city": ""})
    assert changed == ["email", "name"]
    anna = Person.objects.get(pk=w.anna.pk)
    assert (anna.name, anna.email) == ("Anna Aaltink-Smit", "anna@example.org")
    entry = AuditEntry.objects.get(event="person.corrected")
    assert entry.action == "U" and entry.person_id == anna.pk
    assert entry.details == {"fields": ["email", "name"]}
    logged = " ".join(str(v) for v in AuditEntry.objects.values_list("details", "object_label"))
    assert "Smit" not in logged and "anna@example.org" not in logged


@pytest.mark.django_db
def test_a_correction_belongs_to_a_rectification_request(avg_world):
    w = avg_world
    with pytest.raises(AvgRequestError):
        person_correct(user=w.office.ombudsman, request=make_request(w, w.anna),
                       changes={"name": "X"})
    with pytest.raises(AvgRequestError):
        person_correct(user=w.office.ombudsman,
                       request=make_request(w, w.anna, kind="rectificatie"),
                       changes={"office_id": 99})
    assert Person.objects.get(pk=w.anna.pk).name == "Anna Aaltink"


@pytest.mark.django_db
def test_erasure_is_refused_with_reason_and_rule_while_a_case_is_open(avg_world):
    w = avg_world
    avg_request = make_request(w, w.ruud, kind="wissing")
    refusals = person_erase(user=w.office.ombudsman, request=avg_request)
    assert {r.reference for r in refusals} == {w.anna_case.reference, w.ruud_case.reference}
    avg_request.refresh_from_db()
    assert avg_request.status == "afgehandeld" and avg_request.decision == "afgewezen"
    assert w.anna_case.reference in avg_request.decision_reason
    assert "AVG art. 17 lid 3 onder b" in avg_request.decision_rule
    assert Person.objects.filter(pk=w.ruud.pk).exists()
    assert AuditEntry.objects.get(event="avg_request.decided").details == {"decision": "afgewezen"}


@pytest.mark.django_db
def test_erasure_is_refused_while_the_retention_term_of_a_closed_case_runs(avg_world):
    w = avg_world
    type(w.bert_case).objects.filter(pk=w.bert_case.pk).update(
        closed_at=timezone.now().replace(year=2025))
    avg_request = make_request(w, w.bert, kind="wissing")
    [refusal] = person_erase(user=w.office.ombudsman, request=avg_request)
    # the records app's term for a handled case: 5 years after closing
    assert "bewaartermijn loopt tot" in refusal.reason and "2030" in refusal.reason
    assert "Archiefwet 1995 art. 3" in refusal.rule and "5 jaar" in refusal.rule


@pytest.mark.django_db
def test_erasure_is_refused_under_a_legal_hold_even_after_the_term(avg_world):
    w = avg_world
    type(w.bert_case).objects.filter(pk=w.bert_case.pk).update(
        closed_at=timezone.now().replace(year=2015))
    legal_hold_place(user=w.office.ombudsman, case=w.bert_case, reason="Procedure bij de rechter")
    [refusal] = person_erase(user=w.office.ombudsman, request=make_request(w, w.bert, kind="wissing"))
    assert "onder e" in refusal.rule
    assert Case.objects.filter(pk=w.bert_case.pk).exists()


@pytest.mark.django_db
def test_erasure_after_the_term_destroys_the_cases_through_records_and_leaves_a_tombstone(
        avg_world, django_capture_on_commit_callbacks):
    w = avg_world
    type(w.bert_case).objects.filter(pk=w.bert_case.pk).update(
        closed_at=timezone.now().replace(year=2015))
    avg_request = make_request(w, w.bert, kind="wissing")
    with django_capture_on_commit_callbacks(execute=True):
        assert person_erase(user=w.office.ombudsman, request=avg_request) == []
    assert not Case.objects.filter(pk=w.bert_case.pk).exists()
    assert not Person.objects.filter(pk=w.bert.pk).exists()
    tombstone = Tombstone.objects.get(reference=w.bert_case.reference)
    assert avg_request.label in tombstone.rule and "AVG art. 17" in tombstone.rule
    avg_request.refresh_from_db()
    assert avg_request.decision == "toegekend" and avg_request.person is None
    # Anna's case, which shares the organisation, is untouched
    assert Case.objects.filter(pk=w.anna_case.pk).exists()


@pytest.mark.django_db
def test_erasure_destroys_a_person_without_cases_and_keeps_the_request(avg_world):
    w = avg_world
    avg_request = make_request(w, w.anna, kind="wissing")
    # A person left without cases (e.g. after the retention job destroyed them)
    lonely = Person.objects.create(office=w.office.office, name="Lies Leeg")
    AvgRequest.objects.filter(pk=avg_request.pk).update(person=lonely, person_number=lonely.pk)
    avg_request.refresh_from_db()
    assert person_erase(user=w.office.ombudsman, request=avg_request) == []
    assert not Person.objects.filter(pk=lonely.pk).exists()
    avg_request.refresh_from_db()
    assert avg_request.person is None and avg_request.person_number == lonely.pk
    assert avg_request.decision == "toegekend"
    assert AuditEntry.objects.get(event="person.erased").person_id == lonely.pk


@pytest.mark.django_db
def test_only_an_ombudsperson_of_the_municipality_registers_or_decides(avg_world):
    w = avg_world
    for user in (w.office.beheer, w.office.coordinator, w.office.ombudsman_westerveld):
        with pytest.raises(PermissionDenied):
            avg_request_create(user=user, municipality=w.office.steenwijkerland, person=w.anna,
                               kind="inzage", received_on=timezone.localdate())
    avg_request = make_request(w, w.anna)
    with pytest.raises(PermissionDenied):
        avg_request_decide(user=w.office.ombudsman_westerveld, request=avg_request,
                           decision="toegekend")
    # the Westerveld ombudsperson cannot file a request for a Steenwijkerland-only resident
    other = register_case(w.office, name="Sien Stam")
    with pytest.raises(AvgRequestError):
        avg_request_create(user=w.office.ombudsman, municipality=w.office.westerveld,
                           person=other.person, kind="inzage", received_on=timezone.localdate())


@pytest.mark.django_db
def test_a_partial_refusal_needs_its_reason_and_rule(avg_world):
    w = avg_world
    avg_request = make_request(w, w.anna)
    with pytest.raises(AvgRequestError, match="grondslag"):
        avg_request_decide(user=w.office.ombudsman, request=avg_request, decision="deels",
                           reason="Notities over derden")
    avg_request_decide(user=w.office.ombudsman, request=avg_request, decision="deels",
                       reason="Notities over derden", rule="AVG art. 15 lid 4")
    with pytest.raises(AvgRequestError, match="al afgehandeld"):
        avg_request_decide(user=w.office.ombudsman, request=avg_request, decision="toegekend")
