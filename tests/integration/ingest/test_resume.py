"""Kill `kmob ingest` at arbitrary moments; running it again must end with exactly a clean run's graph."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from graph.database import Database
from graph.settings import Settings
from server.ingest.run import ingest_paths


def _ingest_command(corpus: Path) -> list[str]:
    return [sys.executable, "-m", "server.cli", "ingest", str(corpus), "--no-progress"]


def test_killed_ingest_resumes_to_the_clean_graph(
    empty_db: Database, settings: Settings, corpus: Path, tmp_path: Path, snapshot
) -> None:
    ingest_paths(empty_db, settings, [corpus])
    clean = snapshot(empty_db, tmp_path)
    empty_db.write("MATCH (n) WHERE NOT n:Migration DETACH DELETE n")

    env = {**os.environ, "KMOB_BATCH_SIZE": "8"}  # small batches: many commit points to be killed between
    kills = 0
    for delay in (6.0, 9.0, 12.0):
        proc = subprocess.Popen(_ingest_command(corpus), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=30)
    assert kills >= 1, "the ingest finished before any kill; the test proved nothing"
    partial = empty_db.read("MATCH (s:Source) RETURN count(s) AS n")[0]["n"]
    final = subprocess.run(_ingest_command(corpus), env=env, capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr
    resumed = snapshot(empty_db, tmp_path)
    for kind, got, want in (("nodes", resumed[0], clean[0]), ("relationships", resumed[1], clean[1])):
        extra, lost = sorted(set(got) - set(want))[:3], sorted(set(want) - set(got))[:3]
        assert got == want, f"{kind} differ from a clean run: extra {extra}, missing {lost}"
    assert partial < len(clean[0])
