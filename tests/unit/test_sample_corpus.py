"""The bundled sample corpus (data/sample) follows docs/contracts.md and is what data/make_sample.py makes."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from nlp.records import DOCUMENT_KINDS

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
GENERATOR = ROOT / "data" / "make_sample.py"
DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
STATUSES = {"planned", "active", "completed", "stopped"}
LEVELS = {"guideline", "systematic review", "rct", "cohort", "qualitative", "case study", "expert opinion"}
VISIBILITIES = {"public", "internal", "hidden"}
CSV_PERSON = re.compile(r"^(?P<name>[^(]+) \((?P<role>[^,]+), (?P<organisation>[^)]+)\)$")


def read_front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    front, body = text[4:].split("\n---\n", 1)
    record = {}
    for line in front.splitlines():
        key, value = line.split(": ", 1)
        record[key] = json.loads(value)
    record["text"] = body.strip()
    return record


def read_csv(path: Path) -> list[dict]:
    records = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            people = []
            for item in row["people"].split("; "):
                match = CSV_PERSON.match(item)
                assert match, f"{path}: bad person {item!r}"
                people.append(match.groupdict())
            row["people"] = people
            for key in ("cites", "tags"):
                row[key] = [v for v in row[key].split("; ") if v]
            records.append({k: v for k, v in row.items() if v not in ("", [])})
    return records


def load(folder: Path) -> list[tuple[str, dict]]:
    """Every record under `folder`, with the file it came from."""
    records: list[tuple[str, dict]] = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        name = str(path.relative_to(folder))
        if path.suffix == ".jsonl":
            lines = path.read_text(encoding="utf-8").splitlines()
            records += [(f"{name}#L{i}", json.loads(line)) for i, line in enumerate(lines, 1)]
        elif path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            records += [(name, d) for d in (data if isinstance(data, list) else [data])]
        elif path.suffix == ".csv":
            records += [(f"{name}#R{i}", r) for i, r in enumerate(read_csv(path), 1)]
        elif path.suffix == ".md":
            records.append((name, read_front_matter(path)))
        else:
            pytest.fail(f"unexpected file in the sample corpus: {name}")
    return records


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, dict]]:
    return load(SAMPLE)


@pytest.fixture(scope="module")
def docs(corpus) -> list[dict]:
    return [d for _, d in corpus]


def test_mixed_formats_are_present():
    suffixes = Counter(p.suffix for p in SAMPLE.rglob("*") if p.is_file())
    assert suffixes[".jsonl"] >= 8
    assert suffixes[".md"] >= 5
    assert suffixes[".csv"] >= 1
    assert suffixes[".json"] >= 2


def test_every_record_has_the_contract_fields(corpus):
    for where, doc in corpus:
        assert doc.get("kind") in DOCUMENT_KINDS, where
        for key in ("id", "title", "text", "organisation", "date"):
            assert isinstance(doc.get(key), str) and doc[key].strip(), f"{where}: {key}"
        assert DATE.match(doc["date"]), where
        if "end_date" in doc:
            assert DATE.match(doc["end_date"]) and doc["end_date"] >= doc["date"][:7], where
        assert doc.get("people"), f"{where}: people"
        for person in doc["people"]:
            assert person["name"].strip() and person["role"].strip(), where
            assert person.get("visibility", "public") in VISIBILITIES, where
        if doc["kind"] == "project":
            assert doc["status"] in STATUSES, where
            assert doc["people"][0]["role"] == "lead", where
            assert {p["role"] for p in doc["people"]} <= {"lead", "member", "sponsor"}, where
        if doc["kind"] == "evidence":
            assert doc["level"] in LEVELS, where
            assert all(p["role"] == "author" for p in doc["people"]), where
        if doc["kind"] == "lesson":
            assert doc.get("project"), where
        if doc["kind"] == "profile":
            assert doc["people"][0]["name"] == doc["title"], where
            assert doc["visibility"] in VISIBILITIES, where


def test_ids_are_unique(docs):
    ids = Counter(d["id"] for d in docs)
    assert [i for i, n in ids.items() if n > 1] == []


def test_size_and_spread(docs):
    assert len(docs) >= 300
    assert len({d["organisation"] for d in docs}) >= 8
    kinds = Counter(d["kind"] for d in docs)
    assert all(kinds[k] >= 30 for k in DOCUMENT_KINDS), kinds


def test_people_overlap_and_opt_outs(docs):
    orgs_by_person: dict[str, set[str]] = {}
    for doc in docs:
        for person in doc["people"]:
            orgs_by_person.setdefault(person["name"], set()).add(person["organisation"])
    assert len(orgs_by_person) >= 80
    assert sum(len(orgs) > 1 for orgs in orgs_by_person.values()) >= 3  # careers across organisations
    hidden = [d["title"] for d in docs if d["kind"] == "profile" and d["visibility"] == "hidden"]
    assert len(hidden) >= 3
    named_in_projects = {p["name"] for d in docs if d["kind"] == "project" for p in d["people"]}
    assert set(hidden) & named_in_projects  # opted-out people still appear in the records


def test_lessons_point_at_projects(docs):
    projects = {d["id"] for d in docs if d["kind"] == "project"} | {d["title"] for d in docs if d["kind"] == "project"}
    for doc in docs:
        if doc["kind"] == "lesson":
            assert doc["project"] in projects, doc["id"]


def test_cites_name_evidence_in_the_corpus(docs):
    evidence = {d["id"]: d["title"] for d in docs if d["kind"] == "evidence"}
    titles = set(evidence.values())
    cited: set[str] = set()
    for doc in docs:
        for cite in doc.get("cites", []):
            assert cite in evidence or cite in titles, f"{doc['id']} cites {cite!r}"
            cited.add(cite if cite in evidence else next(k for k, v in evidence.items() if v == cite))
    assert any(c in titles for d in docs for c in d.get("cites", []))  # some cite by title
    assert len(set(evidence) - cited) >= 5  # evidence nobody has used yet


def test_deliberate_gaps(docs):
    topics = Counter((d["kind"], d["tags"][0]) for d in docs if d["kind"] in ("project", "evidence"))
    project_only = {t for k, t in topics if k == "project" and not topics[("evidence", t)]}
    evidence_only = {t for k, t in topics if k == "evidence" and not topics[("project", t)]}
    assert project_only and evidence_only


def test_outcomes_of_every_polarity(docs):
    text = " ".join(d["text"] for d in docs if d["kind"] == "project")
    for word in ("improved", "did not change", "worse", "not sustained", "unclear"):
        assert word in text, word


def test_front_matter_is_valid_yaml():
    yaml = pytest.importorskip("yaml")
    for path in SAMPLE.rglob("*.md"):
        front = path.read_text(encoding="utf-8")[4:].split("\n---\n", 1)[0]
        expected = read_front_matter(path)
        expected.pop("text")
        assert yaml.safe_load(front) == expected, path  # JSON values read the same as YAML


def generate(out: Path, *args: str) -> None:
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(out), *args], check=True, capture_output=True)


def test_generator_reproduces_the_committed_corpus(tmp_path):
    generate(tmp_path)
    made = {str(p.relative_to(tmp_path)): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    committed = {str(p.relative_to(SAMPLE)): p.read_bytes() for p in SAMPLE.rglob("*") if p.is_file()}
    assert sorted(made) == sorted(committed)
    assert [name for name in made if made[name] != committed[name]] == []


def test_generator_makes_exactly_count_records_in_jsonl(tmp_path):
    generate(tmp_path, "--count", "1000", "--seed", "7", "--format", "jsonl")
    assert {p.suffix for p in tmp_path.rglob("*") if p.is_file()} == {".jsonl"}
    records = load(tmp_path)
    assert len(records) == 1000
    assert len({d["id"] for _, d in records}) == 1000
