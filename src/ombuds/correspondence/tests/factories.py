"""A case with everything a letter can mention: a party, a meeting with agreements, a
referral, a disputed decision and (in variants 4–6) a complaint with its findings.

The complaint exists only through the workflow: registering a case of variant 4 or 6 opens it,
variant 5 opens it on conversion ("klacht"). Its facts are then set through the services.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from ombuds.cases.models import CaseOrganisation
from ombuds.cases.services import case_transition
from ombuds.mediation.models import Agreement, Meeting, Referral
from ombuds.procedures.complaints import complaint_of, element_create, element_update
from ombuds.procedures.services import complaint_update, decision_create
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
        complaint_with_findings(office, case)
    return case, party, meeting


def complaint_with_findings(office, case):
    """Open the complaint of ``case`` through its workflow (if it is not open yet) and fill in
    a beklaagde, a hearing, one judged element and the findings; in variant 6 the
    municipality's own handling, so the 9:24 year is known."""
    today = timezone.localdate()
    if case.workflow.variant == 5 and complaint_of(case) is None:
        case_transition(user=office.ombudsman, case=case, target="intake")
        case_transition(user=office.ombudsman, case=case, target="klacht")
    complaint = complaint_of(case)
    town_hall = OrganisationFactory(name=f"Gemeente {case.municipality.name}",
                                    address="Postbus 162\n8330 AD Steenwijk",
                                    email="info@gemeente.example",
                                    municipalities=[case.municipality])
    facts = {"subject": "Bejegening aan de balie", "received_on": today - timedelta(days=30),
             "conduct": "De consulent belde niet terug, hoewel dat was afgesproken.",
             "respondent_organisation": town_hall, "respondent_department": "afdeling Sociaal Domein",
             "respondent_official": "consulent Wmo",
             "hearing_on": today - timedelta(days=5), "hearing_heard": "Klager en consulent",
             "hearing_report": "Beiden vertelden hoe het gesprek aan de balie ging.",
             "findings": "De consulent had beloofd terug te bellen en deed dat niet.",
             "conclusions": "De gemeente is haar afspraak niet nagekomen.",
             "measures": "De consulent belt de inwoner deze week."}
    if case.workflow.variant == 6:
        facts.update(internal_received_on=today - timedelta(days=90),
                     internal_findings_on=today - timedelta(days=40))
    else:
        facts["findings_on"] = today - timedelta(days=1)
    complaint_update(user=office.ombudsman, complaint=complaint, **facts)
    element = element_create(user=office.ombudsman, complaint=complaint,
                             description="Er is niet teruggebeld.")
    element_update(user=office.ombudsman, element=element, judgment="gegrond",
                   norm="betrouwbaarheid", reasons="De afspraak staat in het dossier.")
    complaint.refresh_from_db()
    return complaint
