"""A document's tokens and sentence bounds, read once for rules that look at many phrases of it.

spaCy builds a new Token object on every `doc[i]` and finds a span's sentence (`Span.sent`) by walking tokens to
the nearest boundaries, so a rule that asks for both for each of hundreds of phrases repeats that work; a view
holds the tokens and the sentence starts once. A view is only valid until the document is retokenized.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

import numpy
from spacy.tokens import Doc, Span, Token

from nlp.doc_text import sentences


@dataclass(frozen=True)
class DocView:
    """`tokens[i]` is `doc[i]`; `sent_starts` the first token of each sentence, in order (always with 0)."""

    doc: Doc
    tokens: tuple[Token, ...]
    sent_starts: tuple[int, ...]

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        """The view of a parsed (or sentence-split) document."""
        return cls(doc, tuple(doc), tuple(s.start for s in sentences(doc)) or (0,))

    @cached_property
    def noun_chunks(self) -> tuple[tuple[int, int, Token], ...]:
        """Start, end and root of each of the parser's noun chunks (spaCy finds them anew on each request)."""
        return tuple((c.start, c.end, c.root) for c in self.doc.noun_chunks)

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """The bounds of the sentence holding token i: those of `doc[i:j].sent` for any span starting at i."""
        k = bisect_right(self.sent_starts, i)
        return self.sent_starts[k - 1], self.sent_starts[k] if k < len(self.sent_starts) else len(self.tokens)


def token_indices(doc: Doc, attr: str, words) -> list[int]:
    """Indices of the tokens whose ORTH/LOWER is one of the words, found in one array pass (cheaper than building
    every Token to compare its text)."""
    if not words or not len(doc):
        return []
    strings = doc.vocab.strings
    wanted = numpy.fromiter((strings.add(w) for w in words), dtype="uint64")
    return numpy.flatnonzero(numpy.isin(doc.to_array(attr), wanted)).tolist()


def splits_hyphenated_word(doc: Doc, i: int) -> bool:
    """Whether a span boundary before token i would cut a hyphenated word ("Same-|day", "second|-stage")."""
    if i <= 0 or i >= len(doc) or doc[i - 1].whitespace_:
        return False
    if doc[i].text == "-":
        return not doc[i].whitespace_
    return doc[i - 1].text == "-" and i >= 2 and not doc[i - 2].whitespace_


def whole_words(span: Span) -> Span:
    """The span grown to the whole of any hyphenated word it starts or ends inside ("day cancellations" in
    "Same-day cancellations" becomes "Same-day cancellations")."""
    doc = span.doc
    start, end = span.start, span.end
    while splits_hyphenated_word(doc, start):
        start -= 1
    while splits_hyphenated_word(doc, end):
        end += 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label, kb_id=span.kb_id)
