"""Ingest against the real Neo4j: idempotent, replaces what a changed record said, reports bad records."""

from __future__ import annotations

import json
from pathlib import Path

from graph.backup import export_graph, import_graph
from graph.database import Database
from graph.settings import Settings
from server.ingest.run import ingest_paths


def _first_project(path: Path) -> tuple[list[dict], int]:
    records = [json.loads(line) for line in path.read_text().splitlines()]
    index = next(i for i, r in enumerate(records) if r["kind"] == "project")
    return records, index


def test_ingest_builds_the_graph_model(empty_db: Database, settings: Settings, corpus: Path) -> None:
    summary = ingest_paths(empty_db, settings, [corpus])
    assert summary.errors == []
    assert summary.documents == summary.new > 50
    counts = {
        r["label"]: r["n"] for r in empty_db.read("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
    }
    for label in ("Project", "Lesson", "Evidence", "Person", "Organisation", "Concept", "Source"):
        assert counts.get(label, 0) > 0, label
    # Structured fields win: a project's lead is linked with that role.
    leads = empty_db.read("MATCH (:Person)-[r:CONTRIBUTED_TO {role: 'lead'}]->(:Project) RETURN count(r) AS n")
    assert leads[0]["n"] > 0
    # Every mention keeps its provenance: its sources and a snippet, and where the text names it, its spans (a
    # mention that only a record's tags give has no place in the text).
    missing = empty_db.read(
        "MATCH (:Document)-[m:MENTIONS]->() WHERE m.sources IS NULL OR m.snippet IS NULL "
        "OR (m.spans IS NULL AND NOT (m.basis = 'tag' AND m.snippet STARTS WITH 'tag: ')) RETURN count(m) AS n"
    )
    assert missing[0]["n"] == 0
    # A concept that both the tags and the text give keeps the text's sentence as its snippet.
    tag_over_text = empty_db.read(
        "MATCH (:Document)-[m:MENTIONS]->() WHERE m.spans IS NOT NULL AND m.snippet STARTS WITH 'tag: ' "
        "RETURN count(m) AS n"
    )
    assert tag_over_text[0]["n"] == 0
    derived = empty_db.read("MATCH ()-[k:KNOWS_ABOUT]->() RETURN count(k) AS n, min(size(k.basis)) AS b")
    assert derived[0]["n"] > 0 and derived[0]["b"] >= 1


def test_second_ingest_changes_nothing(
    empty_db: Database, settings: Settings, corpus: Path, tmp_path: Path, snapshot
) -> None:
    ingest_paths(empty_db, settings, [corpus])
    before = snapshot(empty_db, tmp_path)
    again = ingest_paths(empty_db, settings, [corpus])
    assert again.unchanged == again.documents and again.new == again.updated == 0
    assert snapshot(empty_db, tmp_path) == before


def test_changed_record_replaces_only_its_own_facts(empty_db: Database, settings: Settings, corpus: Path) -> None:
    path = corpus / "calder-vale-community-healthcare-nhs-trust.jsonl"
    records, index = _first_project(path)
    project_id = records[index]["id"]
    ingest_paths(empty_db, settings, [corpus])
    concepts_before = {
        r["id"]
        for r in empty_db.read("MATCH (:Project {id: $id})-[]->(c:Concept) RETURN c.id AS id", {"id": project_id})
    }
    other_links = empty_db.read(
        "MATCH (d:Document)-[r]->(:Concept) WHERE d.id <> $id RETURN count(r) AS n", {"id": project_id}
    )[0]["n"]
    records[index]["text"] = "A short rewrite: the team used a PDSA cycle to study hand hygiene on the wards."
    records[index]["tags"] = []
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")

    summary = ingest_paths(empty_db, settings, [corpus])
    assert summary.updated == 1 and summary.new == 0
    concepts_after = {
        r["id"]
        for r in empty_db.read("MATCH (:Project {id: $id})-[]->(c:Concept) RETURN c.id AS id", {"id": project_id})
    }
    assert "qi_method:pdsa" in concepts_after
    assert concepts_after != concepts_before
    stale = concepts_before - concepts_after
    assert stale, "the rewrite should drop concepts the old text supported"
    # What other documents said is untouched.
    assert (
        empty_db.read("MATCH (d:Document)-[r]->(:Concept) WHERE d.id <> $id RETURN count(r) AS n", {"id": project_id})[
            0
        ]["n"]
        == other_links
    )
    text = empty_db.read("MATCH (p:Project {id: $id}) RETURN p.text AS t", {"id": project_id})[0]["t"]
    assert text.startswith("A short rewrite")


def test_bad_records_are_reported_and_the_rest_goes_on(
    empty_db: Database, settings: Settings, corpus: Path, tmp_path: Path, snapshot
) -> None:
    bad = corpus / "broken.jsonl"
    good = {"id": "proj-good-1", "kind": "project", "title": "Falls huddles", "text": "We tested falls huddles."}
    bad.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "x", "kind": "project"}) + "\n")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    report = tmp_path / "report.json"
    summary = ingest_paths(empty_db, settings, [corpus], report_path=report)
    messages = [f"{e.source}: {e.message}" for e in summary.errors]
    assert any("broken.jsonl#L2" in m and "malformed JSON" in m for m in messages), messages
    assert any("broken.jsonl" in m and "text" in m for m in messages), messages
    assert any("binary.txt" in m for m in messages), messages
    assert empty_db.read("MATCH (p:Project {id: 'proj-good-1'}) RETURN count(p) AS n")[0]["n"] == 1
    assert summary.new > 50
    written = json.loads(report.read_text())
    assert len(written["errors"]) == len(summary.errors)


def test_export_import_round_trip_is_identical(
    empty_db: Database, settings: Settings, corpus: Path, tmp_path: Path, snapshot
) -> None:
    ingest_paths(empty_db, settings, [corpus])
    first = tmp_path / "first.jsonl"
    export_graph(empty_db, first)
    before = snapshot(empty_db, tmp_path)
    empty_db.write("MATCH (n) WHERE NOT n:Migration DETACH DELETE n")
    nodes, rels = import_graph(empty_db, first)
    assert nodes > 0 and rels > 0
    second = tmp_path / "second.jsonl"
    export_graph(empty_db, second)
    assert first.read_text() == second.read_text()
    assert snapshot(empty_db, tmp_path) == before


def test_cli_reports_bad_records_and_exits_non_zero(empty_db: Database, tmp_path: Path) -> None:
    import subprocess
    import sys

    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "good.md").write_text(
        "---\nkind: lesson\ntitle: Huddles need a fixed time\n---\n"
        "Our falls huddle worked once it had a fixed time each morning.\n"
    )
    (corpus / "bad.json").write_text('{"kind": "project", "title": "No text here"}')
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "server.cli",
            "ingest",
            str(corpus),
            str(tmp_path / "missing"),
            "--no-progress",
            "--report",
            str(tmp_path / "report.json"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1
    assert "bad.json" in run.stderr and "text" in run.stderr
    assert "missing: no such file or folder" in run.stderr
    assert "documents 1 (new 1, updated 0, unchanged 0)" in run.stdout
    assert "errors 1" in run.stdout
    lessons = empty_db.read("MATCH (l:Lesson) RETURN l.title AS title")
    assert [r["title"] for r in lessons] == ["Huddles need a fixed time"]
