"""A learned choice among a document's concepts: which of them a relation from the document itself should reach.

ADDRESSES (a project -> what it targets, nlp.addresses) and LEARNED (a lesson -> what it was about, nlp.lessons)
are both "which of the concepts this document names is it about?". Rules give a first answer; a linear model over
a few readable features per concept (where it is named, how often, whether the rules chose it, ...) makes the
choice. Each relation has its own features and weights; the candidates, the model and its file format are shared.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span

from nlp.normalise import term_key


@dataclass(frozen=True)
class Candidate:
    """One concept of the document: its label and every mention of it, in text order."""

    key: str
    label: str
    spans: tuple[Span, ...]
    chosen_by_rules: bool


def concept_key(span: Span) -> str:
    """Mentions of one concept share their vocabulary id; free phrases group by their normalised text."""
    return span.kb_id_ or f"{span.label_}:{term_key(span.text)}"


def candidates(ents: Iterable[Span], chosen_by_rules: Iterable[Span], labels: Iterable[str]) -> list[Candidate]:
    """The document's concepts of the given labels, with whether the rules chose each."""
    wanted = frozenset(labels)
    by_key: dict[str, list[Span]] = {}
    for span in ents:
        if span.label_ in wanted:
            by_key.setdefault(concept_key(span), []).append(span)
    chosen = {concept_key(s) for s in chosen_by_rules}
    return [Candidate(key, spans[0].label_, tuple(spans), key in chosen) for key, spans in by_key.items()]


def mention_features(candidate: Candidate) -> list[str]:
    """What the concept's first mention looks like (its length, head word and governing word), and the results
    reported on it when it is a measure."""
    first = candidate.spans[0]
    head = first.root.head
    out = [
        f"words={bucket(len(first), 4)}",
        f"head={first.root.lemma_.lower()}",
        f"governor={first.root.dep_}:{head.lemma_.lower() if head.pos_ in ('VERB', 'NOUN') else head.pos_}",
    ]
    return out + sorted({f"result={s._.polarity}" for s in candidate.spans if s.label_ == "OUTCOME"})


def bucket(value: int, top: int) -> str:
    """A count as a feature value: itself below top, else "top+"."""
    return str(value) if value < top else f"{top}+"


def with_label(label: str, plain: list[str]) -> list[str]:
    """The features, and each again conjoined with the label, since what matters differs per label."""
    return plain + [f"{label}|{f}" for f in plain]


@dataclass(frozen=True)
class ChoiceModel:
    """Weights of a linear scorer: a concept is chosen when its features score above zero."""

    weights: dict[str, float]
    trained_on: str

    @classmethod
    def load(cls, path: Path) -> ChoiceModel:
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
