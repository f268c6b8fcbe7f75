"""Which concepts a QI project addresses: a learned choice among the project's concept mentions (nlp.choice).

The rules (nlp.components.relations) pick concepts named in the title or the aim and the measures that share
their words. Annotators pick the condition, topic and main outcome measures the project targets, which the
rules miss when a measure is named in the results only, and over-pick when a title word recurs in a side
measure. A linear model over a few readable features per concept (where it is first named, how often, whether
the rules chose it, whether a result is reported on it, the verb it hangs from) makes the choice; weights are a
small JSON file trained by `kmob train-review` on the annotated corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from nlp.choice import Candidate, ChoiceModel, bucket, candidates, mention_features, with_label
from nlp.doc_text import sentences
from nlp.normalise import term_key

ADDRESSED_LABELS = ("CONDITION", "TOPIC", "OUTCOME", "INTERVENTION")
_AIM = re.compile(r"\s*(aim|the aim|our aim|this project aimed|the project aimed|we aimed|objective)", re.I)
_MEASURE = re.compile(r"\b(measure[ds]?|outcome measures?|primary outcome|we tracked|we monitored)\b", re.I)
_STOP = frozenset({"of", "the", "a", "an", "to", "for", "in", "on", "and", "with", "per", "at", "by"})


@dataclass(frozen=True)
class ProjectContext:
    """What the features read about the whole project once."""

    title_words: frozenset[str]
    sentence_at: tuple[int, ...]  # token index -> the position of its sentence (Span.sent is slow to ask)
    aim_sentences: frozenset[int]  # positions of sentences that state the aim
    measure_sentences: frozenset[int]


def project_context(doc: Doc, title: str) -> ProjectContext:
    """Title words and the positions of the aim and measure sentences."""
    sents = sentences(doc)
    return ProjectContext(
        title_words=frozenset(w for w in term_key(title).split() if w not in _STOP),
        sentence_at=tuple(i for i, s in enumerate(sents) for _ in range(s.start, s.end)),
        aim_sentences=frozenset(i for i, s in enumerate(sents) if _AIM.match(s.text)),
        measure_sentences=frozenset(i for i, s in enumerate(sents) if _MEASURE.search(s.text)),
    )


def features(candidate: Candidate, context: ProjectContext) -> list[str]:
    """Readable feature strings, plain and conjoined with the label."""
    positions = [context.sentence_at[s.start] for s in candidate.spans]
    words = {w for s in candidate.spans for w in term_key(s.text).split() if w not in _STOP}
    plain = [
        "bias",
        f"rules={candidate.chosen_by_rules}",
        f"first_sentence={bucket(min(positions), 4)}",
        f"mentions={bucket(len(candidate.spans), 3)}",
        f"title_words={bucket(len(words & context.title_words), 2)}",
        f"in_aim={any(p in context.aim_sentences for p in positions)}",
        f"in_measure_sentence={any(p in context.measure_sentences for p in positions)}",
        *mention_features(candidate),
    ]
    return with_label(candidate.label, plain)


def featurized(
    doc: Doc, title: str, ents: Iterable[Span], rule_targets: Iterable[Span]
) -> list[tuple[Candidate, list[str]]]:
    """The project's concepts of the addressed labels, each with its features."""
    context = project_context(doc, title)
    return [(c, features(c, context)) for c in candidates(ents, rule_targets, ADDRESSED_LABELS)]


def choose(doc: Doc, title: str, ents: Iterable[Span], rule_targets: Iterable[Span], model: ChoiceModel) -> list[Span]:
    """The first mention of each concept the model says the project addresses."""
    return [c.spans[0] for c, f in featurized(doc, title, ents, rule_targets) if model.score(f) > 0]
