"""Who may see whom: the visibility filter every query applies, and the people some callers may not see.

Visibility is `public` (anyone), `internal` (callers with an API key) or `hidden` (admins only). Queries take
`$visible`, the list of visibilities the caller may see, or null for an admin, who sees everyone; a person
with no visibility counts as public, and one with any other value is seen by admins only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.database import Database

PUBLIC = ("public",)
WITH_KEY = ("public", "internal")
EVERYONE: None = None  # admins: no filter at all, whatever the value

# The person_visibility index serves the range seek; `public` people are the many, and never withheld.
RESTRICTED_PEOPLE = """
MATCH (p:Person) WHERE p.visibility > '' AND p.visibility <> 'public'
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, p.email AS email,
       p.visibility AS visibility
"""


@dataclass(frozen=True)
class RestrictedPerson:
    """A person some callers may not see, with every string that would name them."""

    id: str
    name: str
    aliases: tuple[str, ...]
    email: str | None
    visibility: str

    def visible_to(self, visible: Sequence[str] | None) -> bool:
        """Whether a caller who may see these visibilities (None: everyone) may see this person."""
        return visible is None or self.visibility in visible


def restricted_people(db: Database) -> list[RestrictedPerson]:
    """Every person whose visibility is anything but public (internal, hidden, or an unknown value)."""
    return [
        RestrictedPerson(r["id"], r["name"] or "", tuple(r["aliases"]), r["email"], r["visibility"])
        for r in db.read(RESTRICTED_PEOPLE)
    ]


def visible_param(visible: Sequence[str] | None) -> list[str] | None:
    """The `$visible` parameter: the visibilities as a list, or null for no filter."""
    return None if visible is None else list(visible)
