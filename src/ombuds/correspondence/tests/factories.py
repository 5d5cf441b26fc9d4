"""A case with everything a letter can mention: a party, a meeting with agreements, a
referral, a disputed decision and (in variants 4–6) a complaint with its findings."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from ombuds.cases.models import CaseOrganisation
from ombuds.mediation.models import Agreement, Meeting, Referral
from ombuds.procedures.services import complaint_create, decision_create
from ombuds.socialmap.models import OrganisationType, Route
from ombuds.tests.factories import OrganisationFactory, register_case, workflow


def case_in_variant(office, number, **kwargs):
    municipality = office.steenwijkerland
    municipality.workflow = workflow(number)
    municipality.save()
    return register_case(office, municipality=municipality, **kwargs)


def full_case(office, number):
    case = case_in_variant(office, number, name="Jan de Vries")
    person = case.person
    person.street, person.postcode, person.city = "Kerkstraat 1", "8331 AA", "Steenwijk"
    person.email = "jan@example.nl"
    person.save()
    provider = OrganisationFactory(name="Zorgaanbieder De Linde", municipalities=[case.municipality])
    party = CaseOrganisation.objects.create(case=case, organisation=provider, role="zorgaanbieder",
                                            contact_person="Petra de Boer",
                                            contact_email="petra@delinde.example")
    meeting = Meeting.objects.create(case=case, kind=Meeting.Kind.JOINT,
                                     starts_at=timezone.now() - timedelta(days=2),
                                     place="het gemeentehuis", minutes="We bespraken de traplift.",
                                     created_by=office.ombudsman)
    Agreement.objects.create(case=case, meeting=meeting, party=party,
                             description="De Linde belt de inwoner voor een nieuwe afspraak.",
                             due_on=timezone.localdate() + timedelta(days=14))
    mee = OrganisationFactory(name="MEE IJsseloevers", type=OrganisationType.CLIENT_SUPPORT,
                              phone="088 123 45 67", municipalities=[case.municipality])
    Referral.objects.create(case=case, route=Route.CLIENT_SUPPORT, organisation=mee,
                            referred_on=timezone.localdate(),
                            check_on=timezone.localdate() + timedelta(days=21),
                            created_by=office.ombudsman)
    decision_create(user=office.ombudsman, case=case, subject="Traplift afgewezen",
                    made_known_on=timezone.localdate() - timedelta(days=7))
    if number in (4, 5, 6):
        complaint_create(user=office.ombudsman, case=case, subject="Bejegening aan de balie",
                         received_on=timezone.localdate() - timedelta(days=30),
                         findings_on=timezone.localdate() - timedelta(days=1))
    return case, party, meeting
