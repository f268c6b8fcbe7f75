"""A concept named once in a document is named wherever its words appear again there.

The rules and the span review judge each phrase from its own sentence, so a phrase they label where its sentence says
what it is ("offered [[reablement]] at home") can be missed where the sentence says less ("reablement was popular").
The annotation guide gives the same phrase the same label and canonical throughout a document
(tests/data/eval/README.md, "How it was made"), so a repeat of a labelled mention's words that no entity covers
takes that mention's label and concept.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from spacy.tokens import Doc, Span

from nlp.doc_view import splits_hyphenated_word


def _word_key(text: str, lower: str) -> str:
    """An acronym keeps its case ("ED" is not "ed"); other words match in any case."""
    return text if len(text) > 1 and text.isupper() else lower


def repeated_mentions(
    doc: Doc, ents: list[Span], labels: Collection[str], min_words: Mapping[str, int] | None = None
) -> list[Span]:
    """Spans for the uncovered repeats of the entities' words, for entities of the given labels.

    Words labelled differently in two places of the document are left alone, as is a repeat that would cut a
    hyphenated word. A repeat that modifies a longer phrase is still the concept ("[[reablement]] staff"), as the
    guide annotates it. `min_words` sets, per label, how many words a mention needs before its repeats count (a
    one-word measure such as "uptake" is a measure only where the text measures it).
    """
    min_words = min_words or {}
    keys = [_word_key(t.text, t.lower_) for t in doc]
    labels_of: dict[tuple[str, ...], set[str]] = {}
    source: dict[tuple[str, ...], Span] = {}
    covered = bytearray(len(doc))
    for ent in ents:
        words = tuple(keys[ent.start : ent.end])
        labels_of.setdefault(words, set()).add(ent.label_)
        source.setdefault(words, ent)
        covered[ent.start : ent.end] = b"\x01" * len(ent)
    starts: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        starts.setdefault(key, []).append(i)
    repeats = []
    for words, found in labels_of.items():
        ent = source[words]
        if len(found) != 1 or ent.label_ not in labels or len(words) < min_words.get(ent.label_, 1):
            continue
        n = len(words)
        for i in starts.get(words[0], ()):
            end = i + n
            if end > len(doc) or tuple(keys[i:end]) != words or any(covered[i:end]):
                continue
            if splits_hyphenated_word(doc, i) or splits_hyphenated_word(doc, end):
                continue
            repeats.append(Span(doc, i, end, label=ent.label, kb_id=ent.kb_id))
            covered[i:end] = b"\x01" * n
    return repeats
