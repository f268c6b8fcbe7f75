"""Train the ADDRESSES model (nlp.addresses) from annotated QI project records.

Each project runs through the whole pipeline; each of its concepts is a positive example when its canonical
name or one of its surface forms matches the tail of a gold ADDRESSES relation (the evaluation's matching).
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from nlp.addresses import AddressesModel, candidates, features, project_context
from nlp.components.relations import RelationExtractor
from nlp.evaluate import gold_key_finder
from nlp.normalise import term_key
from nlp.records import Document
from nlp.training.review import AveragedPerceptron


def concept_examples(gold: dict, document: Document, doc: Doc) -> list[tuple[list[str], bool]]:
    """(features, addressed?) for each concept of one processed project."""
    from nlp.extract import entity_identity

    gold_keys = gold_key_finder(gold)
    tails = [gold_keys(r["tail"]) for r in gold.get("relations", []) if r["type"] == "ADDRESSES"]
    ents = list(doc.ents)
    context = project_context(doc, document.title)
    examples = []
    for candidate in candidates(ents, RelationExtractor().rule_addresses(doc, document.title)):
        keys = {term_key(entity_identity(doc, s)[1]) for s in candidate.spans}
        keys |= {term_key(s.text) for s in candidate.spans}
        examples.append((features(candidate, context), any(keys & tail for tail in tails)))
    return examples


def train_addresses(
    processed: Iterable[tuple[dict, Document, Doc]], epochs: int = 10, seed: int = 0, trained_on: str = ""
) -> tuple[AddressesModel, int]:
    """The averaged-perceptron model over the projects among the processed records, and its example count."""
    examples = [
        example
        for gold, document, doc in processed
        if gold.get("kind") == "project"
        for example in concept_examples(gold, document, doc)
    ]
    rng = random.Random(seed)
    model = AveragedPerceptron()
    for _ in range(epochs):
        rng.shuffle(examples)
        for feature_strings, addressed in examples:
            if (model.score(feature_strings) > 0) != addressed:
                model.update(feature_strings, 1.0 if addressed else -1.0)
            model.tick()
    return AddressesModel(weights=model.averaged(), trained_on=trained_on), len(examples)


def train_addresses_on(
    nlp: Language, pairs: list[tuple[dict, Document]], epochs: int = 10, trained_on: str = ""
) -> tuple[AddressesModel, int]:
    """Run the records through this pipeline (its span review already set) and train the ADDRESSES model.

    The pipeline's own ADDRESSES model is switched off meanwhile: the features read the rules' choice.
    """
    from nlp.extract import Extractor

    relations = nlp.get_pipe("kmob_relations")
    relations.addresses_model = None
    processed = Extractor(nlp=nlp).extract_with_docs(d for _, d in pairs)
    triples = ((gold, document, doc) for (gold, document), (_, doc) in zip(pairs, processed, strict=True))
    return train_addresses(triples, epochs=epochs, trained_on=trained_on)
