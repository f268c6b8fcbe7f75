"""`kmob train-review`: train the span review and proposal models from the annotated corpus."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from nlp.training.corpus import corpus_paths, load_records

DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "models" / "span-review.json"
EVAL_SET = Path(__file__).resolve().parents[2] / "tests" / "data" / "eval" / "documents.jsonl"
# Cross-validation over the corpus and the dev split (docs/extraction-report.md): moving INTERVENTION boundaries
# helped the corpus's annotators a little but cost the evaluation set's more, so those stay as the rules set them.
REBOUND_LABELS = frozenset({"CONDITION", "SETTING", "OUTCOME", "TOPIC"})


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `train-review` subcommand."""
    parser = subparsers.add_parser(
        "train-review",
        help="train the span review models on nlp/training/corpus and the evaluation set's dev split",
    )
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--without-dev", action="store_true", help="train on the corpus only (to validate on the dev split)"
    )
    parser.set_defaults(handler=run_train_review)


def corpus_digest(paths: list[Path]) -> str:
    """A short digest of the training files, stored in the model so a stale model can be detected."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def training_files(with_dev: bool) -> list[Path]:
    """The corpus files, plus the evaluation set (whose dev split only is read) when with_dev."""
    return corpus_paths() + ([EVAL_SET] if with_dev else [])


def run_train_review(args: argparse.Namespace) -> int:
    """Train, save, and print what the model was trained on."""
    from nlp.pipeline import build_pipeline
    from nlp.training.review import train_review

    files = training_files(with_dev=not args.without_dev)
    # The corpus's records are all "train"; of the evaluation set only the dev split is ever trained on.
    records = load_records(files, {"train", "dev"})
    if not records:
        print("error: no annotated records found under nlp/training/corpus", file=sys.stderr)
        return 2
    nlp = build_pipeline(skip=("kmob_span_review",))
    model, examples = train_review(
        nlp,
        records,
        epochs=args.epochs,
        rebound_labels=REBOUND_LABELS,
        trained_on=f"{len(records)} records, files {corpus_digest(files)}",
    )
    model.save(args.output)
    print(
        f"trained on {len(records)} records: {len(examples.left)} left, {len(examples.right)} right, "
        f"{len(examples.propose)} proposal examples; wrote {args.output}"
    )
    return 0
