"""Learned proposals for concept mentions the rules missed: noun phrases labelled by a linear model.

The vocabularies and head-noun rules cannot list every way a service change or a measure is named ("a
was-not-brought policy", "two-way text message reminders"). Every noun phrase the parser finds that no
entity covers is a candidate, with and without a following "of/for/to/in/on/with" phrase ("time to first
appointment"); a linear model over its words, head and syntactic context gives it a concept label or none.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from nlp.doc_view import DocView
from nlp.wordnet import supersenses

PROPOSED_LABELS = ("CONDITION", "INTERVENTION", "SETTING", "OUTCOME", "TOPIC")
NONE = "NONE"
_LEADING_POS = frozenset({"DET", "PRON", "NUM", "PUNCT", "CCONJ", "PART"})
# Words that lead a quantity, not a concept; "than" follows "more" or "fewer" ("more than 12 hours"), and no
# annotated mention starts with it.
_QUANTIFIERS = frozenset(
    {"all", "each", "every", "some", "both", "several", "many", "more", "most", "other", "few", "any", "such", "than"}
)
_LINKING_PREPS = frozenset({"of", "for", "to", "in", "on", "with"})
_WINDOW_PREPS = frozenset({"within", "at", "after", "during", "over", "by", "before"})
_JOINERS = frozenset({"-", "/", "'", "’", "'s", "’s"})
# Head nouns that name people: "health professionals", "local stakeholders", "the public" are groups of people, which
# the guide leaves unannotated, not concepts (roles are found by their own rules).
_PEOPLE_HEADS = frozenset(
    {
        "professional",
        "clinician",
        "staff",
        "doctor",
        "stakeholder",
        "researcher",
        "colleague",
        "participant",
        "member",
        "public",
        "practitioner",
        "expert",
        "academic",
        "partner",
        "user",
        "citizen",
    }
)


def candidates(view: DocView) -> list[tuple[int, int]]:
    """Token extents of noun phrases without leading determiners or numbers, and with a following phrase."""
    tokens = view.tokens
    found: set[tuple[int, int]] = set()
    chunks = view.noun_chunks
    starts = {chunk[0]: chunk for chunk in chunks}
    for chunk_start, chunk_end, root in chunks:
        start = chunk_start
        while start < chunk_end and (tokens[start].pos_ in _LEADING_POS or tokens[start].lower_ in _QUANTIFIERS):
            start += 1
        if start >= chunk_end or root.pos_ == "PRON" or not _clean(tokens[start:chunk_end]):
            continue
        if root.lemma_.lower() in _PEOPLE_HEADS or root.lower_ in _PEOPLE_HEADS:
            continue
        if _research_thing(tokens[start:chunk_end], root):
            continue
        found.add((start, chunk_end))
        after = chunk_end
        if after < len(tokens) and tokens[after].lower_ in _LINKING_PREPS and tokens[after].head.i == root.i:
            following = starts.get(after + 1)
            if following is not None and following[2].pos_ != "PRON" and _clean(tokens[following[0] : following[1]]):
                found.add((start, following[1]))
    return sorted(found)


def plausible_concept(span: Span) -> bool:
    """Whether a phrase found by other means (the concept tagger) passes the checks every candidate phrase does:
    prose without layout, not a group of people, not a research or data tool, and for an INTERVENTION not staff
    development or research work."""
    words = list(span)
    root = span.root
    if not _clean(words) or root.lemma_.lower() in _PEOPLE_HEADS or root.lower_ in _PEOPLE_HEADS:
        return False
    if _research_thing(words, root):
        return False
    return not (span.label_ == "INTERVENTION" and names_no_care(span))


def _research_thing(words: Sequence[Token], root: Token) -> bool:
    """ "pathway simulation models", "linear mixed model": a tool or model of research or data work, which is no
    intervention (the head-noun rules leave these gaps on purpose) and no measure, setting or topic either."""
    from nlp.components.phrases import NON_CARE_MODIFIERS, load_heads  # here: nlp.components imports this module

    if load_heads()["labels"].get(root.norm_) != "INTERVENTION":
        return False
    return any(t.lower_ in NON_CARE_MODIFIERS for t in words if t.i < root.i)


def names_no_care(span: Span) -> bool:
    """ "leadership course", "health data flows": modifiers that make a phrase staff development or research, data or
    IT work, which the head-noun rules never call an intervention; a proposal follows the same rule."""
    from nlp.components.phrases import names_no_care_work  # here: see _research_thing

    root = span.root
    return names_no_care_work({t.lower_ for t in span if t.i < root.i})


def _clean(words: Sequence[Token]) -> bool:
    """Prose, not layout: no line breaks, brackets, markup or stray symbols inside ("LGCP) models", "**")."""
    if any(t.is_space or (t.is_punct and t.text not in _JOINERS) for t in words):
        return False
    return not any("\n" in t.whitespace_ for t in words[:-1])


def features(view: DocView, start: int, end: int) -> list[str]:
    """What the proposal model sees of one candidate."""
    tokens = view.tokens
    words = tokens[start:end]
    span = view.doc[start:end]
    head = span.root
    sent_start, sent_end = view.sent_bounds(start)
    before = tokens[start - 1] if start > sent_start else None
    after = tokens[end] if end < sent_end else None
    first = words[0]
    out = [
        "bias",
        f"head={head.lemma_.lower()}",
        f"head.dep={head.dep_}",
        f"governor={head.head.lemma_.lower()}",
        f"governor.dep={head.head.dep_}",
        f"first={first.lemma_.lower()}",
        f"first.pos={first.pos_}",
        f"len={min(len(words), 5)}",
        f"before={before.lower_ if before is not None else '<s>'}",
        f"after={after.lower_ if after is not None else '</s>'}",
        f"capitalised={first.is_title and start != sent_start}",
        f"upper={span.text.isupper()}",
    ]
    if head.dep_ == "pobj":
        preposition = head.head
        out += [f"prep={preposition.lower_}", f"prep.governor={preposition.head.lemma_.lower()}"]
    out += [f"word={t.lemma_.lower()}" for t in words if not t.is_punct]
    out += _supersense_features(words, head)
    linked = [t.lower_ for t in words if t.dep_ == "prep" and t.head.i == head.i]
    out += [f"linked={linked[0]}", f"head+linked={head.lemma_.lower()}+{linked[0]}"] if linked else ["linked=none"]
    return out


def _supersense_features(words: Sequence[Token], head: Token) -> list[str]:
    """The WordNet supersenses of the head (of a two-word compound with the word before it when WordNet lists one:
    "blood pressure") and the usual supersense of each other noun, so that unseen words count as their kind."""
    before = words[head.i - words[0].i - 1] if head.i > words[0].i else None
    senses = (before is not None and supersenses(before.lemma_, head.lemma_)) or _senses(head)
    if not senses:
        return ["head.ss1=none"]
    out = [f"head.ss1={senses[0]}", *(f"head.ss={s}" for s in dict.fromkeys(senses))]
    return out + [
        f"mod.ss1={found[0]}" for t in words if t.i != head.i and t.pos_ in ("NOUN", "PROPN") and (found := _senses(t))
    ]


def _senses(token: Token) -> tuple[str, ...]:
    return supersenses(token.lemma_) or supersenses(token.lower_)


def labelled(label: str, feats: list[str]) -> list[str]:
    """The features as seen by one label's weights."""
    return [f"{label}|{f}" for f in feats]


def free_candidates(
    view: DocView, ents: list[Span], phrases: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Candidates (`phrases` when the caller has them already) that no existing entity overlaps: proposals only fill
    gaps."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    return [(s, e) for s, e in phrases or candidates(view) if not taken.intersection(range(s, e))]


def wrapping_candidates(
    view: DocView, ents: list[Span], phrases: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, list[Span]]]:
    """Candidates (`phrases` when the caller has them already, each also with a time window) that hold one or more
    entities whole and cut none, with the entities they hold: the phrase a concept is part of may be a concept of
    another kind ("[[uptake of video consultations]]", "[[heart failure flag]]", "[[children's diabetes
    service]]"), which the guide annotates as written. Each concept span is also a candidate holding itself, for
    the label the rules gave it may be wrong in its context ("simulation" the team ran is an INTERVENTION)."""
    bounds = [(e.start, e.end) for e in ents]
    entity_at = {i: k for k, (start, end) in enumerate(bounds) for i in range(start, end)}
    out = []
    for start, end in _with_time_windows(view, phrases or candidates(view)):
        held = sorted({entity_at[i] for i in range(start, end) if i in entity_at})
        if not held or bounds[held[0]] == (start, end):
            continue
        if all(start <= bounds[k][0] and bounds[k][1] <= end for k in held):
            out.append((start, end, [ents[k] for k in held]))
    # Each concept span is a candidate too, to be given another label (the phrase holds it and its head).
    out += [(e.start, e.end, [e]) for e in ents if e.label_ in PROPOSED_LABELS]
    return out


def _with_time_windows(view: DocView, phrases: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The phrases, and each again with a following time window or moment attached to it ("[[specialist review
    within 14 days]]", "[[visual acuity at one year]]"): a measure's window is part of what it counts."""
    tokens = view.tokens
    chunk_ends = {start: end for start, end, _root in view.noun_chunks}
    out = list(phrases)
    for start, end in phrases:
        if end + 1 < len(tokens) and tokens[end].lower_ in _WINDOW_PREPS and start <= tokens[end].head.i < end:
            window_end = chunk_ends.get(end + 1)
            if window_end is not None and _clean(tokens[end:window_end]):
                out.append((start, window_end))
    return out


def wrap_features(view: DocView, start: int, end: int, inside: list[Span]) -> list[str]:
    """What the wrap model sees of a candidate: the proposal features, and which entities it holds and whether one
    of them holds its head (outside in "[[falls]] rate", inside in "severe [[hypoglycaemia]]")."""
    head = view.doc[start:end].root
    holds_head = any(e.start <= head.i < e.end for e in inside)
    labels = sorted({e.label_ for e in inside})
    out = features(view, start, end)
    out += [f"inside={label}" for label in labels]
    out += [f"inside={labels[0] if len(labels) == 1 else 'mixed'}+head.inside={holds_head}"]
    out += [f"inside+head={label}+{head.lemma_.lower()}" for label in labels]
    if len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end):
        # The span itself: whether a vocabulary named it says how far its rule's label can be trusted.
        out += ["exact", f"exact.linked={bool(inside[0].kb_id)}+{labels[0]}"]
    return out


def label_kept_inside(view: DocView, start: int, end: int, inside: list[Span]) -> str | None:
    """The label a wrap may not give the phrase: that of a single entity it holds that holds its head ("named
    [[Safewards]]", "regular [[laxatives]]"). Such a wrap would only move the entity's boundaries, which is the
    boundary models' decision (and for labels they leave alone, the rules')."""
    head = view.doc[start:end].root.i
    if len(inside) == 1 and inside[0].start <= head < inside[0].end:
        return inside[0].label_
    return None
