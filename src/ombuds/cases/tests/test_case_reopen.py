"""Reopening a closed case: back to the status before closing, outcome and closing figures
cleared (the retention term with them), the reason on the timeline, audited."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ombuds.cases.services import Closure, case_reopen, case_transition
from ombuds.core.models import AuditEntry
from ombuds.records.selectors import case_term
from ombuds.tests.factories import register_case

pytestmark = pytest.mark.django_db


def closed_case(office):
    case = register_case(office)
    case_transition(user=office.ombudsman, case=case, target="intake")
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="geen_contact",
                    closure=Closure(procedure_avoided="nee", minutes_spent=30))
    case.refresh_from_db()
    return case


def test_it_goes_back_to_the_status_before_closing(office):
    case = closed_case(office)
    assert case_term(case) is not None

    case_reopen(user=office.ombudsman, case=case, reason="De inwoner belt terug.")

    case.refresh_from_db()
    assert (case.status, case.outcome, case.closed_at) == ("intake", "", None)
    assert (case.procedure_avoided, case.minutes_spent) == ("", None)
    assert case_term(case) is None, "no retention term while open"
    entry = case.timeline.filter(kind="status").latest("occurred_at")
    assert entry.summary == "Zaak heropend: Afgesloten → In gesprek"
    assert entry.body == "De inwoner belt terug."
    audit = AuditEntry.objects.get(event="case.reopened")
    assert audit.details == {"from": "afgesloten", "to": "intake", "outcome": "geen_contact"}
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="geen_contact")


def test_refusals(office):
    case = closed_case(office)
    with pytest.raises(ValidationError):
        case_reopen(user=office.ombudsman, case=case, reason="  ")
    with pytest.raises(PermissionDenied):
        case_reopen(user=office.beleid, case=case, reason="Waarom niet.")
    case_reopen(user=office.ombudsman, case=case, reason="Terug.")
    with pytest.raises(ValidationError, match="niet afgesloten"):
        case_reopen(user=office.ombudsman, case=case, reason="Nog eens.")


def test_the_case_page_offers_it_for_a_closed_case_only(office, client):
    case = closed_case(office)
    client.force_login(office.ombudsman)
    detail = reverse("cases:detail", args=[case.reference])
    assert "Zaak heropenen" in client.get(detail).content.decode()
    missing = client.post(reverse("cases:reopen", args=[case.reference]), {"reason": ""})
    assert missing.status_code == 400
    assert "Schrijf op waarom de zaak weer open gaat." in missing.content.decode()
    response = client.post(reverse("cases:reopen", args=[case.reference]),
                           {"reason": "De afspraak is niet nagekomen."})
    assert response["Location"] == detail
    page = client.get(detail).content.decode()
    assert "is weer open" in page and "Zaak heropenen" not in page
