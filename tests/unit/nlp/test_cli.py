"""The `extract` CLI contract, run as a subprocess through the installed `kmob` console script."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _run(*args):
    return subprocess.run(
        [str(Path(sys.executable).parent / "kmob"), *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_extract_json_contract_and_errors(tmp_path):
    good = tmp_path / "a.md"
    good.write_text("---\ntitle: Sepsis work\n---\nDr Amina Patel used PDSA cycles on sepsis screening.\n")
    bad = tmp_path / "b.jsonl"
    bad.write_text('{"text": "Knowledge cafe at the trust."}\n{oops\n')
    result = _run("extract", str(good), str(bad), "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert [d["title"] for d in out["documents"]][0] == "Sepsis work"
    assert len(out["documents"]) == 2
    ent = out["documents"][0]["entities"][0]
    assert set(ent) == {"text", "label", "start", "end", "concept_id", "canonical", "score"}
    rel = out["documents"][0]["relations"][0]
    assert set(rel) == {"type", "head", "tail", "head_id", "tail_id", "sentence", "score"}
    assert "b.jsonl#L2" in result.stderr


def test_extract_json_gives_outcomes_their_polarity(tmp_path):
    doc = tmp_path / "p.md"
    doc.write_text(
        "---\ntitle: Falls huddles\nkind: project\n---\n"
        "The ward introduced safety huddles. The inpatient falls rate fell from 8.1 to 5.2 per 1,000 bed days, "
        "but staff turnover rose.\n"
    )
    result = _run("extract", str(doc), "--format", "json")
    assert result.returncode == 0, result.stderr
    entities = json.loads(result.stdout)["documents"][0]["entities"]
    outcomes = {e["text"]: e["polarity"] for e in entities if e["label"] == "OUTCOME"}
    assert outcomes.get("inpatient falls rate") == "improved"
    assert outcomes.get("staff turnover") == "worsened"
    assert all("polarity" not in e for e in entities if e["label"] != "OUTCOME")


def test_extract_exit_2_when_nothing_readable(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("[1, 2")
    result = _run("extract", str(bad))
    assert result.returncode == 2 and "x.json" in result.stderr
