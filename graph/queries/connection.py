"""How two people are connected: the shortest chains through shared projects, documents, employers, topics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.database import Database
from graph.queries.privacy import visible_param
from graph.queries.records import NodeRecord, node_record

# Every relationship type here starts at a Person, so any path alternates person - thing - person and one
# "hop" between people is two relationships. Variable-length bounds cannot be parameters, so the pattern
# allows the API's maximum (5 hops) and `$max_length` trims. Shared projects, documents and employers are
# tried first; shared topics (KNOWS_ABOUT) only join in a second, separate search, so a hub topic never
# hides a real working relationship: a topic step costs as much as three steps through shared work.
# The two people are read in the same query (null when missing or not visible to the caller), so the API
# can tell "no such person" from "no chain" in one round trip.
MAX_HOPS = 5
CONNECTION = """
OPTIONAL MATCH (a:Person {id: $from}) WHERE $visible IS NULL OR coalesce(a.visibility, 'public') IN $visible
OPTIONAL MATCH (b:Person {id: $to}) WHERE $visible IS NULL OR coalesce(b.visibility, 'public') IN $visible
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  CALL (a, b) {
    MATCH p = allShortestPaths((a)-[:CONTRIBUTED_TO|AUTHORED|WORKS_AT*..10]-(b))
    WHERE length(p) <= $max_length
      AND all(n IN nodes(p) WHERE $visible IS NULL OR NOT n:Person OR coalesce(n.visibility, 'public') IN $visible)
    RETURN p
    UNION
    MATCH p = allShortestPaths((a)-[:CONTRIBUTED_TO|AUTHORED|WORKS_AT|KNOWS_ABOUT*..10]-(b))
    WHERE length(p) <= $max_length
      AND all(n IN nodes(p) WHERE $visible IS NULL OR NOT n:Person OR coalesce(n.visibility, 'public') IN $visible)
    RETURN p
  }
  WITH p, reduce(cost = 0.0, r IN relationships(p) |
         cost + CASE type(r) WHEN 'KNOWS_ABOUT' THEN 1.5 WHEN 'WORKS_AT' THEN 0.75 ELSE 0.5 END) AS cost
  ORDER BY cost, length(p)
  LIMIT $limit
  RETURN collect({cost: cost, nodes: nodes(p), rels: [r IN relationships(p) | {type: type(r), role: r.role}]}) AS chains
}
RETURN a, b, chains
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


@dataclass(frozen=True)
class ConnectionAnswer:
    source: NodeRecord | None  # None when missing or not visible to the caller
    target: NodeRecord | None
    chains: tuple[Chain, ...]


def _chain(row: dict) -> Chain:
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
    return Chain(steps=steps, cost=float(row["cost"]))


def connections(
    db: Database, source: str, target: str, max_hops: int, limit: int, visible: Sequence[str] | None
) -> ConnectionAnswer:
    """The two people and up to `limit` cheapest shortest chains between them (none within max_hops: empty)."""
    row = db.read(
        CONNECTION,
        {"from": source, "to": target, "max_length": 2 * max_hops, "limit": limit, "visible": visible_param(visible)},
    )[0]
    return ConnectionAnswer(
        source=node_record(row["a"]) if row["a"] is not None else None,
        target=node_record(row["b"]) if row["b"] is not None else None,
        chains=tuple(_chain(c) for c in row["chains"]),
    )
