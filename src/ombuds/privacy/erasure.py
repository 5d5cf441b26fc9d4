"""The seam between erasure requests (AVG art. 17) and records management.

Whether a case may be destroyed, and destroying it, belong to the retention rules of records
management (DOMAIN.md §4: a term per result type, a legal hold, a tombstone). This module is
the one place the privacy app asks those questions, so wiring it to the records app changes
these two functions and nothing else.

Until the records app is there, the rule is conservative: every closed case is kept for the
longest term of the Selectielijst in DOMAIN.md §4 (10 years from closing), and a person whose
cases have all passed that term is not erased here but left to the destruction job.
"""

from __future__ import annotations

from django.utils import timezone

from ombuds.cases.models import Person
from ombuds.core.audit import Action, audit_log
from ombuds.domain.avg import CaseFacts, add_months
from ombuds.privacy.selectors import person_cases

#: Until the records app decides per result type: the longest term in DOMAIN.md §4.
FALLBACK_RETENTION_MONTHS = 120
FALLBACK_RULE = "Selectielijst gemeenten, langste bewaartermijn (10 jaar na afsluiten)"


class ErasureUnavailable(RuntimeError):
    """Destroying case data needs the records app's destruction service."""


def case_facts(person: Person) -> list[CaseFacts]:
    """What decides, per case of ``person`` (as resident or representative), whether its data
    may be erased today."""
    facts = []
    for case in person_cases(person):
        closed_on = timezone.localdate(case.closed_at) if case.closed_at else None
        facts.append(CaseFacts(
            reference=case.reference, closed_on=closed_on,
            retain_until=add_months(closed_on, FALLBACK_RETENTION_MONTHS) if closed_on else None,
            retention_rule=FALLBACK_RULE,
            legal_hold=bool(getattr(case, "legal_hold", False)),
        ))
    return facts


def person_destroy(*, user, person: Person, request) -> None:
    """Destroy the person's data. A person without cases (left behind after their cases were
    destroyed, or registered without one) is deleted here; cases are destroyed only by the
    records app, which leaves a tombstone."""
    if person_cases(person).exists():
        raise ErasureUnavailable(
            "Afgesloten zaken worden vernietigd door de bewaartermijnen-taak, niet hier.")
    person_id = person.pk
    person.delete()
    audit_log(user=user, action=Action.DELETE, event="person.erased", object_type="cases.person",
              object_id=str(person_id), object_label=f"persoon {person_id}",
              person_id=person_id, municipality_code=request.municipality.cbs_code,
              role="ombudsfunctionaris", authorisation=f"{request.label}; AVG art. 17",
              details={"request": request.pk})
