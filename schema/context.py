"""What every resolver receives: the database, settings, who is calling, and this request's loaders."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from strawberry.types import Info

from graph.database import Database
from graph.queries.privacy import EVERYONE, PUBLIC, WITH_KEY
from graph.settings import Settings
from schema.errors import Forbidden
from schema.privacy import WITHHELD, people_cache

T = TypeVar("T")
ROLES = ("reader", "curator", "admin")


@dataclass(frozen=True)
class Caller:
    """Who is asking: `anonymous` or the role of their API key."""

    role: str = "anonymous"
    key_id: str | None = None

    @property
    def visible(self) -> tuple[str, ...] | None:
        """The person visibilities this caller may see: None for admins, who see everyone."""
        if self.role == "admin":
            return EVERYONE
        # Any valid key (reader, curator) is a member of staff; anonymous callers are the public.
        return WITH_KEY if self.role in ROLES else PUBLIC

    @property
    def can_write(self) -> bool:
        return self.role in ("curator", "admin")


async def run_sync(fn: Callable[..., T], *args: Any) -> T:
    """Run a blocking database call off the event loop."""
    return await asyncio.to_thread(fn, *args)


class Redactor:
    """Withholds the names and emails of people the caller may not see from free text.

    Takes one snapshot of the process-wide cache per request, so every field of an answer agrees.
    """

    def __init__(self, db: Database, visible: tuple[str, ...] | None):
        self.db = db
        self.visible = visible
        self._pattern: re.Pattern[str] | None = None

    async def pattern(self) -> re.Pattern[str] | None:
        """The compiled pattern of withheld names (None when the caller is admin and sees everyone)."""
        if self.visible is None:
            return None
        if self._pattern is None:
            cache = people_cache(self.db)
            snapshot = cache.fresh() or await run_sync(cache.load)
            self._pattern = snapshot.pattern(self.visible)
        return self._pattern

    async def text(self, value: str | None) -> str | None:
        """The text with every withheld person's name replaced by [withheld]."""
        if value is None or self.visible is None:
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

        self.redactor = Redactor(self.db, self.caller.visible)
        if self.loaders is None:
            self.loaders = Loaders(self.db, self.caller)

    def people_changed(self) -> None:
        """After a write: the next request, this one's later fields included, reloads who is withheld."""
        people_cache(self.db).invalidate()
        self.redactor = Redactor(self.db, self.caller.visible)

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
