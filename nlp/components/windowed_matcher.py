"""A token Matcher that only reads the stretches of a document where one of its patterns could match.

The organisation-name patterns ("<Title Case words> NHS Foundation Trust", "University of <Title Case words>") start
with a run of any number of title-case words, so the Matcher walked every capitalised word of every document
(a quarter of the concept component's time). Each pattern token is either title-case or one of a few fixed words,
and every pattern needs at least one fixed word, so a match lies inside a run of tokens that are title-case or
fixed words, and that run holds a fixed word the pattern requires. The Matcher runs on those runs alone; the
matches are the ones it finds on the whole document.
"""

from __future__ import annotations

import sys

from spacy.attrs import IS_TITLE, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Token keys the window logic understands; a pattern with any other key makes the matcher read whole documents.
_KNOWN_KEYS = frozenset({"IS_TITLE", "LOWER", "TEXT", "OP"})
_REQUIRED_OPS = frozenset({None, "+", "!"})


def _fixed_words(spec: dict, key: str) -> list[str]:
    """The words a token spec accepts through one attribute (LOWER or TEXT)."""
    value = spec.get(key)
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return list(value.get("IN", ()))
    return []


class WindowedMatcher:
    """Matcher over title-case runs that hold a required fixed word; whole documents for patterns it cannot bound."""

    def __init__(self, vocab: Vocab):
        self.matcher = Matcher(vocab)
        self.vocab = vocab
        # Words by attribute: LOWER specs compare lower-cased text, TEXT specs the text as written.
        self._allowed: dict[str, set[str]] = {"LOWER": set(), "TEXT": set()}
        self._anchors: dict[str, set[str]] = {"LOWER": set(), "TEXT": set()}
        self._whole_documents = False
        self._shortest = sys.maxsize  # the fewest tokens any pattern can match
        self._hashes: dict[str, frozenset[int]] | None = None

    def __len__(self) -> int:
        return len(self.matcher)

    def add(self, key: str, pattern: list[dict]) -> None:
        """Add one pattern and learn which words may sit inside, and must anchor, its matches."""
        self.matcher.add(key, [pattern])
        self._hashes = None
        least = sum(spec.get("OP") in _REQUIRED_OPS for spec in pattern)
        self._shortest = min(self._shortest, least)
        anchored = False
        for spec in pattern:
            if not set(spec) <= _KNOWN_KEYS or spec.get("IS_TITLE") is False:
                self._whole_documents = True
            for key in ("LOWER", "TEXT"):
                words = _fixed_words(spec, key)
                self._allowed[key].update(words)
                if words and "IS_TITLE" not in spec and spec.get("OP") in _REQUIRED_OPS:
                    self._anchors[key].update(words)
                    anchored = True
        if not anchored:
            self._whole_documents = True  # nothing fixed is required: any title-case run could match

    def _word_hashes(self) -> dict[str, frozenset[int]]:
        if self._hashes is None:
            strings = self.vocab.strings
            self._hashes = {
                f"{kind}.{key}": frozenset(strings.add(w) for w in words[key])
                for kind, words in (("allowed", self._allowed), ("anchors", self._anchors))
                for key in ("LOWER", "TEXT")
            }
        return self._hashes

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Maximal runs of tokens that are title-case or fixed pattern words, holding an anchor word and as long as the
        shortest pattern."""
        if self._whole_documents:
            return [(0, len(doc))]
        if not len(doc):
            return []
        words = self._word_hashes()
        allowed_lower, allowed_text = words["allowed.LOWER"], words["allowed.TEXT"]
        anchor_lower, anchor_text = words["anchors.LOWER"], words["anchors.TEXT"]
        # One pass over plain ints: set lookups per token beat numpy.isin on arrays of a few hundred.
        found = []
        start, anchored = -1, False
        for i, (title, lower, orth) in enumerate(doc.to_array([IS_TITLE, LOWER, ORTH]).tolist()):
            if title or lower in allowed_lower or orth in allowed_text:
                if start < 0:
                    start, anchored = i, False
                anchored = anchored or lower in anchor_lower or orth in anchor_text
                continue
            if start >= 0 and anchored and i - start >= self._shortest:
                found.append((start, i))
            start = -1
        if start >= 0 and anchored and len(doc) - start >= self._shortest:
            found.append((start, len(doc)))
        return found

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match_id, start, end) for every match, in document offsets and in the Matcher's order."""
        found = []
        for start, end in self.windows(doc):
            if start == 0 and end == len(doc):
                return self.matcher(doc)
            found += [(key, start + s, start + e) for key, s, e in self.matcher(doc[start:end])]
        return found
