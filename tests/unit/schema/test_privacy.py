"""The process-wide cache of restricted people: TTL, invalidation, per-audience patterns, no stale writes."""

from __future__ import annotations

import asyncio
import threading

from graph.queries.privacy import RestrictedPerson
from schema.context import Caller, Redactor
from schema.privacy import PeopleCache, names_pattern, people_cache


class FakeDatabase:
    """Answers RESTRICTED_PEOPLE from a list and counts reads; `gate` can hold a read half-way."""

    def __init__(self, people: list[dict]):
        self.people = people
        self.reads = 0
        self.gate: threading.Event | None = None
        self.reading = threading.Event()

    def read(self, query: str, params: dict | None = None) -> list[dict]:
        self.reads += 1
        rows = [dict(p) for p in self.people]  # what the database held when the read began
        self.reading.set()
        if self.gate is not None:
            self.gate.wait(5)
        return rows


def person(name: str, visibility: str, email: str | None = None) -> dict:
    return {
        "id": "person:" + name.lower().replace(" ", "-"),
        "name": name,
        "aliases": [],
        "email": email,
        "visibility": visibility,
    }


def test_snapshot_is_reused_until_invalidated_or_expired():
    db = FakeDatabase([person("Grace Lomax", "internal")])
    cache = PeopleCache(db, ttl=60)
    first = cache.load()
    assert cache.load() is first and cache.fresh() is first and db.reads == 1
    cache.invalidate()
    assert cache.fresh() is None
    assert cache.load() is not first and db.reads == 2
    expired = PeopleCache(db, ttl=0)
    expired.load()
    expired.load()
    assert expired.fresh() is None and db.reads == 4


def test_each_audience_has_its_own_pattern():
    db = FakeDatabase([person("Grace Lomax", "internal"), person("Usha Thorne", "hidden", "usha@example.org")])
    snapshot = PeopleCache(db).load()
    text = "Grace Lomax and Usha Thorne (usha@example.org) led it."
    anonymous = snapshot.pattern(Caller().visible).sub("[withheld]", text)
    reader = snapshot.pattern(Caller(role="reader").visible).sub("[withheld]", text)
    assert anonymous == "[withheld] and [withheld] ([withheld]) led it."
    assert reader == "Grace Lomax and [withheld] ([withheld]) led it."


def test_admins_read_text_untouched_and_others_withheld():
    db = FakeDatabase([person("Usha Thorne", "hidden")])
    text = "USHA THORNE presented; Ushathorne did not."

    async def redact(role: str) -> str | None:
        return await Redactor(db, Caller(role=role).visible).text(text)

    assert asyncio.run(redact("admin")) == text
    assert asyncio.run(redact("curator")) == "[withheld] presented; Ushathorne did not."


def test_a_read_that_straddles_an_invalidation_is_not_kept():
    # A write lands (and invalidates) while a reload is reading the old state: that reload must not be cached.
    db = FakeDatabase([person("Grace Lomax", "internal")])
    cache = PeopleCache(db, ttl=60)
    db.gate = threading.Event()
    loader = threading.Thread(target=cache.load)
    loader.start()
    assert db.reading.wait(5)
    db.people.append(person("Usha Thorne", "hidden"))
    cache.invalidate()
    db.gate.set()
    loader.join(5)
    assert cache.fresh() is None
    db.gate = None
    assert [p.name for p in cache.load().people] == ["Grace Lomax", "Usha Thorne"]


def test_single_word_aliases_are_not_withheld_but_full_names_are():
    pattern = names_pattern(
        [RestrictedPerson("person:chidi-l", "Chidi Llewellyn", ("Chidi", "C. Llewellyn"), None, "hidden")]
    )
    assert pattern.sub("_", "Chidi Llewellyn, C. Llewellyn and Chidi") == "_, _ and Chidi"


def test_one_cache_per_database_object():
    a, b = FakeDatabase([]), FakeDatabase([])
    assert people_cache(a) is people_cache(a) and people_cache(a) is not people_cache(b)
