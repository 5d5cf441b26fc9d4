"""Verifying and pruning the audit hash chain (``ombuds audit verify``, ``ombuds audit prune``).

Appending happens in ``AuditEntry.save``: it locks the chain head row, chains the entry to the
last hash and moves the head, in the transaction that writes the entry. Here the chain is
walked (streaming, in id order, from the latest pruning checkpoint) and pruned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
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


def _raw() -> models.QuerySet:
    """A plain queryset of audit entries: only chain maintenance may change or delete rows."""
    return models.QuerySet(model=AuditEntry)


def chain_verify(*, chunk_size: int = 2000) -> Verification:
    """Walk the chain in id order from the latest checkpoint and return where it first breaks.

    An entry is bad when its hash is not the hash of its own fields (it was altered), or when
    its ``prev_hash`` is not the hash of the entry before it (an entry before it was removed,
    inserted or altered together with its hash). The head row catches entries removed from
    the end. Reads the entries as a stream, so memory stays flat for millions of rows.
    """
    checkpoint = AuditCheckpoint.objects.order_by("-last_id").first()
    expected = checkpoint.last_hash if checkpoint else auditchain.GENESIS
    after = checkpoint.last_id if checkpoint else 0
    previous_id, checked = after or None, 0
    entries = (AuditEntry.objects.filter(pk__gt=after).order_by("pk")
               .only(*auditchain.FIELDS, "prev_hash", "hash"))
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
    """The entries before the first entry at or after ``cutoff``: a prefix of the chain, so
    what remains still starts at one checkpoint."""
    first_kept = AuditEntry.objects.filter(timestamp__gte=cutoff).order_by("pk").values("pk")[:1]
    entries = AuditEntry.objects.filter(timestamp__lt=cutoff)
    if AuditEntry.objects.filter(timestamp__gte=cutoff).exists():
        entries = AuditEntry.objects.filter(pk__lt=models.Subquery(first_kept))
    return entries.order_by("pk")


def chain_prune(*, cutoff: dt.datetime | None = None) -> AuditCheckpoint | None:
    """Remove the entries older than the retention term and record a checkpoint with the
    last removed entry's hash, so the rest of the chain still verifies.

    Refuses (``ValueError``) when the chain is broken: pruning must not hide tampering. The
    head row is locked, so no entry is appended meanwhile.
    """
    cutoff = cutoff or prune_cutoff()
    if cutoff > prune_cutoff():
        raise ValueError("Audit entries are kept at least five years.")
    with transaction.atomic():
        AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        last = prunable(cutoff).last()
        if last is None:
            return None
        verification = chain_verify()
        if not verification.ok:
            raise ValueError(f"De auditketen is verbroken: {verification.problem}")
        count = AuditEntry.objects.filter(pk__lte=last.pk).count()
        checkpoint = AuditCheckpoint.objects.create(
            last_id=last.pk, last_timestamp=last.timestamp, last_hash=last.hash,
            entries_pruned=count)
        _raw().filter(pk__lte=last.pk).delete()
    return checkpoint


def chain_rebuild(entry_model=AuditEntry, head_model=AuditChainHead, *, using: str = "default",
                  batch: int = 1000) -> int:
    """Chain every entry anew from the genesis hash, in id order, and set the head.

    Only for the migration that introduced the chain and for the demo reset (which removes
    demo entries on purpose); on a real installation it would hide tampering.
    """
    previous, last_id, count, pending = auditchain.GENESIS, None, 0, []
    rows = models.QuerySet(model=entry_model, using=using).order_by("pk")
    for entry in rows.iterator(chunk_size=batch):
        entry.prev_hash = previous
        entry.hash = previous = auditchain.entry_hash(chain_fields(entry), previous)
        last_id, count = entry.pk, count + 1
        pending.append(entry)
        if len(pending) >= batch:
            models.QuerySet(model=entry_model, using=using).bulk_update(pending, ["prev_hash", "hash"])
            pending = []
    if pending:
        models.QuerySet(model=entry_model, using=using).bulk_update(pending, ["prev_hash", "hash"])
    models.QuerySet(model=head_model, using=using).update_or_create(
        pk=1, defaults={"last_id": last_id, "last_hash": previous})
    return count
