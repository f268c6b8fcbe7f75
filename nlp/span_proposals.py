"""Learned proposals for concept mentions the rules missed: noun phrases labelled by a linear model.

The vocabularies and head-noun rules cannot list every way a service change or a measure is named ("a
was-not-brought policy", "two-way text message reminders"). Every noun phrase the parser finds that no
entity covers is a candidate, with and without a following "of/for/to/in/on/with" phrase ("time to first
appointment"); a linear model over its words, head and syntactic context gives it a concept label or none.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

PROPOSED_LABELS = ("CONDITION", "INTERVENTION", "SETTING", "OUTCOME", "TOPIC")
NONE = "NONE"
_LEADING_POS = frozenset({"DET", "PRON", "NUM", "PUNCT", "CCONJ", "PART"})
_QUANTIFIERS = frozenset(
    {"all", "each", "every", "some", "both", "several", "many", "more", "most", "other", "few", "any", "such"}
)
_LINKING_PREPS = frozenset({"of", "for", "to", "in", "on", "with"})
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


def candidates(doc: Doc) -> list[tuple[int, int]]:
    """Token extents of noun phrases without leading determiners or numbers, and with a following phrase."""
    found: set[tuple[int, int]] = set()
    chunks = list(doc.noun_chunks)
    starts = {c.start: c for c in chunks}
    for chunk in chunks:
        start = chunk.start
        while start < chunk.end and (doc[start].pos_ in _LEADING_POS or doc[start].lower_ in _QUANTIFIERS):
            start += 1
        if start >= chunk.end or chunk.root.pos_ == "PRON" or not _clean(doc[start : chunk.end]):
            continue
        if chunk.root.lemma_.lower() in _PEOPLE_HEADS or chunk.root.lower_ in _PEOPLE_HEADS:
            continue
        if _research_thing(doc[start : chunk.end]):
            continue
        found.add((start, chunk.end))
        after = chunk.end
        if after < len(doc) and doc[after].lower_ in _LINKING_PREPS and doc[after].head.i == chunk.root.i:
            following = starts.get(after + 1)
            if following is not None and following.root.pos_ != "PRON" and _clean(following):
                found.add((start, following.end))
    return sorted(found)


def _research_thing(span: Span) -> bool:
    """ "pathway simulation models", "linear mixed model": a tool or model of research or data work, which is no
    intervention (the head-noun rules leave these gaps on purpose) and no measure, setting or topic either."""
    from nlp.components.phrases import NON_CARE_MODIFIERS, load_heads  # here: nlp.components imports this module

    root = span.root
    if load_heads()["labels"].get(root.norm_) != "INTERVENTION":
        return False
    return any(t.lower_ in NON_CARE_MODIFIERS for t in span if t.i < root.i)


def _clean(span: Span) -> bool:
    """Prose, not layout: no line breaks, brackets, markup or stray symbols inside ("LGCP) models", "**")."""
    if any(t.is_space or (t.is_punct and t.text not in _JOINERS) for t in span):
        return False
    return not any("\n" in t.whitespace_ for t in span[:-1])


def features(doc: Doc, start: int, end: int) -> list[str]:
    """What the proposal model sees of one candidate."""
    span = doc[start:end]
    head = span.root
    sent = span.sent  # found token by token: ask once
    before = doc[start - 1] if start > sent.start else None
    after = doc[end] if end < sent.end else None
    out = [
        "bias",
        f"head={head.lemma_.lower()}",
        f"head.dep={head.dep_}",
        f"governor={head.head.lemma_.lower()}",
        f"governor.dep={head.head.dep_}",
        f"first={span[0].lemma_.lower()}",
        f"first.pos={span[0].pos_}",
        f"len={min(len(span), 5)}",
        f"before={before.lower_ if before is not None else '<s>'}",
        f"after={after.lower_ if after is not None else '</s>'}",
        f"capitalised={span[0].is_title and start != sent.start}",
        f"upper={span.text.isupper()}",
    ]
    if head.dep_ == "pobj":
        preposition = head.head
        out += [f"prep={preposition.lower_}", f"prep.governor={preposition.head.lemma_.lower()}"]
    out += [f"word={t.lemma_.lower()}" for t in span if not t.is_punct]
    linked = [t.lower_ for t in span if t.dep_ == "prep" and t.head.i == head.i]
    out += [f"linked={linked[0]}", f"head+linked={head.lemma_.lower()}+{linked[0]}"] if linked else ["linked=none"]
    return out


def labelled(label: str, feats: list[str]) -> list[str]:
    """The features as seen by one label's weights."""
    return [f"{label}|{f}" for f in feats]


def free_candidates(doc: Doc, ents: list[Span]) -> list[tuple[int, int]]:
    """Candidates that no existing entity overlaps: proposals only fill gaps."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    return [(s, e) for s, e in candidates(doc) if not taken.intersection(range(s, e))]
