"""Benchmark (not a test): full kmob pipeline vs the bare statistical model, same texts, batch by batch in turns.

Prints words/second for each, their median ratio over the rounds (target >= 0.8) with each round's, and peak
RSS; writes tests/bench/results/nlp.json.
Run: .venv/bin/python tests/bench/bench_nlp.py [--repeat N] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from pathlib import Path

import spacy

from nlp.documents import read_paths
from nlp.pipeline import build_pipeline, load_config
from nlp.records import Document

ROOT = Path(__file__).resolve().parents[2]
CORPORA = [
    ROOT / "tests" / "data" / "eval" / "documents.jsonl",
    ROOT.parent / "shared" / "data" / "connected-health-cities",
]


def _texts(repeat: int) -> list[str]:
    texts = [d.text for path in CORPORA if path.exists() for d in read_paths([path]) if isinstance(d, Document)]
    return texts * repeat


def _run(nlp, docs_in, batch_size: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(docs_in, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def _interleaved(bare, full, texts: list[str], batch_size: int) -> tuple[float, float]:
    """Seconds for the bare and the full pipeline over all texts, timed one batch at a time in turns."""
    bare_s = full_s = 0.0
    for n, at in enumerate(range(0, len(texts), batch_size)):
        batch = texts[at : at + batch_size]
        if n % 2:
            full_s += _run(full, batch, batch_size)
            bare_s += _run(bare, batch, batch_size)
        else:
            bare_s += _run(bare, batch, batch_size)
            full_s += _run(full, batch, batch_size)
    return bare_s, full_s


def main() -> int:
    """Time both pipelines and report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="passes over the whole text, each timing both pipelines batch by batch; the median ratio is kept",
    )
    args = parser.parse_args()
    texts = _texts(args.repeat)
    bare = spacy.load(load_config()["base"]["model"])
    full = build_pipeline()
    words = sum(len(d) for d in bare.tokenizer.pipe(texts))
    # Warm up both over the whole text once, untimed: the first pass of each runs markedly slower (model loading,
    # first-call caches, memory growing to its working size) and would favour whichever went second.
    _run(bare, texts, args.batch_size)
    _run(full, texts, args.batch_size)
    # The machine's speed drifts from minute to minute, so a bare run and a full run over the whole text, a minute
    # apart, can disagree by 10% whatever the code. So each round times the two on one batch of texts
    # after the other, batch by batch, taking turns at going first, and sums each one's time: the drift then falls
    # on both alike.
    rounds = [_interleaved(bare, full, texts, args.batch_size) for _ in range(args.rounds)]
    ratios = sorted(bare_s / full_s for bare_s, full_s in rounds)
    result = {
        "documents": len(texts),
        "words": words,
        "rounds": len(rounds),
        "bare_words_per_s": round(words / statistics.median(b for b, _ in rounds)),
        "full_words_per_s": round(words / statistics.median(f for _, f in rounds)),
        "ratio": round(statistics.median(ratios), 3),
        "ratio_per_round": [round(r, 3) for r in ratios],
        "target_ratio": 0.8,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "pipeline": full.pipe_names,
    }
    for key, value in result.items():
        print(f"{key}: {value}")
    out = Path(__file__).parent / "results" / "nlp.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
