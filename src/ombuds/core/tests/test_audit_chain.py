"""The audit hash chain (issue 7, done-when 3): ``ombuds audit verify`` passes on an intact log
and names the first bad entry after an entry is altered or deleted directly in the database.
Entries are sealed into the chain when their transaction commits (issue 8: the chain's lock
is no longer held through the services' transactions). Runs on SQLite and, with
DATABASE_URL, on PostgreSQL; the concurrency tests only there."""

from __future__ import annotations

import io
import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection, connections, transaction
from django.utils import timezone

from ombuds.core.audit import Action, audit_log
from ombuds.core.chain import chain_prune, chain_rebuild, chain_seal, chain_verify, prune_cutoff
from ombuds.core.models import AuditChainHead, AuditCheckpoint, AuditEntry
from ombuds.domain import auditchain

AMS = ZoneInfo("Europe/Amsterdam")


def write(n: int, **kwargs) -> list[AuditEntry]:
    """Write ``n`` entries and seal them, as the commit of their transaction does (the test's
    own transaction never commits); return them as stored."""
    entries = [audit_log(user=None, action=Action.READ, event="case.viewed",
                         object_type="cases.case", object_id=str(i),
                         object_label=f"STW-2026-{i:04d}", person_id=i,
                         municipality_code="GM1708", details={"i": i, "filters": ["a", "b"]},
                         **kwargs)
               for i in range(1, n + 1)]
    assert chain_seal() == n
    return list(AuditEntry.objects.filter(pk__in=[e.pk for e in entries]).order_by("seq"))


def verify() -> str:
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def raw(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql.replace("{t}", AuditEntry._meta.db_table), params)


@pytest.mark.django_db
def test_it_passes_on_an_intact_log():
    entries = write(5)
    assert "Auditlog in orde: 5 regel(s)" in verify()
    assert entries[0].prev_hash == auditchain.GENESIS
    assert [e.prev_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]
    assert AuditChainHead.objects.get().last_id == entries[-1].pk
    assert AuditChainHead.objects.get().last_seq == entries[-1].seq


@pytest.mark.django_db
def test_entries_left_unsealed_are_sealed_by_verify():
    """A process that died between its commit and its seal leaves entries without a place in
    the chain; the next seal, or ``audit verify``, chains them."""
    entries = [audit_log(user=None, action=Action.READ, event="case.viewed", object_id=str(i))
               for i in range(3)]
    assert AuditEntry.objects.filter(seq__isnull=True).count() == 3
    assert "Auditlog in orde: 3 regel(s)" in verify()
    sealed = AuditEntry.objects.filter(pk__in=[e.pk for e in entries]).order_by("seq")
    assert [e.pk for e in sealed] == [e.pk for e in entries]
    assert all(e.hash for e in sealed)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_entry_is_sealed_when_its_transaction_commits_and_not_before():
    with transaction.atomic():
        entry = audit_log(user=None, action=Action.READ, event="case.viewed", object_id="1")
        audit_log(user=None, action=Action.READ, event="case.viewed", object_id="2")
        assert AuditEntry.objects.get(pk=entry.pk).seq is None
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert stored.seq is not None and stored.prev_hash == auditchain.GENESIS and stored.chain_ok()
    assert not AuditEntry.objects.filter(seq__isnull=True).exists()
    # Outside a transaction the entry is sealed at once; a rolled-back one leaves no trace.
    alone = audit_log(user=None, action=Action.READ, event="case.viewed", object_id="3")
    assert AuditEntry.objects.get(pk=alone.pk).seq is not None
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_log(user=None, action=Action.READ, event="case.viewed", object_id="4")
        raise RuntimeError
    result = chain_verify()
    assert result.ok and result.checked == 3


@pytest.mark.django_db
def test_it_names_an_entry_altered_in_the_database():
    with time_machine.travel(datetime(2026, 3, 2, 10, 15, tzinfo=AMS), tick=False):
        entries = write(5)
    raw("UPDATE {t} SET object_label = %s WHERE id = %s", ["STW-2026-9999", entries[2].pk])
    with pytest.raises(CommandError) as failed:
        verify()
    message = str(failed.value)
    assert f"auditregel {entries[2].pk} (2026-03-02 10:15:00)" in message
    assert "de inhoud is gewijzigd" in message


@pytest.mark.django_db
def test_it_names_the_entry_after_one_deleted_in_the_database():
    entries = write(5)
    raw("DELETE FROM {t} WHERE id = %s", [entries[1].pk])
    with pytest.raises(CommandError) as failed:
        verify()
    message = str(failed.value)
    assert f"auditregel {entries[2].pk} (" in message
    assert f"vorige aanwezige regel: {entries[0].pk}" in message


@pytest.mark.django_db
def test_it_notices_an_entry_altered_with_a_recomputed_hash():
    entries = write(4)
    target = AuditEntry.objects.get(pk=entries[1].pk)
    target.details = {"i": 99}
    forged = auditchain.entry_hash(target.chain_fields(), target.prev_hash)
    raw("UPDATE {t} SET details = %s, hash = %s WHERE id = %s", ['{"i": 99}', forged, target.pk])
    with pytest.raises(CommandError, match=f"auditregel {entries[2].pk} "):
        verify()


@pytest.mark.django_db
def test_it_notices_the_last_entries_deleted():
    entries = write(4)
    raw("DELETE FROM {t} WHERE id >= %s", [entries[2].pk])
    with pytest.raises(CommandError, match="de laatste regel\\(s\\) ontbreken"):
        verify()


@pytest.mark.django_db
def test_the_app_still_refuses_to_change_or_bulk_create_entries():
    write(1)
    with pytest.raises(PermissionError):
        AuditEntry.objects.bulk_create([AuditEntry(action="R", event="x")])
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(event="x")


@pytest.mark.django_db
def test_pruning_keeps_the_chain_verifiable_from_a_checkpoint(settings):
    settings.AUDIT_RETENTION_YEARS = 5
    with time_machine.travel(datetime(2020, 6, 1, 12, tzinfo=AMS), tick=False):
        old = write(3)
    with time_machine.travel(datetime(2025, 12, 1, 12, tzinfo=AMS), tick=False):
        recent = write(2)
    with time_machine.travel(datetime(2026, 1, 1, 9, tzinfo=AMS)):
        checkpoint = chain_prune()
        assert checkpoint.last_id == old[-1].pk and checkpoint.entries_pruned == 3
        assert checkpoint.last_hash == old[-1].hash
        assert list(AuditEntry.objects.order_by("pk")) == recent
        assert chain_verify().ok
        assert "vanaf controlepunt" in verify()
        # Pruning once more removes nothing; a younger cutoff than five years is refused.
        assert chain_prune() is None
        with pytest.raises(ValueError):
            chain_prune(cutoff=timezone.now())
    raw("DELETE FROM {t} WHERE id = %s", [recent[0].pk])
    with pytest.raises(CommandError, match=f"auditregel {recent[1].pk} "):
        verify()


@pytest.mark.django_db
def test_pruning_refuses_a_broken_chain():
    with time_machine.travel(datetime(2019, 1, 1, 12, tzinfo=AMS), tick=False):
        entries = write(3)
    raw("UPDATE {t} SET event = %s WHERE id = %s", ["x", entries[1].pk])
    with pytest.raises(ValueError, match="verbroken"):
        chain_prune()
    assert not AuditCheckpoint.objects.exists()
    assert AuditEntry.objects.count() == 3


@pytest.mark.django_db
def test_the_prune_cutoff_is_never_less_than_five_years(settings):
    settings.AUDIT_RETENTION_YEARS = 2
    with time_machine.travel(datetime(2026, 5, 5, 12, tzinfo=AMS)):
        assert prune_cutoff().date().isoformat() == "2021-05-05"


@pytest.mark.django_db
def test_the_migration_chains_entries_written_before_the_chain():
    entries = write(3)
    raw("UPDATE {t} SET prev_hash = '', hash = ''", [])
    assert not chain_verify().ok
    assert chain_rebuild() == 3
    assert chain_verify().ok
    assert AuditEntry.objects.get(pk=entries[-1].pk).hash == entries[-1].hash


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_several_processes_writing_at_once_form_one_chain():
    """Eight connections append at once, each in its own transactions; the head row lock
    puts them in one chain."""
    errors = []

    def worker(n: int) -> None:
        try:
            for i in range(15):
                with transaction.atomic():
                    audit_log(user=None, action=Action.READ, event="case.viewed",
                              object_id=f"{n}-{i}")
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert not AuditEntry.objects.filter(seq__isnull=True).exists()
    result = chain_verify()
    assert result.ok, result.problem
    assert result.checked == 120


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_open_transaction_does_not_hold_up_other_audited_transactions():
    """A long service transaction that wrote an audit entry does not block another process's
    audited transaction (the chain's lock is taken only while sealing, after commit)."""
    first_wrote, second_done, errors = threading.Event(), threading.Event(), []

    def long_transaction() -> None:
        try:
            with transaction.atomic():
                audit_log(user=None, action=Action.READ, event="case.viewed", object_id="long")
                first_wrote.set()
                # Still open while the other one runs; before issue 8 this waited in vain.
                if not second_done.wait(timeout=10):
                    errors.append("the other audited transaction was blocked")
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    def short_transaction() -> None:
        try:
            first_wrote.wait(timeout=10)
            with transaction.atomic():
                audit_log(user=None, action=Action.READ, event="case.viewed", object_id="short")
            second_done.set()
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=long_transaction), threading.Thread(target=short_transaction)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    result = chain_verify()
    assert result.ok and result.checked == 2
    # Sealed in commit order: the short transaction committed first.
    assert list(AuditEntry.objects.order_by("seq").values_list("object_id", flat=True)) == [
        "short", "long"]
