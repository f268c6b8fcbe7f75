"""What a lesson was about (LEARNED): a learned choice among the lesson record's concepts (nlp.choice).

The rule (nlp.components.relations) takes every concept named in the title or in a paragraph headed like a lesson
("Lessons:", "What we learned"). Lesson records often state each lesson as the first sentence of its own paragraph
with no such heading, and name background conditions, places and the KM technique that captured the lesson
(after action review, lessons-learned log) in their first and last paragraphs. Annotators take what the lessons
are about. A linear model over where a concept is named (which paragraph, a paragraph's lead sentence, after a
lessons heading, the title), how often, its label and the word it hangs from makes the choice; weights are a small
JSON file trained by `kmob train-review` on the annotated corpus.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from nlp.choice import Candidate, ChoiceModel, bucket, candidates, mention_features, with_label
from nlp.doc_text import doc_text, sentences
from nlp.normalise import term_key

LEARNED_LABELS = ("CONDITION", "TOPIC", "OUTCOME", "INTERVENTION", "QI_METHOD", "KM_TECHNIQUE", "SETTING")
LESSON_HEADINGS = re.compile(
    r"^\s*(lessons?\b|what (we )?(learned|learnt|worked|did not work|didn't work|went well|"
    r"was harder|would|we would)|key lessons?|learning)",
    re.I | re.M,
)
_STOP = frozenset({"of", "the", "a", "an", "to", "for", "in", "on", "and", "with", "per", "at", "by"})
# How a lesson record says it was captured or shared ("wrote this record after an after action review", "added to
# the lessons-learned log"): the technique named there is how the lesson was recorded, seldom what it was about.
_RECORDING = re.compile(r"\b(captured|recorded|shared|added to|facilitated|wrote|written|through|after an?)\b", re.I)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def lesson_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of paragraphs headed like lessons ("What we learned:", "Lesson 2:")."""
    return [(start, end) for start, end, para in _paragraphs(text) if LESSON_HEADINGS.match(para)]


def _paragraphs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each non-blank line: lesson records put one paragraph on a line."""
    out = []
    start = 0
    for para in text.split("\n"):
        end = start + len(para)
        if para.strip():
            out.append((start, end, para))
        start = end + 1
    return out


@dataclass(frozen=True)
class LessonContext:
    """What the features read about the whole lesson record once."""

    title: str  # lower-cased
    title_words: frozenset[str]
    paragraph_count: int
    heading_paragraph: int | None  # the first paragraph headed like a lesson
    sentence_at: tuple[int, ...]  # token index -> the position of its sentence
    paragraph_of_sentence: tuple[int, ...]
    lead_sentences: frozenset[int]  # the first sentence of each paragraph, where a lesson is usually stated
    recording_sentences: frozenset[int]  # sentences that say how the lessons were captured or shared


def lesson_context(doc: Doc, title: str) -> LessonContext:
    """Paragraphs, their lead sentences and the title's words."""
    paragraphs = _paragraphs(doc_text(doc))
    starts = [start for start, _, _ in paragraphs]
    sents = sentences(doc)
    # A sentence belongs to the last paragraph starting at or before its first character.
    paragraph_of = tuple(max(bisect.bisect_right(starts, doc[s.start].idx) - 1, 0) for s in sents)
    lead = frozenset(i for i, p in enumerate(paragraph_of) if i == 0 or paragraph_of[i - 1] != p)
    heading = next((i for i, (_, _, para) in enumerate(paragraphs) if LESSON_HEADINGS.match(para)), None)
    return LessonContext(
        title=title.lower(),
        title_words=frozenset(w for w in term_key(title).split() if w not in _STOP),
        paragraph_count=max(len(paragraphs), 1),
        heading_paragraph=heading,
        sentence_at=tuple(i for i, s in enumerate(sents) for _ in range(s.start, s.end)),
        paragraph_of_sentence=paragraph_of,
        lead_sentences=lead,
        recording_sentences=frozenset(i for i, s in enumerate(sents) if _RECORDING.search(s.text)),
    )


def features(candidate: Candidate, context: LessonContext) -> list[str]:
    """Readable feature strings, plain and conjoined with the label."""
    sents = [context.sentence_at[s.start] for s in candidate.spans]
    paras = {context.paragraph_of_sentence[i] for i in sents}
    last = context.paragraph_count - 1
    words = {w for s in candidate.spans for w in term_key(s.text).split() if w not in _STOP}
    heading = context.heading_paragraph
    leads = [s for s, i in zip(candidate.spans, sents, strict=True) if i in context.lead_sentences]
    plain = [
        "bias",
        f"rules={candidate.chosen_by_rules}",
        f"in_title={any(s.text.lower() in context.title for s in candidate.spans)}",
        f"title_words={bucket(len(words & context.title_words), 2)}",
        f"mentions={bucket(len(candidate.spans), 3)}",
        # How often for the record's length: a short record names its subject once or twice, a long one more.
        f"mentions_per_200_words={bucket(len(candidate.spans) * 200 // max(len(context.sentence_at), 1), 4)}",
        f"paragraphs={bucket(len(paras), 3)}",
        f"first_paragraph={0 in paras}",
        f"only_first_paragraph={paras == {0}}",
        f"last_paragraph={last in paras}",
        f"only_last_paragraph={paras == {last}}",
        f"paragraph_from_start={bucket(min(paras), 3)}",
        f"paragraph_from_end={bucket(last - max(paras), 2)}",
        f"has_heading={heading is not None}",
        f"after_heading={heading is not None and max(paras) >= heading}",
        f"lead_sentence={bool(leads)}",
        f"lead_subject={any(s.root.dep_ in _SUBJECTS for s in leads)}",
        f"recording_sentence={any(i in context.recording_sentences for i in sents)}",
        *mention_features(candidate),
    ]
    return with_label(candidate.label, plain)


def featurized(
    doc: Doc, title: str, ents: Iterable[Span], rule_targets: Iterable[Span]
) -> list[tuple[Candidate, list[str]]]:
    """The lesson's concepts of the learned labels, each with its features."""
    context = lesson_context(doc, title)
    return [(c, features(c, context)) for c in candidates(ents, rule_targets, LEARNED_LABELS)]


def choose(doc: Doc, title: str, ents: Iterable[Span], rule_targets: Iterable[Span], model: ChoiceModel) -> list[Span]:
    """One mention of each concept the model says the lesson was about: the first outside the opening paragraph,
    whose sentence says more about the lesson than the background does, else the first."""
    context = lesson_context(doc, title)
    chosen = []
    for candidate in candidates(ents, rule_targets, LEARNED_LABELS):
        if model.score(features(candidate, context)) > 0:
            later = [s for s in candidate.spans if context.paragraph_of_sentence[context.sentence_at[s.start]] > 0]
            chosen.append((later or candidate.spans)[0])
    return chosen
