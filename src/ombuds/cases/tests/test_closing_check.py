"""The closing check (issue 15): before a case closes, what is still open is listed; closing
with anything open needs an explicit reason, which the timeline keeps with the list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ombuds.cases import hooks
from ombuds.cases.hooks import CaseHook, OpenItem, case_open_items
from ombuds.cases.models import Case, CaseOrganisation, EntryKind, TimelineEntry
from ombuds.cases.services import Closure, case_transition
from ombuds.core.models import AuditEntry
from ombuds.domain.deadlines import nl_date
from ombuds.mediation.models import Agreement, Referral
from ombuds.socialmap.models import Route
from ombuds.tests.factories import (
    OrganisationFactory,
    api_as,
    municipality_in_variant,
    register_case,
    satisfy_complaint_law,
)

pytestmark = pytest.mark.django_db

CLOSURE = Closure(procedure_avoided="nee", minutes_spent=60)


def due() -> date:
    return timezone.localdate() + timedelta(days=30)


def due_text() -> str:
    return f"uiterlijk {nl_date(due())}"


def with_open_work(office) -> Case:
    """A case in mediation with one open agreement and one referral whose arrival is unknown."""
    case = register_case(office, assignee=office.ombudsman)
    case_transition(user=office.ombudsman, case=case, target="intake")
    case_transition(user=office.ombudsman, case=case, target="bemiddeling")
    provider = OrganisationFactory(name="Zorgaanbieder De Linde",
                                   municipalities=[case.municipality])
    party = CaseOrganisation.objects.create(case=case, organisation=provider)
    Agreement.objects.create(case=case, party=party, description="De Linde belt Jan terug.",
                             due_on=due())
    Referral.objects.create(case=case, route=Route.CLIENT_SUPPORT, organisation=provider,
                            referred_on=timezone.localdate(),
                            check_on=timezone.localdate() + timedelta(days=14),
                            created_by=office.ombudsman)
    return case


def close(office, case, **kwargs) -> Case:
    return case_transition(user=office.ombudsman, case=case, target="afgesloten",
                           outcome="opgelost", closure=CLOSURE, **kwargs)


# --- the hooks ------------------------------------------------------------------------------

def test_a_hook_has_nothing_open_by_default(office):
    assert CaseHook().open_items(register_case(office)) == []
    assert CaseHook().formal_procedure(register_case(office)) == ""


def test_a_new_case_has_nothing_open(office):
    """The office's promise of first contact is not a legal term: it holds nothing."""
    assert case_open_items(register_case(office)) == []


def test_the_items_of_every_hook_come_grouped_by_kind(office, monkeypatch):
    class Letters(CaseHook):
        def open_items(self, case):
            return [OpenItem(kind="brief", label="Verslag")]

    monkeypatch.setattr(hooks, "_HOOKS", [Letters(), *hooks.hooks()])
    items = case_open_items(with_open_work(office))
    assert [item.kind for item in items] == ["afspraak", "verwijzing", "brief"]
    assert str(items[0]) == f"Afspraak voor Zorgaanbieder De Linde ({due_text()})"


# --- the service ----------------------------------------------------------------------------

def test_closing_with_open_items_and_no_reason_is_refused_naming_them(office):
    case = with_open_work(office)
    entries = case.timeline.count()
    with pytest.raises(ValidationError) as refused:
        close(office, case)
    errors = refused.value.message_dict
    assert "Er staan nog 2 punten open" in errors["reason"][0]
    assert f"Afspraak voor Zorgaanbieder De Linde ({due_text()})" in errors["reason"][0]
    assert "Verwijzing naar Zorgaanbieder De Linde" in errors["reason"][0]
    assert "De Linde belt Jan" not in errors["reason"][0]  # free text stays out of errors
    assert len(errors["open_items"]) == 2
    case.refresh_from_db()
    assert (case.status, case.outcome, case.closed_at) == ("bemiddeling", "", None)
    assert case.timeline.count() == entries


def test_a_blank_reason_is_no_reason(office):
    with pytest.raises(ValidationError):
        close(office, with_open_work(office), reason="   ")


def test_closing_anyway_keeps_the_reason_and_what_was_open_on_the_timeline(office):
    case = with_open_work(office)
    close(office, case, note="Afgerond.", reason="omdat de inwoner verhuist naar Zwolle.")
    case.refresh_from_db()
    assert (case.status, case.outcome, case.minutes_spent) == ("afgesloten", "opgelost", 60)
    entry = TimelineEntry.objects.filter(case=case, kind=EntryKind.STATUS).first()
    assert entry.summary.endswith("— toch afgesloten met 2 open punten")
    assert entry.body.startswith("Afgerond.\n\nToch afgesloten, omdat de inwoner verhuist")
    assert (f"- Afspraak voor Zorgaanbieder De Linde ({due_text()}): De Linde belt Jan "
            "terug.") in entry.body
    assert "- Verwijzing naar Zorgaanbieder De Linde (verwezen op" in entry.body
    audit = AuditEntry.objects.filter(event="case.transitioned").latest("id")
    assert audit.details["closed_with_open_items"] == ["afspraak", "verwijzing"]


def test_with_nothing_open_a_case_closes_as_before(office):
    case = register_case(office)
    close_at = case_transition(user=office.ombudsman, case=case, target="afgesloten",
                               outcome="ingetrokken", closure=CLOSURE)
    assert close_at.closed_at is not None
    entry = TimelineEntry.objects.filter(case=case, kind=EntryKind.STATUS).first()
    assert "open punt" not in entry.summary and entry.body == ""


def test_a_move_that_does_not_close_checks_nothing(office):
    case = with_open_work(office)
    case_transition(user=office.ombudsman, case=case, target="nazorg")
    case.refresh_from_db()
    assert case.status == "nazorg"


def test_what_is_settled_no_longer_holds_the_closure(office):
    case = with_open_work(office)
    Agreement.objects.filter(case=case).update(status=Agreement.Status.KEPT)
    Referral.objects.filter(case=case).update(arrived=Referral.Arrived.YES)
    close(office, case)
    case.refresh_from_db()
    assert case.status == "afgesloten"


# --- the page -------------------------------------------------------------------------------

def page_url(case) -> str:
    return f"/werk/zaken/{case.reference}/afsluiten/"


def form(**values) -> dict:
    return {"outcome": "opgelost", "note": "Mijn toelichting", "procedure_avoided": "nee",
            "minutes_spent": "45", **values}


def test_the_case_page_leads_to_the_closing_page(client, office):
    case = with_open_work(office)
    client.force_login(office.ombudsman)
    html = client.get(f"/werk/zaken/{case.reference}/").content.decode()
    assert f'href="{page_url(case)}">Afsluiten</a>' in html


def test_the_closing_page_lists_what_is_open_with_links_to_settle_it(client, office):
    case = with_open_work(office)
    agreement = Agreement.objects.get(case=case)
    client.force_login(office.ombudsman)
    response = client.get(page_url(case))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er staan nog 2 punten open." in html
    assert "Afspraken die nog open staan" in html
    assert (f'href="/werk/zaken/{case.reference}/afspraken/{agreement.pk}/status/">Afspraak '
            f"voor Zorgaanbieder De Linde</a>: {due_text()}") in html
    assert "De Linde belt Jan terug." in html
    assert "Verwijzingen: nog niet nagegaan of de inwoner is aangekomen" in html
    assert 'for="id_status_afgesloten_reason">Toch afsluiten, omdat …</label>' in html
    assert ">Toch afsluiten</button>" in html


def test_without_open_items_the_page_says_so_and_asks_no_reason(client, office):
    case = register_case(office)
    client.force_login(office.ombudsman)
    html = client.get(page_url(case)).content.decode()
    assert "Er staat niets meer open" in html
    assert "Toch afsluiten, omdat" not in html and ">Zaak afsluiten</button>" in html


def test_closing_on_the_page_without_a_reason_gives_400_and_keeps_the_input(client, office):
    case = with_open_work(office)
    client.force_login(office.ombudsman)
    response = client.post(page_url(case), form())
    html = response.content.decode()
    assert response.status_code == 400
    assert "Schrijf op waarom u de zaak toch afsluit" in html
    assert "Mijn toelichting" in html and 'value="45"' in html
    assert "Afspraak voor Zorgaanbieder De Linde" in html  # the list stays
    case.refresh_from_db()
    assert case.status == "bemiddeling"


def test_closing_on_the_page_with_a_reason_closes_and_records_it(client, office):
    case = with_open_work(office)
    client.force_login(office.ombudsman)
    response = client.post(page_url(case), form(reason="de inwoner wil niet verder."))
    assert response.status_code == 302
    assert response["Location"] == f"/werk/zaken/{case.reference}/"
    case.refresh_from_db()
    assert (case.status, case.outcome, case.minutes_spent) == ("afgesloten", "opgelost", 45)
    entry = TimelineEntry.objects.filter(case=case, kind=EntryKind.STATUS).first()
    assert "Toch afgesloten, omdat de inwoner wil niet verder." in entry.body


def test_a_closing_move_posted_to_the_status_url_goes_through_the_check(client, office):
    case = with_open_work(office)
    client.force_login(office.ombudsman)
    response = client.post(f"/werk/zaken/{case.reference}/status/",
                           form(target="afgesloten"))
    assert response.status_code == 400
    assert "Wat staat nog open?" in response.content.decode()
    case.refresh_from_db()
    assert case.status == "bemiddeling"


def test_a_closed_case_has_no_closing_page(client, office):
    case = register_case(office)
    case_transition(user=office.ombudsman, case=case, target="afgesloten",
                    outcome="ingetrokken")
    client.force_login(office.ombudsman)
    response = client.get(page_url(case))
    assert response.status_code == 302 and response["Location"].endswith(f"{case.reference}/")


def test_the_secretariat_may_not_close(client, office):
    case = register_case(office, user=office.secretariaat)
    client.force_login(office.secretariaat)
    assert client.get(page_url(case)).status_code == 403


def test_a_formal_complaint_is_not_asked_whether_a_formal_procedure_was_avoided(client,
                                                                             office):
    municipality = municipality_in_variant(office, 4)
    case = register_case(office, municipality=municipality)
    satisfy_complaint_law(office, case, "ingetrokken")
    client.force_login(office.ombudsman)
    html = client.get(page_url(case)).content.decode()
    assert "Formele procedure voorkomen?" not in html
    assert "Deze zaak is zelf een klachtprocedure (Awb hoofdstuk 9)." in html
    response = client.post(page_url(case), {"outcome": "ingetrokken", "minutes_spent": "20",
                                            "on": timezone.localdate().isoformat()})
    assert response.status_code == 302, response.content.decode()
    case.refresh_from_db()
    assert (case.status, case.procedure_avoided, case.minutes_spent) == ("afgesloten", "", 20)


def test_before_a_complaint_variant_5_still_asks_it(client, office):
    case = register_case(office, municipality=office.westerveld)
    client.force_login(office.ombudsman)
    html = client.get(page_url(case)).content.decode()
    assert "Formele procedure voorkomen?" in html


# --- the API --------------------------------------------------------------------------------


def test_the_api_refuses_to_close_with_open_items_and_lists_them(office):
    case = with_open_work(office)
    agreement = Agreement.objects.get(case=case)
    response = api_as(office.ombudsman).post(
        f"/api/v1/cases/{case.reference}/transitions/",
        {"to": "afgesloten", "outcome": "opgelost"}, format="json")
    assert response.status_code == 400
    data = response.json()
    assert "Er staan nog 2 punten open" in data["reason"][0]
    assert data["open_items"][0] == {
        "kind": "afspraak", "label": "Afspraak voor Zorgaanbieder De Linde",
        "detail": due_text(),
        "url": f"/werk/zaken/{case.reference}/afspraken/{agreement.pk}/status/"}
    assert data["open_items"][1]["kind"] == "verwijzing"
    case.refresh_from_db()
    assert case.status == "bemiddeling"


def test_the_api_closes_with_a_reason(office):
    case = with_open_work(office)
    response = api_as(office.ombudsman).post(
        f"/api/v1/cases/{case.reference}/transitions/",
        {"to": "afgesloten", "outcome": "opgelost", "reason": "de inwoner verhuist."},
        format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "afgesloten"
    entry = TimelineEntry.objects.filter(case=case, kind=EntryKind.STATUS).first()
    assert "Toch afgesloten, omdat de inwoner verhuist." in entry.body
