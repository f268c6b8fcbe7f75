"""What every resolver receives: the database, settings, who is calling, and this request's loaders."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from strawberry.types import Info

from graph.database import Database
from graph.queries.privacy import hidden_people
from graph.settings import Settings
from schema.errors import Forbidden

T = TypeVar("T")
ROLES = ("reader", "curator", "admin")
WITHHELD = "[withheld]"


@dataclass(frozen=True)
class Caller:
    """Who is asking: `anonymous` or the role of their API key."""

    role: str = "anonymous"
    key_id: str | None = None

    @property
    def sees_hidden(self) -> bool:
        """Only admins see people whose visibility is hidden."""
        return self.role == "admin"

    @property
    def can_write(self) -> bool:
        return self.role in ("curator", "admin")


async def run_sync(fn: Callable[..., T], *args: Any) -> T:
    """Run a blocking database call off the event loop."""
    return await asyncio.to_thread(fn, *args)


class Redactor:
    """Withholds hidden people's names and emails from free text; loads them at most once per request."""

    def __init__(self, db: Database, active: bool):
        self.db = db
        self.active = active
        self._pattern: re.Pattern[str] | None = None
        self._lock = asyncio.Lock()
        self.hidden_ids: frozenset[str] = frozenset()

    async def pattern(self) -> re.Pattern[str] | None:
        """The compiled pattern of hidden names (None when nobody is hidden or the caller is admin)."""
        if not self.active:
            return None
        async with self._lock:
            if self._pattern is None:
                people = await run_sync(hidden_people, self.db)
                self.hidden_ids = frozenset(p.id for p in people)
                # Single-word aliases ("Chidi") are left alone: they collide with other people's names.
                names = {n for p in people for n in (p.name, *p.aliases, p.email or "") if n and " " in n.strip()}
                names |= {p.email for p in people if p.email}
                if names:
                    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                    self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
                else:
                    self._pattern = re.compile(r"(?!x)x")  # matches nothing; cached so we do not reload
            return self._pattern

    async def text(self, value: str | None) -> str | None:
        """The text with every hidden person's name replaced by [withheld]."""
        if value is None or not self.active:
            return value
        pattern = await self.pattern()
        return pattern.sub(WITHHELD, value) if pattern is not None else value


@dataclass(frozen=True)
class AddedDocument:
    """What the server's ingest pipeline reports after adding one record."""

    created: bool  # False when an identical record was already stored
    entities: int
    relations: int
    person_id: str | None = None  # for a profile: the person it describes


@dataclass
class RequestContext:
    """The per-request context strawberry hands every resolver as `info.context`."""

    db: Database
    settings: Settings
    caller: Caller
    request: Any = None
    response: Any = None
    loaders: Any = None  # schema.loaders.Loaders, set right after construction
    # Supplied by the server (server.documents), so the schema layer never imports the ingest command.
    add_document: Callable[[Any], AddedDocument] | None = None
    redactor: Redactor = field(init=False)

    def __post_init__(self) -> None:
        from schema.loaders import Loaders

        self.redactor = Redactor(self.db, active=not self.caller.sees_hidden)
        if self.loaders is None:
            self.loaders = Loaders(self.db, self.caller)

    def require_writer(self) -> None:
        """Raise Forbidden unless the caller holds a curator or admin key."""
        if not self.caller.can_write:
            raise Forbidden(
                "this mutation needs an API key with the curator or admin role "
                "(send it as `Authorization: Bearer <key>`)"
            )


def ctx(info: Info) -> RequestContext:
    """The typed context of a resolver."""
    return info.context
