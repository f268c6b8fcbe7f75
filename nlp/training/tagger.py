"""Train the concept tagger: the base model's entity recogniser, fine-tuned with concept labels added.

The rules and the span review read a phrase's words; a recogniser trained for the task also reads the sentence
around them. On corpus parts it never saw it raised OUTCOME and TOPIC, and on heldout OUTCOME; on real write-ups of
another kind most of what it added was wrong, so it is off by default (nlp/config.cfg `[base] ner`;
docs/extraction-report.md, 0.7.9).

Why the base recogniser is fine-tuned rather than a second one added: a recogniser with token vectors of its own
costs about half of the base model's time (measured), which the speed target cannot carry, while the base one costs
about 4 microseconds a word more for each label added. It keeps what it knew by training on its own predictions for
the labels the corpus does not annotate (GPE, DATE, CARDINAL, ...), beside the gold PERSON, ORG and concept mentions."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans, minibatch

from nlp.components.tagged import TAGGED_LABELS
from nlp.evaluate import Tally, gold_mentions

# Names the corpus annotates, always learned from gold.
NAME_LABELS = frozenset({"PERSON", "ORG"})
# Labels the corpus annotates: the base model's own predictions stand for the rest, away from any gold mention.
ANNOTATED_LABELS = NAME_LABELS | frozenset(TAGGED_LABELS)


@dataclass(frozen=True)
class TaggerSettings:
    """How the recogniser is fine-tuned. The defaults were chosen on corpus parts 30-33 held out."""

    # The concept labels the tagger learns. Each label costs the recogniser time (about 1 microsecond a word for each
    # of its four moves), and on the heldout documents only OUTCOME and TOPIC gained from it (0.7.9).
    labels: tuple[str, ...] = ("OUTCOME", "TOPIC")
    epochs: int = 24
    batch_size: int = 4  # documents per update
    dropout: float = 0.2
    seed: int = 0


def tagger_base(base_model: str) -> Language:
    """A pipeline of the base model's tokenizer and entity recogniser only (the recogniser has its own token
    vectors, so it needs no other component)."""
    base = spacy.load(base_model)
    tagger = spacy.blank(base.lang)
    tagger.tokenizer = base.tokenizer
    tagger.add_pipe("ner", source=base)
    return tagger


def training_example(
    tagger: Language, record: dict, predicted: Doc, labels: tuple[str, ...] = TAGGED_LABELS
) -> Example:
    """The record's gold PERSON, ORG and `labels` mentions, and the recogniser's own predictions of the labels the
    corpus does not annotate where they touch no gold mention (of any annotated label)."""
    text = record["text"]
    reference = tagger.make_doc(text)
    gold: list[Span] = []
    for start, end, label in gold_mentions(text, record["entities"]):
        if label in ANNOTATED_LABELS:
            span = reference.char_span(start, end, label=label, alignment_mode="contract")
            if span is not None and len(span):
                gold.append(span)
    taken = {i for span in gold for i in range(span.start, span.end)}
    silver = []
    for ent in predicted.ents:
        span = reference.char_span(ent.start_char, ent.end_char, label=ent.label_)
        if span is not None and ent.label_ not in ANNOTATED_LABELS and taken.isdisjoint(range(span.start, span.end)):
            silver.append(span)
    kept = [span for span in gold if span.label_ in labels or span.label_ in NAME_LABELS]
    reference.ents = filter_spans(kept + silver)
    return Example(tagger.make_doc(text), reference)


def train_tagger(
    base_model: str,
    records: list[dict],
    settings: TaggerSettings = TaggerSettings(),
    progress: Callable[[str], None] = lambda line: None,
) -> Language:
    """The base recogniser fine-tuned on the records (evaluation-set format) with the settings' labels added."""
    tagger = tagger_base(base_model)
    examples = [
        training_example(tagger, record, doc, settings.labels)
        for record, doc in zip(records, tagger.pipe(r["text"] for r in records), strict=True)
    ]
    ner = tagger.get_pipe("ner")
    for label in settings.labels:
        ner.add_label(label)
    optimizer = tagger.resume_training()
    rng = random.Random(settings.seed)
    for epoch in range(settings.epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, settings.batch_size):
            tagger.update(batch, drop=settings.dropout, sgd=optimizer, losses=losses)
        progress(f"epoch {epoch + 1}/{settings.epochs}: loss {losses.get('ner', 0.0):.0f}")
    return tagger


def save_tagger(tagger: Language, output: Path, trained_on: str) -> None:
    """Write the tagger as a spaCy pipeline directory, with what it was trained on in its meta."""
    tagger.meta["name"] = "kmob_concept_tagger"
    labels = [label for label in TAGGED_LABELS if label in tagger.get_pipe("ner").labels]
    tagger.meta["description"] = f"kmob concept tagger ({', '.join(labels)}); trained on {trained_on}"
    tagger.to_disk(output)


def tagged_scores(tagger: Language, records: Iterable[dict]) -> dict[str, dict[str, float | int]]:
    """Precision, recall and F1 of the tagger alone per concept label, on exact character spans."""
    records = list(records)
    tallies = {label: Tally() for label in TAGGED_LABELS}
    for record, doc in zip(records, tagger.pipe(r["text"] for r in records), strict=True):
        gold = gold_mentions(record["text"], record["entities"])
        found = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        for label, tally in tallies.items():
            mine = {m for m in found if m[2] == label}
            theirs = {m for m in gold if m[2] == label}
            tally.tp += len(mine & theirs)
            tally.fp += len(mine - theirs)
            tally.fn += len(theirs - mine)
    return {label: tally.scores() for label, tally in tallies.items()}
