"""`kmob ingest --prune` against the real Neo4j: a deleted file's facts go, everything else stays."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.database import Database
from graph.queries.curation import set_person_visibility
from graph.settings import Settings
from server.cli import main
from server.ingest.run import ingest_paths
from server.ingest.sources import stable_file

CALDER = "Calder Vale Community Healthcare NHS Trust"
TARNSIDE = "Tarnside Ambulance Service NHS Trust"


def _write_up(fields: dict, text: str) -> str:
    """A Markdown write-up whose front matter holds each field as one line of JSON."""
    lines = [f"{key}: {json.dumps(value)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + text + "\n"


KEEP = _write_up(
    {
        "id": "proj-prune-keep",
        "kind": "project",
        "title": "Falls huddles on the frailty ward",
        "organisation": CALDER,
        "people": [{"name": "Ann Keeper", "role": "lead", "organisation": CALDER}],
        "tags": ["falls prevention"],
    },
    "The frailty ward team ran daily safety huddles to reduce inpatient falls. Falls fell over six months.",
)
GONE = _write_up(
    {
        "id": "proj-prune-gone",
        "kind": "project",
        "title": "Sepsis screening at the front door",
        "organisation": TARNSIDE,
        "people": [
            {"name": "Ann Keeper", "role": "member", "organisation": CALDER},
            {"name": "Bea Leaver", "role": "lead", "organisation": TARNSIDE},
            {"name": "Cara Curated", "role": "sponsor"},
        ],
        "tags": ["sepsis"],
    },
    "Paramedics screened adults for sepsis with a new checklist. Time to antibiotics improved.",
)

LESSONS = [
    {
        "id": "lesson-prune-1",
        "kind": "lesson",
        "title": "Huddles need a fixed time",
        "project": "proj-prune-keep",
        "tags": ["falls prevention"],
        "text": "What we learned: huddles worked when they happened at the same time every day.",
    },
    {
        "id": "lesson-prune-2",
        "kind": "lesson",
        "title": "Checklists need an owner",
        "project": "proj-prune-keep",
        "tags": ["delirium"],
        "text": "What we learned: a checklist nobody owns is soon forgotten by the ward team.",
    },
]


@pytest.fixture(autouse=True)
def leave_no_trace(empty_db: Database) -> Iterator[None]:
    """Empty the graph afterwards too: API tests that follow count what the sample slice alone adds."""
    yield
    empty_db.write("MATCH (n) WHERE NOT n:Migration DETACH DELETE n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three files: two write-ups and a JSONL file of two lessons."""
    target = tmp_path / "projects"
    target.mkdir()
    (target / "keep.md").write_text(KEEP)
    (target / "gone.md").write_text(GONE)
    (target / "lessons.jsonl").write_text("".join(json.dumps(r) + "\n" for r in LESSONS))
    return target


def _ids(db: Database, label: str) -> set[str]:
    # Labels come from this file's constants only.
    return {r["id"] for r in db.read(f"MATCH (n:{label}) RETURN n.id AS id")}  # type: ignore[arg-type]


def _works_at_sources(db: Database, person: str) -> list[list[str]]:
    rows = db.read(
        "MATCH (:Person {id: $person})-[r:WORKS_AT]->(o:Organisation) RETURN o.id AS org, r.sources AS sources "
        "ORDER BY org",
        {"person": person},
    )
    return [sorted(r["sources"]) for r in rows]


def test_without_prune_a_deleted_files_facts_stay(empty_db: Database, settings: Settings, folder: Path) -> None:
    ingest_paths(empty_db, settings, [folder])
    (folder / "gone.md").unlink()
    summary = ingest_paths(empty_db, settings, [folder])
    assert summary.retracted == 0 and summary.errors == []
    assert "proj-prune-gone" in _ids(empty_db, "Project")
    assert "person:bea-leaver" in _ids(empty_db, "Person")


def test_prune_takes_back_only_what_the_deleted_file_said(
    empty_db: Database, settings: Settings, folder: Path, tmp_path: Path
) -> None:
    ingest_paths(empty_db, settings, [folder])
    assert len(_ids(empty_db, "Source")) == 4
    assert _works_at_sources(empty_db, "person:ann-keeper") == [["source:proj-prune-gone", "source:proj-prune-keep"]]
    set_person_visibility(empty_db, "person:cara-curated", "internal")
    assert "person:bea-leaver" in _ids(empty_db, "Person")
    assert "org:tarnside-ambulance-service-nhs-trust" in _ids(empty_db, "Organisation")
    assert empty_db.read("MATCH (c:Concept) WHERE toLower(c.name) = 'sepsis' RETURN c.id AS id")
    (folder / "gone.md").unlink()

    report = tmp_path / "report.json"
    summary = ingest_paths(empty_db, settings, [folder], prune=True, report_path=report)

    assert summary.errors == [] and summary.unchanged == 3
    assert summary.retracted == 1
    assert summary.retracted_sources == [stable_file(folder / "gone.md")]
    assert json.loads(report.read_text())["retracted"] == 1
    assert _ids(empty_db, "Source") == {"source:proj-prune-keep", "source:lesson-prune-1", "source:lesson-prune-2"}
    assert "proj-prune-gone" not in _ids(empty_db, "Document")
    people = _ids(empty_db, "Person")
    # Only the deleted file named Bea and her organisation: both go.
    assert "person:bea-leaver" not in people
    assert "org:tarnside-ambulance-service-nhs-trust" not in _ids(empty_db, "Organisation")
    # Ann's employer is also stated by the kept file: the fact survives, supported by that file alone.
    assert _works_at_sources(empty_db, "person:ann-keeper") == [["source:proj-prune-keep"]]
    # A curator set Cara's visibility: she stays though nothing mentions her now.
    assert "person:cara-curated" in people
    # Nothing still points at the retracted source, and derived edges were recomputed for Ann.
    dangling = empty_db.read(
        "MATCH ()-[r]->() WHERE 'source:proj-prune-gone' IN coalesce(r.sources, []) RETURN count(r) AS n"
    )
    assert dangling[0]["n"] == 0
    assert empty_db.read("MATCH (p:NeedsDerive) RETURN count(p) AS n")[0]["n"] == 0
    basis = empty_db.read("MATCH (:Person {id: 'person:ann-keeper'})-[k:KNOWS_ABOUT]->() RETURN k.basis AS basis")
    assert basis and all("proj-prune-gone" not in r["basis"] for r in basis)
    # The sepsis concept only the deleted file supported is gone.
    assert not empty_db.read("MATCH (c:Concept) WHERE toLower(c.name) = 'sepsis' RETURN c.id AS id")


def test_prune_keeps_the_facts_of_a_file_that_failed_to_read(
    empty_db: Database, settings: Settings, folder: Path
) -> None:
    ingest_paths(empty_db, settings, [folder])
    (folder / "gone.md").unlink()
    (folder / "lessons.jsonl").write_bytes(b'{"id": "lesson-prune-1", "text": "caf\xe9 \xff"}\n')

    summary = ingest_paths(empty_db, settings, [folder], prune=True)

    assert [e.message for e in summary.errors][0].startswith("not UTF-8 text")
    assert summary.retracted == 1 and summary.kept_unreadable == 2
    assert {"lesson-prune-1", "lesson-prune-2"} <= _ids(empty_db, "Lesson")
    assert "proj-prune-gone" not in _ids(empty_db, "Document")


def test_prune_takes_back_a_line_removed_from_a_jsonl_file(
    empty_db: Database, settings: Settings, folder: Path
) -> None:
    ingest_paths(empty_db, settings, [folder])
    (folder / "lessons.jsonl").write_text(json.dumps(LESSONS[0]) + "\n")

    summary = ingest_paths(empty_db, settings, [folder], prune=True)

    assert summary.retracted == 1
    assert summary.retracted_sources == [stable_file(folder / "lessons.jsonl") + "#L2"]
    lessons = _ids(empty_db, "Lesson")
    assert "lesson-prune-1" in lessons and "lesson-prune-2" not in lessons
    assert "proj-prune-gone" in _ids(empty_db, "Project")


def test_pruning_one_file_leaves_the_rest_of_its_folder(empty_db: Database, settings: Settings, folder: Path) -> None:
    ingest_paths(empty_db, settings, [folder])
    summary = ingest_paths(empty_db, settings, [folder / "keep.md"], prune=True)
    assert summary.retracted == 0
    assert len(_ids(empty_db, "Source")) == 4


def test_a_file_read_from_another_directory_is_the_same_source(
    empty_db: Database, settings: Settings, folder: Path, monkeypatch
) -> None:
    monkeypatch.chdir(folder.parent)
    ingest_paths(empty_db, settings, ["projects"])
    monkeypatch.chdir(folder)
    again = ingest_paths(empty_db, settings, ["."])
    assert again.unchanged == again.documents == 4 and again.relocated == 0
    paths = {r["path"] for r in empty_db.read("MATCH (s:Source) RETURN s.path AS path")}
    assert stable_file(folder / "keep.md") in paths
    assert stable_file(folder / "lessons.jsonl") + "#L1" in paths


def test_an_older_relative_path_is_rewritten_without_new_facts(
    empty_db: Database, settings: Settings, folder: Path
) -> None:
    ingest_paths(empty_db, settings, [folder])
    empty_db.write("MATCH (s:Source {id: 'source:proj-prune-keep'}) SET s.path = 'projects/keep.md'")
    rels = empty_db.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]

    summary = ingest_paths(empty_db, settings, [folder])

    assert summary.relocated == 1 and summary.unchanged == 4 and summary.new == summary.updated == 0
    assert empty_db.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"] == rels
    stored = empty_db.read("MATCH (s:Source {id: 'source:proj-prune-keep'}) RETURN s.path AS path")
    assert stored[0]["path"] == stable_file(folder / "keep.md")


def test_the_command_prints_how_many_sources_it_retracted(
    empty_db: Database, folder: Path, tmp_path: Path, capsys
) -> None:
    report = tmp_path / "report.json"
    args = ["ingest", "--no-progress", "--report", str(report), str(folder)]
    assert main(args) == 0
    (folder / "gone.md").unlink()
    assert main(args[:1] + ["--prune"] + args[1:]) == 0
    out = capsys.readouterr()
    assert ", retracted 1," in out.out
    assert f"retracted: {stable_file(folder / 'gone.md')}" in out.err
    assert json.loads(report.read_text())["retracted_sources"] == [stable_file(folder / "gone.md")]


def test_a_pruned_document_others_point_at_stays_as_a_placeholder(
    empty_db: Database, settings: Settings, folder: Path
) -> None:
    ingest_paths(empty_db, settings, [folder])
    (folder / "keep.md").unlink()

    summary = ingest_paths(empty_db, settings, [folder], prune=True)

    assert summary.retracted == 1
    rows = empty_db.read(
        "MATCH (l:Lesson)-[r:FROM]->(p:Project {id: 'proj-prune-keep'}) "
        "RETURN l.id AS lesson, p.placeholder AS placeholder, p.text AS text, p.title AS title ORDER BY lesson"
    )
    # The lessons still say they came from the project, so it stays, stripped to a placeholder.
    assert [r["lesson"] for r in rows] == ["lesson-prune-1", "lesson-prune-2"]
    assert all(r["placeholder"] and r["text"] is None and r["title"] for r in rows)
    assert not empty_db.read("MATCH (:Project {id: 'proj-prune-keep'})-[r:ADDRESSES|FROM_SOURCE]->() RETURN r")

    (folder / "keep.md").write_text(KEEP)
    back = ingest_paths(empty_db, settings, [folder], prune=True)
    assert back.new == 1 and back.retracted == 0
    project = empty_db.read("MATCH (p:Project {id: 'proj-prune-keep'}) RETURN p.placeholder AS placeholder")
    assert [r["placeholder"] for r in project] == [False]


def test_prune_takes_back_a_deleted_profile(empty_db: Database, settings: Settings, folder: Path) -> None:
    profile = {"kind": "profile", "people": [{"name": "Dee Profile", "role": "Matron"}], "tags": ["sepsis"]}
    (folder / "dee.md").write_text(_write_up(profile, "I am a matron with an interest in sepsis care."))
    ingest_paths(empty_db, settings, [folder])
    assert empty_db.read("MATCH (p:Person {id: 'person:dee-profile'}) RETURN p.summary AS summary")[0]["summary"]
    (folder / "dee.md").unlink()

    summary = ingest_paths(empty_db, settings, [folder], prune=True)

    assert summary.retracted == 1
    assert "person:dee-profile" not in _ids(empty_db, "Person")
    assert "proj-prune-gone" in _ids(empty_db, "Project")


def test_records_without_ids_are_numbered_by_line_and_prune_still_leaves_the_file_as_it_is(
    empty_db: Database, settings: Settings, tmp_path: Path
) -> None:
    titles = ["Huddles need a fixed time", "Checklists need an owner", "Audits need feedback"]
    records = [{"kind": "lesson", "title": t, "text": f"What we learned: {t.lower()} on the ward."} for t in titles]
    path = tmp_path / "lessons.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    ingest_paths(empty_db, settings, [path])
    path.write_text(json.dumps(records[0]) + "\n" + json.dumps(records[2]) + "\n")

    summary = ingest_paths(empty_db, settings, [path], prune=True)

    # Line 2 now holds what line 3 held (an update); line 3 is gone (a retraction).
    assert summary.updated == 1 and summary.retracted == 1
    assert summary.retracted_sources == [stable_file(path) + "#L3"]
    stored = {r["title"] for r in empty_db.read("MATCH (l:Lesson) RETURN l.title AS title")}
    assert stored == {titles[0], titles[2]}
