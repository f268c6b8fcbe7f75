"""clear_graph empties content in chunked transactions and keeps the schema's bookkeeping."""

from __future__ import annotations

from graph.database import Database
from graph.maintenance import clear_graph


def test_clear_graph_removes_content_but_keeps_migrations_and_keys(empty_db: Database) -> None:
    empty_db.write(
        "UNWIND range(1, 300) AS i "
        "MERGE (c:Concept {id: 'topic:hub'}) "
        "CREATE (d:Project:Document {id: 'p' + i})-[:MENTIONS]->(c) "
        "MERGE (k:ApiKey {id: 'key-test'})"
    )
    migrations = empty_db.read("MATCH (m:Migration) RETURN count(m) AS n")[0]["n"]
    clear_graph(empty_db)
    assert empty_db.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"] == 0
    labels = {r["l"] for r in empty_db.read("MATCH (n) UNWIND labels(n) AS l RETURN DISTINCT l")}
    assert labels == {"Migration", "ApiKey"}
    assert empty_db.read("MATCH (m:Migration) RETURN count(m) AS n")[0]["n"] == migrations
    empty_db.write("MATCH (k:ApiKey {id: 'key-test'}) DELETE k")
