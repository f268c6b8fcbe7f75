"""Text keys that let one concept be found however it is written (case, hyphens, UK/US spelling, plurals)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Terms are compared in US spelling so "anaemia"/"anemia", "haemorrhage"/"hemorrhage",
# "organisation"/"organization" and "centre"/"center" meet.
# Words ending in -ise that are not -ize verbs in US English either.
_ISE_KEEP = frozenset(
    {
        "exercise",
        "expertise",
        "advise",
        "devise",
        "revise",
        "supervise",
        "otherwise",
        "premise",
        "surprise",
        "compromise",
        "enterprise",
        "franchise",
        "merchandise",
        "promise",
        "raise",
        "praise",
        "noise",
        "wise",
        "rise",
        "arise",
        "precise",
        "concise",
        "excise",
        "disguise",
        "cruise",
        "televise",
        "improvise",
        "demise",
        "treatise",
        "chemise",
        "paradise",
        "poise",
        "bruise",
        "guise",
        "apprise",
        "despise",
        "incise",
    }
)
_OUR_KEEP = frozenset({"our", "four", "hour", "tour", "pour", "sour", "your", "flour", "dour", "fourteen"})
# Plural -> singular for the last word of a term; words that only look plural are kept.
_NOT_PLURAL = frozenset(
    {
        "sepsis",
        "diabetes",
        "analysis",
        "diagnosis",
        "prognosis",
        "thrombosis",
        "psoriasis",
        "tuberculosis",
        "osteoporosis",
        "stenosis",
        "measles",
        "mumps",
        "rabies",
        "herpes",
        "lupus",
        "virus",
        "status",
        "focus",
        "census",
        "bus",
        "plus",
        "alias",
        "canvas",
        "atlas",
        "gas",
        "bias",
        "lens",
        "news",
        "series",
        "species",
        "means",
        "physics",
        "statistics",
        "ethics",
        "logistics",
        "mathematics",
        "economics",
        "politics",
        "genetics",
        "paediatrics",
        "pediatrics",
        "geriatrics",
        "orthopedics",
        "orthopaedics",
        "obstetrics",
        "analytics",
        "is",
        "this",
        "has",
        "was",
        "us",
        "its",
        "his",
        "yes",
        "always",
        "does",
        "less",
        "chaos",
        "ethos",
        "thesis",
        "crisis",
        "basis",
        "emphasis",
        "hypothesis",
        "synthesis",
        "syphilis",
        "arthritis",
        "meningitis",
        "hepatitis",
        "bronchitis",
        "colitis",
        "dermatitis",
        "cystitis",
        "gastroenteritis",
        "pneumonitis",
        "nephritis",
        "appendicitis",
        "pancreatitis",
        "tonsillitis",
        "kaizen",
        "across",
        "process",
        "access",
        "success",
        "stress",
        "illness",
        "wellness",
        "awareness",
        "effectiveness",
        "business",
        "fitness",
        "harness",
        "class",
        "glass",
        "mass",
        "pass",
        "grass",
        "loss",
        "cross",
        "boss",
        "moss",
        "miss",
        "kiss",
        "mess",
        "dress",
        "press",
        "address",
        "progress",
        "express",
        "congress",
        "distress",
        "weakness",
        "sickness",
        "homelessness",
        "loneliness",
        "readiness",
        "responsiveness",
        "consciousness",
        "numbness",
        "stiffness",
        "dizziness",
        "breathlessness",
        "restlessness",
        "nhs",
        "aids",
        "covid",
        "ards",
        "copd",
        "mrsa",
        "sirs",
        "das",
        "ms",
        "os",
        "whys",
        "falls",
        "feedback",
        "apparatus",
        "calculus",
        "cactus",
        "fungus",
        "stimulus",
        "sinus",
        "uterus",
        "fetus",
        "foetus",
        "anus",
        "thus",
        "bonus",
        "campus",
        "corpus",
        "onus",
        "versus",
        "diverticulitis",
        "cellulitis",
        "conjunctivitis",
        "encephalitis",
        "peritonitis",
        "osteomyelitis",
        "glomerulonephritis",
        "pyelonephritis",
        "gastritis",
        "sinusitis",
        "otitis",
        "laryngitis",
        "mastitis",
        "vasculitis",
        "myocarditis",
        "pericarditis",
        "endocarditis",
        "tendinitis",
        "bursitis",
        "rhinitis",
    }
)
_HEAD_BREAKS = frozenset({"of", "for", "in", "on"})
_DASHES = re.compile(r"[\u2010-\u2015\u2212/_-]+")
_NON_WORD = re.compile(r"[^\w&+' ]+")
_SPACES = re.compile(r"\s+")
_UK_PREFIXES = (
    ("haem", "hem"),
    ("paed", "ped"),
    ("orthopaed", "orthoped"),
    ("anaem", "anem"),
    ("gynaec", "gynec"),
    ("oesoph", "esoph"),
    ("oedem", "edem"),
    ("foet", "fet"),
    ("leukaem", "leukem"),
    ("ischaem", "ischem"),
    ("anaesth", "anesth"),
    ("caesar", "cesar"),
    ("haemat", "hemat"),
)
_UK_INFIXES = (
    ("diarrhoe", "diarrhe"),
    ("aemia", "emia"),
    ("oedema", "edema"),
    ("ischaem", "ischem"),
    ("anaesth", "anesth"),
    ("haem", "hem"),
    ("paed", "ped"),
    ("oestr", "estr"),
    ("dyspnoea", "dyspnea"),
    ("apnoea", "apnea"),
    ("tumour", "tumor"),
    ("behaviour", "behavior"),
    ("favour", "favor"),
    ("programme", "program"),
    ("catalogue", "catalog"),
    ("labour", "labor"),
    ("colour", "color"),
    ("ageing", "aging"),
    ("judgement", "judgment"),
    ("fulfil", "fulfill"),
    ("enrol", "enroll"),
    ("cafe\u0301", "cafe"),
    ("café", "cafe"),
)


def _us_word(word: str) -> str:
    """Rewrite one lower-case word to its US spelling so both spellings share a key."""
    for uk, us in _UK_INFIXES:
        if uk in word:
            word = word.replace(uk, us)
    for uk, us in _UK_PREFIXES:
        if word.startswith(uk):
            word = us + word[len(uk) :]
    if "isation" in word:
        word = word.replace("isation", "ization")
    if word.endswith(("ise", "ised", "ising", "ises")) and len(word) > 5:
        stem = word[: word.rfind("is")]
        if stem + "ise" not in _ISE_KEEP:
            word = stem + "iz" + word[word.rfind("is") + 2 :]
    if word.endswith("our") and word not in _OUR_KEEP and len(word) > 4:
        word = word[:-3] + "or"
    if word.endswith("tre") and len(word) > 4:
        word = word[:-3] + "ter"
    return word


def singular(word: str) -> str:
    """Singular of an English plural noun; words that only look plural are returned unchanged."""
    if word in _NOT_PLURAL or len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1]


def plural(word: str) -> str:
    """A regular English plural, used to generate match variants of pattern terms."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def fold(text: str) -> str:
    """Lower-case, strip accents, turn dashes/slashes into spaces and drop punctuation."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").lower()
    text = _DASHES.sub(" ", text)
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=200_000)
def term_key(text: str) -> str:
    """The key under which a term is indexed: folded, US-spelt, last word singular, no leading article."""
    words = fold(text).replace("'s ", " ").split()
    if words and words[0] in ("the", "a", "an") and len(words) > 1:
        words = words[1:]
    if words:
        # The head noun is the last word, or the word before "of"/"for": "communities of practice".
        words[-1] = singular(words[-1])
        for i, w in enumerate(words[1:], start=1):
            if w in _HEAD_BREAKS:
                words[i - 1] = singular(words[i - 1])
                break
    return " ".join(_us_word(w) for w in words)


def slugify(text: str) -> str:
    """A stable slug for ids: folded, words joined by hyphens."""
    return "-".join(fold(text).replace("'", "").replace("&", "and").split())
