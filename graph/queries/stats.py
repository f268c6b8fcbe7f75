"""Graph totals: how many nodes and relationships the store holds."""

from __future__ import annotations

from dataclasses import dataclass

from graph.database import Database

GRAPH_TOTALS = """
CALL () { MATCH (n) WHERE NOT n:Migration AND NOT n:ApiKey RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
"""


@dataclass(frozen=True)
class GraphTotals:
    nodes: int
    relationships: int


def graph_totals(db: Database) -> GraphTotals:
    """Count content nodes (not bookkeeping ones) and all relationships, in one round trip."""
    record = db.read(GRAPH_TOTALS)[0]
    return GraphTotals(nodes=record["nodes"], relationships=record["relationships"])
