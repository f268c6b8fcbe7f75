"""Noun-phrase rules for concepts no vocabulary lists: the head noun decides the label.

Local changes, roles and measures are written as free noun phrases ("a sepsis trolley", "care home managers",
"hypoglycaemia episodes fell from 14 to 6"). Two rules find them:

- head phrases: a noun from a head list with the nouns and adjectives written before it ("sepsis trolley",
  "pharmacy team leader", "delirium prevention"); a vocabulary term inside the phrase gives way to it;
- result phrases: the subject of a result verb ("X fell from 9 to 4", "X did not change", "X remained poor")
  and the object of a change verb ("lowered HbA1c") are OUTCOME measures, with their "of/per/to ..." tails.

The head lists are data in nlp/patterns/phrase_heads.json.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from nlp.doc_view import splits_hyphenated_word
from nlp.gazetteer import load_gazetteer

HEADS_PATH = Path(__file__).resolve().parent.parent / "patterns" / "phrase_heads.json"
# Leading words that are not part of a concept's name ("a weekly feedback email" -> "feedback email").
_TRIM = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "our",
        "his",
        "her",
        "my",
        "your",
        "each",
        "every",
        "all",
        "any",
        "some",
        "no",
        "several",
        "many",
        "few",
        "more",
        "most",
        "other",
        "another",
        "new",
        "single",
        "named",
        "individual",
        "local",
        "short",
        "simple",
        "key",
        "main",
        "first",
        "second",
        "third",
        "same",
        "existing",
        "current",
        "own",
        "further",
        "additional",
        "regular",
        "various",
        "weekly",
        "monthly",
        "fortnightly",
        "annual",
        "yearly",
        "whole",
        "small",
        "large",
        "big",
        "good",
        "better",
        "best",
        "great",
        "such",
        "both",
        "either",
        "only",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "median",
        "mean",
        "average",
        "overall",
        "total",
        "formal",
        "informal",
        "early",
        "late",
        "later",
        "earlier",
        "previous",
        "following",
        "wider",
        "broader",
        "specific",
        "improved",
        "reduced",
        "increased",
        "lower",
        "higher",
        "fewer",
        "less",
        "greater",
        "poorer",
        "worse",
        "faster",
        "slower",
        "shorter",
        "longer",
    }
)
_NOUNISH = frozenset({"NOUN", "PROPN", "ADJ"})
_BLOCK_NER = frozenset({"PERSON", "ORG", "GPE", "DATE", "TIME", "CARDINAL", "PERCENT", "QUANTITY", "MONEY", "ORDINAL"})
# Result verbs: their subject is a measure that moved (or did not).
RESULT_VERBS = frozenset(
    {
        "fall",
        "rise",
        "drop",
        "improve",
        "increase",
        "decrease",
        "reduce",
        "change",
        "halve",
        "double",
        "decline",
        "worsen",
        "climb",
        "deteriorate",
        "plateau",
        "return",
        "drift",
        "creep",
        "slip",
        "shorten",
        "lengthen",
        "treble",
        "triple",
        "fell",
        "rose",
        "reach",
        "exceed",
    }
)
_STATE_VERBS = frozenset({"remain", "stay", "become", "show"})
_STATE_WORDS = frozenset(
    {
        "poor",
        "low",
        "high",
        "stable",
        "unchanged",
        "static",
        "flat",
        "similar",
        "rare",
        "common",
        "difference",
        "change",
        "improvement",
        "reduction",
        "increase",
        "effect",
        "decrease",
    }
)
# "a reduction in X", "no difference in X", "effects on X": X is a measure.
_RESULT_NOUNS = frozenset(
    {
        "reduction",
        "increase",
        "decrease",
        "difference",
        "change",
        "improvement",
        "effect",
        "impact",
        "fall",
        "rise",
        "drop",
        "improvements",
        "effects",
        "reductions",
        "changes",
    }
)
# Words that report a result anywhere in a sentence.
RESULT_LEMMAS = RESULT_VERBS | {
    "lower",
    "cut",
    "halve",
    "raise",
    "unchanged",
    "significant",
    "improvement",
    "reduction",
    "difference",
}
# Comparative words that make the noun after them a measured result.
_CHANGE_ADJECTIVES = frozenset(
    {"fewer", "lower", "greater", "better", "reduced", "improved", "faster", "higher", "shorter", "worse", "poorer"}
)
# Change verbs whose object is a measure ("lowered HbA1c", "reduced carer depression").
_OBJECT_VERBS = frozenset({"lower", "reduce", "improve", "increase", "cut", "halve", "shorten", "decrease", "raise"})
# Subjects that are never measures.
_NOT_MEASURES = frozenset(
    {
        "team",
        "teams",
        "staff",
        "we",
        "they",
        "it",
        "he",
        "she",
        "this",
        "that",
        "project",
        "trust",
        "ward",
        "wards",
        "patient",
        "patients",
        "people",
        "nurse",
        "nurses",
        "doctor",
        "doctors",
        "gp",
        "gps",
        "group",
        "work",
        "change",
        "changes",
        "result",
        "results",
        "figure",
        "figures",
        "rate",
        "proportion",
        "number",
        "numbers",
        "trend",
        "improvement",
        "difference",
        "effect",
        "effects",
        "data",
        "evidence",
        "study",
        "studies",
        "trial",
        "review",
        "membership",
        "service",
        "services",
        "pilot",
        "scheme",
        "programme",
        "which",
        "who",
        "what",
        "picture",
        "position",
        "situation",
        "things",
        "everything",
        "none",
        "all",
        "both",
        "each",
        "one",
        "many",
    }
)
_MEASURE_LIKE = frozenset({"OUTCOME", "CONDITION", "INTERVENTION", "TOPIC"})
_TAIL_BLOCK = frozenset({"PERSON", "ORG", "DATE", "TIME", "GPE", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
# Evaluative adjectives are not part of a concept's name either ("more effective pathways", "an initial tool").
_TRIM = _TRIM | {
    "initial",
    "effective",
    "alternative",
    "huge",
    "significant",
    "potential",
    "possible",
    "relevant",
    "useful",
    "important",
    "major",
    "minor",
    "wide",
    "active",
    "successful",
    "robust",
    "innovative",
    "novel",
    "proposed",
    "standard",
    "typical",
    "general",
    "common",
    "high-quality",
    "poor",
    "different",
    "similar",
    "whole-system",
    "wider",
    "future",
    "ongoing",
    # What is being done to a subject is not part of its name: "tackling health inequalities".
    "highest",
    "lowest",
    "worst",
    "tackling",
    "reducing",
    "addressing",
    "preventing",
    "promoting",
    # Study-design words name which wards took part, not a kind of ward: "a pilot ward", "control homes".
    "pilot",
    "control",
    "comparison",
    "participating",
    "intervention",
    "trial",
    "target",
}
_NOT_MEASURES = _NOT_MEASURES | {
    "care",
    "context",
    "line",
    "terms",
    "respect",
    "light",
    "relation",
    "opportunity",
    "opportunities",
    "way",
    "ways",
    "part",
    "use",
    "uses",
    "outcome",
    "outcomes",
    # People are who a measure is about, never the measure: "residents of care homes fall more often".
    "resident",
    "residents",
    "carer",
    "carers",
    "adult",
    "adults",
    "child",
    "children",
    "family",
    "families",
    "relative",
    "relatives",
    "user",
    "users",
}
# "confidence in a review of 29 trials": where the result was reported, not part of the measure.
_STUDY_WORDS = frozenset(
    {
        "review",
        "reviews",
        "study",
        "studies",
        "trial",
        "trials",
        "survey",
        "surveys",
        "audit",
        "evaluation",
        "analysis",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
    }
)
_TIME_UNITS = frozenset({"hour", "hours", "minute", "minutes", "day", "days", "week", "weeks", "month", "months"})
_TAIL_PREPS = frozenset({"of", "per", "to", "for", "with", "within", "during", "in", "at"})
_TAIL_STOPS = frozenset(
    {
        ",",
        ";",
        ":",
        "(",
        ")",
        "which",
        "who",
        "that",
        "where",
        "when",
        "while",
        "but",
        "and",
        "or",
        "was",
        "were",
        "is",
        "are",
        "had",
        "has",
        "did",
        "by",
        "than",
        "because",
        "as",
    }
)
_MAX_PHRASE = 9
# Prepositions that can introduce where something was measured rather than what was measured.
_PLACE_PREPS = frozenset({"in", "at", "on", "with", "across", "within"})
_PLACE_WORDS = frozenset(
    {
        "door",
        "ward",
        "wards",
        "unit",
        "units",
        "hospital",
        "hospitals",
        "home",
        "homes",
        "department",
        "practice",
        "practices",
        "site",
        "sites",
        "trust",
        "trusts",
        "area",
        "areas",
    }
)
# Groups of people whose possessive belongs to a topic or measure ("older people's care", "carers' confidence").
GROUPS = frozenset(
    {
        "people",
        "carers",
        "patients",
        "children",
        "women",
        "men",
        "residents",
        "staff",
        "parents",
        "families",
        "users",
        "nurses",
        "clinicians",
        "carer",
        "patient",
        "family",
    }
)


@lru_cache(maxsize=1)
def load_heads(path: str | None = None) -> dict:
    """Head nouns per label, and which heads take an "of/for ..." tail (read once)."""
    data = json.loads(Path(path or HEADS_PATH).read_text(encoding="utf-8"))
    return {
        "labels": {word: label for label, words in data["heads"].items() for word in words},
        "of_tails": frozenset(data.get("of_tails", ())),
        "role_adjectives": frozenset(data.get("role_adjectives", ())),
        "measure_heads": frozenset(data.get("measure_heads", ())),
        "context_outcomes": frozenset(data.get("context_outcomes", ())),
        "method_tails": frozenset(data.get("method_tails", ())),
    }


# Participles that say how a tool or service is made or delivered ("shared referral template", "automated
# reminders"), unlike ones that report what happened to it ("missed appointments", "agreed plan", "written").
_FORM_PARTICIPLES = frozenset(
    {
        "shared",
        "personalised",
        "personalized",
        "individualised",
        "automated",
        "laminated",
        "structured",
        "embedded",
        "revised",
        "pooled",
        "tailored",
        "targeted",
        "integrated",
        "enhanced",
        "extended",
        "dedicated",
        "supervised",
        "guided",
        "assisted",
        "computerised",
        "standardised",
        "simplified",
        "redesigned",
        "co-produced",
    }
)
# Particles that start a hyphenated word whose second half is not the thing itself ("on-call" is a rota).
_PARTICLES = frozenset({"on", "off", "in", "out", "up", "down", "over", "back", "by"})
# Modifiers that make a programme, course or board one for staff development or governance, not a care intervention.
_STAFF_DEVELOPMENT = frozenset({"improvement", "leadership"})
# Boards that govern ("trust board", "programme board", "integrated care board"), unlike the boards care teams work
# from ("huddle board", "electronic bed board").
_GOVERNING_BOARD = frozenset(
    {
        "trust",
        "programme",
        "project",
        "partnership",
        "transformation",
        "divisional",
        "management",
        "executive",
        "steering",
        "governing",
        "oversight",
        "system",
        "icb",
        "ics",
        # Bodies that run the NHS: "integrated care boards", a Welsh "health board", "hospital board".
        "integrated",
        "health",
        "hospital",
        "regional",
        "national",
    }
)
# Modifiers that make a tool, model, review or protocol one of research, data, IT or business work ("regression
# models", "data management model", "software simulation tool", "evaluation protocol", "documentary review"): the
# guide's interventions are things used in care.
NON_CARE_MODIFIERS = frozenset(
    {
        "data",
        "research",
        "evaluation",
        "study",
        "simulation",
        "modelling",
        "modeling",
        "analysis",
        "analytic",
        "analytics",
        "statistical",
        "regression",
        "linear",
        "logistic",
        "multilevel",
        "prediction",
        "predictive",
        "economic",
        "business",
        "architecture",
        "governance",
        "commercialisation",
        "commercialization",
        "benchmarking",
        "software",
        "author",
        "application",
        "project",
        "publication",
        "documentary",
        "spatial",
        "demonstrator",
        "communications",
        "marketing",
        "funding",
        "infrastructure",
        "interoperability",
        "dissemination",
    }
)
_ANAPHORIC_DETERMINERS = frozenset({"the", "our", "this", "that", "first", "second", "next", "each", "every", "a"})
_SPECIALTY_WORDS = frozenset(
    {
        "medicine",
        "surgery",
        "nursing",
        "psychiatry",
        "paediatrics",
        "pediatrics",
        "geriatrics",
        "anaesthesia",
        "anaesthetics",
        "pharmacy",
        "radiology",
        "cardiology",
        "oncology",
        "care",
        "safety",
        "health",
        "science",
        "sciences",
        "services",
        "practice",
        "improvement",
        "governance",
        "operations",
        "research",
        "education",
    }
)
_ROLE_SUFFIXES = ("ologist", "ologists", "iatrist", "iatrists", "ician", "icians")


def role_extensions(doc: Doc, found: list[Span]) -> list[Span]:
    """Job titles with their grade and specialty: "deputy director of operations", "consultant in elderly
    medicine", "senior nurse for patient safety", "consultant diabetologist"."""
    heads = load_heads()
    adjectives = heads["role_adjectives"]
    topics = {(s.start, s.end) for s in found if s.label_ == "TOPIC"}
    spans = []
    for span in found:
        if span.label_ != "ROLE":
            continue
        start, end = span.start, span.end
        while start > 0 and doc[start - 1].lower_ in adjectives and doc[start - 1].lower_ not in ("community",):
            start -= 1
        if end < len(doc) and doc[end].lower_.endswith(_ROLE_SUFFIXES) and doc[end].pos_ == "NOUN":
            end += 1  # "consultant diabetologist"
        if end + 1 < len(doc) and doc[end].lower_ in ("in", "for"):
            j = end + 1
            while j < len(doc) and j - end <= 4 and doc[j].pos_ in ("ADJ", "NOUN", "PROPN") and not doc[j].is_title:
                j += 1
            tail_topic = any(a == end + 1 and b == j for a, b in topics)
            if j > end + 1 and (tail_topic or doc[j - 1].lower_ in _SPECIALTY_WORDS):
                end = j
        if (start, end) != (span.start, span.end):
            spans.append(Span(doc, start, end, label="ROLE", kb_id=span.kb_id_))
    return spans


def method_phrases(doc: Doc, found: list[Span]) -> list[Span]:
    """Methods and techniques with the word that names their form ("Lean methods", "Kaizen boards", "value stream
    mapping workshops"), and later short mentions of a technique the document is about ("the log", "coffee trials")."""
    tails = load_heads()["method_tails"]
    spans = []
    methods = [s for s in found if s.label_ in ("QI_METHOD", "KM_TECHNIQUE")]
    for span in methods:
        end = span.end
        while end < len(doc) and end - span.end < 2 and doc[end].lower_ in tails and doc[end].pos_ == "NOUN":
            end += 1
        if end > span.end:
            spans.append(Span(doc, span.start, end, label=span.label_, kb_id=span.kb_id_))
    taken = {i for s in found for i in range(s.start, s.end)}
    short: dict[tuple[str, ...], Span] = {}
    for span in methods:
        words = [t.norm_ for t in span if not t.is_punct]
        if span.label_ == "KM_TECHNIQUE" and len(words) >= 2:
            short.setdefault(tuple(words[-2:]), span)
            short.setdefault(tuple(words[-1:]), span)
    if short:
        first = min(s.start for s in methods)
        for token in doc:
            if token.i <= first or token.i in taken or not token.is_lower:
                continue
            for size in (2, 1):
                key = tuple(t.norm_ for t in doc[token.i : token.i + size])
                span = short.get(key)
                if span is None or len(key) < size or token.i + size > len(doc):
                    continue
                if size == 1 and (token.i == 0 or doc[token.i - 1].lower_ not in _ANAPHORIC_DETERMINERS):
                    continue  # a bare head word needs "the log", "our first harvest"
                if any(i in taken for i in range(token.i, token.i + size)):
                    continue
                spans.append(Span(doc, token.i, token.i + size, label=span.label_, kb_id=span.kb_id_))
                taken.update(range(token.i, token.i + size))
                break
    return spans


def head_phrases(doc: Doc, found: list[Span]) -> list[Span]:
    """Phrases whose last noun names what they are: "sepsis trolley", "care home managers", "AKI admissions"."""
    heads = load_heads()
    labels = heads["labels"]
    by_end = {s.end - 1: s for s in found}
    inside = {}
    for span in found:
        for i in range(span.start, span.end):
            inside[i] = span
    spans = []
    for i in _candidates(doc, ("NORM", "LOWER"), _head_hashes(doc)):
        token = doc[i]
        label = labels.get(token.norm_) or labels.get(token.lower_)
        if label is None or token.pos_ != "NOUN" or not token.is_lower or token.ent_type_ in _BLOCK_NER:
            continue
        own = inside.get(token.i)
        if own is not None and own.end - 1 != token.i:
            continue  # the head sits inside a longer vocabulary term ("falls prevention lead" is found whole)
        if own is not None and own.label_ == "SETTING" and label != "SETTING":
            continue  # "paediatric outpatient clinics": the vocabulary says the thing the head names is a place
        if token.dep_ == "compound" and token.head.i == token.i + 1 and token.head.pos_ == "NOUN":
            continue  # not the head after all: "the nurse advice line"
        if _ends_hyphenated_modifier(doc, token):
            continue  # "world-class academic expertise": half of a word that describes a later noun
        if _particle_compound(doc, token):
            continue  # "on-call", "sign-off": the head noun is half of a word that names something else
        start = _left_edge(doc, token, by_end, label)
        end = token.i + 1
        if label == "ROLE" and token.lower_ in heads["of_tails"]:
            end = _of_tail(doc, token, end)
        words = doc[start:end]
        if len(words) < 2 or not _modifiers_ok(words, token, label, heads, inside):
            continue
        # A vocabulary term of the same extent stays as it is; one the phrase crosses blocks it.
        clash = [s for s in found if s.start < end and s.end > start]
        if any(s.label_ in ("QI_METHOD", "KM_TECHNIQUE") for s in clash):
            continue  # "daily Kaizen boards" is read as a method by method_phrases
        if any(s.start < start or s.end > end for s in clash) or any(s.start == start and s.end == end for s in clash):
            continue
        spans.append(Span(doc, start, end, label=label, kb_id=""))
    spans.extend(_participle_extensions(doc, found))
    return spans


def _ends_hyphenated_modifier(doc: Doc, token: Token) -> bool:
    """Whether a head noun ends a hyphenated word that modifies a noun after it ("world-class expertise")."""
    modifies_later = token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i
    return modifies_later and token.head.pos_ in ("NOUN", "PROPN") and splits_hyphenated_word(doc, token.i)


def _particle_compound(doc: Doc, token: Token) -> bool:
    """Whether a head noun is the second half of a hyphenated word led by a particle ("on-call", "call-off")."""
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_ or doc[token.i - 2].whitespace_:
        return False
    return doc[token.i - 2].lower_ in _PARTICLES


def _participle_extensions(doc: Doc, found: list[Span]) -> list[Span]:
    """Vocabulary interventions with the participle before them that says how they are delivered ("guided online
    CBT", "structured deprescribing", "laminated checklist"): the parse often misreads the participle as a verb."""
    spans = []
    for span in found:
        start = span.start
        if span.label_ != "INTERVENTION" or start == 0:
            continue
        prev = doc[start - 1]
        if prev.lower_ in _FORM_PARTICIPLES and prev.tag_ in ("VBN", "VBD", "JJ") and not prev.is_sent_end:
            spans.append(Span(doc, start - 1, span.end, label="INTERVENTION", kb_id=span.kb_id_))
    return spans


def result_outcomes(doc: Doc, found: list[Span]) -> list[Span]:
    """Measures that the text reports a result for: subjects of result verbs and objects of change verbs."""
    measure_heads = load_heads()["measure_heads"]
    spans = []
    for i in _candidates(doc, ("DEP",), _dep_hashes(doc)):
        token = doc[i]
        if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in _BLOCK_NER:
            continue
        if token.lower_ in _NOT_MEASURES or token.is_stop:
            continue
        role = None
        if token.dep_ in ("nsubj", "nsubjpass") and _reports_result(token.head):
            role = "subject"
        elif token.dep_ == "conj" and any(
            c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.lemma_ in RESULT_VERBS for c in token.children
        ):
            role = "subject"  # "... and infections returned to baseline", parsed as a clause on the noun
        elif any(
            c.dep_ == "relcl" and _reports_result(c) and any(w.lower_ in ("which", "that") for w in c.children)
            for c in token.children
        ):
            role = "subject"  # "completion of the checklist, which rose from 12% to 76%"
        elif (
            token.dep_ == "pobj"
            and token.head.lower_ in ("in", "on")
            and token.head.head.lower_ in _RESULT_NOUNS
            and token.head.head.pos_ == "NOUN"
        ):
            role = "effect"  # "the effect on fractures", "no difference in burnout scores"
        elif token.dep_ in ("dobj", "pobj", "conj") and any(
            c.dep_ == "amod" and c.lower_ in _CHANGE_ADJECTIVES and c.i < token.i for c in token.children
        ):
            role = "compared"  # "reported fewer UTIs requiring antibiotics", "associated with greater empathy"
        elif _object_of_change(token):
            role = "object"
        if role is None:
            continue
        if (
            role in ("compared", "effect")
            and token.norm_ not in measure_heads
            and not _has_label(found, token, "OUTCOME")
            and not _has_label(found, token, "CONDITION")
        ):
            continue  # "greater opportunities", "change in the environment": not measures
        if role == "object" and token.norm_ not in measure_heads and not _has_label(found, token, "OUTCOME"):
            continue  # "reduce falls" keeps falls a condition; "lowered HbA1c" is a measure
        span = _measure_span(doc, token)
        if span is None:
            continue
        own = next((s for s in found if s.start <= token.i < s.end and s.label_ in _MEASURE_LIKE), None)
        if own is not None and (own.start < span.start or own.end > span.end):
            # The vocabulary reads the measure's words better than the parse ("inpatient" tagged as a verb's conjunct).
            span = doc[min(own.start, span.start) : max(own.end, span.end)]
        contained = [s for s in found if s.start >= span.start and s.end <= span.end]
        crossing = [s for s in found if s.start < span.end and s.end > span.start and s not in contained]
        if crossing:
            continue
        if any(s.label_ in ("PERSON", "ORG") for s in contained):
            continue
        if any(
            s.label_ in ("QI_METHOD", "KM_TECHNIQUE", "ROLE", "SETTING") and s.start <= token.i < s.end
            for s in contained
        ):
            continue
        if role == "object" and any(s.label_ != "OUTCOME" and s.start <= token.i < s.end for s in contained):
            continue
        if any(s.start == span.start and s.end == span.end and s.label_ == "OUTCOME" for s in contained):
            continue
        spans.append(Span(doc, span.start, span.end, label="OUTCOME", kb_id=""))
    return spans


def per_phrases(doc: Doc, found: list[Span]) -> list[Span]:
    """ "Falls per 1,000 occupied bed days", "incidents per 100 admissions": a count per denominator is a measure."""
    spans = []
    for span in found:
        if span.label_ not in ("CONDITION", "OUTCOME") or span.end + 2 >= len(doc) or doc[span.end].lower_ != "per":
            continue
        i = span.end + 1
        if doc[i].like_num:
            i += 1
        start_noun = i
        while (
            i < len(doc)
            and i - start_noun < 4
            and doc[i].pos_ in ("NOUN", "ADJ", "VERB")
            and doc[i].tag_ != "VBD"
            and not doc[i].is_punct
        ):
            i += 1
        if i > start_noun and doc[i - 1].pos_ == "NOUN":
            kb_id = span.kb_id_ if span.label_ == "OUTCOME" else ""
            spans.append(Span(doc, span.start, i, label="OUTCOME", kb_id=kb_id))
    return spans


def _candidates(doc: Doc, attrs: tuple[str, ...], wanted: frozenset[int]) -> list[int]:
    """Indices of tokens whose attribute hash is in a set, read as one array (no Token objects made)."""
    if not len(doc):
        return []
    array = doc.to_array(list(attrs))
    if array.ndim == 1:
        array = array.reshape(-1, 1)
    hits: set[int] = set()
    for column in range(array.shape[1]):
        hits.update(i for i, value in enumerate(array[:, column].tolist()) if value in wanted)
    return sorted(hits)


def _head_hashes(doc: Doc) -> frozenset[int]:
    strings = doc.vocab.strings
    return frozenset(strings.add(word) for word in load_heads()["labels"])


def _dep_hashes(doc: Doc) -> frozenset[int]:
    strings = doc.vocab.strings
    return frozenset(strings.add(dep) for dep in ("nsubj", "nsubjpass", "pobj", "dobj", "conj"))


def _object_of_change(token: Token) -> bool:
    """ "lowered HbA1c", "reduced depression and anxiety": the object (or a conjoined object) of a change verb."""
    if token.dep_ == "dobj":
        return token.head.lemma_ in _OBJECT_VERBS
    return token.dep_ == "conj" and token.head.dep_ == "dobj" and token.head.head.lemma_ in _OBJECT_VERBS


def _reports_result(verb: Token) -> bool:
    """Whether a verb reports that its subject moved or held ("fell", "did not change", "remained poor")."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if lemma == "show" and any(c.dep_ == "dobj" and c.lemma_.lower() in _RESULT_NOUNS for c in children):
        return True  # "weight loss showed no significant difference": the object names the result
    if (
        any(c.dep_ == "auxpass" or c.dep_ == "dobj" and not _quantity(c) for c in children)
        or verb.tag_ == "VBN"
        and any(c.dep_ == "nsubjpass" for c in children)
    ):
        # "interventions reduce stress": the subject is the cause; "was dropped": passive. An object that is only a
        # level ("checks reached 74%") leaves the subject the measure.
        return False
    if lemma in RESULT_VERBS:
        return True
    if lemma in ("go", "come") and (
        any(c.dep_ == "prt" and c.lower_ in ("up", "down") for c in children)
        or {"from", "to"} <= {c.lower_ for c in children if c.dep_ == "prep"}
    ):
        return True  # "went up", "came down", "went from 4% to 7%"
    if lemma in _STATE_VERBS or lemma == "be":
        window = [t.lower_ for t in verb.subtree if t.i > verb.i][:6]
        if lemma == "be":
            return bool(window) and window[0] in ("unchanged", "similar", "lower", "higher", "low", "high")
        if lemma == "show":
            return any(w in _RESULT_NOUNS for w in window)
        return any(w in _STATE_WORDS or w.endswith("%") or w.replace(".", "").isdigit() for w in window)
    return any(
        c.lemma_.lower() in RESULT_VERBS
        for c in verb.conjuncts
        if c.i > verb.i
        and c.dep_ == "conj"
        and not any(s.dep_ in ("nsubj", "nsubjpass", "auxpass", "dobj") for s in c.children)
    )


def _quantity(token: Token) -> bool:
    """ "74%", "nine": an object that is a level, not a thing ("600 requests" is a thing counted)."""
    return token.like_num or token.lower_ in ("%", "percent")


def _measure_span(doc: Doc, token: Token) -> Span | None:
    """The measure phrase around a subject/object noun: its modifiers and its "of/per/to ..." tail."""
    start = token.i
    for left in reversed(list(token.lefts)):
        if left.i != start - 1 and left.right_edge.i != start - 1:
            break
        if left.dep_ in ("det", "predet", "nummod", "quantmod") or left.lower_ in _TRIM:
            break
        start = left.left_edge.i
    while start < token.i and (doc[start].lower_ in _TRIM or doc[start].is_punct or doc[start].like_num):
        start += 1
    end = _tail_end(doc, token)
    if end == token.i + 1 and end < len(doc) and doc[end].lower_ in _TAIL_PREPS:
        end = _pos_tail(doc, end)
    if end - start > _MAX_PHRASE or any(t.is_sent_start and t.i > start for t in doc[start:end]):
        return None
    if any(t.text in ("(", ")", ",", ";") for t in doc[start:end]):
        return None
    return doc[start:end]


def _tail_end(doc: Doc, token: Token) -> int:
    """End of a measure's "of/per/to/for ..." tail after its head noun ("time to first appointment")."""
    end = token.i + 1
    for right in token.rights:
        if right.i != end:
            break
        if right.dep_ == "prep" and right.lower_ in _TAIL_PREPS or right.dep_ == "acl" and right.tag_ == "VBG":
            edge = right.right_edge.i + 1
            edge = _before_place(doc, right.i + 1, edge)  # "length of stay on the stroke unit": where, not what
            tail = doc[right.i : edge]
            if len(tail) < 2:
                break
            if any(t.lower_ in _TAIL_STOPS or t.ent_type_ in ("PERSON", "ORG") for t in tail[1:]):
                break
            if any(t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") for t in tail) or (
                right.lower_ != "per" and any(t.ent_type_ == "CARDINAL" or t.like_num for t in tail)
            ):
                break  # "cost of £5.8 billion", "a backlog of 2,300 patients": the value, not the measure
            if any(t.ent_type_ in ("DATE", "TIME") for t in tail) and right.lower_ != "within":
                break
            if right.lower_ in ("for", "in", "among") and tail[-1].lower_ in GROUPS | {
                "residents",
                "adults",
                "older",
                "homes",
            }:
                break  # "length of stay for care home residents": who was measured, not the measure
            if tail[-1].pos_ not in ("NOUN", "PROPN", "NUM") or right.lower_ in _PLACE_PREPS and _names_place(tail[1:]):
                break  # "length of stay for" (a broken parse), "episodes on the surgical wards" (a place)
            end = edge
        else:
            break
    return end


def _pos_tail(doc: Doc, end: int) -> int:
    """The same tail read from parts of speech, for when the parse attaches it elsewhere."""
    prep = doc[end].lower_
    i = end + 1
    if i < len(doc) and doc[i].lower_ in ("the", "a", "an"):
        i += 1
    j = i
    while j < len(doc) and j - i < 5 and doc[j].ent_type_ not in _TAIL_BLOCK:
        token = doc[j]
        if token.pos_ in ("NOUN", "PROPN", "ADJ") or token.text == "-" and not token.whitespace_:
            j += 1
        else:
            break
    if j == i or doc[j - 1].pos_ not in ("NOUN", "PROPN"):
        return end
    words = {t.lower_ for t in doc[i:j]}
    if prep in ("for", "in", "among") and words & (GROUPS | {"residents", "adults", "older", "homes"}):
        return end
    at_place = prep in _PLACE_PREPS and _names_place(doc[i:j])
    if at_place or prep in ("in", "at") and words & _STUDY_WORDS:
        return end
    return j


def _before_place(doc: Doc, start: int, end: int) -> int:
    """Where a tail should stop so that a nested "on the ward" / "in primary care" is left out."""
    for i in range(start, end):
        rest = doc[i + 1 : end]
        if doc[i].lower_ in _PLACE_PREPS and _names_place(rest):
            return i
    return end


def _names_place(words: Span) -> bool:
    """Whether words after a preposition say where: a place word ("the ward") or a care setting."""
    return bool({t.lower_ for t in words} & _PLACE_WORDS) or _names_setting(words)


def _names_setting(words: Span) -> bool:
    """Whether words (after a preposition) name a care setting: "in primary care", "on the orthogeriatric ward"."""
    while len(words) and words[0].lower_ in ("the", "a", "an", "our", "their", "its", "each", "every", "all"):
        words = words[1:]
    concept = load_gazetteer().lookup(words.text) if len(words) else None
    return concept is not None and concept.label == "SETTING"


def outcome_tails(doc: Doc, found: list[Span]) -> list[Span]:
    """Vocabulary measures with the tail that says what they count: "waiting times for community physiotherapy"."""
    spans = []
    for span in found:
        if span.label_ != "OUTCOME" or span.end >= len(doc) or doc[span.end].lower_ not in _TAIL_PREPS:
            continue
        if span[-1].lower_ in _TIME_UNITS:
            continue  # "antibiotics within one hour" is whole; "of arrival" says when the clock starts
        parsed = _tail_end(doc, span.root) if span.root.i == span.end - 1 else span.end
        end = max(parsed, _pos_tail(doc, span.end))
        if (
            end > span.end
            and end - span.start <= _MAX_PHRASE
            and not any(t.text in ("(", ")", ",", ";") or t.is_sent_start for t in doc[span.end : end])
        ):
            spans.append(Span(doc, span.start, end, label="OUTCOME", kb_id=span.kb_id_))
    return spans


def _left_edge(doc: Doc, head: Token, by_end: dict, label: str) -> int:
    """Walk left over nouns, adjectives, hyphenated words and whole vocabulary terms before a head noun."""
    start = head.i
    while start > 0:
        prev = doc[start - 1]
        term = by_end.get(start - 1)
        if term is not None and term.label_ not in ("PERSON", "ORG") and term.end - 1 != head.i:
            start = term.start
            continue
        if prev.text == "-" and start >= 2 and not prev.whitespace_ and not doc[start - 2].whitespace_:
            start -= 2
            continue
        if (
            start >= 3
            and doc[start - 2].text == "-"
            and not doc[start - 2].whitespace_
            and not doc[start - 3].whitespace_
            and prev.is_alpha
            and doc[start - 3].is_alpha
            and doc[start - 3].ent_type_ not in _BLOCK_NER
        ):
            start -= 3  # a hyphenated compound modifier: "photograph-based skin check", "nurse-led clinic"
            continue
        if (
            prev.lower_ in ("'", "'s", "’s", "’")
            and start >= 2
            and label in ("TOPIC", "OUTCOME", "INTERVENTION")
            and doc[start - 2].lower_ in GROUPS
        ):
            start -= 2  # "older people's care", "carers' confidence"
            continue
        if (
            label == "ROLE"
            and prev.lower_ == "and"
            and start >= 2
            and doc[start - 2].tag_ == "NN"
            and doc[start].i != head.i
            and doc[start - 2].ent_type_ not in _BLOCK_NER
            and (start < 3 or doc[start - 3].pos_ not in ("ADJ", "NOUN", "PROPN"))
        ):
            start -= 2  # "evidence and knowledge specialist", not "local authority and support workers"
            continue
        if label == "INTERVENTION" and _form_participle(prev):
            start -= 1  # how the thing is made is part of its name: "shared referral template"
            continue
        if prev.pos_ not in _NOUNISH or prev.ent_type_ in _BLOCK_NER or prev.lower_ in _TRIM or prev.like_num:
            break
        if prev.pos_ == "PROPN" and not prev.is_upper and not prev.is_lower:
            break  # a capitalised name; a lower-case "proper noun" is the tagger's slip ("analgesia protocol")
        start -= 1
    while start < head.i and (doc[start].lower_ in _TRIM or doc[start].is_punct):
        start += 1
    if 0 < start < head.i and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        # Trimming stopped inside a hyphenated word ("one-to-one"): the phrase starts after that word.
        while start < head.i and not doc[start].whitespace_:
            start += 1
        start += 1
    return min(start, head.i)


def _of_tail(doc: Doc, head: Token, end: int) -> int:
    """ "head of library and knowledge services", "matron for urgent and emergency care" up to "at"/comma."""
    if end >= len(doc) or doc[end].lower_ not in ("of", "for"):
        return end
    i = end + 1
    while (
        i < len(doc)
        and i - end <= 6
        and doc[i].lower_ not in ("at", "in", "on", "with", "who", "from", "to")
        and not doc[i].is_punct
        and doc[i].ent_type_ not in _BLOCK_NER
        and doc[i].pos_ not in ("VERB", "AUX")
    ):
        i += 1
    return i if i > end + 1 and doc[i - 1].pos_ in ("NOUN", "PROPN") else end


def names_no_care_work(modifiers: set[str]) -> bool:
    """Whether a phrase's modifiers (lower-cased) make it staff development ("quality improvement programme",
    "leadership course") or research, data or IT work ("regression models", "evaluation protocol"), not care."""
    return not _STAFF_DEVELOPMENT.isdisjoint(modifiers) or not NON_CARE_MODIFIERS.isdisjoint(modifiers)


def _modifiers_ok(words: Span, head: Token, label: str, heads: dict, known: dict | None = None) -> bool:
    mods = [t for t in words if t.i < head.i and not t.is_punct]
    if label == "INTERVENTION" and names_no_care_work({t.lower_ for t in mods}):
        return False  # "leadership course", "regression models": staff development or research, data or IT work
    if label == "INTERVENTION" and head.lemma_.lower() == "board" and any(t.lower_ in _GOVERNING_BOARD for t in mods):
        return False  # "trust board": a body that governs, not a thing used in care
    if label == "INTERVENTION" and known and any(t.i in known and known[t.i].end <= head.i for t in mods):
        return True  # a known concept naming what the thing is for: "4AT prompt", "inhaler technique review"
    if label == "ROLE" and head.i < words.end - 1:
        return True  # "professor of implementation science"
    if not mods:
        return False
    if label == "ROLE":
        return any(t.pos_ in ("NOUN", "PROPN") or t.lower_ in heads["role_adjectives"] for t in mods)
    return (
        # A modifier that is itself a head noun is a noun the tagger read as an adjective ("referral template").
        any(t.pos_ in ("NOUN", "PROPN") or t.text == "-" or t.norm_ in heads["labels"] for t in words if t.i < head.i)
        or label == "OUTCOME"
        and any(t.pos_ == "ADJ" for t in mods)
    )


def _form_participle(token: Token) -> bool:
    """A modifier that says how a tool or service is made or delivered: "shared", "automated", "structured"."""
    return token.dep_ == "amod" and token.lower_ in _FORM_PARTICIPLES


def _has_label(found: list[Span], token: Token, label: str) -> bool:
    return any(s.label_ == label and s.start <= token.i < s.end for s in found)
