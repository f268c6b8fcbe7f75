"""Ingest benchmark: NLP-only vs end-to-end throughput on a generated corpus, time split, peak memory.

Run with the test Neo4j up (`make bench`, or `python tests/bench/bench_ingest.py --sizes 1000 10000`).
Each size runs in its own process so peak RSS belongs to that size alone. Prints numbers and writes JSON to
tests/bench/results/ingest.json; it asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "tests" / "bench" / "results"


def _generate(count: int, out: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "data" / "make_sample.py"), "--count", str(count), "--out", str(out)],
        check=True,
        capture_output=True,
    )


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(count: int, phase: str) -> dict:
    """One phase (nlp or e2e) for one corpus size, in this process."""
    from graph.database import Database
    from graph.settings import Settings
    from nlp.documents import read_paths
    from nlp.extract import Extractor
    from nlp.records import Document

    settings = Settings.from_env()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        _generate(count, corpus)
        extractor = Extractor(batch_size=settings.batch_size)
        extractor.extract(Document(source="warm-up", kind="project", title="warm up", text="A PDSA cycle."))
        started = time.perf_counter()
        if phase == "nlp":
            docs = (d for d in read_paths([corpus]) if isinstance(d, Document))
            entities = sum(len(x.entities) for x in extractor.extract_many(docs))
            seconds = time.perf_counter() - started
            return {
                "phase": "nlp",
                "documents": count,
                "seconds": round(seconds, 2),
                "docs_per_second": round(count / seconds, 2),
                "entities": entities,
                "peak_rss_mb": round(_peak_rss_mb(), 1),
            }
        from graph.maintenance import clear_graph
        from server.ingest.run import ingest_paths

        db = Database(settings)
        clear_graph(db)
        started = time.perf_counter()  # emptying the graph is set-up, not ingest
        summary = ingest_paths(db, settings, [corpus], extractor=extractor)
        seconds = time.perf_counter() - started
        writes = summary.nodes_created + summary.relationships_created
        db.close()
        return {
            "phase": "e2e",
            "documents": summary.documents,
            "seconds": round(seconds, 2),
            "docs_per_second": round(summary.documents / seconds, 2),
            "graph_writes_per_second": round(writes / max(summary.graph_seconds, 1e-9), 1),
            "nodes_created": summary.nodes_created,
            "relationships_created": summary.relationships_created,
            "share_nlp": round(summary.nlp_seconds / seconds, 3),
            "share_neo4j_writes": round(summary.graph_seconds / seconds, 3),
            "share_derive": round(summary.derive_seconds / seconds, 3),
            "note": "writes overlap extraction on a second thread, so shares can add up to more than 1",
            "errors": len(summary.errors),
            "peak_rss_mb": round(_peak_rss_mb(), 1),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--one", nargs=2, metavar=("COUNT", "PHASE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(int(args.one[0]), args.one[1])))
        return
    results = []
    for size in args.sizes:
        row = {"documents": size}
        for phase in ("nlp", "e2e"):
            # stderr passes through, so a failing phase shows its traceback instead of only an exit status.
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(size), phase],
                check=True,
                stdout=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
            row[phase] = json.loads(out.stdout.strip().splitlines()[-1])
        row["e2e_over_nlp"] = round(row["e2e"]["docs_per_second"] / row["nlp"]["docs_per_second"], 3)
        results.append(row)
        nlp, e2e = row["nlp"], row["e2e"]
        print(
            f"{size:>6} docs  nlp-only {nlp['docs_per_second']:7.2f} docs/s  end-to-end {e2e['docs_per_second']:7.2f}"
            f" docs/s  ratio {row['e2e_over_nlp']:.2f}  graph writes {e2e['graph_writes_per_second']:.0f}/s  "
            f"time nlp {e2e['share_nlp']:.0%} neo4j {e2e['share_neo4j_writes']:.0%} derive {e2e['share_derive']:.0%}"
            f"  peak RSS nlp {nlp['peak_rss_mb']:.0f} MB e2e {e2e['peak_rss_mb']:.0f} MB"
        )
        # Written after every size, so a long run that is stopped still leaves what it measured.
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "ingest.json").write_text(json.dumps(results, indent=2))
    print(f"wrote {RESULTS / 'ingest.json'}")


if __name__ == "__main__":
    main()
