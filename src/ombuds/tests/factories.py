"""Factories for tests in every app. ``make_office`` builds the demo's shape in miniature."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import factory

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
        person_data=None if person else PersonData(name=kwargs.pop("name", "Jan de Vries")),
        **kwargs,
    )
