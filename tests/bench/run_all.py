"""Runs every benchmark (`make bench`); each prints numbers and writes JSON to tests/bench/results/.

Order matters: the ingest benchmark empties the graph, so the sample corpus is loaded afresh before the API
benchmark asks its questions of it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _run(args: list[str]) -> bool:
    print(f"== {' '.join(Path(a).name if a.endswith('.py') else a for a in args[1:])}", flush=True)
    return subprocess.run(args, cwd=ROOT).returncode == 0


def _load_sample() -> bool:
    from graph.database import Database
    from graph.maintenance import clear_graph
    from graph.settings import Settings

    db = Database(Settings.from_env())
    clear_graph(db)
    db.close()
    return _run([sys.executable, "-m", "server.cli", "ingest", "data/sample", "--no-progress"])


def main() -> int:
    """Run the NLP, ingest and API benchmarks in turn; fail if any fails."""
    steps = [
        ("bench_nlp", lambda: _run([sys.executable, str(HERE / "bench_nlp.py")])),
        ("bench_ingest", lambda: _run([sys.executable, str(HERE / "bench_ingest.py"), "--sizes", "1000", "10000"])),
        ("load sample", _load_sample),
        ("bench_api", lambda: _run([sys.executable, str(HERE / "bench_api.py")])),
    ]
    failed = [name for name, step in steps if not step()]
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
