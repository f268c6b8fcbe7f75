"""DataLoaders: every neighbour list and node lookup in a request is batched into one query per field."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from strawberry.dataloader import DataLoader

from graph.database import Database
from graph.queries.neighbours import neighbours
from graph.queries.nodes import NodeRef, nodes_by_ref
from graph.queries.records import NodeRecord, Page
from schema.context import Caller, run_sync


@dataclass(frozen=True)
class NeighbourKey:
    """One parent's page of one neighbour list."""

    field: str  # a key of graph.queries.neighbours.NEIGHBOUR_QUERIES
    parent_id: str
    skip: int
    limit: int


class Loaders:
    """The loaders of one request (never shared: their caches must not outlive the caller's permissions)."""

    def __init__(self, db: Database, caller: Caller):
        self.db = db
        self.caller = caller
        self.neighbours: DataLoader[NeighbourKey, Page] = DataLoader(load_fn=self._load_neighbours)
        self.nodes: DataLoader[NodeRef, NodeRecord | None] = DataLoader(load_fn=self._load_nodes)

    async def _load_neighbours(self, keys: Sequence[NeighbourKey]) -> list[Page]:
        # Parents asking for the same list with the same page share one query.
        groups: dict[tuple[str, int, int], list[str]] = defaultdict(list)
        for key in keys:
            groups[(key.field, key.skip, key.limit)].append(key.parent_id)
        group_keys = list(groups)
        results = await asyncio.gather(
            *(
                run_sync(neighbours, self.db, field, groups[(field, skip, limit)], skip, limit, self.caller.visible)
                for field, skip, limit in group_keys
            )
        )
        pages = {g: r for g, r in zip(group_keys, results, strict=True)}
        return [pages[(k.field, k.skip, k.limit)][k.parent_id] for k in keys]

    async def _load_nodes(self, refs: Sequence[NodeRef]) -> list[NodeRecord | None]:
        found = await run_sync(nodes_by_ref, self.db, list(refs), self.caller.visible)
        return [found.get(ref) for ref in refs]
