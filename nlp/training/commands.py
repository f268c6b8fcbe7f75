"""`kmob train-review` and `kmob train-tagger`: train the span review, proposal, ADDRESSES, LEARNED and concept
tagger models from the annotated corpus."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from nlp.training.corpus import corpus_paths, load_records

DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "models" / "span-review.json"
ADDRESSES_OUTPUT = Path(__file__).resolve().parents[1] / "models" / "addresses.json"
LEARNED_OUTPUT = Path(__file__).resolve().parents[1] / "models" / "learned.json"
DIRECTION_OUTPUT = Path(__file__).resolve().parents[1] / "models" / "direction.json"
TAGGER_OUTPUT = Path(__file__).resolve().parents[1] / "models" / "concept-tagger"
TRAINED = {"train", "dev"}
EVAL_SET = Path(__file__).resolve().parents[2] / "tests" / "data" / "eval" / "documents.jsonl"
# Cross-validation over the corpus and the dev split (python -m nlp.training.crossval, docs/extraction-report.md):
# moving INTERVENTION boundaries helped the corpus's annotators a little but cost the evaluation set's more, so they
# stay as the rules set them. Moving OUTCOME boundaries cost both groups until the wraps (0.7.15) made measures of
# the phrases around concepts; since then it gains (corpus and fresh parts), and OUTCOME is reviewed too.
REBOUND_LABELS = frozenset({"CONDITION", "SETTING", "TOPIC", "OUTCOME"})
# Each model is the mean of this many training runs over the examples in different orders (nlp.training.review).
# Trained on parts 3-69 and dev, five single runs of the span review found 787-800 of the concept mentions of parts
# 73-75 and 689-699 of parts 70-72; two means of five runs each found within a few mentions of each other
# (docs/extraction-report.md, 0.7.18).
TRAINING_RUNS = 5


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `train-review` and `train-tagger` subcommands."""
    parser = subparsers.add_parser(
        "train-review",
        help="train the span review, ADDRESSES and LEARNED models on nlp/training/corpus and the evaluation set's "
        "dev split",
    )
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument(
        "--runs", type=int, default=TRAINING_RUNS, help="training runs averaged into each model (default: %(default)s)"
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where the span review model goes")
    parser.add_argument(
        "--addresses-output", type=Path, default=ADDRESSES_OUTPUT, help="where the ADDRESSES model goes"
    )
    parser.add_argument("--learned-output", type=Path, default=LEARNED_OUTPUT, help="where the LEARNED model goes")
    parser.add_argument(
        "--direction-output", type=Path, default=DIRECTION_OUTPUT, help="where the outcome direction model goes"
    )
    parser.add_argument(
        "--without-dev", action="store_true", help="train on the corpus only (to validate on the dev split)"
    )
    parser.set_defaults(handler=run_train_review)
    tagger = subparsers.add_parser(
        "train-tagger",
        help="fine-tune the base model's entity recogniser with OUTCOME and TOPIC added (about 15 minutes)",
    )
    tagger.add_argument("--epochs", type=int, help="passes over the records (default: TaggerSettings.epochs)")
    tagger.add_argument("--output", type=Path, default=TAGGER_OUTPUT, help="the tagger's pipeline directory")
    tagger.add_argument(
        "--without-dev", action="store_true", help="train on the corpus only (to validate on the dev split)"
    )
    tagger.add_argument(
        "--hold-out",
        type=Path,
        action="append",
        default=[],
        metavar="PART",
        help="a corpus file to leave out of training and score the tagger on (repeatable)",
    )
    tagger.set_defaults(handler=run_train_tagger)


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
    from nlp.evaluate import load_gold
    from nlp.pipeline import build_pipeline
    from nlp.training.choices import train_choices_on
    from nlp.training.review import train_review

    files = training_files(with_dev=not args.without_dev)
    # The corpus's records are all "train"; of the evaluation set only the dev split is ever trained on.
    pairs = [(gold, document) for path in files for gold, document in load_gold(path) if gold.get("split") in TRAINED]
    if not pairs:
        print("error: no annotated records found under nlp/training/corpus", file=sys.stderr)
        return 2
    trained_on = f"{len(pairs)} records, files {corpus_digest(files)}"
    # The review learns from the rules' spans alone: no stored model is read here.
    rules_only = build_pipeline(skip=("kmob_span_review", "kmob_polarity", "kmob_relations"))
    records = [gold for gold, _ in pairs]
    model, examples = train_review(
        rules_only, records, epochs=args.epochs, rebound_labels=REBOUND_LABELS, trained_on=trained_on, runs=args.runs
    )
    model.save(args.output)
    print(
        f"trained on {len(pairs)} records: {len(examples.left)} left, {len(examples.right)} right, "
        f"{len(examples.propose)} proposal and {len(examples.wrap)} wrap examples; wrote {args.output}"
    )
    # The ADDRESSES, LEARNED and direction models read spans as the review leaves them, so they learn from a
    # pipeline with the review just trained in place of the stored one; its polarity and relations components have
    # no stored models, which need not exist.
    with_review = build_pipeline(skip=("kmob_polarity", "kmob_relations"))
    with_review.add_pipe("kmob_polarity")
    with_review.add_pipe("kmob_relations")
    with_review.get_pipe("kmob_span_review").model = model
    choices = train_choices_on(with_review, pairs, epochs=args.epochs, trained_on=trained_on, runs=args.runs)
    outputs = {
        "ADDRESSES": (args.addresses_output, "project concepts"),
        "LEARNED": (args.learned_output, "lesson concepts"),
        "DIRECTION": (args.direction_output, "outcome mentions"),
    }
    for relation, (choice, count) in choices.items():
        output, kind = outputs[relation]
        choice.save(output)
        print(f"{relation} model: {count} {kind}; wrote {output}")
    return 0


def run_train_tagger(args: argparse.Namespace) -> int:
    """Fine-tune the tagger, save it, and score it on any held-out parts."""
    from nlp.pipeline import load_config
    from nlp.training.tagger import TaggerSettings, save_tagger, tagged_scores, train_tagger

    missing = [str(path) for path in args.hold_out if not path.is_file()]
    if missing:
        print(f"error: --hold-out file not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    held_out = {path.resolve() for path in args.hold_out}
    files = [path for path in training_files(with_dev=not args.without_dev) if path.resolve() not in held_out]
    records = load_records(files, splits=TRAINED)
    if not records:
        print("error: no annotated records found under nlp/training/corpus", file=sys.stderr)
        return 2
    settings = TaggerSettings() if args.epochs is None else TaggerSettings(epochs=args.epochs)
    tagger = train_tagger(
        load_config()["base"]["model"], records, settings, progress=lambda line: print(line, flush=True)
    )
    trained_on = f"{len(records)} records, files {corpus_digest(files)}"
    save_tagger(tagger, args.output, trained_on)
    print(f"trained on {trained_on}; wrote {args.output}")
    if held_out:
        for label, scores in tagged_scores(tagger, load_records(sorted(held_out))).items():
            if label in settings.labels:
                print(f"{label:<14} P {scores['precision']:.3f}  R {scores['recall']:.3f}  F1 {scores['f1']:.3f}")
    return 0
