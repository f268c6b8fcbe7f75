"""Train the polarity review (nlp.polarity_review) from the annotated outcomes of the corpus and the dev split.

Each gold OUTCOME mention is read where it stands, in the Doc the pipeline makes of its record (so the other
outcome mentions are the ones the pipeline finds), by the polarity rules alone: their verdict and the cues around
the mention are the features, and the answer is its gold polarity. A mention the annotators gave no polarity (an
aim, a question, a plan) that the rules still gave a verdict is taught as "unclear", the verdict that claims no
direction: taught only the mentions with a polarity, the review gave more of those a direction (docs/extraction-
report.md, 0.7.10). Mentions the rules find report no result are left out, because the review never sees them.
"""

from __future__ import annotations

import random

from spacy.language import Language

from nlp.components.polarity import PolarityTagger
from nlp.evaluate import gold_mentions, nth_mention, outcome_span
from nlp.extract import Extractor
from nlp.polarity_review import POLARITIES, PolarityModel
from nlp.records import Document
from nlp.training.review import train_ranker

# Chosen on corpus parts 34-37 while they were unseen (docs/extraction-report.md, 0.7.10): 8 to 15 passes scored
# within two mentions of each other.
EPOCHS = 10


def polarity_examples(nlp: Language, pairs: list[tuple[dict, Document]]) -> list[tuple[list[str], str]]:
    """(review features, the polarity it should have) for each gold OUTCOME mention that the rules find reports a
    result."""
    rules = PolarityTagger()
    examples = []
    extracted = Extractor(nlp=nlp).extract_with_docs(document for _, document in pairs)
    for (gold, _), (extraction, doc) in zip(pairs, extracted, strict=True):
        text = extraction.document.text
        expected = gold_mentions(text, gold.get("entities", []))
        answers = {(start, end): "unclear" for start, end, label in expected if label == "OUTCOME"}
        for outcome in gold.get("outcomes", []):
            where = nth_mention(text, expected, outcome["text"], outcome.get("occurrence", 1))
            if where is not None:
                answers[where] = outcome["polarity"]
        found = [e for e in doc.ents if e.label_ == "OUTCOME"]
        for (start, end), answer in sorted(answers.items()):
            span = outcome_span(doc, start, end)
            verdict = rules.rule_polarity(doc, span, found) if span is not None else None
            if verdict is not None:
                examples.append((rules.review_features(doc, span, verdict), answer))
    return examples


def train_polarity(
    examples: list[tuple[list[str], str]], epochs: int = EPOCHS, trained_on: str = "", seed: int = 0
) -> PolarityModel:
    """A multi-class averaged perceptron over the examples: each polarity is a candidate with the features prefixed
    by its name."""
    ranked = [
        ([[f"{p}|{f}" for f in features] for p in POLARITIES], POLARITIES.index(gold)) for features, gold in examples
    ]
    return PolarityModel(weights=train_ranker(ranked, epochs, random.Random(seed)), trained_on=trained_on)
