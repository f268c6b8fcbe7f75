"""How two people are connected: the shortest chains through shared projects, documents, employers, topics."""

from __future__ import annotations

from dataclasses import dataclass

from graph.database import Database
from graph.queries.records import NodeRecord, node_record

# Every relationship type here starts at a Person, so any path alternates person - thing - person and one
# "hop" between people is two relationships. Variable-length bounds cannot be parameters, so the pattern
# allows the API's maximum (5 hops) and `$max_length` trims. Shared projects, documents and employers are
# tried first; shared topics (KNOWS_ABOUT) only join in a second, separate search, so a hub topic never
# hides a real working relationship: a topic step costs as much as three steps through shared work.
MAX_HOPS = 5
CONNECTION = """
MATCH (a:Person {id: $from}), (b:Person {id: $to})
WHERE a <> b AND ($include_hidden OR (coalesce(a.visibility, 'public') <> 'hidden'
                                      AND coalesce(b.visibility, 'public') <> 'hidden'))
CALL (a, b) {
  MATCH p = allShortestPaths((a)-[:CONTRIBUTED_TO|AUTHORED|WORKS_AT*..10]-(b))
  WHERE length(p) <= $max_length
    AND all(n IN nodes(p) WHERE $include_hidden OR NOT n:Person OR coalesce(n.visibility, 'public') <> 'hidden')
  RETURN p
  UNION
  MATCH p = allShortestPaths((a)-[:CONTRIBUTED_TO|AUTHORED|WORKS_AT|KNOWS_ABOUT*..10]-(b))
  WHERE length(p) <= $max_length
    AND all(n IN nodes(p) WHERE $include_hidden OR NOT n:Person OR coalesce(n.visibility, 'public') <> 'hidden')
  RETURN p
}
WITH p, reduce(cost = 0.0, r IN relationships(p) |
       cost + CASE type(r) WHEN 'KNOWS_ABOUT' THEN 1.5 WHEN 'WORKS_AT' THEN 0.75 ELSE 0.5 END) AS cost
ORDER BY cost, length(p)
LIMIT $limit
RETURN cost, nodes(p) AS nodes, [r IN relationships(p) | {type: type(r), role: r.role}] AS rels
"""


@dataclass(frozen=True)
class Step:
    """One person-to-person step: `left` and `right` both linked to `via`, each with their own role."""

    left: NodeRecord
    via: NodeRecord
    right: NodeRecord
    rel_type: str  # CONTRIBUTED_TO | AUTHORED | WORKS_AT | KNOWS_ABOUT
    left_role: str | None
    right_role: str | None


@dataclass(frozen=True)
class Chain:
    steps: tuple[Step, ...]
    cost: float


def connections(db: Database, source: str, target: str, max_hops: int, limit: int, include_hidden: bool) -> list[Chain]:
    """Up to `limit` cheapest shortest chains between two people (empty when none within max_hops)."""
    rows = db.read(
        CONNECTION,
        {"from": source, "to": target, "max_length": 2 * max_hops, "limit": limit, "include_hidden": include_hidden},
    )
    chains = []
    for row in rows:
        nodes = [node_record(n) for n in row["nodes"]]
        rels = row["rels"]
        steps = tuple(
            Step(
                left=nodes[i],
                via=nodes[i + 1],
                right=nodes[i + 2],
                rel_type=rels[i]["type"],
                left_role=rels[i]["role"],
                right_role=rels[i + 1]["role"],
            )
            for i in range(0, len(nodes) - 2, 2)
        )
        chains.append(Chain(steps=steps, cost=float(row["cost"])))
    return chains
