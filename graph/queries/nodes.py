"""Nodes by id, many at once: what `node(id)`, `nodes(ids)` and every resolver that holds only an id use."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.database import Database
from graph.queries.privacy import visible_param
from graph.queries.records import NodeRecord, node_record

# Each branch seeks one label's id constraint; the `ref.label` guard keeps the other branches from running.
NODES_BY_ID = """
UNWIND $refs AS ref
CALL (ref) {
  MATCH (n:Person {id: ref.id})
  WHERE ref.label = 'Person' AND ($visible IS NULL OR coalesce(n.visibility, 'public') IN $visible)
  RETURN n
  UNION
  MATCH (n:Organisation {id: ref.id}) WHERE ref.label = 'Organisation' RETURN n
  UNION
  MATCH (n:Document {id: ref.id}) WHERE ref.label IN ['Document', 'Project', 'Lesson', 'Evidence'] RETURN n
  UNION
  MATCH (n:Concept {id: ref.id}) WHERE ref.label = 'Concept' RETURN n
  UNION
  MATCH (n:Source {id: ref.id}) WHERE ref.label = 'Source' RETURN n
}
RETURN ref.label AS label, ref.id AS id, n
"""


@dataclass(frozen=True)
class NodeRef:
    """Which node to fetch: a label (or `Document` for any of Project/Lesson/Evidence) and an id."""

    label: str
    id: str


def nodes_by_ref(db: Database, refs: Sequence[NodeRef], visible: Sequence[str] | None) -> dict[NodeRef, NodeRecord]:
    """The nodes that exist (and the caller may see) for these refs; missing ones are absent from the map."""
    if not refs:
        return {}
    rows = db.read(
        NODES_BY_ID,
        {"refs": [{"label": r.label, "id": r.id} for r in dict.fromkeys(refs)], "visible": visible_param(visible)},
    )
    found: dict[NodeRef, NodeRecord] = {}
    for row in rows:
        record = node_record(row["n"])
        # A Project asked for as `Lesson` is a different node kind: do not hand it back under the wrong type.
        if row["label"] in ("Document", record.label):
            found[NodeRef(row["label"], row["id"])] = record
    return found
