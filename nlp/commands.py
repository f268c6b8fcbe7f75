"""`kmob extract` and `kmob evaluate`: registered on the main CLI's argparse subparsers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nlp.records import Entity

KINDS = ("auto", "project", "lesson", "evidence", "profile")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `extract` and `evaluate` subcommands."""
    extract = subparsers.add_parser("extract", help="extract entities and relations from files")
    extract.add_argument("paths", nargs="+", metavar="PATH")
    extract.add_argument("--kind", choices=KINDS, default="auto")
    extract.add_argument("--format", choices=("json",), default="json")
    extract.set_defaults(handler=run_extract)
    evaluate = subparsers.add_parser("evaluate", help="score extraction on the evaluation set")
    evaluate.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    evaluate.add_argument(
        "--data", type=Path, default=None, help="evaluation set (JSONL), or a folder of JSONL parts (the corpus)"
    )
    evaluate.add_argument("--output", type=Path, default=Path("var/evaluation.json"))
    evaluate.add_argument(
        "--errors",
        metavar="LABELS",
        default=None,
        help="also list missed and spurious entities of these labels (comma-separated, or 'all'); "
        "read dev errors only, the heldout split stays unread while tuning",
    )
    evaluate.add_argument(
        "--polarity-errors",
        action="store_true",
        help="also list gold outcomes the polarity tagger gets wrong on the gold span (dev or training data only)",
    )
    evaluate.set_defaults(handler=run_evaluate)


def run_extract(args: argparse.Namespace) -> int:
    """Print the extraction of every readable record as JSON; errors go to stderr."""
    from nlp.documents import read_paths
    from nlp.records import Document, ReadError

    documents: list[Document] = []
    for item in read_paths(args.paths, kind=args.kind):
        if isinstance(item, ReadError):
            print(f"error: {item.source}: {item.message}", file=sys.stderr)
        else:
            documents.append(item)
    if not documents:
        print("error: nothing could be read", file=sys.stderr)
        return 2
    from nlp.extract import Extractor

    out = []
    for extraction in Extractor().extract_many(documents):
        doc = extraction.document
        out.append(
            {
                "source": doc.source,
                "kind": doc.kind,
                "title": doc.title,
                "entities": [_entity_json(e) for e in extraction.entities],
                "relations": [
                    {
                        "type": r.type,
                        "head": r.head,
                        "tail": r.tail,
                        "head_id": r.head_id,
                        "tail_id": r.tail_id,
                        "sentence": r.sentence,
                        "score": r.score,
                    }
                    for r in extraction.relations
                ],
            }
        )
    json.dump({"documents": out}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _entity_json(entity: Entity) -> dict:
    out = {
        "text": entity.text,
        "label": entity.label,
        "start": entity.start,
        "end": entity.end,
        "concept_id": entity.concept_id,
        "canonical": entity.canonical,
        "score": entity.score,
    }
    if entity.label == "OUTCOME":
        # Which way the measure went: without it a change that failed reads like good practice.
        out["polarity"] = entity.polarity
    return out


def run_evaluate(args: argparse.Namespace) -> int:
    """Print P/R/F1 per label and relation type and polarity accuracy; write them as JSON."""
    from nlp.evaluate import (
        EVAL_PATH,
        LABELS,
        GoldDataError,
        evaluate,
        format_errors,
        format_polarity_errors,
        format_report,
    )

    data = args.data or EVAL_PATH
    if not data.exists():
        print(f"error: {data}: evaluation set not found", file=sys.stderr)
        return 2
    wanted = None
    if args.errors and args.errors != "all":
        wanted = {label.strip().upper() for label in args.errors.split(",")}
        unknown = wanted - set(LABELS)
        if unknown:
            print(f"error: --errors: unknown label(s) {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
    try:
        reports = evaluate(args.split, data)
    except GoldDataError as exc:
        print(f"error: cannot read the evaluation data: {exc}", file=sys.stderr)
        return 2
    if not reports:
        print(f"error: {data}: no records of split {args.split!r}", file=sys.stderr)
        return 2
    for report in reports.values():
        print(format_report(report))
        if args.errors:
            print(format_errors(report, wanted))
        if args.polarity_errors:
            print(format_polarity_errors(report))
        print()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({s: r.as_dict() for s, r in reports.items()}, indent=1))
    print(f"wrote {args.output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Standalone entry point (`python -m nlp.commands`) until the main CLI registers these commands."""
    parser = argparse.ArgumentParser(prog="kmob")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    raise SystemExit(main())
