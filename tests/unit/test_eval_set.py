"""Guards the gold evaluation set (tests/data/eval/documents.jsonl) and the annotated training corpus
(nlp/training/corpus/*.jsonl) against edits that break the annotation rules they share."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from nlp.records import ENTITY_LABELS

# KMOB_EVAL_SET checks a draft copy of the set (new documents being annotated) against the same rules.
EVAL = Path(os.environ.get("KMOB_EVAL_SET") or Path(__file__).resolve().parents[1] / "data/eval/documents.jsonl")
TRAINING_CORPUS = Path(__file__).resolve().parents[2] / "nlp/training/corpus"

KINDS = {"project", "lesson", "evidence", "profile"}
SPLITS = {"dev", "heldout"}
LABELS = set(ENTITY_LABELS)
CONCEPT_LABELS = {"CONDITION", "INTERVENTION", "QI_METHOD", "KM_TECHNIQUE", "SETTING", "OUTCOME", "TOPIC"}
POLARITIES = {"improved", "no_change", "worsened", "not_sustained", "unclear"}
HONORIFICS = ("Dr ", "Prof ", "Professor ", "Mr ", "Mrs ", "Ms ", "Sister ")
OPTIONAL_FIELDS = {"date", "end_date", "organisation", "people", "status", "cites", "project", "level", "tags"}

# Which labels a relation may join. "title" is the document's own title; "cited" a CITES tail of the same
# document; "quoted" a string that occurs verbatim in the text (a cited work's title).
RELATION_RULES = {
    "WORKS_AT": ({"PERSON"}, {"ORG"}),
    "USED": ({"PERSON", "title"}, {"QI_METHOD", "KM_TECHNIQUE"}),
    "ADDRESSES": ({"title"}, {"CONDITION", "TOPIC", "OUTCOME", "INTERVENTION"}),
    "AUTHORED": ({"PERSON"}, {"title", "cited"}),
    "CITES": ({"title"}, {"quoted"}),
    "LEARNED": ({"title"}, CONCEPT_LABELS),
}


def _whole_word(s: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(s) + r"(?!\w)", flags)


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


DOCS = _load(EVAL)
TRAINING_DOCS = [doc for part in sorted(TRAINING_CORPUS.glob("*.jsonl")) for doc in _load(part)]
# The per-document rules hold for both; the training corpus has its own split name.
ALL_DOCS = DOCS + TRAINING_DOCS


def gold_mentions(text: str, strings: list[str]) -> list[tuple[int, int, str]]:
    """Every whole-word occurrence of the strings, longest match first, no overlaps, in text order."""
    candidates = [(m.start(), m.end(), s) for s in strings for m in _whole_word(s).finditer(text)]
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int, str]] = []
    for c in candidates:
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken):
            taken.append(c)
    return sorted(taken)


def _ids(doc: dict) -> str:
    return doc["id"]


def test_set_size_and_mix():
    assert len(DOCS) >= 66
    ids = [d["id"] for d in ALL_DOCS]
    assert len(ids) == len(set(ids)), "ids must be unique across the evaluation set and the training corpus"
    kinds = Counter(d["kind"] for d in DOCS)
    assert set(kinds) == KINDS
    splits = Counter(d["split"] for d in DOCS)
    assert 0.25 <= splits["heldout"] / len(DOCS) <= 0.40
    for kind in KINDS:
        assert {d["split"] for d in DOCS if d["kind"] == kind} == SPLITS, f"{kind} needs both splits"
    labels = {e["label"] for d in DOCS for e in d["entities"]}
    assert labels == LABELS, "every label should be exercised"
    assert {o["polarity"] for d in DOCS for o in d["outcomes"]} == POLARITIES


@pytest.mark.parametrize("doc", ALL_DOCS, ids=_ids)
def test_record_shape(doc):
    required = {"id", "split", "kind", "title", "text", "entities", "relations", "outcomes"}
    assert required <= set(doc), f"missing {required - set(doc)}"
    assert set(doc) - required <= OPTIONAL_FIELDS, f"unknown fields {set(doc) - required - OPTIONAL_FIELDS}"
    assert doc["split"] in (SPLITS if doc in DOCS else {"train"})
    assert doc["kind"] in KINDS
    assert doc["title"].strip()
    assert 120 <= len(doc["text"].split()) <= 300
    for field in ("date", "end_date"):
        if field in doc:
            assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", doc[field])
    for person in doc.get("people", []):
        assert person["name"].strip() and person["role"].strip()


@pytest.mark.parametrize("doc", ALL_DOCS, ids=_ids)
def test_entities(doc):
    text = doc["text"]
    seen: dict[str, str] = {}
    for ent in doc["entities"]:
        s, label = ent["text"], ent["label"]
        assert label in LABELS, f"{s!r}: unknown label {label}"
        assert s == s.strip() and s, f"{s!r}: empty or padded"
        assert s not in seen, f"{s!r} listed twice"
        seen[s] = label
        assert _whole_word(s).search(text), f"{s!r} does not occur as whole words"
        assert ent.get("canonical", s).strip()
        if label == "PERSON":
            assert not s.startswith(HONORIFICS), f"{s!r}: spans exclude titles"
            assert not ent.get("canonical", s).startswith(HONORIFICS)
    mentions = gold_mentions(text, list(seen))
    counted = Counter(s for _, _, s in mentions)
    for s in seen:
        assert counted[s] > 0, f"{s!r} is always inside a longer entity string, so it has no mention"
    # A differently cased copy of an entity string must itself be annotated (e.g. "Sepsis" and "sepsis").
    for s in seen:
        for m in _whole_word(s, re.IGNORECASE).finditer(text):
            assert any(a <= m.start() and m.end() <= b for a, b, _ in mentions), (
                f"{text[m.start() : m.end()]!r} at {m.start()} is not covered by any gold mention"
            )


@pytest.mark.parametrize("doc", ALL_DOCS, ids=_ids)
def test_canonicals_are_consistent_within_document(doc):
    label_of_canonical: dict[str, str] = {}
    for ent in doc["entities"]:
        canonical = ent.get("canonical", ent["text"])
        previous = label_of_canonical.setdefault(canonical, ent["label"])
        assert previous == ent["label"], f"canonical {canonical!r} has labels {previous} and {ent['label']}"


def test_surface_strings_keep_one_label_across_documents():
    labels: dict[str, set[str]] = {}
    for doc in ALL_DOCS:
        for ent in doc["entities"]:
            if ent["label"] != "PERSON":
                labels.setdefault(ent["text"].lower(), set()).add(ent["label"])
    mixed = {s: sorted(ls) for s, ls in labels.items() if len(ls) > 1}
    assert not mixed, f"same string, different labels in different documents: {mixed}"


@pytest.mark.parametrize("doc", ALL_DOCS, ids=_ids)
def test_relations(doc):
    kinds_of: dict[str, set[str]] = {}
    for ent in doc["entities"]:
        kinds_of.setdefault(ent.get("canonical", ent["text"]), set()).add(ent["label"])
    cited = {r["tail"] for r in doc["relations"] if r["type"] == "CITES"}

    def kinds(name: str) -> set[str]:
        found = set(kinds_of.get(name, set()))
        if name == doc["title"]:
            found.add("title")
        if name in cited:
            found.add("cited")
        if name in doc["text"]:
            found.add("quoted")
        return found

    pairs = set()
    for rel in doc["relations"]:
        assert set(rel) <= {"type", "head", "tail", "role"}
        assert rel["type"] in RELATION_RULES, rel
        heads, tails = RELATION_RULES[rel["type"]]
        assert kinds(rel["head"]) & heads, f"bad head in {rel}"
        assert kinds(rel["tail"]) & tails, f"bad tail in {rel}"
        if "role" in rel:
            assert rel["type"] == "WORKS_AT" and rel["role"].strip()
        key = (rel["type"], rel["head"], rel["tail"])
        assert key not in pairs, f"duplicate relation {key}"
        pairs.add(key)
    if doc["kind"] == "project":
        assert any(r["type"] == "ADDRESSES" for r in doc["relations"])
    if doc["kind"] == "lesson":
        assert any(r["type"] == "LEARNED" for r in doc["relations"])
    if doc["kind"] != "lesson":
        assert not any(r["type"] == "LEARNED" for r in doc["relations"])
    if doc["kind"] != "project":
        assert not any(r["type"] == "ADDRESSES" for r in doc["relations"])


@pytest.mark.parametrize("doc", ALL_DOCS, ids=_ids)
def test_outcomes(doc):
    labels = {e["text"]: e["label"] for e in doc["entities"]}
    counted = Counter(s for _, _, s in gold_mentions(doc["text"], list(labels)))
    seen = set()
    for out in doc["outcomes"]:
        assert set(out) == {"text", "occurrence", "polarity"}
        assert labels.get(out["text"]) == "OUTCOME", f"{out['text']!r} is not an OUTCOME entity"
        assert out["polarity"] in POLARITIES
        assert 1 <= out["occurrence"] <= counted[out["text"]], f"{out} has only {counted[out['text']]} mentions"
        key = (out["text"], out["occurrence"])
        assert key not in seen, f"{key} given twice"
        seen.add(key)


def _sentences(text: str) -> set[str]:
    return {" ".join(s.split()).lower() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 8}


def test_training_corpus_shares_no_sentence_with_the_evaluation_set():
    evaluation = set().union(*(_sentences(d["text"]) for d in DOCS))
    for doc in TRAINING_DOCS:
        shared = _sentences(doc["text"]) & evaluation
        assert not shared, f"{doc['id']} repeats evaluation text: {sorted(shared)[:1]}"


def test_gold_mentions_prefers_longest_match():
    text = "Falls with harm fell, but falls overall did not."
    assert gold_mentions(text, ["falls", "Falls with harm"]) == [(0, 15, "Falls with harm"), (26, 31, "falls")]


@pytest.mark.parametrize(
    ("file_name", "split", "least"),
    [("second-annotator.jsonl", "dev", 10), ("second-annotator-heldout.jsonl", "heldout", 28)],
)
def test_second_annotator_files_keep_to_their_split(file_name, split, least):
    """The agreement studies' second annotations (tests/data/eval/second-annotator*.jsonl) each annotate texts of
    one split only, so a study of dev never puts heldout annotations where tuning reads."""
    path = EVAL.parent / file_name
    by_id = {d["id"]: d for d in DOCS}
    records = _load(path)
    assert len(records) >= least
    for record in records:
        assert by_id[record["id"]]["split"] == split
        text = by_id[record["id"]]["text"]
        for ent in record["entities"]:
            assert ent["label"] in LABELS and _whole_word(ent["text"]).search(text), (record["id"], ent)
