"""Emptying the graph in chunks, for benchmarks and restores; the schema and migrations stay."""

from __future__ import annotations

from graph.database import Database

# Relationships first, in small transactions: detaching a concept with tens of thousands of links in one go
# exceeds Neo4j's transaction memory on a modest heap.
DELETE_RELATIONSHIPS = "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"
DELETE_CONTENT_NODES = (
    "MATCH (n) WHERE NOT n:Migration AND NOT n:ApiKey CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"
)


def clear_graph(db: Database) -> None:
    """Delete every content node and relationship; migrations and API keys are kept."""
    db.run_autocommit(DELETE_RELATIONSHIPS)
    db.run_autocommit(DELETE_CONTENT_NODES)
