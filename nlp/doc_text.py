"""The document's text and its sentences' texts, read once per document.

spaCy's Doc.text and Span.text join every token's text on each read, so a rule that looks at the whole text once
per mention, or at every sentence's text, costs passes over the document each time. A Doc's text never changes
(retokenizing keeps it) and kmob's components set entities but never sentence boundaries, so both are safe to keep
once the parser has run.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Span

_TEXT_KEY = "kmob_text"
_SENTENCES_KEY = "kmob_sentences"


class Sentence(NamedTuple):
    """A sentence's token extent and its text."""

    start: int
    end: int
    text: str


def doc_text(doc: Doc) -> str:
    """doc.text, kept in doc.user_data after the first read."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """span.text, cut from the kept document text instead of joined from the span's tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def remember_text(doc: Doc, text: str) -> None:
    """Keep the text a tokenizer was given (which is doc.text), so no component has to join the tokens."""
    doc.user_data[_TEXT_KEY] = text


def sentences(doc: Doc) -> tuple[Sentence, ...]:
    """The document's sentences in order (doc.sents with each one's text), kept after the first read."""
    cached = doc.user_data.get(_SENTENCES_KEY)
    if cached is None:
        text = doc_text(doc)
        cached = tuple(Sentence(s.start, s.end, text[s.start_char : s.end_char]) for s in doc.sents)
        doc.user_data[_SENTENCES_KEY] = cached
    return cached
