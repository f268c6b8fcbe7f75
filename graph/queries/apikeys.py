"""API keys: stored as (:ApiKey) nodes holding only the sha256 of the secret."""

from __future__ import annotations

from dataclasses import dataclass

from graph.database import Database

CREATE_KEY = """
CREATE (k:ApiKey {id: $id, key_hash: $key_hash, role: $role, name: $name, created_at: datetime()})
RETURN k.id AS id
"""

FIND_KEY = """
MATCH (k:ApiKey {key_hash: $key_hash})
RETURN k.id AS id, k.role AS role, k.name AS name
"""


@dataclass(frozen=True)
class ApiKeyRecord:
    id: str
    role: str
    name: str | None


def create_key(db: Database, key_id: str, key_hash: str, role: str, name: str | None) -> None:
    """Store a new key's hash and role."""
    db.write(CREATE_KEY, {"id": key_id, "key_hash": key_hash, "role": role, "name": name})


def find_key(db: Database, key_hash: str) -> ApiKeyRecord | None:
    """The key with this hash, or None."""
    rows = db.read(FIND_KEY, {"key_hash": key_hash})
    if not rows:
        return None
    return ApiKeyRecord(id=rows[0]["id"], role=rows[0]["role"], name=rows[0]["name"])
