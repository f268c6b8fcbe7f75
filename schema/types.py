"""GraphQL object types that mirror graph records."""

from __future__ import annotations

import strawberry


@strawberry.type(description="Totals over the whole graph.")
class Stats:
    nodes: int = strawberry.field(description="Content nodes: people, organisations, documents, concepts.")
    relationships: int = strawberry.field(description="All relationships, extracted and derived.")
