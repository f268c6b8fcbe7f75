"""The local server keeps data across restarts, and /health follows Neo4j without restarting the API."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from graph.database import Database
from graph.migrate import applied_versions, load_migrations, migrate
from graph.neo4j_local import launcher
from graph.settings import Settings


def test_migrations_are_idempotent(db: Database) -> None:
    before = db.read("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")[0]["n"]
    assert migrate(db) == []
    after = db.read("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")[0]["n"]
    assert before == after
    assert applied_versions(db) == {m.version for m in load_migrations()}
    indexes = {r["name"] for r in db.read("SHOW INDEXES YIELD name RETURN name")}
    assert {"kmob_search", "kmob_document_embedding"} <= indexes


def test_restart_keeps_data(empty_db: Database, settings: Settings) -> None:
    if not launcher.status(settings).running:
        pytest.fail("the test Neo4j is not managed by `kmob neo4j` here; run through `make test`")
    empty_db.write("CREATE (:Concept {id: 'topic:restart-check', name: 'Restart check'})")
    launcher.stop(settings)
    assert not launcher.status(settings).running
    launcher.start(settings)
    empty_db.close()  # the old pool points at the dead server
    rows = empty_db.read("MATCH (c:Concept {id: 'topic:restart-check'}) RETURN c.name AS name")
    assert [r["name"] for r in rows] == ["Restart check"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {timeout}s")


def test_health_follows_neo4j_without_restarting_the_server(db: Database, settings: Settings) -> None:
    port = _free_port()
    env = {**os.environ, "KMOB_PORT": str(port)}
    server = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "serve", "--log-level", "warning"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/health")
        assert httpx.get(f"{base}/health").status_code == 200
        launcher.stop(settings)
        down = httpx.get(f"{base}/health", timeout=30)
        assert down.status_code == 503
        assert "not reachable" in down.json()["neo4j"]
        assert settings.neo4j_uri in down.json()["neo4j"]
        launcher.start(settings)
        up = httpx.get(f"{base}/health", timeout=30)
        assert up.status_code == 200, up.text
        answer = httpx.post(f"{base}/graphql", json={"query": "{ stats { nodes relationships } }"}, timeout=30)
        assert answer.json()["data"]["stats"]["nodes"] >= 0
    finally:
        if not launcher.status(settings).running:
            launcher.start(settings)
        server.terminate()
        server.wait(timeout=20)
        db.close()
