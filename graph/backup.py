"""`kmob export` / `kmob import`: the whole graph as JSONL of nodes and relationships, for backups.

Nodes are keyed by their `id` (every content label has one), so an import into an empty database rebuilds
the same graph; bookkeeping nodes (migrations, API keys) stay out of the file.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from neo4j import ManagedTransaction
from neo4j.time import Date, DateTime

from graph.database import Database

EXPORT_NODES = """
MATCH (n) WHERE n.id IS NOT NULL AND NOT n:Migration AND NOT n:ApiKey
RETURN labels(n) AS labels, properties(n) AS props
ORDER BY n.id
"""
EXPORT_RELS = """
MATCH (a)-[r]->(b)
WHERE a.id IS NOT NULL AND b.id IS NOT NULL AND NOT a:ApiKey AND NOT b:ApiKey
RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props
ORDER BY start, type, end
"""
# Labels and relationship types come from our own export file; they are checked against this pattern
# before they reach query text, since Cypher cannot take them as parameters.
_NAME_OK = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
BATCH = 2000


def _plain(value: Any) -> Any:
    if isinstance(value, DateTime | Date):
        return {"$datetime": value.iso_format()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _restore(value: Any) -> Any:
    if isinstance(value, dict) and "$datetime" in value:
        return DateTime.from_iso_format(value["$datetime"])
    return value


# The label whose uniqueness constraint on `id` finds a node quickly; Document covers its three kinds.
KEY_LABELS = (
    "Document",
    "Person",
    "Organisation",
    "Concept",
    "Source",
    "ConceptRedirect",
    "RejectedMention",
    "IngestState",
)


def key_label(labels: list[str]) -> str:
    """The label to look a node up by when linking relationships."""
    for label in KEY_LABELS:
        if label in labels:
            return label
    return sorted(labels)[0]


def export_graph(db: Database, path: Path) -> tuple[int, int]:
    """Write every node and relationship to `path` as JSONL; returns (nodes, relationships)."""
    nodes = db.read(EXPORT_NODES)
    rels = db.read(EXPORT_RELS)
    labels_by_id = {r["props"]["id"]: key_label(r["labels"]) for r in nodes}
    with open(path, "w", encoding="utf-8") as out:
        for r in nodes:
            props = {k: _plain(v) for k, v in r["props"].items()}
            out.write(json.dumps({"kind": "node", "labels": sorted(r["labels"]), "props": props}, sort_keys=True))
            out.write("\n")
        for r in rels:
            props = {k: _plain(v) for k, v in r["props"].items()}
            line = {
                "kind": "rel",
                "start": r["start"],
                "start_label": labels_by_id[r["start"]],
                "type": r["type"],
                "end": r["end"],
                "end_label": labels_by_id[r["end"]],
                "props": props,
            }
            out.write(json.dumps(line, sort_keys=True) + "\n")
    return len(nodes), len(rels)


def _checked(name: str) -> str:
    if not name or not set(name) <= _NAME_OK:
        raise ValueError(f"invalid label or relationship type {name!r} in the import file")
    return name


def _lines(path: Path) -> Iterator[tuple[int, dict]]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from exc


def import_graph(db: Database, path: Path) -> tuple[int, int]:
    """Load an export file (nodes first, then relationships), merging on `id`; returns counts."""
    nodes: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    rels: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for number, item in _lines(path):
        if item.get("kind") == "node" and "id" in item.get("props", {}):
            props = {k: _restore(v) for k, v in item["props"].items()}
            nodes[tuple(_checked(label) for label in item["labels"])].append(props)
        elif item.get("kind") == "rel":
            props = {k: _restore(v) for k, v in item.get("props", {}).items()}
            key = (_checked(item["type"]), _checked(item["start_label"]), _checked(item["end_label"]))
            rels[key].append({"start": item["start"], "end": item["end"], "props": props})
        else:
            raise ValueError(f"{path}:{number}: expected a node with an id or a rel")

    def work(tx: ManagedTransaction) -> None:
        for labels, rows in nodes.items():
            label_text = ":".join(f"`{label}`" for label in labels)
            query = f"UNWIND $rows AS row MERGE (n:{label_text} {{id: row.id}}) SET n = row"
            for i in range(0, len(rows), BATCH):
                tx.run(query, rows=rows[i : i + BATCH]).consume()  # type: ignore[arg-type]
        for (rel_type, start_label, end_label), rows in rels.items():
            query = (
                f"UNWIND $rows AS row MATCH (a:`{start_label}` {{id: row.start}}) "
                f"MATCH (b:`{end_label}` {{id: row.end}}) "
                f"CREATE (a)-[r:`{rel_type}`]->(b) SET r = row.props"
            )
            for i in range(0, len(rows), BATCH):
                tx.run(query, rows=rows[i : i + BATCH]).consume()  # type: ignore[arg-type]

    db.write_tx(work)
    return sum(len(r) for r in nodes.values()), sum(len(r) for r in rels.values())
