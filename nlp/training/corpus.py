"""The annotated training corpus (nlp/training/corpus/*.jsonl, the evaluation-set format) and record loading."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

CORPUS_DIR = Path(__file__).parent / "corpus"


def corpus_paths(directory: Path = CORPUS_DIR) -> list[Path]:
    """The training corpus files, in a stable order."""
    return sorted(directory.glob("*.jsonl"))


def load_records(paths: Iterable[Path], splits: set[str] | None = None) -> list[dict]:
    """Annotated records from JSONL files, optionally only those of the given splits."""
    records = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if splits is None or record.get("split") in splits:
                    records.append(record)
    return records
