"""API keys: `Authorization: Bearer <key>`, stored as sha256 hashes on (:ApiKey) nodes, cached briefly."""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any

from cross_web import HTTPException

from graph.database import Database
from graph.queries.apikeys import create_key, find_key
from graph.settings import Settings
from schema.context import ROLES, Caller, RequestContext, run_sync

KEY_PREFIX = "kmob_"
CACHE_SECONDS = 30.0  # a deleted key stops working within this long; saves a round trip per request


@dataclass(frozen=True)
class NewKey:
    """A key just created: the secret is shown once and never stored."""

    id: str
    role: str
    name: str | None
    secret: str


def hash_key(secret: str) -> str:
    """The stored form of a key."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_key(db: Database, role: str, name: str | None = None) -> NewKey:
    """Create and store a key with this role; returns the only copy of the secret."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    key_id = "key-" + secrets.token_hex(6)
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    create_key(db, key_id, hash_key(secret), role, name)
    return NewKey(id=key_id, role=role, name=name, secret=secret)


class Authenticator:
    """Turns a request's Authorization header into a Caller, or refuses it with 401."""

    def __init__(self, db: Database, settings: Settings):
        self.db = db
        self.settings = settings
        self._cache: dict[str, tuple[float, Caller]] = {}
        self._lock = threading.Lock()

    def _lookup(self, secret: str) -> Caller | None:
        digest = hash_key(secret)
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(digest)
        if hit and hit[0] > now:
            return hit[1]
        record = find_key(self.db, digest)
        caller = Caller(role=record.role, key_id=record.id) if record and record.role in ROLES else None
        if caller is not None:
            with self._lock:
                self._cache[digest] = (now + CACHE_SECONDS, caller)
        return caller

    async def caller(self, headers: Any) -> Caller:
        """The caller named by the headers; 401 for a bad key, or for no key when anonymous reads are off."""
        header = (headers.get("authorization") or "").strip()
        if not header:
            if self.settings.anonymous_reads:
                return Caller()
            raise HTTPException(401, "An API key is required: send `Authorization: Bearer <key>`.")
        scheme, _, secret = header.partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise HTTPException(401, "Authorization must be `Bearer <key>`.")
        caller = await run_sync(self._lookup, secret.strip())
        if caller is None:
            raise HTTPException(401, "Unknown API key.")
        return caller


async def request_context(auth: Authenticator, request: Any, response: Any = None) -> RequestContext:
    """The GraphQL context for one HTTP request: who is calling, and the pipeline addDocument uses."""
    from server.documents import add_document

    caller = await auth.caller(request.headers)
    return RequestContext(
        db=auth.db,
        settings=auth.settings,
        caller=caller,
        request=request,
        response=response,
        add_document=lambda document: add_document(auth.db, document),
    )
