"""API fixtures: a slice of the sample corpus ingested through the real pipeline, and a way to ask questions."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest
import uvicorn

from graph.database import Database
from graph.settings import PROJECT_ROOT, Settings
from schema.build import build_schema
from schema.context import Caller, RequestContext
from schema.privacy import people_cache
from server.ingest.run import ingest_paths

SAMPLE = PROJECT_ROOT / "data" / "sample"
# Two trusts and a university (with three of the five hidden people) plus the evidence register.
SLICE = (
    SAMPLE / "organisations" / "kestrel-bay-university-hospitals-nhs-foundation-trust.jsonl",
    SAMPLE / "organisations" / "calder-vale-community-healthcare-nhs-trust.jsonl",
    SAMPLE / "organisations" / "university-of-eastmere.jsonl",
    SAMPLE / "evidence",
)


def slice_records() -> list[dict[str, Any]]:
    """The JSON records of the slice (not the CSV), read directly: the tests' independent ground truth."""
    records = []
    for path in SLICE:
        if path.suffix == ".jsonl":
            records += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return records


def people_marked(*visibilities: str) -> set[str]:
    """Names of people any record in the whole sample marks with one of these visibilities."""
    names = set()
    for path in SAMPLE.rglob("*.json*"):
        text = path.read_text()
        rows = [json.loads(line) for line in text.splitlines() if line.strip()] if path.suffix == ".jsonl" else []
        if path.suffix == ".json":
            data = json.loads(text)
            rows = data if isinstance(data, list) else [data]
        for row in rows:
            for person in row.get("people", []):
                if person.get("visibility") in visibilities:
                    names.add(person["name"])
    return names


def hidden_people() -> set[str]:
    """Names of people any record in the whole sample marks hidden."""
    return people_marked("hidden")


@pytest.fixture
def sample_db(db: Database, settings: Settings) -> Database:
    """The slice, ingested; cheap after the first test because ingest skips unchanged sources."""
    summary = ingest_paths(db, settings, [str(p) for p in SLICE])
    assert summary.ok, summary.errors
    return db


@dataclass
class Api:
    """Runs GraphQL against the schema in-process, as a given caller (for tests that count round trips)."""

    db: Database
    settings: Settings

    def __post_init__(self) -> None:
        self.schema = build_schema(self.settings)
        # Fixtures write straight to the database (ingest, wipes), as another process would: without this the
        # process-wide snapshot of restricted people could be up to its TTL old when the test starts.
        people_cache(self.db).invalidate()

    def run(self, query: str, variables: dict | None = None, role: str = "anonymous") -> Any:
        """The execution result (data and errors)."""
        context = RequestContext(db=self.db, settings=self.settings, caller=Caller(role=role))
        return asyncio.run(self.schema.execute(query, variable_values=variables, context_value=context))

    def data(self, query: str, variables: dict | None = None, role: str = "anonymous") -> dict:
        """The data of a query that must succeed."""
        result = self.run(query, variables, role)
        assert not result.errors, result.errors
        return result.data


@pytest.fixture
def api(sample_db: Database, settings: Settings) -> Api:
    return Api(sample_db, settings)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RunningServer:
    url: str
    settings: Settings


def serve(settings: Settings) -> Iterator[RunningServer]:
    """A real uvicorn server on a free port, in a thread, until the generator is closed."""
    from server.app import create_app

    port = free_port()
    settings = replace(settings, host="127.0.0.1", port=port)
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield RunningServer(url=f"http://127.0.0.1:{port}/graphql", settings=settings)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def server(sample_db: Database, settings: Settings) -> Iterator[RunningServer]:
    """The app under uvicorn with anonymous reads on (the local demo's setting)."""
    yield from serve(replace(settings, anonymous_reads=True))
