"""Typed records the API's queries return: one per node kind, plus a page of neighbours."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Labels a node can be read as, most specific first: Project/Lesson/Evidence also carry `Document`.
NODE_LABELS: tuple[str, ...] = ("Person", "Organisation", "Project", "Lesson", "Evidence", "Concept", "Source")
DOCUMENT_LABELS: tuple[str, ...] = ("Project", "Lesson", "Evidence")


@dataclass(frozen=True)
class NodeRecord:
    """Any content node: its most specific label, its id and the properties the API shows."""

    label: str
    id: str
    props: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        """A property, or the default when the graph does not hold it."""
        value = self.props.get(key)
        return default if value is None else value


@dataclass(frozen=True)
class Neighbour:
    """One neighbour of a node, with what the relationship says (role, score, type)."""

    node: NodeRecord
    rel_type: str | None = None
    role: str | None = None
    score: float | None = None


@dataclass(frozen=True)
class Page:
    """A slice of a longer list: the items and how many there are in all."""

    items: tuple[Any, ...]
    total: int


EMPTY_PAGE = Page(items=(), total=0)
# Large properties never cross to the API: embeddings are for the vector index only.
_DROPPED = frozenset({"embedding", "title_key"})


def node_record(node: Any) -> NodeRecord:
    """Turn a driver Node into a NodeRecord, choosing the most specific known label."""
    labels = set(node.labels)
    label = next((name for name in NODE_LABELS if name in labels), "Unknown")
    props = {k: v for k, v in dict(node).items() if k not in _DROPPED}
    return NodeRecord(label=label, id=props.get("id", ""), props=props)


def neighbour_record(item: dict[str, Any]) -> Neighbour:
    """A `{node, type, role, score}` map from a neighbour query as a typed record."""
    return Neighbour(
        node=node_record(item["node"]),
        rel_type=item.get("type"),
        role=item.get("role"),
        score=item.get("score"),
    )
