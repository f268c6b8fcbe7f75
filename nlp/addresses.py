"""Which concepts a QI project addresses: a learned choice among the project's concept mentions.

The rules (nlp.components.relations) pick concepts named in the title or the aim and the measures that share
their words. Annotators pick the condition, topic and main outcome measures the project targets, which the
rules miss when a measure is named in the results only, and over-pick when a title word recurs in a side
measure. A linear model over a few readable features per concept (where it is first named, how often, whether
the rules chose it, whether a result is reported on it, the verb it hangs from) makes the choice; weights are a
small JSON file trained by `kmob train-review` on the annotated corpus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span

from nlp.doc_text import sentences
from nlp.normalise import term_key

ADDRESSED_LABELS = ("CONDITION", "TOPIC", "OUTCOME", "INTERVENTION")
_AIM = re.compile(r"\s*(aim|the aim|our aim|this project aimed|the project aimed|we aimed|objective)", re.I)
_MEASURE = re.compile(r"\b(measure[ds]?|outcome measures?|primary outcome|we tracked|we monitored)\b", re.I)
_STOP = frozenset({"of", "the", "a", "an", "to", "for", "in", "on", "and", "with", "per", "at", "by"})


@dataclass(frozen=True)
class Candidate:
    """One concept of the project: its label and every mention of it, in text order."""

    key: str
    label: str
    spans: tuple[Span, ...]
    chosen_by_rules: bool


@dataclass(frozen=True)
class ProjectContext:
    """What the features read about the whole project once."""

    title_words: frozenset[str]
    sentence_at: tuple[int, ...]  # token index -> the position of its sentence (Span.sent is slow to ask)
    aim_sentences: frozenset[int]  # positions of sentences that state the aim
    measure_sentences: frozenset[int]


def concept_key(span: Span) -> str:
    """Mentions of one concept share their vocabulary id; free phrases group by their normalised text."""
    return span.kb_id_ or f"{span.label_}:{term_key(span.text)}"


def candidates(ents: Iterable[Span], chosen_by_rules: Iterable[Span]) -> list[Candidate]:
    """The project's concepts of the addressed labels, with whether the rules chose each."""
    by_key: dict[str, list[Span]] = {}
    for span in ents:
        if span.label_ in ADDRESSED_LABELS:
            by_key.setdefault(concept_key(span), []).append(span)
    chosen = {concept_key(s) for s in chosen_by_rules}
    return [Candidate(key, spans[0].label_, tuple(spans), key in chosen) for key, spans in by_key.items()]


def project_context(doc: Doc, title: str) -> ProjectContext:
    """Title words and the positions of the aim and measure sentences."""
    sents = sentences(doc)
    return ProjectContext(
        title_words=frozenset(w for w in term_key(title).split() if w not in _STOP),
        sentence_at=tuple(i for i, s in enumerate(sents) for _ in range(s.start, s.end)),
        aim_sentences=frozenset(i for i, s in enumerate(sents) if _AIM.match(s.text)),
        measure_sentences=frozenset(i for i, s in enumerate(sents) if _MEASURE.search(s.text)),
    )


def _bucket(value: int, top: int) -> str:
    return str(value) if value < top else f"{top}+"


def features(candidate: Candidate, context: ProjectContext) -> list[str]:
    """Readable feature strings; each is also conjoined with the label, since what matters differs per label."""
    first = candidate.spans[0]
    positions = [context.sentence_at[s.start] for s in candidate.spans]
    words = {w for s in candidate.spans for w in term_key(s.text).split() if w not in _STOP}
    head = first.root.head
    plain = [
        "bias",
        f"rules={candidate.chosen_by_rules}",
        f"first_sentence={_bucket(min(positions), 4)}",
        f"mentions={_bucket(len(candidate.spans), 3)}",
        f"title_words={_bucket(len(words & context.title_words), 2)}",
        f"in_aim={any(p in context.aim_sentences for p in positions)}",
        f"in_measure_sentence={any(p in context.measure_sentences for p in positions)}",
        f"words={_bucket(len(first), 4)}",
        f"head={first.root.lemma_.lower()}",
        f"governor={first.root.dep_}:{head.lemma_.lower() if head.pos_ in ('VERB', 'NOUN') else head.pos_}",
    ]
    plain += sorted({f"result={s._.polarity}" for s in candidate.spans if s.label_ == "OUTCOME"})
    return plain + [f"{candidate.label}|{f}" for f in plain]


@dataclass(frozen=True)
class AddressesModel:
    """Weights of a linear scorer: a concept is addressed when its features score above zero."""

    weights: dict[str, float]
    trained_on: str

    @classmethod
    def load(cls, path: Path) -> AddressesModel:
        """Read a model written by save()."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(weights=data["weights"], trained_on=data["trained_on"])

    def save(self, path: Path) -> None:
        """Write the model as JSON with sorted features, so retraining gives a readable diff."""
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"trained_on": self.trained_on, "weights": dict(sorted(self.weights.items()))}
        path.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")

    def score(self, feature_strings: Iterable[str]) -> float:
        """The linear score of one candidate."""
        return sum(self.weights.get(f, 0.0) for f in feature_strings)


def choose(
    doc: Doc, title: str, ents: Iterable[Span], rule_targets: Iterable[Span], model: AddressesModel
) -> list[Span]:
    """The first mention of each concept the model says the project addresses."""
    context = project_context(doc, title)
    return [c.spans[0] for c in candidates(ents, rule_targets) if model.score(features(c, context)) > 0]
