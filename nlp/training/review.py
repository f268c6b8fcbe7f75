"""Train the span review models (nlp.span_review) from annotated records.

Each record is run through the pipeline up to the rule-made concept spans (what the review sees at run time)
and every span of a reviewed label is compared with the gold mentions:

- left / right: where it overlaps a gold mention of its label, that mention's start and end, when they are
  within reach;
- propose: each noun phrase no rule span covers, with the gold label it has (or none);
- wrap: each noun phrase that holds rule spans whole and cuts none, with the gold label it has (or none: the spans
  inside stay).

All four are averaged perceptrons: simple, deterministic for a seed, and good with a few thousand examples. Each is
trained several times over the examples in different orders and the runs' weights are averaged: one run's choices
on unseen text move by a few mentions with the order alone, so that a retraining's effect could not be told from
its noise (docs/extraction-report.md, 0.7.18).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.doc_view import DocView
from nlp.evaluate import gold_mentions
from nlp.span_proposals import (
    NONE,
    PROPOSED_LABELS,
    free_candidates,
    label_kept_inside,
    labelled,
    wrap_features,
    wrapping_candidates,
)
from nlp.span_proposals import candidates as phrase_candidates
from nlp.span_proposals import features as proposal_features
from nlp.span_review import (
    ReviewModel,
    left_candidates,
    left_features,
    right_candidates,
    right_features,
)

REVIEWED_LABELS = frozenset({"CONDITION", "INTERVENTION", "SETTING", "OUTCOME", "TOPIC"})
LABEL_CHOICES = (*PROPOSED_LABELS, NONE)
# The pipeline stops here when collecting examples: the review runs right after kmob_concepts.
AFTER_CONCEPTS = ("kmob_span_review", "kmob_people", "kmob_polarity", "kmob_relations")


class AveragedPerceptron:
    """Sparse weights with the running average kept cheaply (updates weighted by when they happened)."""

    def __init__(self) -> None:
        self.weights: dict[str, float] = defaultdict(float)
        self.stamped: dict[str, float] = defaultdict(float)
        self.clock = 1

    def score(self, features: list[str]) -> float:
        return sum(self.weights.get(f, 0.0) for f in features)

    def update(self, features: list[str], delta: float) -> None:
        for f in features:
            self.weights[f] += delta
            self.stamped[f] += self.clock * delta

    def tick(self) -> None:
        self.clock += 1

    def averaged(self) -> dict[str, float]:
        """The averaged weights, rounded, without the ones that came out as zero."""
        out = {f: round(w - self.stamped[f] / self.clock, 4) for f, w in self.weights.items()}
        return {f: w for f, w in out.items() if w}


def mean_weights(runs: list[dict[str, float]]) -> dict[str, float]:
    """The mean of several runs' weights (a feature missing from a run weighs zero there), rounded, without zeros.
    The mean of linear scorers is one linear scorer, so the averaged model costs no more to apply than one run."""
    totals: dict[str, float] = defaultdict(float)
    for run in runs:
        for feature, weight in run.items():
            totals[feature] += weight
    out = {f: round(w / len(runs), 4) for f, w in totals.items()}
    return {f: w for f, w in out.items() if w}


@dataclass
class ReviewExamples:
    """Training examples for the four decisions."""

    left: list[tuple[list[list[str]], int]]
    right: list[tuple[list[list[str]], int]]
    # Per free candidate: its features under each label of LABEL_CHOICES, and the index of the gold one.
    propose: list[tuple[list[list[str]], int]]
    # The same per phrase that holds rule spans (nlp.span_proposals.wrapping_candidates), without the label the
    # wrap may not give it (nlp.span_proposals.label_kept_inside).
    wrap: list[tuple[list[list[str]], int]]


def gold_token_spans(doc: Doc, record: dict) -> list[Span]:
    """The record's gold mentions as token spans (expanded to whole tokens)."""
    spans = []
    for start, end, label in sorted(gold_mentions(record["text"], record["entities"])):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def rule_docs(nlp: Language, records: list[dict]) -> Iterator[tuple[dict, Doc]]:
    """Each record with its Doc as the review would see it."""
    disabled = [name for name in AFTER_CONCEPTS if name in nlp.pipe_names]
    with nlp.select_pipes(disable=disabled):
        yield from zip(records, nlp.pipe(r["text"] for r in records), strict=True)


def collect(nlp: Language, records: list[dict], labels: frozenset[str] = REVIEWED_LABELS) -> ReviewExamples:
    """Boundary examples from every reviewed-label span, proposal examples from every free noun phrase, wrap
    examples from every noun phrase that holds spans."""
    examples = ReviewExamples([], [], [], [])
    for record, doc in rule_docs(nlp, records):
        gold = [g for g in gold_token_spans(doc, record) if g.label_ in labels]
        gold_label = {(g.start, g.end): g.label_ for g in gold}
        view = DocView.of(doc)
        phrases = phrase_candidates(view)
        for start, end in free_candidates(view, list(doc.ents), phrases):
            feats = proposal_features(view, start, end)
            answer = gold_label.get((start, end), NONE)
            examples.propose.append(([labelled(c, feats) for c in LABEL_CHOICES], LABEL_CHOICES.index(answer)))
        for start, end, inside in wrapping_candidates(view, list(doc.ents), phrases):
            feats = wrap_features(view, start, end, inside)
            # A boundary move of the entity inside is not the wrap's to make (label_kept_inside): the choice is out.
            choices = [c for c in LABEL_CHOICES if c != label_kept_inside(view, start, end, inside)]
            answer = gold_label.get((start, end), NONE)
            answer = answer if answer in choices else NONE
            examples.wrap.append(([labelled(c, feats) for c in choices], choices.index(answer)))
        for span in doc.ents:
            if span.label_ not in labels:
                continue
            matches = [g for g in gold if g.label_ == span.label_ and g.start < span.end and g.end > span.start]
            if not matches:
                continue
            target = max(matches, key=lambda g: min(g.end, span.end) - max(g.start, span.start))
            starts = left_candidates(view, span)
            if target.start in starts:
                examples.left.append(([left_features(view, span, c) for c in starts], starts.index(target.start)))
                ends = right_candidates(view, span, target.start)
                if target.end in ends:
                    examples.right.append(([right_features(view, span, c) for c in ends], ends.index(target.end)))
    return examples


def train_ranker(examples: list[tuple[list[list[str]], int]], epochs: int, rng: random.Random) -> dict[str, float]:
    model = AveragedPerceptron()
    order = list(examples)
    for _ in range(epochs):
        rng.shuffle(order)
        for candidates, gold in order:
            guess = max(range(len(candidates)), key=lambda i: model.score(candidates[i]))
            if guess != gold:
                model.update(candidates[gold], 1.0)
                model.update(candidates[guess], -1.0)
            model.tick()
    return model.averaged()


def train_review(
    nlp: Language,
    records: list[dict],
    labels: frozenset[str] = REVIEWED_LABELS,
    epochs: int = 10,
    rebound_labels: frozenset[str] | None = None,
    margin: float = 0.0,
    propose_margin: float = 0.0,
    seed: int = 0,
    trained_on: str = "",
    runs: int = 1,
) -> tuple[ReviewModel, ReviewExamples]:
    """The four models trained on the records' spans of these labels, and the examples they were trained on; each
    model is the mean of `runs` runs, shuffled with seeds seed, seed + 1, ...

    The model proposes the labels it was trained for and moves the boundaries of rebound_labels (default: the
    same labels).
    """
    examples = collect(nlp, records, labels)
    weights = {
        part: mean_weights(
            [train_ranker(getattr(examples, part), epochs, random.Random(seed + run)) for run in range(runs)]
        )
        for part in ("left", "right", "propose", "wrap")
    }
    model = ReviewModel(
        weights=weights,
        rebound_labels=labels if rebound_labels is None else rebound_labels,
        margin=margin,
        propose_labels=labels & frozenset(PROPOSED_LABELS),
        propose_margin=propose_margin,
        trained_on=trained_on,
    )
    return model, examples
