"""CLI commands of the ingest layer: `kmob ingest`, `kmob export`, `kmob import`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graph.database import Database
from graph.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    """Add ingest, export and import to the `kmob` command."""
    ingest = sub.add_parser("ingest", help="read files and folders into the graph (idempotent, resumable)")
    ingest.add_argument("paths", nargs="+")
    ingest.add_argument(
        "--prune",
        action="store_true",
        help="afterwards, take back stored sources under these paths that this run did not read (deleted or "
        "renamed files, removed JSONL lines); files that fail to read keep their facts",
    )
    ingest.add_argument("--kind", default="auto", choices=["auto", "project", "lesson", "evidence", "profile"])
    ingest.add_argument("--report", type=Path, help="where to write the JSON report (default var/ingest-report.json)")
    ingest.add_argument("--no-progress", action="store_true")
    ingest.set_defaults(handler=_ingest)

    export = sub.add_parser("export", help="write the whole graph as JSONL (backup)")
    export.add_argument("path", type=Path)
    export.set_defaults(handler=_export)

    load = sub.add_parser("import", help="load a JSONL export into the graph")
    load.add_argument("path", type=Path)
    load.set_defaults(handler=_import)


def _count_documents(paths: list[str], kind: str) -> int:
    from nlp.documents import read_paths

    return sum(1 for _ in read_paths(paths, kind=kind))


def _ingest(args: argparse.Namespace) -> int:
    from server.ingest.run import ingest_paths

    settings: Settings = args.settings
    console = Console(stderr=True)
    missing = [p for p in args.paths if not Path(p).exists()]
    for path in missing:
        print(f"kmob ingest: {path}: no such file or folder", file=sys.stderr)
    paths = [p for p in args.paths if Path(p).exists()]
    if not paths:
        return 2
    report = args.report or settings.home / "ingest-report.json"
    db = Database(settings)
    try:
        total = _count_documents(paths, args.kind)
        columns = [
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} docs/s"),
            TimeElapsedColumn(),
        ]
        with Progress(*columns, console=console, disable=args.no_progress) as bar:
            task = bar.add_task("ingest", total=total, rate=0.0)

            def advance(n: int) -> None:
                bar.advance(task, n)
                elapsed = bar.tasks[0].elapsed or 1e-9
                bar.update(task, rate=bar.tasks[0].completed / elapsed)

            summary = ingest_paths(
                db, settings, paths, kind=args.kind, progress=advance, report_path=report, prune=args.prune
            )
    finally:
        db.close()
    # Plain lines, never wrapped, so logs and scripts can grep them.
    for error in summary.errors:
        print(f"error: {error.source}: {error.message}", file=sys.stderr)
    for path in summary.retracted_sources:
        print(f"retracted: {path}", file=sys.stderr)
    if summary.prune_skipped:
        print(f"prune skipped: {summary.prune_skipped}", file=sys.stderr)
    pruned = ""
    if args.prune:
        pruned = f", retracted {summary.retracted}"
        if summary.kept_unreadable:
            pruned += f" (kept {summary.kept_unreadable} from unreadable files)"
    print(
        f"documents {summary.documents} (new {summary.new}, updated {summary.updated}, unchanged "
        f"{summary.unchanged}), entities {summary.entities}, relations {summary.relations}, "
        f"errors {len(summary.errors)}{pruned}, {summary.seconds:.1f}s; report {report}"
    )
    return 1 if summary.errors or missing else 0


def _export(args: argparse.Namespace) -> int:
    from graph.backup import export_graph

    db = Database(args.settings)
    try:
        nodes, rels = export_graph(db, args.path)
    finally:
        db.close()
    print(f"exported {nodes} nodes and {rels} relationships to {args.path}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from graph.backup import import_graph

    if not args.path.exists():
        print(f"kmob import: {args.path}: no such file", file=sys.stderr)
        return 2
    db = Database(args.settings)
    try:
        nodes, rels = import_graph(db, args.path)
    except ValueError as exc:
        print(f"kmob import: {exc}", file=sys.stderr)
        return 2
    finally:
        db.close()
    print(f"imported {nodes} nodes and {rels} relationships from {args.path}")
    return 0
