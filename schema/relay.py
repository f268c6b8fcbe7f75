"""Relay plumbing: global ids, offset cursors, page arguments and the generic Connection types."""

from __future__ import annotations

import base64
import binascii
from typing import Generic, TypeVar

import strawberry

from graph.settings import Settings
from schema.errors import UserError

T = TypeVar("T")
_CURSOR_PREFIX = "offset:"


def to_global_id(type_name: str, raw_id: str) -> str:
    """`Person` + `person:amina-patel` -> an opaque base64 id that names the type too."""
    return base64.urlsafe_b64encode(f"{type_name}:{raw_id}".encode()).decode()


def from_global_id(global_id: str) -> tuple[str, str]:
    """The (type name, raw id) inside a global id; UserError when it is not one."""
    try:
        decoded = base64.urlsafe_b64decode(global_id.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise UserError(f"{global_id!r} is not a valid id") from exc
    type_name, sep, raw_id = decoded.partition(":")
    if not sep or not raw_id or not type_name.isalpha():
        raise UserError(f"{global_id!r} is not a valid id")
    return type_name, raw_id


def raw_id(value: str, expected: tuple[str, ...]) -> str:
    """Accept a global id of one of the expected types, or a graph id as written (`person:amina-patel`)."""
    try:
        type_name, raw = from_global_id(value)
    except UserError:
        return value
    if type_name in expected:
        return raw
    # A graph id such as `qi_method:pdsa` may happen to decode as base64; only a known type name counts.
    if type_name in KNOWN_TYPES:
        raise UserError(f"id {value!r} is a {type_name}, expected {' or '.join(expected)}")
    return value


KNOWN_TYPES = frozenset({"Person", "Organisation", "Project", "Lesson", "Evidence", "Concept", "Source"})


def to_cursor(offset: int) -> str:
    """The opaque cursor of the item at this offset."""
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{offset}".encode()).decode()


def from_cursor(cursor: str) -> int:
    """The offset a cursor names; UserError for anything that is not one of ours."""
    try:
        decoded = base64.urlsafe_b64decode(cursor.encode()).decode()
        if decoded.startswith(_CURSOR_PREFIX):
            offset = int(decoded[len(_CURSOR_PREFIX) :])
            if offset >= 0:
                return offset
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise UserError(f"`after` cursor {cursor!r} is not valid; use a cursor from a previous page")


def page_window(
    first: int | None, after: str | None, settings: Settings, default: int = 10, argument: str = "first"
) -> tuple[int, int]:
    """(skip, limit) for `first`/`after`, refusing pages larger than settings.max_page_size.

    `argument` is the name the caller used for the page size, so the error names what to change.
    """
    limit = default if first is None else first
    if limit < 0 or limit > settings.max_page_size:
        raise UserError(f"`{argument}` must be between 0 and {settings.max_page_size} (got {limit})")
    skip = from_cursor(after) + 1 if after else 0
    return skip, limit


@strawberry.type(description="Where this page sits in the whole list.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    node: T
    cursor: str


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int = strawberry.field(description="How many items the whole list holds.")


def page_info(skip: int, count: int, total: int) -> PageInfo:
    """PageInfo for `count` items starting at offset `skip` of `total`."""
    return PageInfo(
        has_next_page=skip + count < total,
        has_previous_page=skip > 0,
        start_cursor=to_cursor(skip) if count else None,
        end_cursor=to_cursor(skip + count - 1) if count else None,
    )
