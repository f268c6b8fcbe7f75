"""The vocabulary gives a term the label the annotated corpus gives it.

The rules label a vocabulary match with its concept's label, and the span review only sometimes overrides it; a
term the annotators label one way every time they meet it ("social care" a TOPIC, "PCN" an ORG) must not come out
of the vocabulary as another kind of thing. A generated term (ICD-10-CM) that the corpus settles otherwise is
fixed by a curated entry, which wins over it.
"""

from collections import Counter, defaultdict

from nlp.gazetteer import load_gazetteer, term_key
from nlp.training.corpus import corpus_paths, load_records

# A term must be annotated this many times, always with the same label, before the vocabulary has to agree with it:
# once or twice may be one annotator's reading.
SETTLED_AFTER = 3


def _settled_labels() -> dict[str, str]:
    """Each corpus string annotated at least SETTLED_AFTER times, always with one label, and that label.

    A string the vocabulary cannot tell from another written form the corpus labels otherwise is not settled: the
    vocabulary matches "weekend discharge" and "weekend discharges" as one term, and the corpus has the first as a
    TOPIC and the second as an OUTCOME.
    """
    labels: dict[str, Counter] = defaultdict(Counter)
    for record in load_records(corpus_paths()):
        for entity in record.get("entities", []):
            labels[entity["text"]][entity["label"]] += 1
    labels_by_key: dict[str, set[str]] = defaultdict(set)
    for text, counts in labels.items():
        labels_by_key[term_key(text)] |= set(counts)
    return {
        text: next(iter(counts))
        for text, counts in labels.items()
        if len(counts) == 1 and sum(counts.values()) >= SETTLED_AFTER and len(labels_by_key[term_key(text)]) == 1
    }


def test_the_corpus_settles_some_terms_the_vocabulary_names():
    gazetteer = load_gazetteer()
    named = [text for text in _settled_labels() if gazetteer.lookup(text) is not None]
    assert len(named) > 200


def test_every_vocabulary_term_the_corpus_settles_has_the_corpus_label():
    gazetteer = load_gazetteer()
    disagreements = []
    for text, label in sorted(_settled_labels().items()):
        concept = gazetteer.lookup(text)
        if concept is not None and concept.label != label:
            disagreements.append(f"{text!r}: corpus {label}, vocabulary {concept.label} ({concept.id})")
    assert not disagreements, "\n".join(disagreements)
