"""Real-text check (not a test): run the pipeline over a folder of write-ups no one on the team wrote, print the
entity count per label and a seeded random sample of entities with their context, for judging by hand.

The texts stay where they are (results go to var/, which is not committed): never copy them into the project.
Run: .venv/bin/python tests/bench/real_text_sample.py [--path ../shared/data/connected-health-cities]
     [--sample 100] [--seed 20261127]
Judge each printed line: correct when the span is a whole mention of that kind of thing.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from nlp.documents import read_paths
from nlp.extract import EXTRACTOR_VERSION, Extractor
from nlp.records import Document, ReadError

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = ROOT.parent / "shared" / "data" / "connected-health-cities"


def main() -> int:
    """Extract, count per label, print the sample and write var/real_text_sample.json."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20261127)
    args = parser.parse_args()
    items = list(read_paths([args.path]))
    documents = [d for d in items if isinstance(d, Document)]
    errors = [e for e in items if isinstance(e, ReadError)]
    entities = []
    for extraction in Extractor().extract_many(documents):
        text = extraction.document.text
        for e in extraction.entities:
            context = text[max(0, e.start - 50) : e.end + 50].replace("\n", " ")
            entities.append(
                {"source": extraction.document.source, "label": e.label, "text": e.text, "context": context}
            )
    counts = Counter(e["label"] for e in entities)
    print(f"extractor {EXTRACTOR_VERSION}: {len(documents)} documents read, {len(errors)} read errors")
    for label, count in counts.most_common():
        print(f"{label:14}{count:6}")
    sample = random.Random(args.seed).sample(entities, min(args.sample, len(entities)))
    for i, e in enumerate(sample, 1):
        print(f"{i:3} {e['label']:13} {e['text']!r:40} ... {e['context']} ...")
    out = ROOT / "var" / "real_text_sample.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"version": EXTRACTOR_VERSION, "counts": dict(counts), "sample": sample}, indent=1))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
