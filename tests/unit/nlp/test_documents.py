"""Readers: every format, and bad input that must not stop the good records."""

import json

from nlp.documents import guess_kind, parse_person_cell, read_paths
from nlp.records import Document, ReadError


def _read(path, **kw):
    return list(read_paths([path], **kw))


def test_jsonl_bad_line_reports_line_and_keeps_others(tmp_path):
    f = tmp_path / "docs.jsonl"
    f.write_text(
        '{"text": "Sepsis project", "kind": "project"}\n{not json\n{"title": "no text"}\n'
        '{"text": "Second", "kind": "lesson"}\n'
    )
    items = _read(f)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [d.text for d in docs] == ["Sepsis project", "Second"]
    assert errors[0].source.endswith("#L2") and "line 2" in errors[0].message
    assert errors[1].source.endswith("#L3") and "text" in errors[1].message


def test_markdown_front_matter_lists_and_title(tmp_path):
    f = tmp_path / "p.md"
    f.write_text('---\ntitle: Falls project\nkind: project\ntags: [falls, wards]\ncites: ["NG249"]\n---\nBody text.\n')
    (doc,) = _read(f)
    assert doc.title == "Falls project" and doc.tags == ("falls", "wards") and doc.cites == ("NG249",)
    assert doc.text.strip() == "Body text."


def test_csv_people_and_lists(tmp_path):
    f = tmp_path / "p.csv"
    f.write_text('title,text,people,tags\nT,Some text,"Amina Patel (lead, Leeds NHS Trust); Tom Reilly",a;b\n')
    (doc,) = _read(f)
    assert doc.people[0].name == "Amina Patel" and doc.people[0].role == "lead"
    assert doc.people[0].organisation == "Leeds NHS Trust" and doc.people[1].role is None
    assert doc.tags == ("a", "b")


def test_binary_non_utf8_and_wrong_types(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"abc\x00def")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "types.json").write_text(
        json.dumps([{"text": 5}, {"text": "ok", "tags": "x;y"}, {"text": "ok", "people": "nobody", "date": "May"}])
    )
    items = _read(tmp_path)
    messages = " | ".join(i.message for i in items if isinstance(i, ReadError))
    assert "binary" in messages and "UTF-8" in messages and "expected a string" in messages
    assert "date" in messages
    assert sum(isinstance(i, Document) for i in items) == 1


def test_huge_text_is_rejected_with_size(tmp_path, monkeypatch):
    monkeypatch.setattr("nlp.documents.MAX_TEXT_CHARS", 100)
    f = tmp_path / "big.json"
    f.write_text(json.dumps({"text": "x" * 500}))
    (err,) = _read(f)
    assert isinstance(err, ReadError) and "over the limit" in err.message and "big.json" in err.source


def test_malformed_json_names_line(tmp_path):
    f = tmp_path / "bad.json"
    f.write_text('{\n "text": "a",\n "title": \n}')
    (err,) = _read(f)
    assert isinstance(err, ReadError) and "line 4" in err.message


def test_id_derived_and_hash_stable(tmp_path):
    a = tmp_path / "one.txt"
    a.write_text("Same text")
    (d1,) = _read(a)
    (d2,) = _read(a)
    assert d1.id.startswith("one-") and d1.content_hash == d2.content_hash and len(d1.content_hash) == 64


def test_unknown_kind_and_missing_path(tmp_path):
    assert isinstance(_read(tmp_path, kind="memo")[0], ReadError)
    assert "no such file" in _read(tmp_path / "nope.txt")[0].message


def test_guess_kind_and_person_cell():
    assert guess_kind("What went well: the huddle. What we would do differently next time.") == "lesson"
    assert guess_kind("Key findings from a systematic review. References: Smith J.") == "evidence"
    assert parse_person_cell("Jo Bloggs (author)") == {"name": "Jo Bloggs", "role": "author"}
