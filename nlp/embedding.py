"""A dependency-free text embedding for similarity: hashed, sub-linear bag of word stems, L2-normalised.

No sentence-embedding model can be downloaded in the places kmob runs (hospital networks, offline CI), and
the statistical pipeline ships no word vectors; hashed stems give a stable, explainable lexical similarity
that the vector index can search, and the graph overlap of concepts supplies the meaning.
"""

from __future__ import annotations

import math
import re
import zlib

DIMENSIONS = 256
_WORD = re.compile(r"[a-z][a-z0-9\-]{2,}")
_STOP = frozenset(
    """the and for with that this from were was are has have had our their they them into over under after before
    which while when where what who whom will would could should may might also more most less than then there
    been being about across each per all any some such not but its it's his her him she you your we us one two
    three within between during both other these those only very much many can did does done using used use
    project team teams staff patients patient ward wards nhs trust""".split()  # noqa: SIM905 - a word list reads best as text
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ness", "ment", "ies", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude suffix-stripping stem, enough to put "falls" and "fall", "reviewed" and "review" together."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """The stems of the content words of a text, in order."""
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP]


def embed(text: str) -> list[float]:
    """A unit vector of DIMENSIONS floats (all zeros for text with no content words)."""
    counts: dict[int, float] = {}
    for term in terms(text):
        digest = zlib.crc32(term.encode())
        index = digest % DIMENSIONS
        sign = 1.0 if (digest >> 16) & 1 else -1.0
        counts[index] = counts.get(index, 0.0) + sign
    vector = [0.0] * DIMENSIONS
    for index, value in counts.items():
        vector[index] = math.copysign(math.sqrt(abs(value)), value)
    norm = math.sqrt(sum(v * v for v in vector))
    return [round(v / norm, 6) for v in vector] if norm else vector
