"""Sealing, verifying and pruning the audit hash chain (``ombuds audit verify|prune``).

``AuditEntry.save`` writes an entry in the caller's transaction and asks for a seal once
that transaction commits (``chain_seal_after_commit``). ``chain_seal`` locks the chain head
row, chains every committed entry not yet sealed (oldest id first) to the last hash, gives
each its position ``seq`` and moves the head: a short transaction of its own, so the lock is
held for milliseconds, not for the length of the service's transaction, and audited requests
of several processes do not wait for each other. The order of the chain is the order of
sealing. Here the chain is also walked (streaming, by position, from the latest pruning
checkpoint) and pruned.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import connections, models, transaction
from django.utils import timezone

from ombuds.core.models import AuditChainHead, AuditCheckpoint, AuditEntry, chain_fields
from ombuds.domain import auditchain
from ombuds.domain.retention import MINIMUM_AUDIT_YEARS, add_years


@dataclass(frozen=True)
class Problem:
    """The first place where the chain is broken."""

    entry_id: int | None
    timestamp: dt.datetime | None
    reason: str

    def __str__(self) -> str:
        when = f" ({timezone.localtime(self.timestamp):%Y-%m-%d %H:%M:%S})" if self.timestamp else ""
        where = f"auditregel {self.entry_id}{when}" if self.entry_id else "einde van de keten"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Verification:
    checked: int
    head_hash: str
    problem: Problem | None = None
    checkpoint: AuditCheckpoint | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


logger = logging.getLogger(__name__)

#: Entries chained per sealing transaction (a backlog is sealed in several).
SEAL_BATCH = 500


def _raw(using: str = "default") -> models.QuerySet:
    """A plain queryset of audit entries: only chain maintenance may change or delete rows."""
    return models.QuerySet(model=AuditEntry, using=using)


def chain_seal(*, using: str = "default", batch: int = SEAL_BATCH) -> int:
    """Chain every committed entry that is not sealed yet, oldest id first; return how many.

    Two processes sealing at once queue on the head row; the second finds what the first
    left (each statement sees what was committed before it).
    """
    sealed = 0
    while True:
        with transaction.atomic(using=using):
            if connections[using].vendor == "postgresql" and len(connections[using].atomic_blocks) == 1:
                # A seal lost in a crash is redone by the next one (the entries it chains were
                # committed durably by their own transaction, and the head rolls back with
                # it), so its commit need not wait for the disk: one fsync less per request.
                with connections[using].cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit = off")
            head, _created = (AuditChainHead.objects.using(using).select_for_update()
                              .get_or_create(pk=1))
            pending = list(_raw(using).filter(seq__isnull=True).order_by("pk")[:batch])
            if not pending:
                return sealed
            seq, previous = head.last_seq or 0, head.last_hash
            for entry in pending:
                seq += 1
                entry.seq, entry.prev_hash = seq, previous
                entry.hash = previous = auditchain.entry_hash(chain_fields(entry), previous)
            _raw(using).bulk_update(pending, ["seq", "prev_hash", "hash"])
            AuditChainHead.objects.using(using).filter(pk=1).update(
                last_id=pending[-1].pk, last_seq=seq, last_hash=previous)
        sealed += len(pending)
        if len(pending) < batch:
            return sealed


def _seal_after_commit(using: str) -> None:
    try:
        chain_seal(using=using)
    except Exception:  # the entries are committed; the next seal of any process chains them
        logger.warning("Sealing the audit chain failed; the next seal will retry.", exc_info=True)


def chain_seal_after_commit(using: str = "default") -> None:
    """Seal once the current transaction commits (at once outside a transaction); asked for
    once per transaction however many entries it writes."""
    connection = connections[using]
    if connection.in_atomic_block and any(
            getattr(callback, "ombuds_audit_seal", False)
            for _sids, callback, _robust in connection.run_on_commit):
        return

    def seal() -> None:
        _seal_after_commit(using)

    seal.ombuds_audit_seal = True
    transaction.on_commit(seal, using=using)


def chain_verify(*, chunk_size: int = 2000) -> Verification:
    """Walk the chain in order from the latest checkpoint and return where it first breaks.

    First seals what is committed but not sealed yet (a process that died between its
    commit and its seal). An entry is bad when its hash is not the hash of its own fields (it
    was altered), or when its ``prev_hash`` is not the hash of the entry before it (an entry
    before it was removed, inserted or altered together with its hash). The head row
    catches entries removed from the end. Reads the entries as a stream, so memory stays
    flat for millions of rows.
    """
    chain_seal()
    checkpoint = AuditCheckpoint.objects.order_by("-last_id").first()
    expected = checkpoint.last_hash if checkpoint else auditchain.GENESIS
    after = (checkpoint.last_seq or checkpoint.last_id) if checkpoint else 0
    previous_id, checked = (checkpoint.last_id if checkpoint else None), 0
    entries = (AuditEntry.objects.filter(seq__gt=after).order_by("seq")
               .only(*auditchain.FIELDS, "seq", "prev_hash", "hash"))
    for entry in entries.iterator(chunk_size=chunk_size):
        if entry.prev_hash != expected:
            reason = ("de regel ervoor ontbreekt of is gewijzigd"
                      + (f" (vorige aanwezige regel: {previous_id})" if previous_id else ""))
            return Verification(checked, expected, Problem(entry.pk, entry.timestamp, reason),
                                checkpoint)
        if not entry.chain_ok():
            return Verification(checked, expected,
                                Problem(entry.pk, entry.timestamp, "de inhoud is gewijzigd"),
                                checkpoint)
        expected, previous_id = entry.hash, entry.pk
        checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and (head.last_hash != expected or head.last_id != previous_id):
        reason = (f"de laatste regel(s) ontbreken: de keten eindigde bij regel {head.last_id}, "
                  f"de laatste aanwezige regel is {previous_id}")
        return Verification(checked, expected, Problem(None, None, reason), checkpoint)
    return Verification(checked, expected, None, checkpoint)


def retention_years() -> int:
    """The configured years audit entries are kept: never fewer than five (NEN 7513)."""
    return max(MINIMUM_AUDIT_YEARS, int(settings.AUDIT_RETENTION_YEARS))


def prune_cutoff(today: dt.date | None = None) -> dt.datetime:
    """Entries older than this moment may be pruned."""
    today = today or timezone.localdate()
    day = add_years(today, -retention_years())
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())


def prunable(cutoff: dt.datetime) -> models.QuerySet:
    """The sealed entries before the first entry at or after ``cutoff`` in the chain: a prefix
    of the chain, so what remains still starts at one checkpoint."""
    sealed = AuditEntry.objects.filter(seq__isnull=False)
    first_kept = sealed.filter(timestamp__gte=cutoff).order_by("seq").values("seq")[:1]
    entries = sealed.filter(timestamp__lt=cutoff)
    if sealed.filter(timestamp__gte=cutoff).exists():
        entries = sealed.filter(seq__lt=models.Subquery(first_kept))
    return entries.order_by("seq")


def chain_prune(*, cutoff: dt.datetime | None = None) -> AuditCheckpoint | None:
    """Remove the entries older than the retention term and record a checkpoint with the
    last removed entry's hash, so the rest of the chain still verifies.

    Refuses (``ValueError``) when the chain is broken: pruning must not hide tampering. The
    head row is locked, so no entry is appended meanwhile.
    """
    cutoff = cutoff or prune_cutoff()
    if cutoff > prune_cutoff():
        raise ValueError("Audit entries are kept at least five years.")
    chain_seal()
    with transaction.atomic():
        AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        last = prunable(cutoff).last()
        if last is None:
            return None
        verification = chain_verify()
        if not verification.ok:
            raise ValueError(f"De auditketen is verbroken: {verification.problem}")
        count = AuditEntry.objects.filter(seq__lte=last.seq).count()
        checkpoint = AuditCheckpoint.objects.create(
            last_id=last.pk, last_seq=last.seq, last_timestamp=last.timestamp,
            last_hash=last.hash, entries_pruned=count)
        _raw().filter(seq__lte=last.seq).delete()
    return checkpoint


def chain_rebuild(entry_model=AuditEntry, head_model=AuditChainHead, *, using: str = "default",
                  batch: int = 1000) -> int:
    """Chain every entry anew from the genesis hash, in id order, and set the head.

    Only for the migration that introduced the chain and for the demo reset (which removes
    demo entries on purpose); on a real installation it would hide tampering. Works on the
    historical models of a migration too (``seq`` only where the model has it).
    """
    fields = ["prev_hash", "hash"]
    has_seq = any(f.name == "seq" for f in entry_model._meta.get_fields())
    if has_seq:
        fields.append("seq")
        # Positions are unique: clear them before numbering anew.
        models.QuerySet(model=entry_model, using=using).update(seq=None)
    previous, last_id, count, pending = auditchain.GENESIS, None, 0, []
    rows = models.QuerySet(model=entry_model, using=using).order_by("pk")
    for entry in rows.iterator(chunk_size=batch):
        entry.prev_hash = previous
        entry.hash = previous = auditchain.entry_hash(chain_fields(entry), previous)
        last_id, count = entry.pk, count + 1
        entry.seq = count
        pending.append(entry)
        if len(pending) >= batch:
            models.QuerySet(model=entry_model, using=using).bulk_update(pending, fields)
            pending = []
    if pending:
        models.QuerySet(model=entry_model, using=using).bulk_update(pending, fields)
    head = {"last_id": last_id, "last_hash": previous}
    if any(f.name == "last_seq" for f in head_model._meta.get_fields()):
        head["last_seq"] = count or None
    models.QuerySet(model=head_model, using=using).update_or_create(pk=1, defaults=head)
    return count
