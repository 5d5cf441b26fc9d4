"""The seam between erasure requests (AVG art. 17) and records management.

Whether a case may be destroyed yet (its retention term per result type, a legal hold) and
destroying it (with a tombstone) belong to the records app; this module is the one place the
privacy app asks it, so the rest of the app does not know how records work.
"""

from __future__ import annotations

from django.utils import timezone

from ombuds.cases.models import Person
from ombuds.core.audit import Action, audit_log
from ombuds.domain.avg import CaseFacts
from ombuds.domain.retention import RESULT_TYPES
from ombuds.privacy.selectors import person_cases
from ombuds.records.models import LegalHold
from ombuds.records.selectors import case_term
from ombuds.records.services import LegalHoldActive, case_destroy


class ErasureUnavailable(RuntimeError):
    """A case could not be destroyed (a legal hold placed in the meantime)."""


def case_facts(person: Person) -> list[CaseFacts]:
    """What decides, per case of ``person`` (as resident or representative), whether its data
    may be erased today: open or closed, the end of its retention term and the rule behind
    it, and an active legal hold."""
    facts = []
    for case in person_cases(person):
        term = case_term(case)
        if term is None:  # still open
            held = LegalHold.objects.filter(case=case, lifted_at__isnull=True).exists()
            facts.append(CaseFacts(reference=case.reference, closed_on=None, legal_hold=held))
            continue
        facts.append(CaseFacts(
            reference=case.reference, closed_on=timezone.localdate(case.closed_at),
            retain_until=term.destroy_on,
            retention_rule=f"{term.rule} ({RESULT_TYPES[term.result_type].basis})",
            legal_hold=term.held,
        ))
    return facts


def person_destroy(*, user, person: Person, request) -> None:
    """Destroy the person's data: every case of theirs through the records app's
    ``case_destroy`` (which leaves a tombstone and removes the person once no case refers to
    them), and the person record itself when they had no case left."""
    rule = f"{request.label}: verzoek tot wissing (AVG art. 17)"
    for case in person_cases(person):
        try:
            case_destroy(case, rule=rule, by=user, reason="Verzoek van de betrokkene")
        except LegalHoldActive as exc:
            raise ErasureUnavailable(f"Op zaak {exc} rust een bewaarplicht.") from None
    if not Person.objects.filter(pk=person.pk).exists():
        return
    person_id = person.pk
    person.delete()
    audit_log(user=user, action=Action.DELETE, event="person.erased", object_type="cases.person",
              object_id=str(person_id), object_label=f"persoon {person_id}",
              person_id=person_id, municipality_code=request.municipality.cbs_code,
              role="ombudsfunctionaris", authorisation=f"{request.label}; AVG art. 17",
              details={"request": request.pk})
