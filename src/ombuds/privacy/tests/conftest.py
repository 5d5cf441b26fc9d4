"""A small world for AVG requests: two residents who share an organisation, and a
representative of one of them who has a case of his own in the other municipality."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from ombuds.cases.models import Case, Person
from ombuds.cases.selectors import access_case
from ombuds.cases.services import PersonData, timeline_entry_add
from ombuds.mediation.services import (
    AgreementData,
    consent_record,
    meeting_record,
    party_add,
    referral_create,
)
from ombuds.privacy.services import avg_request_create
from ombuds.tests.factories import OfficeSetup, OrganisationFactory, register_case


@dataclass
class AvgWorld:
    office: OfficeSetup
    anna: Person
    bert: Person
    ruud: Person
    anna_case: Case
    bert_case: Case
    ruud_case: Case


@pytest.fixture
def avg_world(office) -> AvgWorld:
    o = office
    shared = OrganisationFactory(name="Thuiszorg De Linde", municipalities=[o.steenwijkerland])
    anna_case = register_case(
        o, name="Anna Aaltink", story="Anna wacht op huishoudelijke hulp van De Linde.",
        representative_data=PersonData(name="Ruud Rietman", email="ruud@example.org"),
        representative_relation="familie", wish="Hulp twee keer per week.",
    )
    bert_case = register_case(o, name="Bert Bolhuis",
                              story="Bert krijgt zijn indicatie niet verlengd bij De Linde.")
    ruud = anna_case.representative
    ruud_case = register_case(o, municipality=o.westerveld, person=ruud,
                              story="Ruud heeft schulden en zoekt hulp.")
    today = timezone.localdate()
    for case, who in ((anna_case, "Anna"), (bert_case, "Bert")):
        party = party_add(user=o.ombudsman, case=case, organisation=shared)
        consent_record(user=o.ombudsman, party=party, purpose="gesprek",
                       scope=f"Het verhaal van {who}", given_on=today, given_how="mondeling",
                       given_by="De inwoner")
        timeline_entry_add(user=o.ombudsman, case=case, kind="telefoon",
                           summary=f"Gebeld met {who} over de hulp", body=f"Notitie over {who}.")
        timeline_entry_add(user=o.ombudsman, case=case, kind="document", summary="Brief ontvangen",
                           files=[SimpleUploadedFile(f"brief-{who}.txt", f"Beste {who},".encode())])
        meeting_record(user=o.ombudsman, case=case, kind="gezamenlijk", starts_at=timezone.now(),
                       place="Gemeentehuis", parties=[party], minutes=f"Verslag met {who}.",
                       agreements=[AgreementData(description=f"De Linde belt {who}", due_on=today,
                                                 owner="partij", party=party)])
        referral_create(user=o.ombudsman, case=case, route="bezwaar", referred_on=today,
                        check_on=today)
        with transaction.atomic():
            access_case(o.coordinator, case.reference)
    for case in (anna_case, bert_case, ruud_case):
        case.refresh_from_db()
    return AvgWorld(office=o, anna=anna_case.person, bert=bert_case.person, ruud=ruud,
                    anna_case=anna_case, bert_case=bert_case, ruud_case=ruud_case)


def make_request(world: AvgWorld, person: Person, kind: str = "inzage", municipality=None,
                 received_on=None):
    return avg_request_create(
        user=world.office.ombudsman, municipality=municipality or world.office.steenwijkerland,
        person=person, kind=kind, received_on=received_on or timezone.localdate())
