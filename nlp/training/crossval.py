"""Cross-validate the learned models: train on k-1 folds of the corpus plus the dev split, score the fold left out.

The evaluation set's dev split is training data for the review, so its dev scores are in-sample; this is how a
change to the review (or to the corpus it learns from) is judged without reading the heldout split. Scores are
kept apart for the corpus's records and the dev records, because their annotators draw some boundaries
differently, and each is shown with the rules alone beside it ("rules": no span review, ADDRESSES and LEARNED chosen
by the rules; "review": the span review and the ADDRESSES and LEARNED models, all trained on the other folds).

Run: .venv/bin/python -m nlp.training.crossval [--folds 4] [--rebound CONDITION,SETTING,OUTCOME,TOPIC]
     (about ten minutes; about an hour with a concept tagger configured, as each fold trains its own)
     .venv/bin/python -m nlp.training.crossval --proposals   (the proposal model alone: quicker, less noisy)
     .venv/bin/python -m nlp.training.crossval --choices [--weights 1,2]   (the ADDRESSES and LEARNED choices alone)
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from nlp.evaluate import Report, load_gold, pipeline_tagger, score_document
from nlp.records import Document
from nlp.training.commands import EVAL_SET, REBOUND_LABELS, TRAINING_RUNS
from nlp.training.corpus import corpus_paths

CONCEPT_LABELS = ("CONDITION", "INTERVENTION", "SETTING", "OUTCOME", "TOPIC")
RESULT_PATH = Path(__file__).resolve().parents[2] / "var" / "crossval.json"
PROPOSALS_RESULT_PATH = RESULT_PATH.with_name("crossval-proposals.json")
CHOICES_RESULT_PATH = RESULT_PATH.with_name("crossval-choices.json")


@dataclass(frozen=True)
class Example:
    """One annotated record, the Document made of it, and which annotators' group it belongs to."""

    gold: dict
    document: Document
    group: str  # "corpus" or "dev"


def load_examples() -> list[Example]:
    """The corpus's records and the evaluation set's dev records (never its heldout ones)."""
    examples = [Example(g, d, "corpus") for path in corpus_paths() for g, d in load_gold(path)]
    examples += [Example(g, d, "dev") for g, d in load_gold(EVAL_SET) if g.get("split") == "dev"]
    return sorted(examples, key=lambda e: e.gold["id"])


def folds_of(examples: list[Example], k: int) -> list[list[Example]]:
    """k folds that each take every k-th record (by id), so each fold mixes areas, genres and both groups."""
    return [examples[i::k] for i in range(k)]


def score(extractor, examples: list[Example], reports: dict[str, Report]) -> None:
    """Extract the examples and add their scores to the report of their group."""
    extracted = extractor.extract_with_docs(e.document for e in examples)
    tagger = pipeline_tagger(extractor.nlp)
    for example, (extraction, doc) in zip(examples, extracted, strict=True):
        score_document(reports[example.group], example.gold, extraction, doc, tagger)


def crossvalidate(
    k: int, rebound_labels: frozenset[str], epochs: int = 10, runs: int = 1
) -> dict[str, dict[str, Report]]:
    """Reports per setting ("rules", "review") and group, over all k held-out folds; each fold's models are the mean
    of `runs` training runs, as `kmob train-review --runs` makes them.

    With a concept tagger in the config, each fold trains its own on the other folds (about ten minutes a fold), so
    no fold is scored by a tagger that saw it; both settings use it.
    """
    from nlp.extract import Extractor
    from nlp.pipeline import build_pipeline, load_config
    from nlp.training.choices import train_choices_on
    from nlp.training.review import train_review
    from nlp.training.tagger import train_tagger

    base = load_config()["base"]
    examples = load_examples()
    folds = folds_of(examples, k)
    reports = {setting: {g: Report(g) for g in ("corpus", "dev")} for setting in ("rules", "review")}

    def pipelines(tagger: Language | None = None) -> tuple[Language, Language]:
        rules_only = build_pipeline(skip=("kmob_span_review",), tagger=tagger)
        relations = rules_only.get_pipe("kmob_relations")
        relations.addresses_model = relations.learned_model = None  # the rules' own ADDRESSES and LEARNED choices
        rules_only.get_pipe("kmob_polarity").direction_model = None  # and the rules' own directions
        return rules_only, build_pipeline(tagger=tagger)

    # Without a tagger the pipelines are the same for every fold: built once (loading them takes seconds).
    shared = None if base.get("ner") else pipelines()
    for i, fold in enumerate(folds):
        train = [e for j, other in enumerate(folds) if j != i for e in other]
        rules_only, with_review = shared or pipelines(train_tagger(base["model"], [e.gold for e in train]))
        score(Extractor(nlp=rules_only), fold, reports["rules"])
        model, _ = train_review(
            rules_only, [e.gold for e in train], epochs=epochs, rebound_labels=rebound_labels, runs=runs
        )
        with_review.get_pipe("kmob_span_review").model = model
        choices = train_choices_on(with_review, [(e.gold, e.document) for e in train], epochs=epochs, runs=runs)
        relations = with_review.get_pipe("kmob_relations")
        relations.addresses_model, relations.learned_model = choices["ADDRESSES"][0], choices["LEARNED"][0]
        with_review.get_pipe("kmob_polarity").direction_model = choices["DIRECTION"][0]
        score(Extractor(nlp=with_review), fold, reports["review"])
        print(f"fold {i + 1}/{k}: trained on {len(train)} records, scored {len(fold)}", flush=True)
    return reports


def proposal_counts(k: int, epochs: int = 10) -> dict[str, dict[str, dict[str, int]]]:
    """The proposal model alone, cross-validated: per group and label, how many of the held-out fold's free noun
    phrases it would label right and wrong (margin 0, before overlapping proposals are resolved), and the gold
    mentions among them. A feature change shows here in a minute, without the noise of retraining the rest."""
    import random

    from nlp.pipeline import build_pipeline
    from nlp.training.review import LABEL_CHOICES, collect, train_ranker

    examples = load_examples()
    rules_only = build_pipeline(skip=("kmob_span_review",))
    per_record = {e.gold["id"]: collect(rules_only, [e.gold]).propose for e in examples}
    none = LABEL_CHOICES.index("NONE")
    labels = LABEL_CHOICES[:-1]
    counts = {group: {label: {"right": 0, "false": 0, "gold": 0} for label in labels} for group in ("corpus", "dev")}
    folds = folds_of(examples, k)
    for i, fold in enumerate(folds):
        train = [x for j, other in enumerate(folds) if j != i for e in other for x in per_record[e.gold["id"]]]
        weights = train_ranker(train, epochs, random.Random(0))
        for example in fold:
            for candidates, gold in per_record[example.gold["id"]]:
                scores = [sum(weights.get(f, 0.0) for f in features) for features in candidates]
                best = max((c for c in range(len(candidates)) if c != none), key=lambda c: scores[c])
                row = counts[example.group]
                if gold != none:
                    row[LABEL_CHOICES[gold]]["gold"] += 1
                if scores[best] > scores[none]:
                    row[LABEL_CHOICES[best]]["right" if best == gold else "false"] += 1
    return counts


def format_proposal_counts(counts: dict[str, dict[str, dict[str, int]]]) -> str:
    """A row per group and label: right / false proposals, their difference and the gold mentions among the phrases."""
    lines = [f"{'':22}{'right':>7}{'false':>7}{'net':>7}{'gold':>7}"]
    for group, by_label in counts.items():
        for label, c in by_label.items():
            net = c["right"] - c["false"]
            lines.append(f"{group + ' ' + label:22}{c['right']:>7}{c['false']:>7}{net:>+7}{c['gold']:>7}")
    return "\n".join(lines)


def choice_scores(k: int, epochs: int, weights: list[float]) -> dict[str, dict[str, dict[str, dict[str, float]]]]:
    """The learned choices alone (ADDRESSES, LEARNED), cross-validated over their candidates, in a minute or two.

    The records run once through the pipeline with the stored span review, so their concepts are what the choice
    models see in training; each fold's model is trained on the other folds' candidates, once per missed-target
    weight. Precision counts chosen candidates, recall the gold relations they match; per task, setting ("rules" or
    "weight=W") and group."""
    import dataclasses

    from nlp.extract import Extractor
    from nlp.pipeline import build_pipeline
    from nlp.training.choices import TASKS, labelled_candidates, train_choice

    examples = load_examples()
    nlp = build_pipeline()
    relations = nlp.get_pipe("kmob_relations")
    relations.addresses_model = relations.learned_model = None
    records: dict[str, list] = {task.relation: [] for task in TASKS}  # (group, candidates, gold count) per record
    extracted = Extractor(nlp=nlp).extract_with_docs(e.document for e in examples)
    for example, (_, doc) in zip(examples, extracted, strict=True):
        for task in TASKS:
            if example.gold.get("kind") == task.kind:
                candidates, gold_count = labelled_candidates(task, example.gold, example.document, doc)
                records[task.relation].append((example.group, candidates, gold_count))
    out: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    for task in TASKS:
        rows = records[task.relation]
        chosen = {"rules": [[c.chosen_by_rules for c in cands] for _, cands, _ in rows]}
        for weight in weights:
            weighted = dataclasses.replace(task, positive_weight=weight)
            picks: list[list[bool]] = [[] for _ in rows]
            for i in range(k):
                train = [(c.features, bool(c.gold_matched)) for j, r in enumerate(rows) if j % k != i for c in r[1]]
                model = train_choice(weighted, train, epochs)
                for j in range(i, len(rows), k):
                    picks[j] = [model.score(c.features) > 0 for c in rows[j][1]]
            chosen[f"weight={weight:g}"] = picks
        out[task.relation] = {setting: _choice_prf(rows, picks) for setting, picks in chosen.items()}
    return out


def _choice_prf(rows: list, picks: list[list[bool]]) -> dict[str, dict[str, float]]:
    """Precision over chosen candidates and recall over gold relations, per group."""
    counts = {group: {"right": 0, "false": 0, "found": 0, "gold": 0} for group in ("corpus", "dev")}
    for (group, cands, gold_count), chosen in zip(rows, picks, strict=True):
        c = counts[group]
        found: set[int] = set()
        for candidate, pick in zip(cands, chosen, strict=True):
            if pick:
                c["right" if candidate.gold_matched else "false"] += 1
                found |= candidate.gold_matched
        c["found"] += len(found)
        c["gold"] += gold_count
    out = {}
    for group, c in counts.items():
        p = c["right"] / max(c["right"] + c["false"], 1)
        r = c["found"] / max(c["gold"], 1)
        out[group] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return out


def format_choice_scores(scores: dict[str, dict[str, dict[str, dict[str, float]]]]) -> str:
    """A row per task and setting: precision, recall and F1 on the corpus and on dev."""
    lines = [f"{'':26}{'corpus P':>9}{'R':>7}{'F1':>7}{'dev P':>8}{'R':>7}{'F1':>7}"]
    for relation, settings in scores.items():
        for setting, groups in settings.items():
            c, d = groups["corpus"], groups["dev"]
            lines.append(
                f"{relation + ' ' + setting:26}{c['precision']:>9.3f}{c['recall']:>7.3f}{c['f1']:>7.3f}"
                f"{d['precision']:>8.3f}{d['recall']:>7.3f}{d['f1']:>7.3f}"
            )
    return "\n".join(lines)


def summary(reports: dict[str, dict[str, Report]]) -> dict[str, dict[str, dict[str, float]]]:
    """Exact-span F1 per concept label, ADDRESSES and LEARNED F1 and polarity on gold spans, per group and setting."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for group in ("corpus", "dev"):
        out[group] = {}
        for setting, by_group in reports.items():
            report = by_group[group]
            row = {label: report.entities[label].scores()["f1"] for label in CONCEPT_LABELS}
            row["ADDRESSES"] = report.relations["ADDRESSES"].scores()["f1"]
            row["LEARNED"] = report.relations["LEARNED"].scores()["f1"]
            row["polarity"] = report.as_dict()["polarity"]["accuracy_on_gold_mentions"]
            out[group][setting] = row
    return out


def format_summary(table: dict[str, dict[str, dict[str, float]]]) -> str:
    """Rows per measure, columns rules/review for each group."""
    measures = [*CONCEPT_LABELS, "ADDRESSES", "LEARNED", "polarity"]
    lines = [f"{'':14}{'corpus rules':>14}{'corpus review':>15}{'dev rules':>11}{'dev review':>12}"]
    for m in measures:
        c, d = table["corpus"], table["dev"]
        lines.append(
            f"{m:14}{c['rules'][m]:>14.3f}{c['review'][m]:>15.3f}{d['rules'][m]:>11.3f}{d['review'][m]:>12.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the cross-validation, print the table and write var/crossval.json."""
    parser = argparse.ArgumentParser(prog="python -m nlp.training.crossval", description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--runs", type=int, default=TRAINING_RUNS, help="training runs averaged into each model")
    parser.add_argument(
        "--rebound",
        default=",".join(sorted(REBOUND_LABELS)),
        help="labels whose boundaries the review may move (comma-separated)",
    )
    parser.add_argument("--output", type=Path, default=RESULT_PATH)
    parser.add_argument("--proposals", action="store_true", help="cross-validate the proposal model alone")
    parser.add_argument(
        "--choices",
        action="store_true",
        help="cross-validate the ADDRESSES and LEARNED choices alone, over their candidates",
    )
    parser.add_argument(
        "--weights", default="1,2", help="with --choices: the missed-target weights to train at (comma-separated)"
    )
    args = parser.parse_args(argv)
    rebound = frozenset(label for label in args.rebound.split(",") if label)
    unknown = rebound - set(CONCEPT_LABELS)
    if unknown or args.folds < 2:
        parser.error(f"--rebound takes {', '.join(CONCEPT_LABELS)}; --folds at least 2")
    if args.proposals:
        counts = proposal_counts(args.folds, args.epochs)
        print(format_proposal_counts(counts))
        # Beside the full cross-validation's results, not over them.
        output = PROPOSALS_RESULT_PATH if args.output == RESULT_PATH else args.output
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps({"folds": args.folds, "proposals": counts}, indent=1))
        return 0
    if args.choices:
        scores = choice_scores(args.folds, args.epochs, [float(w) for w in args.weights.split(",") if w])
        print(format_choice_scores(scores))
        output = CHOICES_RESULT_PATH if args.output == RESULT_PATH else args.output
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps({"folds": args.folds, "choices": scores}, indent=1))
        return 0
    table = summary(crossvalidate(args.folds, rebound, args.epochs, args.runs))
    print(format_summary(table))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"folds": args.folds, "rebound": sorted(rebound), "scores": table}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
