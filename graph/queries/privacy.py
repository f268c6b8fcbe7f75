"""Hidden people's names, so the API can withhold them from free text as well as from results."""

from __future__ import annotations

from dataclasses import dataclass

from graph.database import Database

HIDDEN_PEOPLE = """
MATCH (p:Person {visibility: 'hidden'})
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, p.email AS email
"""


@dataclass(frozen=True)
class HiddenPerson:
    id: str
    name: str
    aliases: tuple[str, ...]
    email: str | None


def hidden_people(db: Database) -> list[HiddenPerson]:
    """Every person whose visibility is hidden."""
    return [HiddenPerson(r["id"], r["name"] or "", tuple(r["aliases"]), r["email"]) for r in db.read(HIDDEN_PEOPLE)]
