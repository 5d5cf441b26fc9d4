"""The staff roles of PRODUCT.md and what each may do. Pure data, no Django models."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OMBUDSPERSON = "ombudsfunctionaris"
    SECRETARIAT = "secretariaat"
    COORDINATOR = "coordinator"
    POLICY = "beleid"
    ADMIN = "beheerder"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.OMBUDSPERSON: "Ombudsfunctionaris",
    Role.SECRETARIAT: "Secretariaat",
    Role.COORDINATOR: "Coördinator",
    Role.POLICY: "Beleid en raad",
    Role.ADMIN: "Beheerder",
}

#: Roles that may open person-level case data at all. Policy and admin never do.
CASE_ROLES = frozenset({Role.OMBUDSPERSON, Role.SECRETARIAT, Role.COORDINATOR})
#: Roles that see residents and representatives by name and contact details, and so may
#: search cases by them (name, phone, e-mail, postcode). Any other role searching the
#: worklist gets the search by case number and subject only.
PERSON_ROLES = frozenset({Role.OMBUDSPERSON, Role.SECRETARIAT, Role.COORDINATOR})
#: Roles that see every case of their municipalities (secretariat sees a subset).
ALL_CASES_ROLES = frozenset({Role.OMBUDSPERSON, Role.COORDINATOR})
#: Roles that may register a new case.
INTAKE_ROLES = frozenset({Role.OMBUDSPERSON, Role.SECRETARIAT, Role.COORDINATOR})
#: Roles that may (re)assign a case.
ASSIGN_ROLES = frozenset({Role.OMBUDSPERSON, Role.SECRETARIAT, Role.COORDINATOR})
#: Roles that may move a case through its workflow.
TRANSITION_ROLES = frozenset({Role.OMBUDSPERSON, Role.COORDINATOR})
#: Roles that may be assigned as the handler of a case.
HANDLER_ROLES = frozenset({Role.OMBUDSPERSON, Role.COORDINATOR})
#: Roles that read aggregate figures.
FIGURES_ROLES = frozenset({Role.OMBUDSPERSON, Role.COORDINATOR, Role.POLICY})
#: Roles that maintain configuration and read the audit log.
CONFIG_ROLES = frozenset({Role.ADMIN})
#: Roles that import cases from an office's old spreadsheets (and export them, without
#: personal data): the beheerder, who never opens a case.
IMPORT_ROLES = frozenset({Role.ADMIN})
#: Roles that handle the AVG requests of a municipality's residents (access, correction,
#: erasure): the ombudsperson, who already sees every case of the municipality.
AVG_ROLES = frozenset({Role.OMBUDSPERSON})
#: Roles that answer "who saw this person?" from the audit log: the beheerder (who keeps the
#: log) and the ombudsperson handling an AVG request. Neither list shows a person's name.
PERSON_AUDIT_ROLES = frozenset({Role.ADMIN, Role.OMBUDSPERSON})
