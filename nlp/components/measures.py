"""Extents of OUTCOME measures after the vocabulary and the parse have proposed them.

The phrase rules find a measure's head and a tail, but NHS reports name many measures in ways those rules read
too short or too long:

- intervals: "time from referral to first appointment", "the wait from request to delivery" are one measure, not
  "time" and "referral to first appointment";
- time windows and moments that are part of what is counted: "readmissions within 30 days", "breastfeeding at
  discharge", "medication errors after discharge";
- the skill a confidence measure is about: "confidence in reading research";
- a second qualifier that says where or for whom, not what: "requests for evidence searches from community
  teams", "non-attendance in the clinics", "DNA rate for booked reviews";
- words that name no measure on their own ("time", "days", "risk", "referrals").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from nlp.components.phrases import RESULT_VERBS
from nlp.doc_view import token_indices

# Words that, followed by "from ... to ...", name the interval between two events.
_INTERVAL_HEADS = frozenset(
    {"time", "times", "wait", "waits", "waiting", "delay", "delays", "interval", "days", "hours", "minutes", "weeks"}
)
_TIME_UNITS = frozenset(
    {"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"}
)
# Moments of care that a measure is taken at ("score at discharge", "hypothermia on admission").
_CARE_MOMENTS = frozenset({"discharge", "admission", "birth", "transfer", "handover", "arrival", "diagnosis"})
# Events after or before which a measure is counted; project milestones ("after the launch") are not among them,
# since they date a result rather than define the measure.
_PROJECT_WORDS = frozenset(
    {
        "change",
        "changes",
        "project",
        "launch",
        "introduction",
        "intervention",
        "pilot",
        "start",
        "implementation",
        "training",
        "rollout",
        "programme",
        "campaign",
        "baseline",
        "year",
        "month",
        "week",
        "first",
    }
)
_DETERMINERS = frozenset({"the", "a", "an"})
# Determiners and quantifiers that open a "where / among whom" phrase ("in the trials", "in many countries").
_SCOPE_DETERMINERS = frozenset(
    {"the", "many", "most", "some", "all", "each", "every", "our", "their", "his", "her", "its", "this", "these"}
)
_POSSESSIVE_PRONOUNS = frozenset({"her", "his", "their", "our", "its", "my", "your"})
_SECOND_PREPS = frozenset({"from", "to", "in", "for", "on", "at", "among", "with", "across"})
_ALL_PREPS = _SECOND_PREPS | {"of", "per", "within", "about", "after", "before", "during", "by"}
_RATE_WORDS = frozenset({"rate", "rates"})
_WHEN_WORDS = frozenset({"end", "start", "beginning"})
# One-word OUTCOME spans that name no measure: a bare "time" or "risk" says nothing about what was counted.
_NOT_MEASURES = frozenset(
    {
        "time",
        "wait",
        "waits",
        "day",
        "days",
        "risk",
        "referral",
        "referrals",
        "thing",
        "findings",
        "conclusion",
        "gains",
        "saving",
        "practice",
        "policies",
        "length",
        "cost",
        "harm",
        "incident",
        "symptoms",
        "transfer",
        "fall",
        "death",
        "conveyance",
        "medicines",
    }
)
_MAX_MEASURE = 10
# Counts of things people raise, whose subject is part of what is counted: "complaints about communication".
_ABOUT_HEADS = frozenset({"complaint", "call", "report", "query", "concern", "question"})
# Participles after a measure that report its result ("length of stay dropped", the result verbs the phrase rules
# read) or compare, find or hold it ("scores compared with usual care") rather than say which of the things are
# counted ("doses given on time").
_RESULT_PARTICIPLES = RESULT_VERBS | frozenset(
    {
        "compare",
        "see",
        "report",
        "show",
        "find",
        "observe",
        "link",
        "associate",
        "cause",
        "attribute",
        "point",
        "cut",
        "remain",
        "stay",
        "keep",
        "hold",
    }
)
# Prepositions whose phrase after such a participle belongs to the measure ("escalated to the coding manager",
# "used per resident per day", "issued within two weeks", "interpreted by family members").
_PARTICIPLE_PREPS = frozenset({"to", "on", "within", "per", "at", "by", "for", "in"})


def refine_measures(doc: Doc, found: list[Span]) -> list[Span]:
    """The found spans with OUTCOME extents corrected and interval measures added."""
    spans = [_refine(doc, s) if s.label_ == "OUTCOME" else s for s in found]
    spans = [s for s in spans if s is not None]
    for interval in interval_measures(doc):
        # The interval wins over the parts the phrase rules read on their own ("time", "referral to ...").
        spans = [s for s in spans if not _overlaps(s, interval) or _inside(s, interval) and s.label_ != "OUTCOME"]
        spans.append(interval)
    return spans


def _refine(doc: Doc, span: Span) -> Span | None:
    if len(span) == 1 and span[0].lower_ in _NOT_MEASURES:
        return None
    end = _trimmed_end(span)
    end = _qualified_end(doc, end)
    if end - span.start > _MAX_MEASURE:
        return span
    if end == span.end:
        return span
    return Span(doc, span.start, end, label=span.label, kb_id=span.kb_id)


def interval_measures(doc: Doc) -> list[Span]:
    """ "time from referral to first appointment": a time word with a from-event and a to-event."""
    spans = []
    for i in token_indices(doc, "LOWER", _INTERVAL_HEADS):
        token = doc[i]
        if token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "from":
            continue
        if token.i and doc[token.i - 1].like_num:
            continue  # "six weeks from referral to ...": a value, not the measure
        to = _event_end(doc, token.i + 2, stop_at_to=True)
        if to is None or to >= len(doc) or doc[to].lower_ != "to":
            continue
        end = _event_end(doc, to + 1, stop_at_to=False)
        if end is None:
            continue
        start = _left_modifiers(doc, token)
        if end - start <= _MAX_MEASURE:
            spans.append(Span(doc, start, end, label="OUTCOME"))
    return spans


def _event_end(doc: Doc, i: int, stop_at_to: bool) -> int | None:
    """End of a short event phrase ("a raised reading", "medically fit", "decision to admit", "first appointment")."""
    if i < len(doc) and doc[i].lower_ in _DETERMINERS:
        i += 1
    start = i
    last_noun = None
    while i < len(doc) and i - start < 5:
        token = doc[i]
        if token.lower_ == "to" and stop_at_to:
            # "decision to admit to arrival": an infinitive belongs to the event when another "to" follows.
            if i + 2 < len(doc) and doc[i + 1].pos_ == "VERB" and doc[i + 2].lower_ == "to":
                i += 2
                last_noun = i
                continue
            break
        if token.ent_type_ in ("PERSON", "ORG", "GPE", "DATE", "CARDINAL", "PERCENT"):
            break
        if _event_word(token) or _misread_noun(doc, i, after_to=not stop_at_to and i == start):
            last_noun = i + 1
        elif not (_modifier_word(token) or token.text == "-" and not token.whitespace_):
            break
        i += 1
    if last_noun is None:
        return None
    if stop_at_to:
        return last_noun if last_noun < len(doc) and doc[last_noun].lower_ == "to" else None
    return last_noun


def _event_word(token: Token) -> bool:
    """A word that can end an event phrase: a noun, a gerund ("prescribing") or "fit" ("medically fit")."""
    return token.pos_ in ("NOUN", "PROPN") or token.tag_ == "VBG" or token.pos_ == "ADJ" and token.lower_ == "fit"


def _modifier_word(token: Token) -> bool:
    """An adjective, adverb or participle before an event's noun ("a raised reading", "medically optimised")."""
    return token.pos_ in ("ADJ", "ADV") or token.tag_ == "VBN" and token.dep_ == "amod"


def _misread_noun(doc: Doc, i: int, after_to: bool) -> bool:
    """ "time from X-ray to report fell": the tagger reads "to report" as an infinitive. A bare verb right after
    an interval's "to" that ends the phrase (a verb, a preposition or punctuation follows) is the event's noun."""
    if not after_to or doc[i].tag_ != "VB":
        return False
    return i + 1 >= len(doc) or doc[i + 1].pos_ in ("VERB", "AUX", "ADP", "PUNCT", "CCONJ")


def _left_modifiers(doc: Doc, head: Token) -> int:
    """Noun and adjective modifiers right before an interval's time word ("waiting time", "median time")."""
    start = head.i
    while start > 0 and head.i - start < 2:
        prev = doc[start - 1]
        if prev.pos_ not in ("NOUN", "ADJ") or prev.ent_type_ or prev.is_stop:
            break
        start -= 1
    return start


def _trimmed_end(span: Span) -> int:
    """Where a measure should end once a "where / for whom" phrase is left out."""
    preps = [t for t in span[1:] if t.lower_ in _ALL_PREPS and t.pos_ == "ADP"]
    for n, prep in enumerate(preps):
        nxt = span.doc[prep.i + 1] if prep.i + 1 < span.end else None
        if nxt is None:
            break
        if nxt.lower_ in _POSSESSIVE_PRONOUNS:
            return prep.i  # "unplanned admissions for her caseload": whose, not what
        if prep.lower_ == "in" and nxt.lower_ in _SCOPE_DETERMINERS:
            return prep.i  # "adherence in the trials", "death rates in many countries"
        if prep.lower_ == "for" and span.doc[prep.i - 1].lower_ in _RATE_WORDS:
            return prep.i  # "DNA rate for booked reviews": the rate is named by what it counts
        if prep.lower_ == "at" and prep.i + 2 < span.end and span.doc[prep.i + 2].lower_ in _WHEN_WORDS:
            return prep.i  # "quit rates at the end of pregnancy": when, not what
        if prep.lower_ == "during" and nxt.lower_ in _SCOPE_DETERMINERS:
            return prep.i  # "incidents during the project" says when they were counted; "during admission" stays
        if n and prep.lower_ in _SECOND_PREPS and preps[n - 1].lower_ not in ("within", "after", "before"):
            return prep.i  # "requests for evidence searches from community teams": a second qualifier says where
    return span.end


def _qualified_end(doc: Doc, end: int) -> int:
    """The end after a time window, a moment of care or a skill that belongs to the measure."""
    if end >= len(doc):
        return end
    prep = doc[end].lower_
    if prep in ("within", "at") and end + 2 < len(doc):
        # "readmissions within 30 days", "within two working days"; "at 12 months" is left out, since reports more
        # often give it as the time of a reading ("quality of life at six months") than as part of the measure.
        i = end + 1
        if doc[i].like_num:
            i += 1
            if i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].lower_ not in _TIME_UNITS:
                i += 1
            if i < len(doc) and doc[i].lower_ in _TIME_UNITS:
                return i + 1
    if prep in ("at", "on") and end + 1 < len(doc) and doc[end + 1].lower_ in _CARE_MOMENTS:
        return end + 2  # "Barthel score at discharge", "hypothermia on admission"
    if prep in ("after", "before"):
        return _event_after(doc, end)
    if prep == "in" and end + 1 < len(doc) and doc[end + 1].tag_ == "VBG" and doc[end - 1].lemma_ == "confidence":
        return _gerund_end(doc, end + 1)
    if prep == "about" and doc[end - 1].lemma_.lower() in _ABOUT_HEADS:
        return _noun_phrase_end(doc, end + 1, determiners=False) or end  # "complaints about communication"
    if _counting_participle(doc[end]):
        return _participle_end(doc, end)  # "doses given on time", "queries escalated to the coding manager"
    return end


def _counting_participle(token: Token) -> bool:
    """A participle on the measure that says which things are counted, not what happened to the measure."""
    return (
        token.tag_ == "VBN"
        and token.dep_ == "acl"
        and token.head.i < token.i
        and token.lemma_.lower() not in _RESULT_PARTICIPLES
    )


def _noun_phrase_end(doc: Doc, i: int, determiners: bool) -> int | None:
    """The end of a short noun phrase starting at i ("symptom control", "the coding manager"), or None."""
    if i < len(doc) and doc[i].lower_ in _DETERMINERS:
        if not determiners:
            return None  # "complaints about the medical wards": where, not what
        i += 1
    end = None
    j = i
    while j < len(doc) and j - i < 4:
        token = doc[j]
        if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("DATE", "ORG", "PERSON", "GPE"):
            end = j + 1
        elif not (token.pos_ in ("ADJ", "NUM") or token.text == "-" and not token.whitespace_):
            break
        j += 1
    return end


def _participle_end(doc: Doc, i: int) -> int:
    """ "Pads used per resident per day", "Nurse time spent on travel", "items dispensed fell": the participle that
    says which things are counted, with its prepositional phrases. Only a participle that closes the measure's
    phrase (a verb or such a phrase follows) counts: "a pain score built into the screen" names no measure."""
    if i + 1 < len(doc) and doc[i + 1].pos_ not in ("VERB", "AUX") and doc[i + 1].lower_ not in _PARTICIPLE_PREPS:
        return i
    end = i + 1
    while end + 1 < len(doc) and doc[end].lower_ in _PARTICIPLE_PREPS:
        phrase_end = _noun_phrase_end(doc, end + 1, determiners=True)
        if phrase_end is None:
            break
        end = phrase_end
    return end


def _event_after(doc: Doc, prep: int) -> int:
    """ "medication errors after discharge", "conveyances after a fall": the event that defines what is counted."""
    i = prep + 1
    if i < len(doc) and doc[i].lower_ in _DETERMINERS:
        i += 1
    j = i
    while j < len(doc) and j - i < 2 and doc[j].pos_ in ("NOUN", "PROPN") and not doc[j].ent_type_:
        j += 1
    if j == i or any(doc[k].lower_ in _PROJECT_WORDS for k in range(i, j)):
        return prep
    if j < len(doc) and doc[j].pos_ in ("NOUN", "PROPN"):
        return prep  # a longer phrase ("after link worker referral") is a comparison or a title, not an event
    return j


def _gerund_end(doc: Doc, i: int) -> int:
    """ "confidence in finding and using evidence", "confidence in setting up NIV": the skill up to its object."""
    end = i
    j = i
    while j < len(doc) and j - i < 6:
        token = doc[j]
        if token.tag_ == "VBG" or token.lower_ == "and" or token.dep_ == "prt":
            j += 1
        elif token.pos_ in ("NOUN", "PROPN"):
            j += 1
            end = j
            break
        else:
            break
    return end


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _inside(a: Span, b: Span) -> bool:
    return a.start >= b.start and a.end <= b.end
