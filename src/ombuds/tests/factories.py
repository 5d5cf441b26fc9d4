"""Factories for tests in every app. ``make_office`` builds the demo's shape in miniature."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import factory
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ombuds.accounts.models import Membership, User
from ombuds.accounts.roles import Role
from ombuds.cases.models import Case, Person
from ombuds.cases.services import PersonData, case_register
from ombuds.core.models import Domain, Municipality, Office, Theme, WorkflowDefinition
from ombuds.socialmap.models import Organisation, OrganisationType


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    name = "Sociale ombudsfunctie Kop van Overijssel"


def workflow(variant: int) -> WorkflowDefinition:
    return WorkflowDefinition.objects.filter(variant=variant).order_by("-version").first()


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"Gemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"GX{n % 10000:04d}")  # fits max_length 6 however long the run
    reference_prefix = factory.Sequence(lambda n: f"T{n % 10000:04d}")
    workflow = factory.LazyFunction(lambda: workflow(3))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def saved(self, create, extracted, **kwargs):
        if create:
            self.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    type = OrganisationType.CARE_PROVIDER

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        """``OrganisationFactory(municipalities=[...])`` puts it on their social map."""
        if create and extracted:
            self.municipalities.set(extracted)


def member(user: User, municipality: Municipality, role: Role, **kwargs) -> User:
    Membership.objects.create(user=user, municipality=municipality, role=role, **kwargs)
    user.__dict__.pop("_memberships", None)
    return user


@dataclass
class OfficeSetup:
    office: Office
    steenwijkerland: Municipality
    westerveld: Municipality
    ombudsman: User
    secretariaat: User
    coordinator: User
    beleid: User
    beheer: User
    ombudsman_westerveld: User
    wmo: Domain
    theme: Theme

    def users(self) -> dict[str, User]:
        return {
            "ombudsman": self.ombudsman, "secretariaat": self.secretariaat,
            "coordinator": self.coordinator, "beleid": self.beleid, "beheer": self.beheer,
            "ombudsman-westerveld": self.ombudsman_westerveld,
        }


def ensure_seed_data() -> None:
    """Put back what the data migrations seed (process variants, domains, designated days).

    A transactional test ends with a flush that empties every table, seeds included; the
    next test must not depend on the order tests ran in. The seed functions are idempotent.
    """
    from django.apps import apps

    for module in ("ombuds.core.migrations.0002_seed_variants_and_domains",
                   "ombuds.procedures.migrations.0002_seed_designated_days"):
        importlib.import_module(module).seed(apps, None)


def make_office() -> OfficeSetup:
    ensure_seed_data()
    office = OfficeFactory()
    stw = MunicipalityFactory(office=office, name="Steenwijkerland", cbs_code="GM1708",
                              reference_prefix="STW", workflow=workflow(3))
    wsv = MunicipalityFactory(office=office, name="Westerveld", cbs_code="GM1701",
                              reference_prefix="WSV", workflow=workflow(5))
    users = {}
    for username, role in [("ombudsman", Role.OMBUDSPERSON), ("secretariaat", Role.SECRETARIAT),
                           ("coordinator", Role.COORDINATOR), ("beleid", Role.POLICY),
                           ("beheer", Role.ADMIN)]:
        user = UserFactory(username=username)
        member(user, stw, role)
        member(user, wsv, role)
        users[username] = user
    users["beheer"].is_staff = True
    users["beheer"].save()
    westerveld_only = member(UserFactory(username="ombudsman-westerveld"), wsv, Role.OMBUDSPERSON)
    wmo = Domain.objects.get(code="wmo")
    theme = Theme.objects.create(municipality=stw, domain=wmo, name="Wachttijd")
    return OfficeSetup(office=office, steenwijkerland=stw, westerveld=wsv,
                       ombudsman_westerveld=westerveld_only, wmo=wmo, theme=theme, **users)


def register_case(setup: OfficeSetup, *, municipality: Municipality | None = None,
                  user: User | None = None, person: Person | None = None,
                  story: str = "Ik wacht al maanden op een besluit over mijn scootmobiel.",
                  **kwargs) -> Case:
    """Register a case through the real service, as intake staff would."""
    municipality = municipality or setup.steenwijkerland
    return case_register(
        user=user or setup.ombudsman, municipality=municipality,
        channel=kwargs.pop("channel", "telefoon"),
        title=kwargs.pop("title", "Wacht op besluit hulpmiddel"), story=story,
        person=person,
        person_data=None if person else (kwargs.pop("person_data", None) or PersonData(
            name=kwargs.pop("name", "Jan de Vries"))),
        **kwargs,
    )


def satisfy_complaint_law(setup: OfficeSetup, case: Case, outcome: str = "") -> None:
    """Record on a complaint case (variants 4–6) what Awb chapter 9 requires before any move
    or closure with ``outcome`` (``domain.complaints.check_move``): a hearing with its report,
    a ground for not handling, a settlement, findings and conclusions, the municipality's own
    handling (variant 6), and elements judged to give ``outcome``. For tests of something else
    that walk such a case; tests of the rules themselves record each fact on purpose."""
    from datetime import date

    from ombuds.procedures.complaints import complaint_of, element_create, element_update
    from ombuds.procedures.services import complaint_update

    complaint = complaint_of(case)
    if complaint is None:
        return
    second_line = complaint.kind == "ombudsman"
    complaint_update(user=setup.ombudsman, complaint=complaint, hearing_on=complaint.received_on,
                     hearing_report="Klager en beklaagde gehoord.", not_handled_ground="gewicht",
                     inadmissible_ground="anders" if second_line else "",
                     settlement="Naar tevredenheid opgelost.", findings="Bevindingen.",
                     conclusions="Conclusies.",
                     internal_received_on=date(2025, 1, 6) if second_line else None)
    if outcome in ("gegrond", "deels_gegrond", "ongegrond", "geen_oordeel") \
            and not complaint.elements.exists():
        for judgment in {"deels_gegrond": ("gegrond", "ongegrond")}.get(outcome, (outcome,)):
            element = element_create(user=setup.ombudsman, complaint=complaint,
                                     description="Klachtonderdeel")
            element_update(user=setup.ombudsman, element=element, judgment=judgment,
                           reasons="Gemotiveerd oordeel.")


def municipality_in_variant(setup: OfficeSetup, variant: int, *,
                            roles: dict[str, Role] | None = None) -> Municipality:
    """A new municipality of the office whose cases follow process ``variant`` (e.g. 4 or 6,
    which the test office has not), served by the office's ombudsman; ``roles`` adds more
    memberships by user attribute, e.g. ``{"secretariaat": Role.SECRETARIAT}``."""
    municipality = MunicipalityFactory(office=setup.office, workflow=workflow(variant))
    member(setup.ombudsman, municipality, Role.OMBUDSPERSON)
    for attribute, role in (roles or {}).items():
        member(getattr(setup, attribute), municipality, role)
    return municipality


def first_contact(setup: OfficeSetup, case: Case, *, user: User | None = None) -> Case:
    """Record the first contact with the resident (a phone call on the timeline), which meets
    the office's promise of first contact (``procedures.planning``). For tests about other
    terms of a case, so its nearest open term is the one under test."""
    from ombuds.cases.models import EntryKind
    from ombuds.cases.services import timeline_entry_add

    timeline_entry_add(user=user or setup.ombudsman, case=case, kind=EntryKind.PHONE,
                       summary="Inwoner teruggebeld")
    return case


def api_as(user: User) -> APIClient:
    """An API client that authenticates as ``user`` with their token, as an integration does."""
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client
