"""Root Query type."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from graph.queries.stats import graph_totals
from schema.types import Stats


@strawberry.type
class Query:
    @strawberry.field(description="Node and relationship counts read from Neo4j.")
    def stats(self, info: Info) -> Stats:
        totals = graph_totals(info.context["db"])
        return Stats(nodes=totals.nodes, relationships=totals.relationships)

    @strawberry.field(description="Always true when the API answers; use /health for the database.")
    def health(self) -> bool:
        return True
