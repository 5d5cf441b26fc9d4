"""Destruction of a case and the legal hold that prevents it.

``case_destroy`` is the one place where the personal data of a case is removed: the retention
job calls it when a term has ended, an erasure request (AVG art. 17) may call it too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone

from ombuds.accounts.roles import Role
from ombuds.cases.models import Attachment, Case, Person, TimelineEntry
from ombuds.core.audit import Action, audit_log
from ombuds.core.models import OutboxMessage
from ombuds.correspondence.models import Letter
from ombuds.domain import retention
from ombuds.mediation.models import Agreement, Referral
from ombuds.procedures.models import Complaint, Deadline
from ombuds.records.models import (
    LegalHold,
    Tombstone,
    TombstoneComplaint,
    TombstoneDeadline,
    TombstoneReferral,
)

logger = logging.getLogger(__name__)

#: What ``destroyed_by`` says when the scheduled job destroyed a case.
JOB = "bewaartermijntaak"


class LegalHoldActive(Exception):
    """The case is under a legal hold and may not be destroyed."""


#: Who may place or lift a legal hold: the ombudsperson (handler) and the beheerder.
HOLD_ROLES = frozenset({Role.OMBUDSPERSON, Role.ADMIN})


def can_hold(user, case: Case) -> bool:
    return bool(user.roles_in(case.municipality_id) & HOLD_ROLES)


def case_result_type(case: Case) -> str:
    """Return the retention result type of ``case`` (``ombuds.domain.retention``)."""
    ombudsman = Complaint.objects.filter(case=case, kind=Complaint.Kind.OMBUDSMAN).exists()
    return retention.result_type(case.outcome, ombudsman_complaint=ombudsman)


def _raw(model) -> models.QuerySet:
    """A plain queryset: the append-only guards of timeline rows do not apply to destruction."""
    return models.QuerySet(model=model)


def _tombstone(case: Case, *, rule: str, by: str, reason: str) -> Tombstone:
    # The measures of the reports (how the case was handled, the working days to the first
    # contact) are kept as the reports count them, so a period's figures stay the same.
    from ombuds.reports.measures import case_first_contact, case_handling

    tombstone = Tombstone.objects.create(
        reference=case.reference, case_id=case.pk, municipality_id=case.municipality_id,
        workflow_id=case.workflow_id, result_type=case_result_type(case), outcome=case.outcome,
        channel=case.channel, procedure_avoided=case.procedure_avoided,
        procedure_avoided_what=case.procedure_avoided_what, opened_at=case.opened_at,
        closed_at=case.closed_at, handling=case_handling(case),
        first_contact_on=case_first_contact(case), minutes_spent=case.minutes_spent,
        rule=rule[:200], reason=reason[:300],
        destroyed_at=timezone.now(), destroyed_by=by[:150],
    )
    tombstone.domains.set(case.domains.all())
    tombstone.themes.set(case.themes.all())
    tombstone.organisations.set(case.organisations.values_list("organisation_id", flat=True))
    TombstoneReferral.objects.bulk_create(
        TombstoneReferral(tombstone=tombstone, route=r.route, referred_on=r.referred_on)
        for r in Referral.objects.filter(case=case))
    TombstoneDeadline.objects.bulk_create(
        TombstoneDeadline(tombstone=tombstone, kind=d.kind, end=d.end, met_on=d.met_on)
        for d in Deadline.objects.filter(case=case, watched=True))
    TombstoneComplaint.objects.bulk_create(
        TombstoneComplaint(tombstone=tombstone, kind=c.kind, received_on=c.received_on,
                           not_handled_notice_on=c.not_handled_notice_on,
                           findings_on=c.findings_on, outcome=c.outcome)
        for c in Complaint.objects.filter(case=case))
    return tombstone


def _delete_person_if_unused(person_id: int | None, *, user, case: Case) -> bool:
    if person_id is None:
        return False
    if Case.objects.filter(models.Q(person_id=person_id) | models.Q(representative_id=person_id)
                           ).exists():
        return False
    person = Person.objects.get(pk=person_id)
    if person.email:
        # E-mails to the resident that were queued without a case (the survey invitation).
        OutboxMessage.objects.filter(case=None, to__iexact=person.email).delete()
    person.delete()
    audit_log(user=user, action=Action.DELETE, event="person.destroyed",
              object_type="cases.person", object_id=str(person_id),
              object_label=f"persoon {person_id}", person_id=person_id,
              municipality_code=case.municipality.cbs_code,
              details={"case": case.pk})
    return True


def case_destroy(case: Case, *, rule: str, by, reason: str = "",
                 retrain_themes: bool = True) -> Tombstone:
    """Remove all personal data of ``case`` and leave a tombstone; return the tombstone.

    Removed: the case with its story, wish and search text, its timeline with the attachment
    files, letters, consents, meetings, agreements, partner links, referrals, decisions,
    complaints and deadlines, the parties' contact details, its e-mails in the outbox, its
    links to signals, an annual-report story not (yet) approved and Ombuds' draft of an
    approved one, and the resident and representative when no other case refers to them.
    Kept: the tombstone and the audit entries (which name the case's reference and the
    person's id only: the proof of who did what). ``rule`` says on what ground (a retention
    term, an erasure request), ``by`` is the user who ordered it or ``None`` for the job.

    Raises ``LegalHoldActive`` when the case is under a legal hold. Attachment files are
    removed from disk once the transaction has committed.
    """
    username = by.get_username() if by is not None else JOB
    with transaction.atomic():
        case = (Case.objects.select_for_update().select_related("municipality")
                .get(pk=case.pk))
        if LegalHold.objects.filter(case=case, lifted_at__isnull=True).exists():
            raise LegalHoldActive(case.reference)
        tombstone = _tombstone(case, rule=rule, by=username, reason=reason)
        files = [a.file.name for a in Attachment.objects.filter(entry__case=case) if a.file]

        # Rows that protect the case, its timeline or its parties go first; the rest cascades.
        OutboxMessage.objects.filter(case=case).delete()
        _raw(Letter).filter(case=case).delete()
        _raw(Referral).filter(case=case).delete()
        _raw(Agreement).filter(case=case).delete()
        _raw(Attachment).filter(entry__case=case).delete()
        _raw(TimelineEntry).filter(case=case).delete()
        # The annual report's stories: an approved one was de-identified and approved for
        # publication, and stays (it may already be published); Ombuds' draft from the
        # resident's story, and a story not approved, go with the case.
        from ombuds.reports.models import CaseStory

        CaseStory.objects.filter(case=case, approved_at__isnull=True).delete()
        CaseStory.objects.filter(case=case).update(draft="")
        person_ids = (case.person_id, case.representative_id)
        _raw(Case).filter(pk=case.pk).delete()

        audit_log(user=by, action=Action.DELETE, event="case.destroyed",
                  object_type="cases.case", object_id=str(case.pk),
                  object_label=case.reference, person_id=case.person_id,
                  municipality_code=case.municipality.cbs_code,
                  authorisation=rule[:200],
                  details={"tombstone": tombstone.pk, "result_type": tombstone.result_type,
                           "attachments": len(files)})
        for person_id in dict.fromkeys(person_ids):
            _delete_person_if_unused(person_id, user=by, case=case)
        transaction.on_commit(lambda: _delete_files(files))
        if retrain_themes:
            municipality = case.municipality
            transaction.on_commit(lambda: _retrain_themes(municipality))
    return tombstone


def _delete_files(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            # The row is gone; a file left behind is found by ``ombuds retention --orphans``.
            logger.exception("could not delete an attachment file of a destroyed case")


def _retrain_themes(municipality) -> None:
    """The theme suggestion model counts the words of closed stories: retrain it without the
    destroyed ones."""
    from ombuds.insights.services import theme_model_train

    theme_model_train(municipality=municipality)


def legal_hold_place(*, user, case: Case, reason: str) -> LegalHold:
    """Place a legal hold on ``case`` with ``reason``; the case is then never destroyed until
    the hold is lifted."""
    if not can_hold(user, case):
        raise PermissionError("Alleen de ombudsfunctionaris of de beheerder.")
    reason = reason.strip()
    if not reason:
        raise ValueError("Geef een reden op.")
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        hold = LegalHold.objects.filter(case=case, lifted_at__isnull=True).first()
        if hold is None:
            hold = LegalHold.objects.create(case=case, reason=reason[:300], placed_by=user,
                                            placed_at=timezone.now())
            audit_log(user=user, action=Action.UPDATE, event="case.legal_hold_placed", obj=case,
                      object_label=case.reference, person_id=case.person_id,
                      municipality_code=case.municipality.cbs_code,
                      details={"legal_hold": hold.pk})
    return hold


def legal_hold_lift(*, user, case: Case, reason: str) -> LegalHold | None:
    """Lift the active legal hold of ``case`` (if any), recording why."""
    if not can_hold(user, case):
        raise PermissionError("Alleen de ombudsfunctionaris of de beheerder.")
    reason = reason.strip()
    if not reason:
        raise ValueError("Geef een reden op.")
    with transaction.atomic():
        hold = (LegalHold.objects.select_for_update()
                .filter(case=case, lifted_at__isnull=True).first())
        if hold is None:
            return None
        hold.lifted_at, hold.lifted_by, hold.lift_reason = timezone.now(), user, reason[:300]
        hold.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
        audit_log(user=user, action=Action.UPDATE, event="case.legal_hold_lifted", obj=case,
                  object_label=case.reference, person_id=case.person_id,
                  municipality_code=case.municipality.cbs_code,
                  details={"legal_hold": hold.pk})
    return hold


@dataclass
class RetentionResult:
    """What one run of the retention job did (or, in a dry run, would do)."""

    due: list = field(default_factory=list)
    destroyed: list[Tombstone] = field(default_factory=list)
    held: list = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    audit_prunable: int = 0
    audit_pruned: int = 0


def retention_run(*, dry_run: bool, today=None, limit: int | None = None) -> RetentionResult:
    """Destroy every closed case whose retention term has ended and that is not under a legal
    hold, then prune the audit entries older than their term. ``dry_run`` only lists.

    A case that cannot be destroyed (e.g. a new kind of row protects it) is reported and
    skipped; the others go on. The theme suggestion models of the municipalities concerned
    are retrained once at the end.
    """
    from django.conf import settings

    from ombuds.core import chain
    from ombuds.records.selectors import retention_due

    result = RetentionResult()
    limit = limit or settings.RETENTION_BATCH
    for term in retention_due(today=today):
        (result.held if term.held else result.due).append(term)
    cutoff = chain.prune_cutoff(today)
    result.audit_prunable = chain.prunable(cutoff).count()
    if dry_run:
        return result
    municipalities = {}
    for term in result.due[:limit]:
        try:
            result.destroyed.append(case_destroy(
                term.case, rule=term.rule, by=None, reason="bewaartermijn verstreken",
                retrain_themes=False))
            municipalities[term.case.municipality_id] = term.case.municipality
        except Exception as error:  # noqa: BLE001 (one case must not stop the others)
            logger.exception("retention: case %s not destroyed", term.case.reference)
            result.failed.append((term.case.reference, type(error).__name__))
    for municipality in municipalities.values():
        _retrain_themes(municipality)
    checkpoint = chain.chain_prune(cutoff=cutoff)
    result.audit_pruned = checkpoint.entries_pruned if checkpoint else 0
    audit_log(user=None, action=Action.EXECUTE, event="retention.run",
              object_type="records.tombstone",
              details={"destroyed": len(result.destroyed), "held": len(result.held),
                       "failed": len(result.failed), "audit_pruned": result.audit_pruned,
                       "checkpoint": checkpoint.pk if checkpoint else None})
    return result
