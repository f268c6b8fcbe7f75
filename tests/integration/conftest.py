"""Integration fixtures: a real Neo4j (started by `make test`), emptied before each test that asks."""

from __future__ import annotations

import pytest

from graph.database import Database
from graph.migrate import migrate
from graph.settings import Settings


@pytest.fixture(scope="session")
def db(settings: Settings):
    if settings.neo4j_password == "kmob-local-dev" and settings.neo4j_bolt_port == 7687:
        pytest.exit("integration tests wipe the graph: run them through `make test` (its own Neo4j)", returncode=2)
    database = Database(settings)
    database.ping()  # fail loudly, never skip, when Neo4j is not there
    migrate(database)
    yield database
    database.close()


@pytest.fixture
def empty_db(db: Database) -> Database:
    """The test database with every content node removed (schema and migrations kept)."""
    db.write("MATCH (n) WHERE NOT n:Migration DETACH DELETE n")
    return db
