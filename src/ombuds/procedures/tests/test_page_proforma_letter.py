"""The pro-forma objection letter (Awb 6:6): printable, from the resident, audited."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from ombuds.cases.models import Person
from ombuds.core.models import AuditEntry
from ombuds.procedures.services import decision_create, decision_update
from ombuds.tests.factories import OrganisationFactory, register_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(date(2026, 4, 20), tick=False):
        yield


@pytest.fixture
def letter(office):
    person = Person.objects.create(office=office.office, name="Fatima El Amrani",
                                   street="Kerkstraat 12", postcode="8331 AB", city="Steenwijk")
    case = register_case(office, person=person)
    team = OrganisationFactory(name="Wmo-team Steenwijkerland", address="Postbus 162\n8330 AD Steenwijk",
                               municipalities=[office.steenwijkerland])
    decision = decision_create(user=office.ombudsman, case=case, organisation=team,
                               subject="aanvraag scootmobiel", made_known_on=date(2026, 3, 24))
    return case, decision, f"/werk/zaken/{case.reference}/besluiten/{decision.pk}/pro-forma-bezwaar/"


def test_the_letter_is_from_the_resident_to_the_organisation_in_plain_dutch(client, office, letter):
    case, decision, url = letter
    client.force_login(office.ombudsman)
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in ["Fatima El Amrani", "Kerkstraat 12", "8331 AB Steenwijk",
                 "Wmo-team Steenwijkerland", "Postbus 162<br>8330 AD Steenwijk",
                 "Steenwijkerland, 20 april 2026",
                 "Betreft: bezwaar tegen het besluit van 24 maart 2026 over aanvraag scootmobiel",
                 "Hierbij maak ik bezwaar tegen dit besluit. De gronden van mijn bezwaar stuur ik "
                 "later (artikel 6:6 Awb). Ik vraag u mij een termijn te geven om die aan te vullen.",
                 "Handtekening"]:
        assert text in html, text


def test_the_note_for_the_ombudsperson_gives_both_dates_and_is_not_printed(client, office,
                                                                           letter):
    case, decision, url = letter
    client.force_login(office.ombudsman)
    html = client.get(url).content.decode()
    note = html[html.index('class="ombuds-screen-only"'):html.index('class="ombuds-letter"')]
    assert "uiterlijk dinsdag 5 mei 2026" in note
    assert "Wettelijke laatste dag: woensdag 6 mei 2026" in note
    assert "Let op" in note
    assert "procedures/letter.css" in html  # A4 and the print rules


def test_reading_the_letter_is_audited(client, office, letter):
    case, decision, url = letter
    client.force_login(office.ombudsman)
    client.get(url)
    entry = AuditEntry.objects.get(event="letter.proforma_viewed")
    assert (entry.action, entry.object_id, entry.user) == ("E", str(case.pk), office.ombudsman)
    assert entry.details == {"decision": decision.pk}
    assert "Fatima" not in str(entry.details) and entry.person_id == case.person_id


def test_once_an_objection_is_filed_the_note_says_the_letter_is_not_needed(client, office,
                                                                          letter):
    case, decision, url = letter
    decision_update(user=office.ombudsman, decision=decision, objection_filed_on=date(2026, 4, 2))
    client.force_login(office.ombudsman)
    assert "Er is al bezwaar gemaakt op 2 april 2026" in client.get(url).content.decode()


def test_outside_the_users_scope_the_letter_is_a_404(client, office, letter):
    case, decision, url = letter
    case.assignee = office.ombudsman
    case.save()
    for user in (office.ombudsman_westerveld, office.secretariaat):
        client.force_login(user)
        assert client.get(url).status_code == 404
    other = register_case(office)
    client.force_login(office.ombudsman)
    assert client.get(f"/werk/zaken/{other.reference}/besluiten/{decision.pk}/"
                      "pro-forma-bezwaar/").status_code == 404
    assert not AuditEntry.objects.filter(event="letter.proforma_viewed").exists()
