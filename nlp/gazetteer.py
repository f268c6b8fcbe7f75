"""Domain concepts loaded from the pattern files under nlp/patterns/ (data, not code)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nlp.normalise import fold, singular, term_key

PATTERNS_DIR = Path(__file__).parent / "patterns"
# Token-pattern files (spaCy Matcher syntax) rather than concept lists.
TOKEN_PATTERN_FILES = ("org_names.jsonl",)
# Hand-curated files win over the generated vocabulary when both define a term.
GENERATED_FILES = ("conditions_icd10cm.jsonl",)


@dataclass(frozen=True)
class Concept:
    """One canonical concept and the ways it is written."""

    id: str
    label: str
    name: str
    aliases: tuple[str, ...] = ()
    case_sensitive: frozenset[str] = frozenset()
    direction: str | None = None  # OUTCOME: "lower" or "higher" is better
    direction_overrides: dict[str, str] = field(default_factory=dict)
    source: str = "curated"

    def direction_for(self, surface: str) -> str | None:
        """Which way is better for this surface form of an outcome."""
        key = term_key(surface)
        for alias, direction in self.direction_overrides.items():
            if term_key(alias) == key:
                return direction
        return self.direction


class Gazetteer:
    """All concepts, indexed by normalised key."""

    def __init__(self, concepts: list[Concept], token_patterns: list[dict]):
        self.concepts: dict[str, Concept] = {}
        self.by_key: dict[str, Concept] = {}
        for concept in concepts:
            if concept.id in self.concepts:
                continue
            self.concepts[concept.id] = concept
            for surface in (concept.name, *concept.aliases):
                if surface in concept.case_sensitive:
                    continue
                # First writer wins: curated files load before the generated vocabulary.
                self.by_key.setdefault(term_key(surface), concept)
        self.case_sensitive: dict[str, Concept] = {s: c for c in self.concepts.values() for s in c.case_sensitive}
        self.token_patterns = token_patterns

    def lookup(self, text: str) -> Concept | None:
        """The concept a surface string names, if any (case-sensitive aliases need their exact case)."""
        exact = self.case_sensitive.get(text.strip())
        if exact is not None:
            return exact
        concept = self.by_key.get(term_key(text))
        if concept is not None and text.strip() not in concept.case_sensitive:
            return concept
        return None


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@lru_cache(maxsize=4)
def load_gazetteer(patterns_dir: str | None = None, include_generated: bool = True) -> Gazetteer:
    """Load every pattern file in the folder (cached: the files are read once per process)."""
    folder = Path(patterns_dir) if patterns_dir else PATTERNS_DIR
    concepts: list[Concept] = []
    token_patterns: list[dict] = []
    files = sorted(folder.glob("*.jsonl"), key=lambda p: (p.name in GENERATED_FILES, p.name))
    for path in files:
        if path.name in GENERATED_FILES and not include_generated:
            continue
        rows = _read_jsonl(path)
        if path.name in TOKEN_PATTERN_FILES:
            token_patterns.extend(rows)
            continue
        for row in rows:
            concepts.append(
                Concept(
                    id=row["id"],
                    label=row["label"],
                    name=row["name"],
                    aliases=tuple(row.get("aliases", ())),
                    case_sensitive=frozenset(row.get("case_sensitive", ())),
                    direction=row.get("direction"),
                    direction_overrides=dict(row.get("direction_overrides", {})),
                    source=row.get("source", "curated"),
                )
            )
    return Gazetteer(concepts, token_patterns)


def token_norm(lower: str) -> str:
    """The per-token key the phrase matcher compares: US spelling, singular, accents folded."""
    from nlp.normalise import _us_word

    folded = fold(lower) or lower
    return singular(_us_word(folded)) if " " not in folded else lower


def surface_variants(surface: str) -> set[str]:
    """Spellings of one alias worth matching: as written, hyphens as spaces, spaces as hyphens."""
    variants = {surface}
    if "-" in surface:
        variants.add(surface.replace("-", " "))
    words = surface.split()
    if 2 <= len(words) <= 3 and "-" not in surface:
        variants.add("-".join(words))
    return variants
