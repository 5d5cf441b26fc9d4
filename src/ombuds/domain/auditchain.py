"""The hash chain of the audit log: the canonical form of an entry and its hash.

Each entry's hash covers its NEN 7513 fields and the hash of the entry before it, so an entry
altered, removed or inserted afterwards breaks the chain from that point on (``ombuds audit
verify``). The serialisation is sorted-key JSON without spaces, so it is the same in every
process, on every database and in every Python version. Pure Python: no Django.

Left out on purpose: the row id (assigned by the database after the hash is computed) and the
user id (set to NULL when a user is deleted); the username stays in the entry and is hashed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

#: The "previous hash" of the first entry of a chain that has never been pruned.
GENESIS = "0" * 64

#: The fields an entry's hash covers, besides the previous hash.
FIELDS = ("timestamp", "username", "role", "on_behalf_of", "action", "event", "object_type",
          "object_id", "object_label", "person_id", "municipality_code", "origin",
          "authorisation", "details")


def _timestamp(value: dt.datetime) -> str:
    """ISO 8601 in UTC with microseconds, whatever time zone the database returned."""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(fields: dict, prev_hash: str) -> bytes:
    """Return the bytes that are hashed: the fields of ``FIELDS`` and ``prev_hash``."""
    data = {name: fields[name] for name in FIELDS}
    data["timestamp"] = _timestamp(data["timestamp"])
    data["prev_hash"] = prev_hash
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(fields: dict, prev_hash: str) -> str:
    """Return the SHA-256 (hex) of an entry chained to ``prev_hash``."""
    return hashlib.sha256(canonical(fields, prev_hash)).hexdigest()
