"""Tokenizer wrapper: reference-list authors written "Surname I." keep their initial apart from the full stop.

spaCy keeps "J." as one token, so "Ellery J." cannot become the PERSON span "Ellery J" and the parser reads
"J. Melatonin" as a name. An initial is split from its full stop only where it closes an author written
surname-first (the token before the surname is the start of the text, a comma, colon, full stop, "and" or
"&"), so "Dr J. Smith" and "John A. Smith" are left alone.

Text copied out of PDFs often separates words with a tab or a no-break space. spaCy makes each of those a token
of its own, which splits phrases ("antibiotic<TAB>prescribing" became a lone "antibiotic"), so a single one
between two words is read as a plain space: one character for one, so offsets into the text still hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from nlp.doc_text import remember_text

_WORD_GAP = re.compile(r"(?<=\S)[\t\xa0](?=\S)")
_CANDIDATE = re.compile(r"[A-Z][\w'\-]+ [A-Z]\.")
_LIST_BREAKS = frozenset({",", ":", ";", ".", "and", "&"})
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "du", "le", "la", "da", "di", "del"})
_HONORIFICS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "sister", "sir", "dame", "st"})


class InitialSplitTokenizer:
    """Wraps a spaCy tokenizer; splits "J." into "J" + "." after a surname-first author name."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)

    def __call__(self, text: str) -> Doc:
        """Tokenize, then split author initials from their full stops."""
        if "\t" in text or "\xa0" in text:
            text = _WORD_GAP.sub(" ", text)
        doc = self._split_initials(self.tokenizer(text), text)
        remember_text(doc, text)
        return doc

    def _split_initials(self, doc: Doc, text: str) -> Doc:
        # Only the initials the text-level pattern finds are looked at, so a document without a reference list
        # costs one regex scan.
        split = set()
        for match in _CANDIDATE.finditer(text):
            token = doc.char_span(match.end() - 2, match.end(), alignment_mode="strict")
            if token is not None and len(token) == 1 and _closes_author(doc, token.start):
                split.add(token.start)
        if not split:
            return doc
        # A new Doc rather than Doc.retokenize().split(), whose required heads would fix sentence starts before
        # the parser runs.
        words, spaces = [], []
        for token in doc:
            if token.i in split:
                words += [token.text[0], "."]
                spaces += [False, bool(token.whitespace_)]
            else:
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)

    def copy(self) -> InitialSplitTokenizer:
        """The same tokenizer with a cache of its own (see pattern_tokenizer)."""
        return InitialSplitTokenizer(_copy_spacy_tokenizer(self.tokenizer))


def pattern_tokenizer(tokenizer):
    """A tokenizer that splits text exactly as `tokenizer` does, sharing its vocabulary but not its cache.

    spaCy's tokenizer remembers how it split each whitespace-separated chunk. Tokenizing the tens of thousands of
    vocabulary surfaces the matchers are built from through the pipeline's own tokenizer filled that cache, and
    every document tokenized afterwards took about four times as long (0.09 s against 0.41 s a pass over the
    benchmark texts) for the life of the pipeline. Pattern strings go through a copy instead.
    """
    if isinstance(tokenizer, InitialSplitTokenizer):
        return tokenizer.copy()
    if isinstance(tokenizer, Tokenizer):
        return _copy_spacy_tokenizer(tokenizer)
    return tokenizer  # some other callable: nothing known to copy


def _copy_spacy_tokenizer(tokenizer: Tokenizer) -> Tokenizer:
    copy = Tokenizer(tokenizer.vocab)
    return copy.from_bytes(tokenizer.to_bytes())


def _closes_author(doc: Doc, i: int) -> bool:
    """Whether token i (an initial with a full stop) ends an author like "Osei-Bonsu K." in a list."""
    j = i - 1
    if j < 0 or not doc[j].is_title or doc[j].lower_ in _HONORIFICS:
        return False
    # Walk back over the surname, hyphenated or of two words ("Osei-Bonsu", "van Dijk").
    while j - 1 >= 0 and (doc[j - 1].text == "-" or doc[j].text == "-") and not doc[j - 1].is_space:
        j -= 1
    while j - 1 >= 0 and doc[j - 1].lower_ in _PARTICLES:
        j -= 1  # "van Staa T."
    before = doc[j - 1] if j >= 1 else None
    return before is None or before.is_space or before.text in _LIST_BREAKS or before.text.endswith(".")
