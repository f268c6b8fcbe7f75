"""Train the learned choices (nlp.choice): ADDRESSES from annotated QI projects, LEARNED from annotated lessons.

Each record runs through the whole pipeline; each of its concepts is a positive example when its canonical name or
one of its surface forms matches the tail of a gold relation of the task's type (the evaluation's matching).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import addresses, lessons
from nlp.choice import Candidate, ChoiceModel
from nlp.components.polarity import PolarityTagger
from nlp.components.relations import RelationExtractor
from nlp.direction import direction_features, direction_label
from nlp.evaluate import gold_key_finder
from nlp.normalise import term_key
from nlp.records import Document
from nlp.training.review import AveragedPerceptron, mean_weights


@dataclass(frozen=True)
class ChoiceTask:
    """One learned choice: the relation it makes, from which kind of record, and how candidates are read."""

    relation: str
    kind: str
    rule_targets: Callable[[RelationExtractor, Doc, str], list[Span]]
    featurized: Callable[[Doc, str, Iterable[Span], Iterable[Span]], list[tuple[Candidate, list[str]]]]
    # A missed target costs this many wrong choices in training. Above 1 trades precision for recall, which raises
    # F1 when most of the candidates are not targets. Cross-validated over the corpus's candidates (`python -m
    # nlp.training.crossval --choices`, 1,176 records), LEARNED F1 was 0.530 at 1, 0.557 at 1.5 and 0.567 at 2 (dev
    # 0.710, 0.718, 0.769). ADDRESSES gained on the corpus (0.621 at 1, 0.635 at 1.5) but not on text annotated like
    # the evaluation set or written later: dev 0.721 -> 0.712, heldout 0.634 -> 0.571, and corpus parts 49-51 scored
    # before use 0.611 -> 0.609; it stays at 1 (docs/extraction-report.md, 0.7.14).
    positive_weight: float = 1.0


ADDRESSES = ChoiceTask("ADDRESSES", "project", RelationExtractor.rule_addresses, addresses.featurized)
LEARNED = ChoiceTask("LEARNED", "lesson", RelationExtractor.rule_learned, lessons.featurized, positive_weight=2.0)
TASKS = (ADDRESSES, LEARNED)


@dataclass(frozen=True)
class LabelledCandidate:
    """One concept of an annotated record: its features, whether the rules chose it, and the gold relations (by
    index among the record's relations of the task's type) its names match."""

    features: list[str]
    chosen_by_rules: bool
    gold_matched: frozenset[int]


def labelled_candidates(
    task: ChoiceTask, gold: dict, document: Document, doc: Doc
) -> tuple[list[LabelledCandidate], int]:
    """The record's candidates, matched to its gold relations of the task's type, and how many of those there are."""
    from nlp.extract import entity_identity

    gold_keys = gold_key_finder(gold)
    tails = [gold_keys(r["tail"]) for r in gold.get("relations", []) if r["type"] == task.relation]
    targets = task.rule_targets(RelationExtractor(), doc, document.title)
    out = []
    for candidate, feature_strings in task.featurized(doc, document.title, list(doc.ents), targets):
        keys = {term_key(entity_identity(doc, s)[1]) for s in candidate.spans}
        keys |= {term_key(s.text) for s in candidate.spans}
        matched = frozenset(i for i, tail in enumerate(tails) if keys & tail)
        out.append(LabelledCandidate(feature_strings, candidate.chosen_by_rules, matched))
    return out, len(tails)


def concept_examples(task: ChoiceTask, gold: dict, document: Document, doc: Doc) -> list[tuple[list[str], bool]]:
    """(features, chosen by the annotators?) for each concept of one processed record."""
    return [(c.features, bool(c.gold_matched)) for c in labelled_candidates(task, gold, document, doc)[0]]


def train_choice(
    task: ChoiceTask,
    examples: list[tuple[list[str], bool]],
    epochs: int = 10,
    seed: int = 0,
    trained_on: str = "",
    runs: int = 1,
) -> ChoiceModel:
    """The averaged-perceptron model over the task's examples (concept_examples of records of its kind)."""
    return train_linear(examples, epochs, seed, task.positive_weight, trained_on, runs)


def train_linear(
    examples: list[tuple[list[str], bool]],
    epochs: int = 10,
    seed: int = 0,
    positive_weight: float = 1.0,
    trained_on: str = "",
    runs: int = 1,
) -> ChoiceModel:
    """An averaged perceptron over (features, chosen?) examples; with runs > 1, the mean of that many runs shuffled
    with seeds seed, seed + 1, ... (nlp.training.review.mean_weights)."""
    return ChoiceModel(
        weights=mean_weights([_perceptron_run(examples, epochs, seed + run, positive_weight) for run in range(runs)]),
        trained_on=trained_on,
    )


def _perceptron_run(
    examples: list[tuple[list[str], bool]], epochs: int, seed: int, positive_weight: float
) -> dict[str, float]:
    examples = list(examples)
    rng = random.Random(seed)
    model = AveragedPerceptron()
    for _ in range(epochs):
        rng.shuffle(examples)
        for feature_strings, chosen in examples:
            if (model.score(feature_strings) > 0) != chosen:
                model.update(feature_strings, positive_weight if chosen else -1.0)
            model.tick()
    return model.averaged()


def train_choices_on(
    nlp: Language, pairs: list[tuple[dict, Document]], epochs: int = 10, trained_on: str = "", runs: int = 1
) -> dict[str, tuple[ChoiceModel, int]]:
    """Run the records through this pipeline (its span review already set) and train every task's model and the
    direction model (nlp.direction); per relation type, and under "DIRECTION", the model and its example count.

    The pipeline's own learned choices and direction are switched off meanwhile (they need not exist yet); the
    features read the rules' choices and directions, which do not depend on them.
    """
    from nlp.extract import Extractor

    relations = nlp.get_pipe("kmob_relations")
    relations.addresses_model = relations.learned_model = None
    tagger = nlp.get_pipe("kmob_polarity")
    tagger.direction_model = None
    examples: dict[str, list[tuple[list[str], bool]]] = {task.relation: [] for task in TASKS}
    directions: list[tuple[list[str], bool]] = []
    processed = Extractor(nlp=nlp).extract_with_docs(d for _, d in pairs)
    for (gold, document), (_, doc) in zip(pairs, processed, strict=True):
        for task in TASKS:
            if gold.get("kind") == task.kind:
                examples[task.relation] += concept_examples(task, gold, document, doc)
        directions += direction_examples(tagger, gold, doc)
    models = {
        task.relation: (
            train_choice(task, examples[task.relation], epochs, trained_on=trained_on, runs=runs),
            len(examples[task.relation]),
        )
        for task in TASKS
    }
    # The direction model is a choice between two directions, learned the same way: "chosen" is better higher.
    models["DIRECTION"] = (train_linear(directions, epochs, trained_on=trained_on, runs=runs), len(directions))
    return models


def direction_examples(tagger: PolarityTagger, gold: dict, doc: Doc) -> list[tuple[list[str], bool]]:
    """(features, better higher?) for each gold outcome mention of the record that both the annotators and the
    rules read as a move, on its gold span (nlp.direction.direction_label)."""
    from nlp.evaluate import gold_mentions, gold_outcome_span, nth_mention

    text = doc.text
    expected = gold_mentions(text, gold.get("entities", []))
    outcomes = [e for e in doc.ents if e.label_ == "OUTCOME"]
    out = []
    for outcome in gold.get("outcomes", []):
        where = nth_mention(text, expected, outcome["text"], outcome.get("occurrence", 1))
        span = gold_outcome_span(doc, *where) if where is not None else None
        if span is None:
            continue
        clause_before = tagger.clause_before(span)
        rule_direction, aimed = tagger.rule_direction(span, clause_before)
        label = direction_label(outcome["polarity"], tagger.polarity(doc, span, outcomes), rule_direction)
        if label is not None:
            out.append((direction_features(span.text, rule_direction, aimed), label == "higher"))
    return out
