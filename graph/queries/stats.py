"""Graph totals: how many nodes and relationships the store holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.database import Database
from graph.queries.privacy import visible_param

# People the caller may not see are left out of both counts, with every relationship that touches them: a
# total that moves when one person's visibility changes tells who they are. `$visible` as in privacy.py.
GRAPH_TOTALS = """
CALL () { MATCH (n) WHERE NOT n:Migration AND NOT n:ApiKey RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () {
  MATCH (p:Person) WHERE $visible IS NOT NULL AND NOT coalesce(p.visibility, 'public') IN $visible
  OPTIONAL MATCH (p)-[r]-()
  RETURN count(DISTINCT p) AS unseen_people, count(DISTINCT r) AS unseen_relationships
}
RETURN nodes - unseen_people AS nodes, relationships - unseen_relationships AS relationships
"""


@dataclass(frozen=True)
class GraphTotals:
    nodes: int
    relationships: int


def graph_totals(db: Database, visible: Sequence[str] | None) -> GraphTotals:
    """Count content nodes (not bookkeeping ones) and relationships the caller may see, in one round trip."""
    record = db.read(GRAPH_TOTALS, {"visible": visible_param(visible)})[0]
    return GraphTotals(nodes=record["nodes"], relationships=record["relationships"])
