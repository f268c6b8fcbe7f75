"""Build nlp/patterns/conditions_icd10cm.jsonl from ICD-10-CM (US public domain) via simple-icd-10-cm.

Run `python -m nlp.icd10cm` after upgrading the package; the pattern file is data kept in the repo so
the pipeline does not walk 98,000 codes at start-up.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from nlp.normalise import slugify, term_key

OUT = Path(__file__).parent / "patterns" / "conditions_icd10cm.jsonl"
# Chapters kept: diseases and symptoms. S-T (injury detail), V-Y (external causes) and Z (encounters) read
# like ordinary English ("contact with", "encounter for") and would flood real text with false matches.
_SKIP_CHAPTER_LETTERS = set("STUVWXYZ")
_PARENS = re.compile(r"\s*[(\[].*?[)\]]")
_LEADING = re.compile(r"^(unspecified|other specified|other|chronic or unspecified)\s+", re.I)
_TRAILING = re.compile(r",?\s+(unspecified|not elsewhere classified|nec|nos|of unspecified site)$", re.I)
# Words that ICD-10-CM lists as a finding but that are everyday English in a service write-up.
_COMMON = frozenset(
    {
        "fall",
        "falls",
        "pain",
        "fever",
        "shock",
        "fatigue",
        "malaise",
        "cough",
        "stress",
        "anxiety",
        "weakness",
        "infestation",
        "twitching",
        "flushing",
        "crying",
        "sneezing",
        "hiccough",
        "snoring",
        "jaundice",
        "obesity",
        "contusion",
        "dislocation",
        "sprain",
        "burn",
        "drowning",
        "frostbite",
        "starvation",
        "exhaustion",
        "neglect",
        "abuse",
        "disorder",
        "disease",
        "syndrome",
        "condition",
        "injury",
        "lesion",
        "mass",
        "growth",
        "deformity",
        "anomaly",
        "complication",
        "failure",
        "block",
        "arrest",
        "insufficiency",
        "deficiency",
        "intoxication",
        "poisoning",
        "dependence",
        "use",
        "withdrawal",
        "delivery",
        "pregnancy",
        "labor",
        "abortion",
        "death",
        "sudden death",
        "old age",
        "senility",
        "tiredness",
        "headache",
        "nervousness",
        "irritability",
        "hostility",
        "suspiciousness",
        "evasiveness",
        "unhappiness",
        "demoralization",
        "apathy",
        "gas",
        "flatulence",
        "bloating",
        "nausea",
        "vomiting",
        "constipation",
        "diarrhea",
        "dizziness",
        "agitation",
        "restlessness",
        "insomnia",
        "somnolence",
        "stupor",
        "coma",
        "sleeplessness",
        "hoarseness",
        "swelling",
        "edema",
        "rash",
        "itch",
        "itching",
        "bleeding",
        "hemorrhage",
        "discharge",
        "polyp",
        "cyst",
        "ulcer",
        "abscess",
        "hernia",
        "fracture",
        "wound",
        "scar",
        "calculus",
        "stone",
        "underdosing",
        "overweight",
        "underweight",
        "dehydration",
        "hypothermia",
        "chill",
        "chills",
        "obstruction",
        "stenosis",
        "atrophy",
        "hypertrophy",
        "degeneration",
        "necrosis",
        "gangrene",
        "infection",
        "inflammation",
    }
)


def clean(description: str) -> str | None:
    """A matchable term from an ICD-10-CM description, or None when it reads as a code-book phrase."""
    term = _PARENS.sub("", description).strip()
    term = _LEADING.sub("", term)
    term = _TRAILING.sub("", term).strip(" ,;")
    if "," in term or ";" in term or any(ch.isdigit() for ch in term):
        return None
    words = term.split()
    if not 1 <= len(words) <= 4 or len(term) < 5:
        return None
    lowered = term.lower()
    if lowered in _COMMON or (len(words) == 1 and (len(term) < 6 or lowered.endswith("ing"))):
        return None
    if re.search(
        r"\b(other|unspecified|specified|encounter|history of|personal|family|due to|without|with)\b", lowered
    ):
        return None
    return lowered


def build() -> list[dict[str, object]]:
    """Collect ICD-10-CM categories and subcategories as concept pattern records."""
    import simple_icd_10_cm as cm

    by_key: dict[str, dict[str, object]] = {}
    for code in cm.get_all_codes(False):
        if code[0] in _SKIP_CHAPTER_LETTERS or not (cm.is_category(code) or cm.is_subcategory(code)):
            continue
        if cm.is_extended_subcategory(code):
            continue
        for raw in [cm.get_description(code), *cm.get_inclusion_term(code)]:
            term = clean(raw)
            if term is None:
                continue
            key = term_key(term)
            entry = by_key.get(key)
            if entry is None:
                by_key[key] = {
                    "id": f"condition:{slugify(term)}",
                    "label": "CONDITION",
                    "name": term,
                    "aliases": [],
                    "icd10cm": code,
                    "source": "icd10cm",
                }
            elif term != entry["name"] and term not in entry["aliases"]:  # type: ignore[operator]
                entry["aliases"].append(term)  # type: ignore[union-attr]
    return sorted(by_key.values(), key=lambda e: str(e["id"]))


def main() -> int:
    """Write the ICD-10-CM pattern file."""
    entries = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for entry in entries:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    print(f"wrote {len(entries)} ICD-10-CM condition concepts to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
