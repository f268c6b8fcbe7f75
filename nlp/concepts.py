"""Light concept lookup for the API: pattern files and normaliser only, no statistical model."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.gazetteer import load_gazetteer

_WORD = re.compile(r"[\w'&+]+")
MAX_WORDS = 8


@dataclass(frozen=True)
class ConceptMatch:
    """A concept named in a piece of text."""

    concept_id: str
    canonical: str
    label: str


def resolve_topic(text: str) -> list[ConceptMatch]:
    """Concepts named in a short text ("Plan-Do-Study-Act" -> qi_method:pdsa), longest match first."""
    gazetteer = load_gazetteer()
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    found: list[ConceptMatch] = []
    seen: set[str] = set()
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + MAX_WORDS), i, -1):
            surface = text[words[i][1] : words[j - 1][2]]
            concept = gazetteer.lookup(surface)
            if concept is not None:
                if concept.id not in seen:
                    seen.add(concept.id)
                    found.append(ConceptMatch(concept.id, concept.name, concept.label))
                i = j
                break
        else:
            i += 1
    return found
