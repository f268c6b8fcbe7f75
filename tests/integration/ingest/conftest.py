"""Fixtures for ingest tests: small corpora copied from the bundled sample, and a graph snapshot helper."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph.backup import export_graph
from graph.database import Database

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "data" / "sample"
# Two organisations' records plus the blog posts that cite and learn from them: ~80 documents.
SLICE = [
    "organisations/calder-vale-community-healthcare-nhs-trust.jsonl",
    "organisations/tarnside-ambulance-service-nhs-trust.jsonl",
    "organisations/the-lantern-trust-for-later-life.jsonl",
]
VOLATILE = {"ingested_at", "derived_at"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of a slice of the sample corpus."""
    target = tmp_path / "corpus"
    target.mkdir()
    for name in SLICE:
        shutil.copy(SAMPLE / name, target / Path(name).name)
    return target


@pytest.fixture
def snapshot():
    """A function giving every node and relationship with its properties, minus timestamps, sorted."""
    return take_snapshot


def take_snapshot(db: Database, tmp_path: Path) -> tuple[list, list]:
    """Every node and relationship with its properties, minus timestamps, in a stable order."""
    path = tmp_path / "snapshot.jsonl"
    export_graph(db, path)
    nodes, rels = [], []
    for line in path.read_text().splitlines():
        item = json.loads(line)
        item["props"] = {k: v for k, v in item["props"].items() if k not in VOLATILE}
        (nodes if item["kind"] == "node" else rels).append(json.dumps(item, sort_keys=True))
    return sorted(nodes), sorted(rels)
