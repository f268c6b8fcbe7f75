"""Stable source paths and which stored sources a pruning ingest takes back (no database)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from server.ingest.sources import (
    StoredSource,
    is_stable,
    plan_prune,
    split_anchor,
    stable_file,
    stable_source,
    within,
)


def test_split_anchor_takes_only_a_reader_record_tail() -> None:
    assert split_anchor("data/a.jsonl#L12") == ("data/a.jsonl", "L12")
    assert split_anchor("data/a.csv#R3") == ("data/a.csv", "R3")
    assert split_anchor("data/a.md") == ("data/a.md", "")
    # A `#` inside a file name is part of the name, not an anchor.
    assert split_anchor("data/week#3 notes.md") == ("data/week#3 notes.md", "")
    assert split_anchor("data/a#L2.json") == ("data/a#L2.json", "")


def test_stable_source_is_the_same_from_any_working_directory(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "projects"
    folder.mkdir()
    (folder / "a.jsonl").write_text("{}\n")
    monkeypatch.chdir(tmp_path)
    from_parent = stable_source("projects/a.jsonl#L2")
    monkeypatch.chdir(folder)
    from_inside = stable_source("a.jsonl#L2")
    from_sibling = stable_source("../projects/./a.jsonl#L2")
    assert from_parent == from_inside == from_sibling
    assert from_parent.endswith("#L2") and os.path.isabs(split_anchor(from_parent)[0])


def test_stable_file_follows_symlinks(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    assert stable_file(tmp_path / "link" / "x.md") == stable_file(real / "x.md")


def test_older_relative_paths_are_not_stable() -> None:
    assert not is_stable("data/sample/a.jsonl#L1")
    assert not is_stable("api:proj-1")
    assert is_stable("/srv/data/a.jsonl#L1")


def test_within_compares_whole_path_components() -> None:
    assert within("/data/projects/a.md", ["/data/projects"])
    assert within("/data/projects/deep/b.md", ["/data/projects"])
    assert within("/data/projects/a.md", ["/data/projects/a.md"])
    assert not within("/data/projects-old/a.md", ["/data/projects"])
    assert not within("/data/a.md", ["/data/projects"])


def _stored(*items: tuple[str, str]) -> list[StoredSource]:
    return [StoredSource(sid, path) for sid, path in items]


def test_plan_retracts_only_unseen_sources_under_the_roots(tmp_path: Path) -> None:
    root = stable_file(tmp_path / "projects")
    stored = _stored(
        ("source:kept", f"{root}/kept.md"),
        ("source:gone", f"{root}/gone.md"),
        ("source:elsewhere", f"{stable_file(tmp_path / 'other')}/gone.md"),
        ("source:sibling", f"{root}-old/gone.md"),
        ("source:legacy", "projects/legacy.md"),
        ("source:api-1", "api:api-1"),
    )
    plan = plan_prune(stored, [root], {"source:kept"}, set())
    assert [s.id for s in plan.retract] == ["source:gone"]
    assert plan.kept_unreadable == ()


def test_plan_takes_back_a_line_removed_from_a_jsonl_file(tmp_path: Path) -> None:
    file = stable_file(tmp_path / "records.jsonl")
    stored = _stored(("source:p1", f"{file}#L1"), ("source:p2", f"{file}#L2"), ("source:p3", f"{file}#L3"))
    plan = plan_prune(stored, [file], {"source:p1", "source:p3"}, set())
    assert [s.id for s in plan.retract] == ["source:p2"]


def test_plan_keeps_every_source_of_a_file_that_failed_to_read(tmp_path: Path) -> None:
    root = stable_file(tmp_path)
    broken = f"{root}/broken.jsonl"
    stored = _stored(
        ("source:b1", f"{broken}#L1"),
        ("source:b2", f"{broken}#L2"),
        ("source:deleted", f"{root}/deleted.md"),
    )
    plan = plan_prune(stored, [root], set(), {broken})
    assert [s.id for s in plan.retract] == ["source:deleted"]
    assert [s.id for s in plan.kept_unreadable] == ["source:b1", "source:b2"]


@pytest.mark.parametrize("seen", [set(), {"source:x"}])
def test_plan_with_no_roots_retracts_nothing(seen: set[str]) -> None:
    plan = plan_prune(_stored(("source:y", "/data/y.md")), [], seen, set())
    assert plan.retract == () and plan.kept_unreadable == ()
