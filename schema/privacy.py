"""Withholding people a caller may not see from free text, from a process-wide cache of who they are.

Loading the restricted people cost a round trip on every request. They change rarely, so one snapshot per
process is shared for at most TTL_SECONDS; this process's own writes that can change them (setPersonVisibility,
addDocument, mergeConcepts) drop it at once, so a change made through this API is honoured by the very next
request. A change made by another process (e.g. `kmob ingest` on the command line) is honoured within
TTL_SECONDS in free text; the result filters themselves always read visibility live in each query.
"""

from __future__ import annotations

import re
import threading
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.database import Database
from graph.queries.privacy import RestrictedPerson, restricted_people

TTL_SECONDS = 5.0
WITHHELD = "[withheld]"
_NOTHING = re.compile(r"(?!x)x")  # matches no text


def names_pattern(people: Sequence[RestrictedPerson]) -> re.Pattern[str]:
    """A pattern matching any full name, multi-word alias or email of these people (case-insensitive)."""
    # Single-word aliases ("Chidi") are left alone: they collide with other people's names and with words.
    names = {n for p in people for n in (p.name, *p.aliases) if n and " " in n.strip()}
    names |= {p.email for p in people if p.email}
    if not names:
        return _NOTHING
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


@dataclass
class Snapshot:
    """The restricted people as read at one moment, with one compiled pattern per audience, built on demand."""

    people: tuple[RestrictedPerson, ...]
    loaded_at: float
    _patterns: dict[tuple[str, ...], re.Pattern[str]] = field(default_factory=dict)

    def pattern(self, visible: tuple[str, ...]) -> re.Pattern[str]:
        """The names a caller who may see `visible` must not read."""
        found = self._patterns.get(visible)
        if found is None:
            found = names_pattern([p for p in self.people if not p.visible_to(visible)])
            self._patterns[visible] = found  # a benign race: two threads build the same pattern
        return found


class PeopleCache:
    """One database's restricted people, shared by every request of this process."""

    def __init__(self, db: Database, ttl: float = TTL_SECONDS):
        self.db = db
        self.ttl = ttl
        self._snapshot: Snapshot | None = None
        self._generation = 0
        self._load_lock = threading.Lock()  # one reload at a time; the others wait and reuse it
        self._state_lock = threading.Lock()  # guards _snapshot and _generation together

    def fresh(self) -> Snapshot | None:
        """The current snapshot if it is young enough to use, without touching the database."""
        snapshot = self._snapshot
        if snapshot is not None and time.monotonic() - snapshot.loaded_at < self.ttl:
            return snapshot
        return None

    def load(self) -> Snapshot:
        """A fresh snapshot, reading the database only when none is (blocking: call off the event loop)."""
        with self._load_lock:
            snapshot = self.fresh()
            if snapshot is not None:
                return snapshot
            with self._state_lock:
                generation = self._generation
            snapshot = Snapshot(people=tuple(restricted_people(self.db)), loaded_at=time.monotonic())
            with self._state_lock:
                # Not kept if a write dropped the cache while we read: our read may predate that write.
                if generation == self._generation:
                    self._snapshot = snapshot
            return snapshot

    def invalidate(self) -> None:
        """Forget the snapshot: call after any write in this process that may change who is restricted."""
        with self._state_lock:
            self._generation += 1
            self._snapshot = None


_CACHES: weakref.WeakKeyDictionary[Database, PeopleCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def people_cache(db: Database) -> PeopleCache:
    """The process's cache for this database (one per Database object, gone with it)."""
    with _CACHES_LOCK:
        cache = _CACHES.get(db)
        if cache is None:
            cache = _CACHES[db] = PeopleCache(db)
        return cache
