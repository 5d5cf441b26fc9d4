"""Who keeps an agreement is written for the one who reads the letter: "u" only in a letter
to the resident; a letter to a party or the representative names the resident."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from ombuds.correspondence.context import letter_context
from ombuds.mediation.services import AgreementData, meeting_record, party_add
from ombuds.tests.factories import OrganisationFactory, register_case


def test_the_resident_is_u_only_in_a_letter_to_the_resident(office):
    user = office.ombudsman
    case = register_case(office, name="Anna Bakker")
    wmo = OrganisationFactory(name="Wmo-team", municipalities=[office.steenwijkerland])
    party = party_add(user=user, case=case, organisation=wmo)
    due = timezone.localdate() + timedelta(days=7)
    meeting = meeting_record(
        user=user, case=case, kind="apart", starts_at=timezone.now() - timedelta(hours=1),
        place="Kantoor", agreements=[
            AgreementData(description="Rooster doorsturen", due_on=due, owner="inwoner"),
            AgreementData(description="Taxi regelen", due_on=due, owner="partij", party=party),
            AgreementData(description="Nabellen", due_on=due, owner="ombudsfunctie"),
        ])

    def owners(**kwargs):
        context = letter_context(case, meeting=meeting, **kwargs)
        return ([row["wie"] for row in context["afspraken"]],
                [row["wie"] for row in context["alle_afspraken"]])

    to_resident = owners()
    assert to_resident[0] == ["u", "Wmo-team", "wij"] == to_resident[1]
    to_party = owners(party=party)
    assert to_party[0] == ["Anna Bakker", "Wmo-team", "wij"] == to_party[1]
