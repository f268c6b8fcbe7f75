"""The words before a result verb with a figure name a measure: "[[allergy assessment within 72 hours]] climbed from
6% to 58%", "[[Rebleeding within 30 days]] did not change".

This is how QI write-ups report results, and the sentence form says what the words are even where the small parser
does not: it often reads such a subject as a verb ("Rebleeding"), attaches its time window elsewhere, or leaves only a
treatment named inside it ("uptake of [[cardiac rehabilitation]]"). So the phrase is read from the surface: the run of
noun-phrase words that ends at the verb and starts at a clean break (the sentence's start, a comma, "and", a date
such as "Over eight months"), trimmed as the annotation guide trims measures (tests/data/eval/README.md, "Boundaries":
"proportion of", statistic words, the population measured and a possessor stay out).

It only adds: a measure the other rules found keeps their extent, and a phrase that is exactly a concept they named
("the ward averaged 41% occupancy", "exercise did not reduce falls") is that concept, not a measure. Concepts inside
a new measure ("uptake of cardiac rehabilitation") give way to it, as the guide has the measure as written.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from nlp.components.phrases import GROUPS

# Past and present forms that report where a measure went or stayed, as a verb with a figure after it.
_RESULT_FORMS = frozenset(
    {
        "rose",
        "fell",
        "climbed",
        "dropped",
        "increased",
        "decreased",
        "declined",
        "reached",
        "improved",
        "averaged",
        "doubled",
        "halved",
        "trebled",
        "tripled",
        "stayed",
        "remained",
        "slid",
        "slipped",
        "drifted",
        "crept",
        "grew",
        "shrank",
        "dipped",
        "plateaued",
        "stood",
        "settled",
        "recovered",
        "returned",
        "went",
        "rises",
        "falls",
    }
)
# "did not change", "has not improved": a result without a figure.
_NEGATED_AUXILIARIES = frozenset({"did", "does", "has", "have"})
_NEGATED_CHANGES = frozenset({"change", "improve", "fall", "rise", "move", "increase", "decrease", "differ", "reduce"})
# Words that open the object of a verb: after them the subject is a cause ("reminders increased questionnaire
# return", "exercise did not reduce falls"), not a measure.
_OBJECT_POS = frozenset({"NOUN", "PROPN", "DET", "ADJ", "PRON"})
_FIGURE_WORDS = frozenset({"half", "zero", "nil"})
_FIGURE_WINDOW = 7  # tokens after the verb in which the figure must come
# Prepositions that continue a measure phrase leftwards ("time on the drug round", "readmissions within 30 days").
_INNER_PREPOSITIONS = frozenset(
    {
        "of",
        "for",
        "with",
        "within",
        "at",
        "before",
        "after",
        "in",
        "on",
        "to",
        "among",
        "by",
        "from",
        "per",
        "about",
        "into",
        "without",
    }
)
_INNER_DETERMINERS = frozenset({"the", "a", "an", "their", "its", "his", "her", "our"})
# A date inside a measure is its time window only after one of these ("within 30 days"); otherwise it dates the
# result ("Over eight months uptake ...") and ends the phrase.
_WINDOW_OPENERS = frozenset({"within", "before", "after", "at", "by", "of", "per", "in", "on"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
# Entities a measure phrase never runs through.
_STOP_LABELS = frozenset({"PERSON", "ORG", "QI_METHOD", "KM_TECHNIQUE", "GPE", "MONEY", "PERCENT", "CARDINAL"})
_CONCEPT_LABELS = frozenset({"OUTCOME", "INTERVENTION", "CONDITION", "TOPIC", "SETTING"})
# Left-edge words the guide leaves out of a measure.
_EDGE_POS = frozenset({"DET", "ADP", "CCONJ", "PART", "NUM"})
_SHARE_WORDS = frozenset({"proportion", "proportions", "share", "number", "numbers", "percentage", "of"})
_STATISTIC_WORDS = frozenset({"median", "mean", "average"})
# The groups the phrase rules know, and a few more that measures count.
_POPULATIONS = GROUPS | {"babies", "adults", "mothers", "participants"}
# One word that points back to a measure named before ("the figure drifted back") or names a thing, not a measure.
_NO_MEASURE_WORDS = frozenset(
    {
        "figure",
        "figures",
        "rate",
        "rates",
        "proportion",
        "difference",
        "number",
        "share",
        "gap",
        "total",
        "score",
        "scores",
        "result",
        "results",
        "change",
        "changes",
        "team",
        "service",
        "study",
        "campaign",
        "network",
        "wards",
        "meetings",
    }
)
_MAX_WORDS = 10


def _result_verb(doc: Doc, i: int) -> bool:
    """Whether token i is a result verb whose subject is a measure: "rose from", "reached 64%", "did not change"."""
    token = doc[i]
    following = doc[i + 1] if i + 1 < len(doc) else None
    if token.lower_ in _RESULT_FORMS and token.tag_ in ("VBD", "VBZ", "VBN", "VBP"):
        if following is None or following.pos_ in _OBJECT_POS:
            return False
        if token.lower_ == "went" and following.lower_ not in ("up", "down", "from", "back"):
            return False  # "went live", "went through five drafts"
        if token.lower_ == "reached" and not any(t.text == "%" for t in doc[i + 1 : i + 5]):
            return False  # "reached three wards"
        return _figure_follows(doc, i + 1, token.sent.end)
    if token.lower_ in _NEGATED_AUXILIARIES and i + 2 < len(doc):
        if doc[i + 1].lower_ not in ("not", "n't") or doc[i + 2].lemma_ not in _NEGATED_CHANGES:
            return False
        return not (i + 3 < len(doc) and doc[i + 3].pos_ in _OBJECT_POS)
    return False


def _figure_follows(doc: Doc, start: int, sentence_end: int) -> bool:
    """A number, a percentage or a figure word soon after the verb, before the clause ends."""
    for token in doc[start : min(sentence_end, start + _FIGURE_WINDOW)]:
        if token.like_num or token.text == "%" or token.lower_ in _FIGURE_WORDS:
            return True
        if token.text in (".", ";"):
            return False
    return False


def _phrase_start(doc: Doc, verb: int, owner: dict[int, Span]) -> int | None:
    """Where the noun-phrase words before the verb begin, or None when they do not start at a clean break."""
    sentence_start = doc[verb].sent.start
    start = verb
    j = verb - 1
    while j >= sentence_start:
        word, entity = doc[j], owner.get(j)
        if entity is not None and entity.label_ in _TIME_LABELS:
            if entity.start - 1 >= sentence_start and doc[entity.start - 1].lower_ in _WINDOW_OPENERS:
                start = entity.start
                j = entity.start - 1
                continue
            break
        if entity is not None and entity.label_ in _STOP_LABELS:
            break
        if entity is not None and entity.label_ in _CONCEPT_LABELS:
            start = j  # a concept's words are phrase words, whatever the parser calls them ("wound review")
            j -= 1
            continue
        # "requests closed on the same day": the parser reads a reduced relative clause as a main verb.
        reduced_relative = word.tag_ == "VBD" and j - 1 >= sentence_start and doc[j - 1].pos_ in ("NOUN", "PROPN")
        if not (
            word.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "PART")
            or word.tag_ in ("VBN", "VBG", "HYPH", "POS")
            or reduced_relative
            or word.pos_ == "ADP"
            and word.lower_ in _INNER_PREPOSITIONS
            or word.lower_ in _INNER_DETERMINERS
            or word.text == "-"
        ):
            break
        start = j
        j -= 1
    before = doc[start - 1] if start - 1 >= sentence_start else None
    clean = (
        before is None
        or before.is_punct
        or before.pos_ == "CCONJ"
        or before.i in owner
        and owner[before.i].label_ in _TIME_LABELS
    )
    return start if clean else None


def _trimmed_start(doc: Doc, start: int, verb: int) -> int | None:
    """The phrase's start once the words the guide leaves out of a measure are dropped; None when the phrase is a
    population with a qualifier ("patients with venous leg ulcers starting ..."), which this reading cannot cut."""
    while start < verb and (doc[start].pos_ in _EDGE_POS or doc[start].tag_ == "POS" or doc[start].text == "-"):
        start += 1
    while start < verb - 1 and doc[start].lower_ in _SHARE_WORDS:
        start += 1
    while start < verb - 1 and doc[start].lower_ in _STATISTIC_WORDS:
        start += 1
    # The population measured stays out: "(the proportion of) patients reviewed within 72 hours".
    k = start
    while k < verb - 1 and doc[k].pos_ == "ADJ":
        k += 1
    if k < verb - 1 and doc[k].lower_ in _POPULATIONS:
        following = doc[k + 1]
        if following.lower_ == "with":
            return None
        if following.tag_ in ("VBN", "VBG", "VBD"):
            start = k + 1
        elif following.lower_ in ("who", "that"):
            start = k + 2
            if start < verb - 1 and doc[start].lower_ in ("have", "has", "had"):
                start += 1
    # A possessor stays out: "Nurses' time on the drug round".
    for k in range(start, min(verb, start + 4)):
        if doc[k].tag_ == "POS" and k + 1 < verb:
            return k + 1
    return start


def _names_a_measure(span: Span) -> bool:
    """Whether the trimmed phrase can be a measure: not too long, not one word that points back or names a thing,
    and ending in a noun or a participle ("Local audits registered")."""
    if len(span) > _MAX_WORDS or len(span) == 1 and span[0].lower_ in _NO_MEASURE_WORDS:
        return False
    last: Token = span[-1]
    if last.pos_ not in ("NOUN", "PROPN", "NUM") and last.tag_ not in ("VBN", "VBG"):
        return False
    return any(t.pos_ in ("NOUN", "PROPN") or t.tag_ == "VBG" for t in span)


def figure_measures(doc: Doc, ents: list[Span]) -> list[Span]:
    """The measures named before result verbs in the document, read against the entities found so far."""
    owner = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    found = []
    for verb in range(1, len(doc)):
        if not _result_verb(doc, verb):
            continue
        start = _phrase_start(doc, verb, owner)
        if start is not None:
            start = _trimmed_start(doc, start, verb)
        if start is None or start >= verb or not _names_a_measure(doc[start:verb]):
            continue
        inside = {id(owner[i]): owner[i] for i in range(start, verb) if i in owner}.values()
        # Only concepts (which give way to the measure, even where they cross its edge) and the measure's own time
        # window may be inside it: a name, method or role ("Home visits by the community matron") keeps it out.
        if any(e.label_ not in _CONCEPT_LABELS and not (e.label_ in _TIME_LABELS and e.start >= start) for e in inside):
            continue
        found.append(doc[start:verb])
    return found


def with_figure_measures(doc: Doc, ents: list[Span]) -> list[Span]:
    """The entities with the document's figure measures added as OUTCOME, where no measure is already named."""
    out = list(ents)
    for span in figure_measures(doc, ents):
        if any(e.label_ == "OUTCOME" and e.start < span.end and span.start < e.end for e in out):
            continue
        if any(e.label_ in _CONCEPT_LABELS and e.start == span.start and e.end == span.end for e in out):
            continue  # "the ward averaged 41% occupancy": a concept already named is the subject, not a measure
        # What overlaps it now is only concepts and its time window (figure_measures), which it takes in.
        out = [e for e in out if not (e.start < span.end and span.start < e.end)]
        out.append(Span(doc, span.start, span.end, label="OUTCOME"))
    return sorted(out, key=lambda s: s.start)
